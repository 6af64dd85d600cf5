import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { type PopupRow, popupCsv } from '@/lib/alerts/popup';
import { formatDateTime, type Translate } from '@/lib/i18n';
import type { AlertsKey } from '@/lib/i18n/catalog/alerts';
import { sendRequest } from '@/lib/messaging';
import { type LoadedSettings, updateSettings, watchSettings } from '@/lib/settings';
import { useTranslator } from '../useTranslator';
import { AlertRow } from './AlertRow';
import { type PopupKey, popupCatalog } from './catalog';
import { filterGroups, flatten, type ListItem } from './filter';
import { GroupHeader } from './GroupHeader';
import { ThresholdDialog, type ThresholdValue } from './ThresholdDialog';
import { type ListState, useAlertList } from './useAlertList';
import { VirtualList } from './VirtualList';

const DAY_MS = 86_400_000;
/** Fixed heights keep the virtual list's arithmetic exact (popup.css sets the same). */
const GROUP_HEIGHT = 34;
const ROW_HEIGHT = 140;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A CSV file offered for download from the page. */
function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** The settings, from what the popup's boot read, kept live as any other page or tab changes them. */
function useLiveSettings(initial: LoadedSettings): LoadedSettings {
  const [loaded, setLoaded] = useState(initial);
  useEffect(() => watchSettings(setLoaded), []);
  return loaded;
}

const heightOf = (item: ListItem) => (item.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT);
const keyOf = (item: ListItem) => item.id;

/**
 * The toolbar popup: the SKUs that need attention, most urgent product first, with search, a
 * marketplace filter, snooze and threshold actions and a CSV export. A new user, with nothing seen
 * yet, is told where to start.
 */
export function Popup({
  initialSettings,
  initialList,
  pendingList,
}: {
  initialSettings: LoadedSettings;
  initialList: ListState;
  /** The first rows still on their way when the popup was first drawn (initialList is then loading). */
  pendingList?: Promise<ListState>;
}) {
  const loaded = useLiveSettings(initialSettings);
  const { t, lang } = useTranslator(popupCatalog, loaded.settings);
  const { state, reload, whole } = useAlertList(initialList, pendingList);
  const [query, setQuery] = useState('');
  const [marketplace, setMarketplace] = useState('');
  const [editing, setEditing] = useState<PopupRow | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const searchId = useId();
  const marketId = useId();
  const deferredQuery = useDeferredValue(query);

  const list = state.status === 'ready' ? state.list : null;
  const groups = useMemo(
    () => (list ? filterGroups(list.groups, { query: deferredQuery, marketplace }) : []),
    [list, deferredQuery, marketplace],
  );
  const items = useMemo(() => flatten(groups), [groups]);
  const shownRows = items.length - groups.length;
  const events = loaded.settings.events;

  const snooze = useCallback(
    async (key: string, days: number | null) => {
      try {
        await sendRequest('alertsSnooze', { key, until: days === null ? null : Date.now() + days * DAY_MS });
        await reload();
      } catch (error) {
        setStatus({ kind: 'error', text: t('popup.actionFailed', { message: errorText(error) }) });
      }
    },
    [reload, t],
  );

  const saveThreshold = async (row: PopupRow, value: ThresholdValue) => {
    await updateSettings((settings) => {
      if (value.units === undefined && value.days === undefined) delete settings.thresholds.perSku[row.key];
      else settings.thresholds.perSku[row.key] = value;
      return settings;
    });
    await sendRequest('alertsEvaluate', {});
    setEditing(null);
    setStatus({ kind: 'ok', text: t('popup.threshold.saved', { sku: row.sku }) });
    await reload();
  };

  const exportCsv = async () => {
    try {
      const all = await whole();
      const rows = filterGroups(all.groups, { query, marketplace });
      download(
        popupCsv(rows, t as Translate<AlertsKey>),
        `shelfwise-low-stock-${new Date().toISOString().slice(0, 10)}.csv`,
      );
      const count = rows.reduce((n, g) => n + g.rows.length, 0);
      setStatus({ kind: 'ok', text: t('popup.csv.done', { count }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('popup.actionFailed', { message: errorText(error) }) });
    }
  };

  const renderItem = useCallback(
    (item: ListItem) =>
      item.kind === 'group' ? (
        <GroupHeader group={item.group} t={t} />
      ) : (
        <AlertRow
          row={item.row}
          t={t}
          lang={lang}
          events={events}
          onOpen={(url) => void browser.tabs.create({ url })}
          onSnooze={(key, days) => void snooze(key, days)}
          onThreshold={setEditing}
        />
      ),
    [t, lang, events, snooze],
  );

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>{t('popup.title')}</h1>
        <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openDashboard')}
        </button>
      </header>

      {state.status === 'loading' && (
        <p className="hint" role="status">
          {t('popup.loading')}
        </p>
      )}

      {state.status === 'error' && (
        <div className="notice notice-error" role="alert">
          <p>{t('popup.error', { message: state.message })}</p>
          <button type="button" onClick={() => void reload()}>
            {t('popup.retry')}
          </button>
        </div>
      )}

      {list && list.evaluated === 0 && (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t('popup.empty.title')}</h2>
          <p>{t('popup.empty.body')}</p>
        </section>
      )}

      {list && list.evaluated > 0 && list.total === 0 && (
        <section className="empty-state" aria-labelledby="fine-title">
          <h2 id="fine-title">{t('popup.allFine.title', { count: list.evaluated })}</h2>
          <p>{t('popup.allFine.body')}</p>
          {list.computedAt !== null && <p>{t('popup.checked', { time: formatDateTime(list.computedAt, lang) })}</p>}
        </section>
      )}

      {list && list.total > 0 && (
        <>
          <p className="popup-summary">
            <strong>{t('popup.summary', { count: list.total })}</strong>
            {list.computedAt !== null && <> · {t('popup.checked', { time: formatDateTime(list.computedAt, lang) })}</>}
          </p>
          <div className="popup-filters">
            <div className="field">
              <label htmlFor={searchId}>{t('popup.search.label')}</label>
              <input
                id={searchId}
                type="search"
                autoComplete="off"
                spellCheck={false}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={marketId}>{t('popup.filter.marketplace')}</label>
              <select id={marketId} value={marketplace} onChange={(event) => setMarketplace(event.target.value)}>
                <option value="">{t('popup.filter.all')}</option>
                {list.marketplaces.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="small-button export-button" onClick={() => void exportCsv()}>
              {t('popup.export')}
            </button>
          </div>
          <p className="hint list-status" role="status" aria-live="polite">
            {[
              status?.kind === 'ok' ? status.text : '',
              // The count stays beside an action's confirmation: a seller searching right after saving a
              // threshold still needs to know how much of the list is shown.
              query || marketplace ? t('popup.shown', { count: shownRows, total: list.total }) : '',
              !list.complete && !query && !marketplace ? t('popup.loadingRest') : '',
            ]
              .filter(Boolean)
              .join(t('popup.separator'))}
          </p>
          {status?.kind === 'error' && (
            <p className="notice notice-error" role="alert">
              {status.text}
            </p>
          )}
          {items.length === 0 ? (
            <p className="empty-state">{t('popup.noMatch')}</p>
          ) : (
            <VirtualList<ListItem>
              items={items}
              label={t('popup.list.label')}
              keyOf={keyOf}
              heightOf={heightOf}
              render={renderItem}
            />
          )}
        </>
      )}

      <ThresholdDialog
        row={editing}
        settings={loaded.settings}
        t={t as Translate<PopupKey>}
        onSave={saveThreshold}
        onClose={() => setEditing(null)}
      />
    </main>
  );
}
