import { useEffect, useId, useState } from 'react';
import { type CompactResult, compactStoredHistory } from '@/lib/db/compact';
import { type Settings, updateSettings } from '@/lib/settings';
import type { T } from './labels';

type Status =
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'compacted'; result: CompactResult }
  | { kind: 'error'; message: string }
  | undefined;

const MIN = 7;
const MAX = 3650;

/** The retention setting and "Compact now", which merges with the setting as saved. */
export function RetentionPanel({ t, settings }: { t: T; settings: Settings }) {
  const saved = settings.history.fullResolutionDays;
  const [text, setText] = useState(String(saved));
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  useEffect(() => setText(String(saved)), [saved]);

  const save = async () => {
    const days = Number(text);
    if (text.trim() === '' || !Number.isInteger(days) || days < MIN || days > MAX) {
      setStatus({ kind: 'invalid' });
      return;
    }
    try {
      await updateSettings((current) => ({ ...current, history: { ...current.history, fullResolutionDays: days } }));
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const compact = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      setStatus({ kind: 'compacted', result: await compactStoredHistory() });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="retention-heading">
      <h3 id="retention-heading">{t('history.retention.heading')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('history.retention.label')}</label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={MIN}
            max={MAX}
            step={1}
            value={text}
            aria-describedby={hintId}
            aria-invalid={status?.kind === 'invalid' || undefined}
            onChange={(event) => {
              setText(event.target.value);
              setStatus(undefined);
            }}
          />
          <p id={hintId} className="hint">
            {t('history.retention.hint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit">{t('history.retention.save')}</button>
          <button type="button" onClick={() => void compact()} disabled={busy}>
            {t('history.retention.compact')}
          </button>
          <span role="status" aria-live="polite">
            {busy && t('history.busy')}
            {status?.kind === 'saved' && t('history.retention.saved')}
            {status?.kind === 'compacted' &&
              t('history.retention.compacted', {
                count: status.result.merged,
                skus: t('history.count.skus', { count: status.result.skus }),
              })}
          </span>
        </div>
      </form>
      {status?.kind === 'invalid' && (
        <p className="notice notice-error" role="alert">
          {t('history.retention.invalid')}
        </p>
      )}
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('error.generic', { message: status.message })}
        </p>
      )}
    </section>
  );
}
