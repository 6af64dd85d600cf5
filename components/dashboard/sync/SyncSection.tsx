import { useEffect, useId, useState } from 'react';
import { store } from '@/lib/db/open';
import type { ReconciliationRecord } from '@/lib/db/schema';
import { listReconciliations, loadSkuMap, setExplained } from '@/lib/db/sync';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import type { SkuMapEntry } from '@/lib/sync/mapping';
import type { T } from '../labels';
import { useLoad } from '../useLoad';
import { AnalysisSection } from './AnalysisSection';
import { ErpSettings } from './ErpSettings';
import { knownScopes, runReconciliation, type Scope, type StockFile, scopeId } from './model';
import { ReconciliationHistory } from './ReconciliationHistory';
import { ReconciliationView } from './ReconciliationView';
import { ScopePicker } from './ScopePicker';
import { SkuMapStep } from './SkuMapStep';
import { StockFileStep } from './StockFileStep';
import { parseTolerance, ToleranceFields, type ToleranceText } from './ToleranceFields';

interface Props {
  t: T;
  lang: Language;
  settings: Settings;
}

type RunStatus = { kind: 'done'; merged: string[] } | { kind: 'error'; message: string } | { kind: 'needFile' } | null;

/**
 * Stock sync (库存同步): the seller's stock file and SKU mapping against the store's latest Amazon
 * state for one account and marketplace; the differences to investigate, stage or export; earlier runs.
 */
export function SyncSection({ t, lang, settings }: Props) {
  const id = useId();
  const [scopes] = useLoad(async () => knownScopes(await store()), 'scopes');
  const [scope, setScope] = useState<Scope | null>(null);
  const [file, setFile] = useState<StockFile | null>(null);
  const [entries, setEntries] = useState<SkuMapEntry[]>([]);
  const [tolerance, setTolerance] = useState<ToleranceText>({ units: '0', percent: '0' });
  const [shown, setShown] = useState<ReconciliationRecord | null>(null);
  const [status, setStatus] = useState<RunStatus>(null);
  const [busy, setBusy] = useState(false);

  const current = scope ?? (scopes.state === 'ready' ? (scopes.value[0] ?? null) : null);
  const key = current ? scopeId(current) : '';
  const [history, reloadHistory] = useLoad(
    async () => (current ? listReconciliations(await store(), current.account, current.marketplace) : []),
    key,
  );

  // The mapping is the account's; the latest run of the chosen scope is shown until another is.
  const account = current?.account;
  useEffect(() => {
    if (account === undefined) return;
    let live = true;
    store()
      .then((db) => loadSkuMap(db, account))
      .then((record) => {
        if (live) setEntries(record?.entries ?? []);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [account]);
  useEffect(() => {
    if (history.state === 'ready' && (!shown || scopeId(shown) !== key)) setShown(history.value[0] ?? null);
  }, [history, key, shown]);

  if (scopes.state === 'loading') return null;
  if (scopes.state === 'error') {
    return (
      <p role="alert" className="notice notice-error">
        {t('syncUi.loadError', { error: scopes.message })}
      </p>
    );
  }

  const run = async () => {
    if (!current) return;
    if (!file) return setStatus({ kind: 'needFile' });
    setBusy(true);
    try {
      const { record, merged } = await runReconciliation(await store(), {
        scope: current,
        file,
        entries,
        tolerance: parseTolerance(tolerance),
        now: Date.now(),
      });
      setShown(record);
      setStatus({ kind: 'done', merged });
      reloadHistory();
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const explain = async (differenceId: string, note: string | null) => {
    if (!shown) return;
    const next = await setExplained(await store(), shown.id, differenceId, note, Date.now());
    setShown(next);
    reloadHistory();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="sync-section">
      <h2 id={`${id}-heading`}>{t('syncUi.heading')}</h2>
      <p className="hint">{t('syncUi.intro')}</p>
      {!current ? (
        <p>{t('syncUi.scope.none')}</p>
      ) : (
        <>
          <ScopePicker
            t={t}
            scopes={scopes.value}
            value={current}
            onChange={(next) => {
              setScope(next);
              setShown(null);
              setStatus(null);
            }}
          />
          <StockFileStep t={t} file={file} onFile={setFile} />
          <SkuMapStep t={t} account={current.account} entries={entries} onSaved={setEntries} />
          <section aria-labelledby={`${id}-run`} className="sync-step">
            <h3 id={`${id}-run`}>{t('syncUi.run.heading')}</h3>
            <ToleranceFields t={t} value={tolerance} onChange={setTolerance} />
            <p>
              <button type="button" disabled={busy} onClick={() => void run()}>
                {t('syncUi.run.button')}
              </button>
            </p>
            <div role="status" aria-live="polite">
              {status?.kind === 'needFile' && <p>{t('syncUi.run.needFile')}</p>}
              {status?.kind === 'done' && shown && (
                <p className="notice notice-ok">
                  {t('syncUi.run.done', {
                    file: shown.fileName,
                    marketplace: shown.marketplace,
                    differs: shown.counts.differs,
                    onlyFile: shown.counts['only-file'],
                    onlyAmazon: shown.counts['only-amazon'],
                    matches: shown.counts.matches,
                    fba: shown.counts.fba,
                  })}
                </p>
              )}
              {status?.kind === 'done' && status.merged.length > 0 && (
                <p className="notice">{t('syncUi.run.merged', { skus: status.merged.join(', ') })}</p>
              )}
            </div>
            {status?.kind === 'error' && (
              <p role="alert" className="notice notice-error">
                {t('syncUi.run.failed', { error: status.message })}
              </p>
            )}
          </section>
          {shown && (
            <ReconciliationView
              t={t}
              lang={lang}
              record={shown}
              settings={settings}
              onExplain={(d, note) => explain(d.id, note)}
            />
          )}
          <AnalysisSection t={t} lang={lang} settings={settings} scope={current} file={file} entries={entries} />
          <ErpSettings t={t} settings={settings} scope={current} />
          {history.state === 'ready' && (
            <ReconciliationHistory t={t} lang={lang} records={history.value} shownId={shown?.id} onShow={setShown} />
          )}
        </>
      )}
    </section>
  );
}
