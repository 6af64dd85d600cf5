import { KEY_SEPARATOR, skuKey } from '../model/keys';
import type { Channel, Listing, ListingState, PageRead } from '../model/listing';
import type { AmazonStock } from '../sync/reconcile';
import { labelCodes } from './label-codes';
import type { DB } from './open';
import type { SkuRecord } from './schema';

/**
 * Amazon's latest stock per listing of one account and marketplace, kept as one packed `meta` record
 * so that a reconciliation reads a few hundred kilobytes instead of every SKU record (whole Listings,
 * last observations: 10,000 of them cost 250–300 ms to read, the comparison itself 25 ms).
 *
 * It is derived from the `skus` store and kept current by the ingest, the only writer of a SKU's
 * `latest` listing: ingestPageRead calls updateStockSnapshot inside its own transaction, so a worker
 * stopped mid-ingest leaves both the records and the snapshot as they were. Each entry carries the
 * time of the read it came from (the SKU record's lastSeenAt), so a late read from an older tab is
 * ignored here exactly as the ingest ignores it.
 *
 * Rebuilt from the `skus` store when missing or unreadable (stores written before it existed, a
 * restore of an old backup): the next reconciliation reads the records as before and writes it.
 * An ingest finding no snapshot leaves it missing rather than writing a partial one.
 */

export const STOCK_SNAPSHOT_PREFIX = 'sync:stock:';
export const STOCK_SNAPSHOT_VERSION = 1;

export function stockSnapshotKey(account: string, marketplace: string): string {
  return `${STOCK_SNAPSHOT_PREFIX}${account}${KEY_SEPARATOR}${marketplace}`;
}

export interface PackedStock {
  version: number;
  count: number;
  /** The SKUs, in key order, as one JSON array (any character a SKU may hold survives). */
  skus: string;
  labels: string[];
  /** channel, state, isParent (0/1) per entry. */
  codes: Uint8Array;
  /** available, inbound (NaN when not known), seenAt per entry. */
  numbers: Float64Array;
}

/** One listing's stock as the snapshot holds it. */
interface Entry {
  sku: string;
  channel: Channel;
  state: ListingState;
  isParent: boolean;
  available: number | undefined;
  inbound: number | undefined;
  seenAt: number;
}

function entryOf(listing: Listing, seenAt: number): Entry {
  return {
    sku: listing.sku,
    channel: listing.channel,
    state: listing.state,
    isParent: listing.isParent,
    available: listing.stock.available,
    inbound: listing.stock.inbound,
    seenAt,
  };
}

function pack(entries: readonly Entry[]): PackedStock {
  const count = entries.length;
  const { labels, code } = labelCodes('stock-snapshot');
  const skus: string[] = new Array(count);
  const codes = new Uint8Array(count * 3);
  const numbers = new Float64Array(count * 3);
  for (let i = 0; i < count; i++) {
    const e = entries[i] as Entry;
    skus[i] = e.sku;
    codes[i * 3] = code(e.channel);
    codes[i * 3 + 1] = code(e.state);
    codes[i * 3 + 2] = e.isParent ? 1 : 0;
    numbers[i * 3] = e.available ?? Number.NaN;
    numbers[i * 3 + 1] = e.inbound ?? Number.NaN;
    numbers[i * 3 + 2] = e.seenAt;
  }
  return { version: STOCK_SNAPSHOT_VERSION, count, skus: JSON.stringify(skus), labels, codes, numbers };
}

const orUndefined = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);

function unpack(packed: unknown): Entry[] | undefined {
  const p = packed as PackedStock | undefined;
  if (!p || typeof p !== 'object' || p.version !== STOCK_SNAPSHOT_VERSION) return undefined;
  if (typeof p.skus !== 'string' || !(p.codes instanceof Uint8Array) || !(p.numbers instanceof Float64Array))
    return undefined;
  let skus: unknown;
  try {
    skus = JSON.parse(p.skus);
  } catch {
    return undefined;
  }
  const { count, codes, numbers, labels } = p;
  if (!Array.isArray(skus) || skus.length !== count || codes.length !== count * 3 || numbers.length !== count * 3)
    return undefined;
  const entries: Entry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    entries[i] = {
      sku: skus[i] as string,
      channel: labels[codes[i * 3] as number] as Channel,
      state: labels[codes[i * 3 + 1] as number] as ListingState,
      isParent: codes[i * 3 + 2] === 1,
      available: orUndefined(numbers[i * 3] as number),
      inbound: orUndefined(numbers[i * 3 + 1] as number),
      seenAt: numbers[i * 3 + 2] as number,
    };
  }
  return entries;
}

