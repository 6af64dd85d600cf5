import { skuKey } from '../model/keys';
import type { Listing, PageRead } from '../model/listing';
import { classifyChange } from '../velocity/classify';
import type { Observation, ShelfwiseWrite } from '../velocity/types';
import { recordVisit } from './day-series';
import type { DB } from './open';
import { sameState } from './same-state';
import type { ChangeRecord, ObservationRecord, SkuRecord } from './schema';
import { updateStockSnapshot } from './stock-snapshot';

export interface IngestResult {
  /** SKUs whose state changed (a new observation was stored) or that were seen for the first time. */
  stored: number;
  /** SKUs seen again unchanged: only their last-seen mark moved. */
  unchanged: number;
  /** SKUs whose read came from a page loaded before Shelfwise last wrote them (a stale tab). */
  discarded: number;
  changes: ChangeRecord[];
  /** Keys of every SKU the read touched (not discarded). */
  keys: string[];
}

function observationOf(
  key: string,
  listing: Listing,
  at: number,
  origin: ObservationRecord['origin'],
): ObservationRecord {
  const s = listing.stock;
  const record: ObservationRecord = { key, at, channel: listing.channel, state: listing.state, origin };
  if (s.available !== undefined) record.available = s.available;
  if (s.reserved !== undefined) record.reserved = s.reserved;
  if (s.inbound !== undefined) record.inbound = s.inbound;
  if (s.inboundWorking !== undefined) record.inboundWorking = s.inboundWorking;
  if (s.inboundShipped !== undefined) record.inboundShipped = s.inboundShipped;
  if (s.inboundReceiving !== undefined) record.inboundReceiving = s.inboundReceiving;
  if (s.unfulfillable !== undefined) record.unfulfillable = s.unfulfillable;
  return record;
}

/** The velocity library's view of a stored observation. */
export function toObservation(record: ObservationRecord): Observation {
  const { key: _key, state: _state, origin: _origin, compacted: _compacted, ...rest } = record;
  return rest;
}

/** Shelfwise writes are stored as changes of kind `shelfwise`; velocity wants them as writes. */
export function toWrite(change: ChangeRecord): ShelfwiseWrite | undefined {
  if (change.kind !== 'shelfwise' || change.before === null || change.after === null) return undefined;
  return {
    at: change.at,
    before: change.before,
    after: change.after,
    batchId: change.batchId,
    kind: change.writeKind ?? 'bulk',
  };
}

/** Above this many SKUs, one range read of the marketplace beats one read per SKU. */
const RANGE_READ_FROM = 200;

/**
 * Records one page read in a single transaction: a worker stopped mid-ingest leaves the previous
 * state, never half a snapshot. Unchanged SKUs cost one record update (their last-seen mark);
 * changed ones add an observation and the interpreted changes.
 */
