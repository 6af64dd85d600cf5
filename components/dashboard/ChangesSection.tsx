import { useEffect, useId, useState } from 'react';
import { store } from '@/lib/db/open';
import type { ChangeKind, ChangeOrigin } from '@/lib/db/schema';
import { CSV_TYPE, toCsv } from '@/lib/export/csv';
import { allChanges, type ChangeQuery, type PageCursor, queryChanges } from '@/lib/history/changes';
import { changeColumns } from '@/lib/history/export';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { ChangesTable } from './ChangesTable';
import { datedName, saveFile } from './files';
import type { T } from './labels';
import { useLoad } from './useLoad';

const PAGE = 50;
const ORIGINS: readonly ChangeOrigin[] = ['page', 'shelfwise', 'import'];
const KINDS: readonly ChangeKind[] = ['sale', 'external', 'receipt', 'shelfwise', 'adjustment', 'unknown'];

interface Filters {
  sku: string;
  origin: ChangeOrigin | '';
  kind: ChangeKind | '';
  fromDay: string;
  toDay: string;
}
const NO_FILTERS: Filters = { sku: '', origin: '', kind: '', fromDay: '', toDay: '' };

function toQuery(filters: Filters): ChangeQuery {
  return {
    ...(filters.sku.trim() ? { sku: filters.sku.trim() } : {}),
    ...(filters.origin ? { origin: filters.origin } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.fromDay ? { fromDay: filters.fromDay } : {}),
    ...(filters.toDay ? { toDay: filters.toDay } : {}),
  };
}

type Status = { kind: 'exported'; count: number; file: string } | { kind: 'error'; message: string } | undefined;

interface Props {
  t: T;
  lang: Language;
  settings: Settings;
}

/** Every change, newest first, filtered and paged; the filtered rows can be exported as CSV. */
export function ChangesSection({ t, lang, settings }: Props) {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The cursor each visited page started at: "Older" pushes, "Newer" pops.
  const [trail, setTrail] = useState<Array<PageCursor | undefined>>([undefined]);
  const [status, setStatus] = useState<Status>();
  const [exporting, setExporting] = useState(false);
  const ids = { sku: useId(), origin: useId(), kind: useId(), from: useId(), to: useId() };

  // Typing in the SKU box waits for a pause; the other filters apply at once.
  useEffect(() => {
    if (draft.sku === filters.sku) return;
    const timer = setTimeout(() => {
      setFilters((current) => ({ ...current, sku: draft.sku }));
      setTrail([undefined]);
    }, 250);
    return () => clearTimeout(timer);
  }, [draft.sku, filters.sku]);

  const edit = (change: Partial<Filters>) => {
    setDraft((current) => ({ ...current, ...change }));
    if (!('sku' in change)) setFilters((current) => ({ ...current, ...change }));
    setTrail([undefined]);
    setStatus(undefined);
  };

  const badRange = !!filters.fromDay && !!filters.toDay && filters.fromDay > filters.toDay;
  const query = toQuery(filters);
  const after = trail[trail.length - 1];
  const [page] = useLoad(
    async () =>
      badRange
        ? { rows: [], next: null }
        : queryChanges(await store(), query, after ? { after, limit: PAGE } : { limit: PAGE }),
    JSON.stringify({ query, after, badRange }),
  );
  const filtered = Object.keys(query).length > 0;

  const exportCsv = async () => {
    setExporting(true);
    setStatus(undefined);
    try {
      const rows = await allChanges(await store(), query);
      const file = datedName('shelfwise-changes', 'csv');
      saveFile([toCsv(changeColumns(t, settings.erp), rows)], CSV_TYPE, file);
      setStatus({ kind: 'exported', count: rows.length, file });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setExporting(false);
    }
  };

  const first = (trail.length - 1) * PAGE + 1;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('history.changes.heading')}</h2>
      <form className="filters" aria-label={t('history.changes.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.sku}>{t('history.changes.sku')}</label>
          <input id={ids.sku} type="search" value={draft.sku} onChange={(e) => edit({ sku: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.origin}>{t('history.changes.origin')}</label>
          <select
            id={ids.origin}
            value={draft.origin}
            onChange={(e) => edit({ origin: e.target.value as Filters['origin'] })}
          >
            <option value="">{t('history.changes.any')}</option>
            {ORIGINS.map((origin) => (
              <option key={origin} value={origin}>
                {t(`history.origin.${origin}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t('history.changes.kind')}</label>
          <select id={ids.kind} value={draft.kind} onChange={(e) => edit({ kind: e.target.value as Filters['kind'] })}>
            <option value="">{t('history.changes.any')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`history.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('history.changes.from')}</label>
          <input id={ids.from} type="date" value={draft.fromDay} onChange={(e) => edit({ fromDay: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('history.changes.to')}</label>
          <input id={ids.to} type="date" value={draft.toDay} onChange={(e) => edit({ toDay: e.target.value })} />
        </div>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              setTrail([undefined]);
              setStatus(undefined);
            }}
            disabled={!filtered && !draft.sku}
          >
            {t('history.changes.clear')}
          </button>
          <button
            type="button"
            className="primary-button"
            onClick={() => void exportCsv()}
            disabled={exporting || badRange}
          >
            {t('history.changes.export')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite">
        {exporting && t('history.busy')}
        {status?.kind === 'exported' && t('history.changes.exported', { count: status.count, file: status.file })}
      </p>
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('error.generic', { message: status.message })}
        </p>
      )}
      {badRange && (
        <p className="notice" role="alert">
          {t('history.changes.badRange')}
        </p>
      )}
      {page.state === 'loading' && <p role="status">{t('history.loading')}</p>}
      {page.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('history.storeFailed', { message: page.message })}
        </p>
      )}
      {page.state === 'ready' && !badRange && page.value.rows.length === 0 && (
        <p className="empty-state">
          {filtered || trail.length > 1 ? t('history.changes.none') : t('history.changes.noneYet')}
        </p>
      )}
      {page.state === 'ready' && page.value.rows.length > 0 && (
        <>
          <ChangesTable
            rows={page.value.rows}
            caption={t('history.changes.caption')}
            t={t}
            lang={lang}
            erp={settings.erp}
          />
          <nav className="pager" aria-label={t('history.changes.paging')}>
            <button type="button" disabled={trail.length === 1} onClick={() => setTrail((c) => c.slice(0, -1))}>
              {t('history.changes.newer')}
            </button>
            <span>{t('history.changes.rows', { first, last: first + page.value.rows.length - 1 })}</span>
            <button
              type="button"
              disabled={!page.value.next}
              onClick={() => {
                const next = page.value.next;
                if (next) setTrail((c) => [...c, next]);
              }}
            >
              {t('history.changes.older')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
