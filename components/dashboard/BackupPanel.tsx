import { useState } from 'react';
import { exportBackup } from '@/lib/db/backup';
import { store } from '@/lib/db/open';
import { loadSettings } from '@/lib/settings';
import { datedName, saveFile } from './files';
import type { T } from './labels';

type Status =
  | { kind: 'done'; file: string; skus: number; observations: number; changes: number }
  | { kind: 'error'; message: string }
  | undefined;

/** "Export backup": every record and the settings in one JSON file. */
export function BackupPanel({ t }: { t: T }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();

  const run = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      const { settings } = await loadSettings();
      const { parts, counts } = await exportBackup(await store(), settings, Date.now());
      const file = datedName('shelfwise-backup', 'json');
      saveFile(parts, 'application/json', file);
      setStatus({ kind: 'done', file, ...counts });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="backup-heading">
      <h3 id="backup-heading">{t('history.backup.heading')}</h3>
      <p>{t('history.backup.body')}</p>
      <div className="actions">
        <button type="button" className="primary-button" onClick={() => void run()} disabled={busy}>
          {t('history.backup.export')}
        </button>
        <span role="status" aria-live="polite">
          {busy && t('history.busy')}
          {status?.kind === 'done' &&
            t('history.backup.exported', {
              file: status.file,
              skus: t('history.count.skus', { count: status.skus }),
              observations: t('history.count.observations', { count: status.observations }),
              changes: t('history.count.changes', { count: status.changes }),
            })}
        </span>
      </div>
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('error.generic', { message: status.message })}
        </p>
      )}
    </section>
  );
}
