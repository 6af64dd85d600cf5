import { type DragEvent, useId, useRef, useState } from 'react';
import type { T } from '../labels';

interface Props {
  t: T;
  disabled: boolean;
  onFile: (file: File) => void;
}

/**
 * The file picker inside a drop zone. The input is the way in for the keyboard and screen readers;
 * dropping a file on the box is the same choice for the mouse.
 */
export function FileDrop({ t, disabled, onFile }: Props) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [tooMany, setTooMany] = useState(0);

  const take = (files: FileList | null | undefined) => {
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      setTooMany(files.length);
      return;
    }
    setTooMany(0);
    onFile(files[0] as File);
    // The same file chosen again must still fire a change.
    if (input.current) input.current.value = '';
  };

  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files);
  };

  return (
    // A group, not a control: dropping is the mouse's shortcut to the file input inside it. The
    // group has a name of its own, so the input's label names the input alone.
    <fieldset
      className={`import-drop${over ? ' import-drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(!disabled);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <legend className="visually-hidden">{t('import.file.group')}</legend>
      <div className="field">
        <label htmlFor={inputId}>{t('import.file.label')}</label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept=".txt,.csv,.tsv,text/plain,text/csv,text/tab-separated-values"
          aria-describedby={hintId}
          disabled={disabled}
          onChange={(event) => take(event.target.files)}
        />
      </div>
      <p id={hintId} className="hint">
        {over ? t('import.file.dropHere') : t('import.file.hint')}
      </p>
      {tooMany > 0 && (
        <p className="notice notice-error" role="alert">
          {t('import.file.oneAtATime', { count: tooMany })}
        </p>
      )}
    </fieldset>
  );
}
