import type { ApplyRequest, BatchRecord, KnownListing, PageRow, PanelHost, StoreContext } from '@/components/bulk/host';
import type { ApplyReport, Progress } from '@/lib/bulk/apply';
import type { Language } from '@/lib/i18n/types';
import { sendRequest } from '@/lib/messaging-client';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import type { Settings } from '@/lib/settings/schema';

/** What the session lends the panel: the page as read now. */
export interface PanelSource {
  lang: Language;
  settings: Settings;
  account: string;
  marketplace: string | null;
  rows(): PageRow[];
  tickedSkus(): string[];
  apply(request: ApplyRequest, onProgress: (progress: Progress) => void): Promise<ApplyReport>;
  cancelApply(): void;
  onClose(): void;
}

const EMPTY_CONTEXT: StoreContext = {
  changesLast7Days: {},
  remembered: {},
  findings: {},
  findingTexts: {},
  unitsPerDay: {},
};

/**
 * The panel's surroundings on a Seller Central page: the page's rows and ticks from the session,
 * everything stored from the background (the content script never opens IndexedDB), downloads
 * through the page.
 */
export function createPanelHost(source: PanelSource): PanelHost {
  const { account, marketplace } = source;
  return {
    lang: source.lang,
    settings: source.settings,
    account,
    marketplace,
    rows: source.rows,
    tickedSkus: source.tickedSkus,
    apply: source.apply,
    cancelApply: source.cancelApply,
    async storeContext(keys) {
      if (!marketplace || keys.length === 0) return EMPTY_CONTEXT;
      return sendRequest('bulkStoreContext', { account, marketplace, keys, lang: source.lang });
    },
    async knownListings(): Promise<KnownListing[]> {
      if (!marketplace) return [];
      return (await sendRequest('bulkKnownListings', { account, marketplace })).listings as KnownListing[];
    },
    async recordBatch(batch: BatchRecord) {
      await sendRequest('bulkRecordBatch', { batch });
    },
    async batches(filter) {
      const answer = await sendRequest('bulkBatches', {
        account,
        ...((filter.marketplace ?? marketplace) ? { marketplace: filter.marketplace ?? (marketplace as string) } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
      });
      return answer.batches as BatchRecord[];
    },
    async updateBatch(batch: BatchRecord) {
      // Outcomes only: the values the batch remembered were stored when it was recorded, and a
      // later batch may have remembered newer ones since.
      await sendRequest('bulkUpdateBatch', { batch });
    },
    async stagedFromSync() {
      if (!marketplace) return null;
      return (await sendRequest('syncStaged', { account, marketplace })).staged;
    },
    async clearStagedFromSync() {
      if (marketplace) await sendRequest('syncStagedClear', { account, marketplace });
    },
    download(filename, mimeType, bytes) {
      const blob = new Blob([bytes as BlobPart], { type: mimeType });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.style.display = 'none';
      link.setAttribute('data-shelfwise', 'download');
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started by now; give the browser a moment before revoking the URL.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    close: source.onClose,
  };
}

export function keyOf(listing: Listing, account: string, marketplace: string | null): string {
  return skuKey({ account, marketplace: marketplace ?? '', sku: listing.sku });
}