export async function ingestPageRead(db: DB, read: PageRead): Promise<IngestResult> {
  const result: IngestResult = { stored: 0, unchanged: 0, discarded: 0, changes: [], keys: [] };
  if (read.marketplace === null || read.listings.length === 0) return result;
  const marketplace = read.marketplace;
  const at = read.readAt;
  const batchId = `visit:${read.readAt}`;
  const tx = openIngestTx(db);
  try {
    await ingestInto(tx, read, marketplace, at, batchId, result);
    // Stock sync's snapshot of the latest stock (lib/db/stock-snapshot.ts), in the same transaction.
    await updateStockSnapshot(tx, read, result.keys);
    // Velocity's stored day series (lib/db/day-series.ts), in the same transaction.
    await recordVisit(tx, read, result.keys);
  } catch (error) {
    // Requests already issued would otherwise commit when the transaction runs dry: abort them.
    try {
      tx.abort();
    } catch {}
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  return result;
}

type IngestTx = ReturnType<typeof openIngestTx>;
function openIngestTx(db: DB) {
  // The day series join where the schema has them (version 5 on; a test may open an older one).
  const stores = ['skus', 'observations', 'changes', 'meta', 'daySeries'] as const;
  const present = db.objectStoreNames.contains('daySeries') ? stores : stores.slice(0, 4);
  return db.transaction(present as typeof stores, 'readwrite', { durability: 'relaxed' });
}

async function ingestInto(
  tx: IngestTx,
  read: PageRead,
  marketplace: string,
  at: number,
  batchId: string,
  result: IngestResult,
): Promise<void> {
  const skus = tx.objectStore('skus');
  const observations = tx.objectStore('observations');
  const changes = tx.objectStore('changes');
  const keyed = read.listings.map((listing) => ({
    listing,
    key: skuKey({ account: read.account, marketplace, sku: listing.sku }),
  }));
  let existing: Map<string, SkuRecord>;
  if (keyed.length >= RANGE_READ_FROM) {
    const prefix = skuKey({ account: read.account, marketplace, sku: '' });
    const all = await skus.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    existing = new Map(all.map((record) => [record.key, record]));
  } else {
    const found = await Promise.all(keyed.map(({ key }) => skus.get(key)));
    existing = new Map();
    found.forEach((record) => {
      if (record) existing.set(record.key, record);
    });
  }

  const pending: Array<Promise<unknown>> = [];
  // Marked handled at once: after an abort each of them rejects, and only the first error matters.
  const keep = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    pending.push(request);
  };
  for (const { listing, key } of keyed) {
    const record = existing.get(key);
    if (record?.lastWriteAt !== undefined && read.loadedAt < record.lastWriteAt) {
      result.discarded++;
      continue;
    }
    result.keys.push(key);
    const next = observationOf(key, listing, at, 'page');
    if (!record) {
      keep(observations.put(next));
      keep(
        skus.put({
          key,
          account: read.account,
          marketplace,
          sku: listing.sku,
          ...(listing.asin ? { asin: listing.asin } : {}),
          ...(listing.parentAsin ? { parentAsin: listing.parentAsin } : {}),
          ...(listing.title ? { title: listing.title } : {}),
          channel: listing.channel,
          latest: listing,
          lastObservation: next,
          firstSeenAt: at,
          lastSeenAt: at,
          lastChangedAt: at,
          visits: 1,
        }),
      );
      result.stored++;
      continue;
    }
    if (at <= record.lastSeenAt) {
      // An older read arriving late (two tabs): the stored state is already newer.
      result.unchanged++;
      continue;
    }
    const updated: SkuRecord = {
      ...record,
      latest: listing,
      channel: listing.channel,
      lastSeenAt: at,
      visits: record.visits + 1,
      ...(listing.asin ? { asin: listing.asin } : {}),
      ...(listing.title ? { title: listing.title } : {}),
    };
    if (sameState(record.lastObservation, next)) {
      keep(skus.put(updated));
      result.unchanged++;
      continue;
    }
    const previous: ObservationRecord = { ...record.lastObservation, seenUntil: record.lastSeenAt };
    const writes: ShelfwiseWrite[] = [];
    if (record.lastWriteAt !== undefined && record.lastWriteAt > previous.at) {
      const range = IDBKeyRange.bound([key, previous.at], [key, at], true, false);
      for (const change of await changes.index('by-key-at').getAll(range)) {
        const write = toWrite(change);
        if (write) writes.push(write);
      }
    }
    const classified = classifyChange(toObservation(previous), toObservation(next), { writes });
    for (const part of classified.parts) {
      // Shelfwise's own writes are already recorded, with their batch, when they were made.
      if (part.kind === 'shelfwise' || (part.delta === 0 && !part.inboundDelta)) continue;
      const change: ChangeRecord = {
        key,
        account: read.account,
        marketplace,
        sku: listing.sku,
        at,
        from: part.from,
        to: part.to,
        kind: part.kind,
        reason: part.reason,
        origin: 'page',
        before: part.before,
        after: part.after,
        delta: part.delta,
        batchId,
        ...(part.inboundDelta !== undefined ? { inboundDelta: part.inboundDelta } : {}),
      };
      result.changes.push(change);
      keep(changes.add(change));
    }
    keep(observations.put(previous));
    keep(observations.put(next));
    keep(skus.put({ ...updated, lastObservation: next, lastChangedAt: at }));
    result.stored++;
  }
  await Promise.all(pending);
}
