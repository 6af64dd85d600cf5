import type { ApplyReport, ApplyRow, Progress } from '@/lib/bulk/apply';
import type { HolidayBatch } from '@/lib/bulk/holiday';
import type { FindingsSummary, RememberedValues } from '@/lib/bulk/plan';
import type { Language } from '@/lib/i18n/types';
import type { Listing } from '@/lib/model/listing';
import type { Settings } from '@/lib/settings/schema';

/**
 * Everything the bulk-edit panel needs from its surroundings. The content script provides it on
 * a Seller Central page (reading the page and asking the background); tests provide their own.
 * The panel itself never touches the page's markup, IndexedDB or the network.
 */

/** One row of the page as the reader saw it, with how old its figures are. */
export interface PageRow {
  listing: Listing;
  /** ms since the row's figures were read from the page (0: just now). */
  readAgoMs: number;
}

/** What the store knows that the guards and the preview need, per skuKey. */
export interface StoreContext {
  changesLast7Days: Record<string, number>;
  remembered: Record<string, RememberedValues>;
  findings: Record<string, FindingsSummary>;
  /** Finding messages per skuKey, already in the panel's language, for the preview's list. */
  findingTexts: Record<string, Array<{ severity: 'warn' | 'block'; message: string }>>;
  unitsPerDay: Record<string, number>;
}

/** A Shelfwise record of listings not on this page: every SKU the store knows (file export). */
export interface KnownListing {
  listing: Listing;
  /** When Shelfwise last saw it on a page. */
  lastSeenAt: number;
}

export type BatchState = 'exported' | 'applied' | 'failed' | 'partial' | 'applying' | 'cancelled' | 'interrupted';

export interface BatchRow {
  key: string;
  sku: string;
  field: 'quantity' | 'handlingTime';
  before: number | null;
  after: number;
  /** What this row asks Shelfwise to remember (mark out of stock, holiday): restored later. */
  remember?: RememberedValues;
  /** Amazon's verdict from its processing report, or the page's read-back for a batch applied through it. */
  outcome?: {
    status: 'applied' | 'failed' | 'unknown' | 'verified' | 'mismatched' | 'skipped' | 'held' | 'pending';
    message?: string;
    reason?: string;
    observed?: number;
    proposed?: number;
    at?: number;
  };
}

/** A batch as the history keeps it (issue 6: exported batches; issue 7 adds applied ones). */
export interface BatchRecord {
  id: string;
  name: string;
  kind: 'bulk' | 'holiday' | 'restore' | 'undo';
  account: string;
  marketplace: string;
  createdAt: number;
  state: BatchState;
  /** The operation in words, as the seller chose it. */
  summary: string;
  rows: BatchRow[];
  /** What the exported file was (for matching Amazon's processing report later). */
  file?: { filename: string; records: number; headerRows: number; skus: string[] };
  holiday?: HolidayBatch;
  via?: 'file' | 'page';
  tabId?: number;
  /** The batch this one undoes. */
  undoes?: string;
}

/** A batch to write through the page's own editors (quantities of rows on this page only). */
export interface ApplyRequest {
  id: string;
  name: string;
  kind: BatchRecord['kind'];
  summary: string;
  undoes?: string;
  holiday?: HolidayBatch;
  rows: ApplyRow[];
}

/** "Stage as bulk edit" from the dashboard: MSKUs with the quantity to set each to. */
export interface StagedFromSync {
  reconciliationId: string;
  at: number;
  rows: Array<{ sku: string; setTo: number }>;
}

export interface PanelHost {
  lang: Language;
  settings: Settings;
  account: string;
  /** Null when the page did not say; file export then asks for one. */
  marketplace: string | null;
  /** Every recognised row of the page, in page order. */
  rows(): PageRow[];
  /** SKUs ticked with the page's own checkboxes, read now. */
  tickedSkus(): string[];
  storeContext(keys: string[]): Promise<StoreContext>;
  knownListings(): Promise<KnownListing[]>;
  recordBatch(batch: BatchRecord): Promise<void>;
  batches(filter: { kind?: BatchRecord['kind']; marketplace?: string }): Promise<BatchRecord[]>;
  /** Replaces a stored batch (its state and row outcomes after Amazon's processing report). */
  updateBatch(batch: BatchRecord): Promise<void>;
  /**
   * Writes the rows through the page (journaled, paced, proved by reading back); absent where the
   * panel is not on a Seller Central page that can be written.
   */
  apply?(request: ApplyRequest, onProgress: (progress: Progress) => void): Promise<ApplyReport>;
  /** Stops an apply before its next row. */
  cancelApply?(): void;
  /** Rows the dashboard's stock sync staged for this account and marketplace; absent where none can be. */
  stagedFromSync?(): Promise<StagedFromSync | null>;
  /** Forgets the staged rows (used or dismissed). */
  clearStagedFromSync?(): Promise<void>;
  /** Starts a download of the given bytes (the page's own download mechanics). */
  download(filename: string, mimeType: string, bytes: Uint8Array): void;
  close(): void;
}
