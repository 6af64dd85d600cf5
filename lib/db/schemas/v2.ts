import type { DBSchema } from 'idb';
import type { ChangeRecordV1, MetaRecordV1, ObservationRecordV1, SkuRecordV1 } from './v1';

/**
 * Schema version 2: adds the batch journal (bulk edits, holiday batches, restores — exported
 * files now, page writes later) and the values Shelfwise remembers per SKU (the quantity before
 * "mark out of stock", a holiday's previous values). Version 1's stores are unchanged.
 */

export interface BatchRowV2 {
  key: string;
  sku: string;
  field: 'quantity' | 'handlingTime';
  before: number | null;
  after: number;
  remember?: { quantity?: number; handlingTime?: number };
  /**
   * From Amazon's processing report (applied/failed/unknown) for an exported file, or from the page
   * for a batch applied through it: verified (read back equal), mismatched, failed, skipped, held
   * (the quantity moved since the preview), pending (not reached).
   */
  outcome?: {
    status: 'applied' | 'failed' | 'unknown' | 'verified' | 'mismatched' | 'skipped' | 'held' | 'pending';
    message?: string;
    reason?: string;
    observed?: number;
    proposed?: number;
    at?: number;
  };
}

export interface BatchRecordV2 {
  id: string;
  name: string;
  kind: 'bulk' | 'holiday' | 'restore' | 'undo';
  account: string;
  marketplace: string;
  createdAt: number;
  /** exported → applied/failed/partial after Amazon's report; applying → applied/partial/failed/cancelled/interrupted through the page. */
  state: 'exported' | 'applied' | 'failed' | 'partial' | 'applying' | 'cancelled' | 'interrupted';
  summary: string;
  /** How it reaches Amazon: an uploaded file, or the page's own editors. */
  via?: 'file' | 'page';
  /** The tab applying it, while it is being applied (a closed tab leaves it interrupted). */
  tabId?: number;
  /** The batch this one undoes. */
  undoes?: string;
  rows: BatchRowV2[];
  file?: { filename: string; records: number; headerRows: number; skus: string[] };
  /** A holiday batch's remembered values (lib/bulk/holiday.ts HolidayBatch). */
  holiday?: unknown;
}

export interface RememberedRecordV2 {
  key: string;
  quantity?: number;
  handlingTime?: number;
  /** When and by which batch it was remembered. */
  at: number;
  batchId: string;
}

export interface ShelfwiseDBv2 extends DBSchema {
  skus: {
    key: string;
    value: SkuRecordV1;
    indexes: { 'by-marketplace': [string, string]; 'by-asin': string };
  };
  observations: {
    key: [string, number];
    value: ObservationRecordV1;
  };
  changes: {
    key: number;
    value: ChangeRecordV1;
    indexes: { 'by-key-at': [string, number]; 'by-at': number; 'by-batch': string };
  };
  meta: {
    key: string;
    value: MetaRecordV1;
  };
  batches: {
    key: string;
    value: BatchRecordV2;
    indexes: { 'by-marketplace': [string, string]; 'by-created': number };
  };
  remembered: {
    key: string;
    value: RememberedRecordV2;
  };
}
