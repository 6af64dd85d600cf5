import { useEffect, useId, useState } from 'react';
import { stagedPasteText } from '@/lib/sync/stage';
import type { PanelHost, StagedFromSync } from './host';
import type { T } from './text';

interface Props {
  t: T;
  host: PanelHost;
  /** SKUs of this marketplace's rows on the page. */
  pageSkus: ReadonlySet<string>;
  /** Takes the staged rows as pasted text (the paste path's guards then apply). */
  onUse: (text: string) => void;
}

/**
 * "Staged from stock sync (N rows)": rows the dashboard's reconciliation left for this account and
 * marketplace. Using them fills the paste source; either choice clears the list, so one staging is
 * offered once.
 */
export function StagedOffer({ t, host, pageSkus, onUse }: Props) {
  const id = useId();
  const [staged, setStaged] = useState<StagedFromSync | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    host.stagedFromSync?.().then(
      (value) => {
        if (current) setStaged(value && value.rows.length > 0 ? value : null);
      },
      (e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [host]);

  if (error) return <p className="sw-error-text">{t('syncStaged.error', { error })}</p>;
  if (!staged) return null;
  const missing = staged.rows.filter((r) => !pageSkus.has(r.sku)).length;
  const done = () => {
    setStaged(null);
    host.clearStagedFromSync?.().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="sw-fieldset" aria-labelledby={`${id}-title`} data-shelfwise="staged-sync">
      <h3 id={`${id}-title`}>{t('syncStaged.offer', { count: staged.rows.length })}</h3>
      <p className="sw-muted">{t('syncStaged.hint')}</p>
      {missing > 0 && <p className="sw-warning-text">{t('syncStaged.notOnPage', { count: missing })}</p>}
      <div className="sw-row">
        <button
          type="button"
          className="sw-button sw-primary"
          onClick={() => {
            onUse(stagedPasteText(staged.rows));
            done();
          }}
        >
          {t('syncStaged.use')}
        </button>
        <button type="button" className="sw-button" onClick={done}>
          {t('syncStaged.dismiss')}
        </button>
      </div>
    </section>
  );
}
