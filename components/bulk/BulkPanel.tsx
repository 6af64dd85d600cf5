import { type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { INTL_LOCALE } from '@/lib/i18n/core';
import { BulkEditView } from './BulkEditView';
import { Dialog } from './Dialog';
import { HistoryView } from './HistoryView';
import { HolidayView } from './HolidayView';
import type { PanelHost } from './host';
import { MarketplacePicker } from './MarketplacePicker';
import { type TabSpec, Tabs, tabId, tabPanelId } from './Tabs';
import { panelTranslator } from './text';
import { usePanelData } from './usePanelData';

type View = 'edit' | 'holiday' | 'history';

/**
 * The bulk-edit panel: pick rows, describe the change, see every row's before → after with its
 * guards, and export the batch as an inventory file; holiday mode and the batch history beside it.
 * Everything outside the panel (the page, the store, downloads) comes through `host`.
 */
export function BulkPanel({ host }: { host: PanelHost }) {
  const t = useMemo(() => panelTranslator(host.lang), [host.lang]);
  const prefix = useId();
  const [view, setView] = useState<View>('edit');
  const [visited, setVisited] = useState<ReadonlySet<View>>(() => new Set(['edit']));
  const [chosenMarketplace, setChosenMarketplace] = useState<string | null>(null);
  const marketplace = host.marketplace ?? chosenMarketplace;
  const data = usePanelData(host, marketplace, host.marketplace === null ? chosenMarketplace : null);
  const [version, setVersion] = useState(0);
  const onRecorded = useCallback(() => setVersion((n) => n + 1), []);
  const close = useCallback(() => host.close(), [host]);

  const tabs: ReadonlyArray<TabSpec<View>> = [
    { id: 'edit', label: t('panel.tab.edit') },
    { id: 'holiday', label: t('panel.tab.holiday') },
    { id: 'history', label: t('panel.tab.history') },
  ];
  const select = (next: View) => {
    setView(next);
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  };

  // Views stay mounted once opened, so switching to History and back keeps the batch being built.
  const panel = (id: View, content: ReactNode) => (
    <div
      role="tabpanel"
      id={tabPanelId(prefix, id)}
      aria-labelledby={tabId(prefix, id)}
      hidden={view !== id}
      className="sw-tabpanel"
    >
      {visited.has(id) && content}
    </div>
  );

  return (
    <Dialog title={t('panel.title')} closeLabel={t('panel.close')} lang={INTL_LOCALE[host.lang]} onClose={close}>
      {host.marketplace === null && (
        <MarketplacePicker t={t} value={chosenMarketplace} onChange={setChosenMarketplace} />
      )}
      <Tabs label={t('panel.tabs')} idPrefix={prefix} tabs={tabs} selected={view} onSelect={select} />
      {panel(
        'edit',
        <BulkEditView
          t={t}
          lang={host.lang}
          host={host}
          data={data}
          marketplace={marketplace}
          onRecorded={onRecorded}
        />,
      )}
      {panel(
        'holiday',
        <HolidayView
          t={t}
          lang={host.lang}
          host={host}
          data={data}
          marketplace={marketplace}
          active={view === 'holiday'}
          batchesVersion={version}
          onRecorded={onRecorded}
        />,
      )}
      {panel(
        'history',
        <HistoryView
          t={t}
          lang={host.lang}
          host={host}
          data={data}
          marketplace={marketplace}
          active={view === 'history'}
          version={version}
          onRecorded={onRecorded}
        />,
      )}
    </Dialog>
  );
}
