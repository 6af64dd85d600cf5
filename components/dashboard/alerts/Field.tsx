import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field and read with it (the default that applies when it is empty). */
  hint?: string;
  type?: 'text' | 'date' | 'numeric' | 'decimal';
  invalid?: boolean;
}

/** A labelled text field; numbers are typed as text and parsed on save, so nothing half-typed becomes 0. */
export function Field({ label, value, onChange, hint, type = 'text', invalid }: Props) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type === 'date' ? 'date' : 'text'}
        inputMode={type === 'numeric' ? 'numeric' : type === 'decimal' ? 'decimal' : undefined}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
