import type { BatchRecord, KnownListing, PanelHost, StoreContext } from '../../components/bulk/host';
import { type MountedPanel, mountPanel } from '../../components/bulk/mount';
import { keyOf } from '../../lib/bulk/plan';
import type { Language } from '../../lib/i18n/types';
import type { Listing } from '../../lib/model/listing';
import { defaultSettings, type Settings } from '../../lib/settings/schema';

/**
 * A PanelHost that stands in for the content script in the panel's browser tests and benchmark:
 * page rows and ticked SKUs from a fixture's truth, a store kept in memory, downloads captured
 * instead of saved. `applyFile` plays Amazon processing an uploaded file: the rows (and the store's
 * known listings) take the batch's values, as the page would show them after a reload.
 */

export interface FakeHostOptions {
  lang: Language;
  account: string;
  marketplace: string | null;
  listings: Listing[];
  ticked: string[];
  /** SKUs not on this page that Shelfwise saw earlier, with how many hours ago. */
  elsewhere?: Array<{ listing: Listing; hoursAgo: number }>;
  /** Compliance findings per SKU: the messages the preview lists. */
  findings?: Record<string, Array<{ severity: 'warn' | 'block'; message: string }>>;
  changesLast7Days?: Record<string, number>;
  settings?: Partial<Pick<Settings, 'bulk' | 'erp' | 'accounts'>>;
}

export interface Download {
  filename: string;
  mimeType: string;
  bytes: number[];
}

export interface FakeState {
  downloads: Download[];
  batches: BatchRecord[];
  updates: BatchRecord[];
  closed: number;
  storeRequests: number;
}

export interface FakePanel {
  state: FakeState;
  host: PanelHost;
  open(cssText: string): void;
  isOpen(): boolean;
  applyFile(batchId: string): void;
  setTicked(skus: string[]): void;
}

export function createFakePanel(options: FakeHostOptions): FakePanel {
  const state: FakeState = { downloads: [], batches: [], updates: [], closed: 0, storeRequests: 0 };
  let listings = options.listings.map((l) => structuredClone(l));
  let elsewhere = (options.elsewhere ?? []).map((e) => ({ ...e, listing: structuredClone(e.listing) }));
  let ticked = [...options.ticked];
  let mounted: MountedPanel | null = null;
  const settings = { ...defaultSettings(), ...options.settings };

  const findingsBySku = options.findings ?? {};
  const host: PanelHost = {
    lang: options.lang,
    settings,
    account: options.account,
    marketplace: options.marketplace,
    rows: () => listings.map((listing) => ({ listing: structuredClone(listing), readAgoMs: 0 })),
    tickedSkus: () => [...ticked],
    async storeContext(keys: string[]): Promise<StoreContext> {
      state.storeRequests += 1;
      const wanted = new Set(keys);
      const context: StoreContext = {
        changesLast7Days: {},
        remembered: {},
        findings: {},
        findingTexts: {},
        unitsPerDay: {},
      };
      for (const listing of [...listings, ...elsewhere.map((e) => e.listing)]) {
        const key = keyOf(listing);
        if (!wanted.has(key)) continue;
        const texts = findingsBySku[listing.sku];
        if (texts) {
          context.findings[key] = {
            issues: texts.length,
            severity: texts.some((f) => f.severity === 'block') ? 'block' : 'warn',
          };
          context.findingTexts[key] = texts;
        }
        const changes = options.changesLast7Days?.[listing.sku];
        if (changes !== undefined) context.changesLast7Days[key] = changes;
      }
      return context;
    },
    async knownListings(): Promise<KnownListing[]> {
      const now = Date.now();
      return [
        ...listings.map((listing) => ({ listing: structuredClone(listing), lastSeenAt: now })),
        ...elsewhere.map((e) => ({ listing: structuredClone(e.listing), lastSeenAt: now - e.hoursAgo * 3_600_000 })),
      ];
    },
    async recordBatch(batch) {
      state.batches.push(structuredClone(batch));
    },
    async batches(filter) {
      return state.batches
        .filter(
          (b) =>
            (filter.kind === undefined || b.kind === filter.kind) &&
            (filter.marketplace === undefined || b.marketplace === filter.marketplace),
        )
        .map((b) => structuredClone(b));
    },
    async updateBatch(batch) {
      state.updates.push(structuredClone(batch));
      state.batches = state.batches.map((b) => (b.id === batch.id ? structuredClone(batch) : b));
    },
    download(filename, mimeType, bytes) {
      state.downloads.push({ filename, mimeType, bytes: [...bytes] });
    },
    close() {
      state.closed += 1;
      mounted?.unmount();
      mounted = null;
    },
  };

  return {
    state,
    host,
    open(cssText) {
      mounted?.unmount();
      mounted = mountPanel(host, { cssText });
    },
    isOpen: () => mounted !== null,
    applyFile(batchId) {
      const batch = state.batches.find((b) => b.id === batchId);
      if (!batch) throw new Error(`No batch ${batchId}`);
      const apply = (listing: Listing): Listing => {
        const row = batch.rows.find((r) => r.key === keyOf(listing));
        if (!row) return listing;
        return row.field === 'quantity'
          ? { ...listing, stock: { ...listing.stock, available: row.after } }
          : { ...listing, handlingTime: row.after };
      };
      listings = listings.map(apply);
      elsewhere = elsewhere.map((e) => ({ ...e, listing: apply(e.listing) }));
    },
    setTicked(skus) {
      ticked = [...skus];
    },
  };
}
