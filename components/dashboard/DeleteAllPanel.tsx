import { useState } from 'react';
import { deleteAllRecords } from '@/lib/db/backup';
import { store } from '@/lib/db/open';
import { marketplaceSummaries } from '@/lib/history/overview';
import type { Language } from '@/lib/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { listOf, type T } from './labels';

interface Stored {
  skus: number;
  observations: number;
  changes: number;
  /** "Acme US", "Acme UK": what the seller will lose, by name. */
  marketplaces: string[];
}

async function stored(): Promise<Stored> {
  const db = await store();
  const [skus, observations, changes, summaries] = await Promise.all([
    db.count('skus'),
    db.count('observations'),
    db.count('changes'),
    marketplaceSummaries(db, Date.now()),
  ]);
  return { skus, observations, changes, marketplaces: summaries.map((s) => `${s.account} ${s.marketplace}`) };
}

type Status = { kind: 'done' } | { kind: 'error'; message: string } | undefined;

/** "Delete all data", behind a dialog that says exactly what goes. Settings stay. */
export function DeleteAllPanel({ t, lang }: { t: T; lang: Language }) {
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<Stored>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();

  const ask = async () => {
    setStatus(undefined);
    try {
      setWhat(await stored());
      setOpen(true);
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const confirm = async () => {
    setBusy(true);
    try {
      await deleteAllRecords(await store());
      setStatus({ kind: 'done' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  const empty = !what || what.skus + what.observations + what.changes === 0;
  return (
    <section className="panel" aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t('history.delete.heading')}</h3>
      <p>{t('history.delete.body')}</p>
      <div className="actions">
        <button type="button" className="danger-button" onClick={() => void ask()}>
          {t('history.delete.open')}
        </button>
        <span role="status" aria-live="polite">
          {status?.kind === 'done' && t('history.delete.done')}
        </span>
      </div>
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('error.generic', { message: status.message })}
        </p>
      )}
      <ConfirmDialog
        open={open}
        title={t('history.delete.title')}
        cancelLabel={t('history.cancel')}
        {...(empty ? {} : { confirmLabel: t('history.delete.confirm') })}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>
          {!what || empty
            ? t('history.delete.nothing')
            : t('history.delete.what', {
                skus: t('history.count.skus', { count: what.skus }),
                observations: t('history.count.observations', { count: what.observations }),
                changes: t('history.count.changes', { count: what.changes }),
                marketplaces: listOf(what.marketplaces, lang),
              })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
