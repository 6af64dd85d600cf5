import { useId, useState } from 'react';
import type { ExplainedNote } from '@/lib/db/schema';
import type { T } from '../labels';

interface Props {
  t: T;
  sku: string;
  explained: ExplainedNote | undefined;
  onSave: (note: string | null) => Promise<void>;
}

/** One difference's investigation: open, or explained with the seller's note (and reopened). */
export function ExplainCell({ t, sku, explained, onSave }: Props) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (value: string | null) => {
    setBusy(true);
    onSave(value).then(
      () => {
        setBusy(false);
        setEditing(false);
        setError(null);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  if (editing) {
    return (
      <form
        className="sync-explain"
        onSubmit={(e) => {
          e.preventDefault();
          run(note.trim());
        }}
      >
        <label htmlFor={`${id}-note`} className="visually-hidden">
          {t('syncUi.result.noteFor', { sku })}
        </label>
        <input
          id={`${id}-note`}
          type="text"
          value={note}
          maxLength={500}
          // biome-ignore lint/a11y/noAutofocus: the seller just asked to write this note
          autoFocus
          onChange={(e) => setNote(e.currentTarget.value)}
        />{' '}
        <button type="submit" disabled={busy}>
          {t('syncUi.result.save')}
        </button>{' '}
        <button type="button" onClick={() => setEditing(false)}>
          {t('syncUi.result.cancel')}
        </button>
        {error && <span role="alert">{error}</span>}
      </form>
    );
  }
  if (explained) {
    return (
      <span data-explained="true">
        {t('syncUi.result.explainedNote', { note: explained.note })}{' '}
        <button
          type="button"
          disabled={busy}
          aria-label={t('syncUi.result.reopenFor', { sku })}
          onClick={() => run(null)}
        >
          {t('syncUi.result.reopen')}
        </button>
        {error && <span role="alert">{error}</span>}
      </span>
    );
  }
  return (
    <span data-explained="false">
      {t('syncUi.result.open')}{' '}
      <button
        type="button"
        aria-label={t('syncUi.result.explainFor', { sku })}
        onClick={() => {
          setNote('');
          setEditing(true);
        }}
      >
        {t('sync.reconcile.explain')}
      </button>
    </span>
  );
}
