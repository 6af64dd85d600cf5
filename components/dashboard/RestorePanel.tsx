import { useId, useRef, useState } from 'react';
import { type Backup, type BackupCounts, parseBackup, type RestoreProblem, restoreBackup } from '@/lib/db/backup';
import { store } from '@/lib/db/open';
import { formatDateTime, type Language } from '@/lib/i18n';
import { parseSettings, saveSettings } from '@/lib/settings';
import type { T } from './labels';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'problem'; text: string }
  | {
      kind: 'ready';
      file: string;
      backup: Backup;
      counts: BackupCounts;
      current: BackupCounts;
      /** Settings paths in the file that are invalid and would fall back to defaults. */
      settingsProblems: string[];
    }
  | { kind: 'restoring' }
  | { kind: 'done'; counts: BackupCounts }
  | { kind: 'failed'; message: string };

function problemText(problem: RestoreProblem, file: string, t: T): string {
  switch (problem.code) {
    case 'not-json':
      return t('history.restore.problem.notJson', { file, message: problem.message });
    case 'not-a-backup':
      return t('history.restore.problem.notBackup', { file });
    case 'newer-version':
      return t('history.restore.problem.newer', { file, version: String(problem.dbVersion) });
    case 'invalid':
      return t('history.restore.problem.invalid', { file, path: problem.path || '(file)', message: problem.message });
  }
}

async function currentCounts(): Promise<BackupCounts> {
  const db = await store();
  const [skus, observations, changes] = await Promise.all([
    db.count('skus'),
    db.count('observations'),
    db.count('changes'),
  ]);
  return { skus, observations, changes };
}

function countsText(counts: BackupCounts, t: T) {
  return {
    skus: t('history.count.skus', { count: counts.skus }),
    observations: t('history.count.observations', { count: counts.observations }),
    changes: t('history.count.changes', { count: counts.changes }),
  };
}

/**
 * Restore from a backup file: the whole file is checked first and what it holds is shown for
 * confirmation; a bad file is refused with the reason, and nothing is written until the seller confirms.
 */
export function RestorePanel({ t, lang }: { t: T; lang: Language }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'reading' });
    try {
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) {
        setState({ kind: 'problem', text: problemText(parsed.problem, file.name, t) });
        return;
      }
      const raw = parsed.backup.settings;
      const settingsProblems = raw === null || raw === undefined ? [] : parseSettings(raw).problems;
      setState({
        kind: 'ready',
        file: file.name,
        backup: parsed.backup,
        counts: parsed.counts,
        current: await currentCounts(),
        settingsProblems,
      });
    } catch (error) {
      setState({
        kind: 'problem',
        text: t('error.generic', { message: error instanceof Error ? error.message : String(error) }),
      });
    }
  };

  const reset = () => {
    setState({ kind: 'idle' });
    if (input.current) input.current.value = '';
  };

  const restore = async (backup: Backup, counts: BackupCounts) => {
    setState({ kind: 'restoring' });
    try {
      await restoreBackup(await store(), backup);
      if (backup.settings !== null && backup.settings !== undefined) {
        await saveSettings(parseSettings(backup.settings).settings);
      }
      setState({ kind: 'done', counts });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="panel" aria-labelledby="restore-heading">
      <h3 id="restore-heading">{t('history.restore.heading')}</h3>
      <div className="field">
        <label htmlFor={inputId}>{t('history.restore.label')}</label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept="application/json,.json"
          disabled={state.kind === 'restoring'}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      <div role="status" aria-live="polite">
        {(state.kind === 'reading' || state.kind === 'restoring') && <p>{t('history.busy')}</p>}
        {state.kind === 'done' && (
          <p className="notice notice-ok">{t('history.restore.done', countsText(state.counts, t))}</p>
        )}
      </div>
      {state.kind === 'problem' && (
        <p className="notice notice-error" role="alert">
          {state.text}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="notice notice-error" role="alert">
          {t('history.restore.failed', { message: state.message })}
        </p>
      )}
      {state.kind === 'ready' && (
        <div className="restore-preview notice">
          <p>
            {t('history.restore.preview', {
              file: state.file,
              date: formatDateTime(state.backup.exportedAt, lang),
              ...countsText(state.counts, t),
            })}
          </p>
          <p>{t('history.restore.replaces', countsText(state.current, t))}</p>
          <p>
            {state.backup.settings === null || state.backup.settings === undefined
              ? t('history.restore.withoutSettings')
              : t('history.restore.withSettings')}
          </p>
          {state.settingsProblems.length > 0 && (
            <p>{t('history.restore.settingsProblems', { fields: state.settingsProblems.join(', ') })}</p>
          )}
          <div className="actions">
            <button type="button" onClick={reset}>
              {t('history.cancel')}
            </button>
            <button type="button" className="danger-button" onClick={() => void restore(state.backup, state.counts)}>
              {t('history.restore.confirm')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
