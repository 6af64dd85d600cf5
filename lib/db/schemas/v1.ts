import type { DBSchema } from 'idb';
import type { Channel, Listing, ListingState } from '../../model/listing';

/**
 * Schema version 1. Each version's schema is kept as its own type (AugmentedSteam's pattern), so
 * a migration step can be read against exactly the shape it upgrades from.
 */

/** The latest known state of one SKU, keyed by skuKey(account, marketplace, SKU). */
export interface SkuRecordV1 {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  asin?: string;
  parentAsin?: string;
  channel: Channel;
  title?: string;
  /** The listing as last read from a page. */
  latest: Listing;
  /** The stored observation that is current (the newest in `observations` for this key). */
  lastObservation: ObservationRecordV1;
  firstSeenAt: number;
  /** Last visit that saw the SKU, changed or not: the O(1) mark a revisit costs. */
  lastSeenAt: number;
  /** When the stored observation last changed. */
  lastChangedAt: number;
  visits: number;
  /** The last time Shelfwise wrote this SKU's quantity: page reads loaded before it are stale. */
  lastWriteAt?: number;
}

/** One stored state of a SKU; a new one only when something changed. Key: [key, at]. */
export interface ObservationRecordV1 {
  key: string;
  at: number;
  channel: Channel;
  state: ListingState;
  available?: number;
  reserved?: number;
  inbound?: number;
  inboundWorking?: number;
  inboundShipped?: number;
  inboundReceiving?: number;
  unfulfillable?: number;
  /** The last visit that still saw this same state (set when the next observation is stored). */
  seenUntil?: number;
  /** Where it came from: a page read, an imported report, or a Shelfwise write's read-back. */
  origin: 'page' | 'import' | 'shelfwise';
  /** Set on observations merged to one per day by compaction. */
  compacted?: boolean;
}

export type ChangeOrigin = 'page' | 'shelfwise' | 'import';
export type ChangeKindV1 = 'sale' | 'external' | 'receipt' | 'shelfwise' | 'adjustment' | 'unknown';

/** One interpreted change of a SKU's stock (a sale, an external change, a receipt, a Shelfwise edit). */
export interface ChangeRecordV1 {
  id?: number;
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  /** When it was recorded (the observation that revealed it, or the write's read-back). */
  at: number;
  /** It happened some time in [from, to]. */
  from: number;
  to: number;
  kind: ChangeKindV1;
  reason: string;
  origin: ChangeOrigin;
  /** Sellable stock before and after (null where the page did not show it). */
  before: number | null;
  after: number | null;
  delta: number;
  inboundDelta?: number;
  /** The Shelfwise batch, or the ingest that recorded it. */
  batchId: string;
  writeKind?: 'bulk' | 'undo' | 'holiday' | 'restore';
}

export interface MetaRecordV1 {
  key: string;
  value: unknown;
}

export interface ShelfwiseDBv1 extends DBSchema {
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
}