/** What a reconciliation compares against, in key order: as amazonStock reads it from the records. */
function toAmazon(account: string, marketplace: string, entries: readonly Entry[]): AmazonStock[] {
  return entries.map((e) => {
    const stock: AmazonStock = {
      key: skuKey({ account, marketplace, sku: e.sku }),
      sku: e.sku,
      channel: e.channel,
      state: e.state,
    };
    if (e.available !== undefined) stock.available = e.available;
    if (e.inbound !== undefined) stock.inbound = e.inbound;
    if (e.isParent) stock.isParent = true;
    return stock;
  });
}

function fromRecords(records: readonly SkuRecord[]): Entry[] {
  return records.map((r) => entryOf(r.latest, r.lastSeenAt));
}

const bySku = (a: Entry, b: Entry) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

/** The snapshot's stock, or undefined when none is stored (or it cannot be read). */
export async function readStockSnapshot(
  db: DB,
  account: string,
  marketplace: string,
): Promise<AmazonStock[] | undefined> {
  const entries = unpack((await db.get('meta', stockSnapshotKey(account, marketplace)))?.value);
  return entries && toAmazon(account, marketplace, entries);
}

/** The snapshot rebuilt from the SKU records (read in one transaction with the write) and stored. */
export async function rebuildStockSnapshot(db: DB, account: string, marketplace: string): Promise<AmazonStock[]> {
  const tx = db.transaction(['skus', 'meta'], 'readwrite');
  // Every key of the account and marketplace: the prefix up to its separator's successor (as sync.ts reads them).
  const prefix = `${account}${KEY_SEPARATOR}${marketplace}`;
  const records = await tx
    .objectStore('skus')
    .getAll(IDBKeyRange.bound(`${prefix}${KEY_SEPARATOR}`, `${prefix}\u0020`, false, true));
  const entries = fromRecords(records);
  await tx.objectStore('meta').put({ key: stockSnapshotKey(account, marketplace), value: pack(entries) });
  await tx.done;
  return toAmazon(account, marketplace, entries);
}

/** The transaction an ingest runs in: its `meta` store, where the snapshot lives. */
interface MetaTx {
  objectStore(name: 'meta'): {
    get(key: string): Promise<{ key: string; value: unknown } | undefined>;
    put(record: { key: string; value: unknown }): Promise<unknown>;
  };
}

/**
 * The ingest's hook, inside its transaction: the listings the read stored as `latest` replace their
 * entries. `keys` are the keys the ingest did not discard; a listing read no later than its entry (an
 * older tab's late read) is skipped, as the ingest skips it.
 */
export async function updateStockSnapshot(tx: MetaTx, read: PageRead, keys: readonly string[]): Promise<void> {
  if (read.marketplace === null || keys.length === 0) return;
  const meta = tx.objectStore('meta');
  const key = stockSnapshotKey(read.account, read.marketplace);
  const entries = unpack((await meta.get(key))?.value);
  if (!entries) return;
  const kept = new Set(keys);
  const index = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) index.set((entries[i] as Entry).sku, i);
  // A SKU twice in one read: the ingest stores the later row, and so does this.
  const now = new Set<string>();
  let added = false;
  for (const listing of read.listings) {
    if (!kept.has(skuKey({ account: read.account, marketplace: read.marketplace, sku: listing.sku }))) continue;
    const at = index.get(listing.sku);
    if (at === undefined) {
      index.set(listing.sku, entries.length);
      entries.push(entryOf(listing, read.readAt));
      added = true;
    } else if (read.readAt > (entries[at] as Entry).seenAt || now.has(listing.sku)) {
      entries[at] = entryOf(listing, read.readAt);
    } else {
      continue;
    }
    now.add(listing.sku);
  }
  if (added) entries.sort(bySku);
  await meta.put({ key, value: pack(entries) });
}
