import type { DB } from '../lib/db/open';
import type { ChangeRecord, ObservationRecord, SkuRecord } from '../lib/db/schema';
import { skuKey } from '../lib/model/keys';
import type { Listing } from '../lib/model/listing';
import type { Observation, SalesHistory } from '../lib/velocity/types';

/**
 * The store the velocity benches read (bench/velocity-page.ts, bench/velocity-basis-page.ts), seeded
 * in an extension page as ingest leaves it: a SKU record per history and, for the SKUs asked for, every
 * observation and Shelfwise write of it.
 */

export const ACCOUNT = 'Bench Seller';
export const MARKETPLACE = 'US';

export function benchSku(i: number): string {
  return `BENCH-${String(i).padStart(5, '0')}`;
}

/** Deletes the bench database left by an earlier run (one that is still open elsewhere is not waited for). */
export async function deleteDatabase(name: string): Promise<void> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}

function listingOf(sku: string, last: Observation, catalogue: boolean): Listing {
  const stock: Listing['stock'] = {};
  if (last.available !== undefined) stock.available = last.available;
  if (last.reserved !== undefined) stock.reserved = last.reserved;
  if (last.inboundShipped !== undefined) stock.inboundShipped = last.inboundShipped;
  if (last.inboundReceiving !== undefined) stock.inboundReceiving = last.inboundReceiving;
  return {
    account: ACCOUNT,
    marketplace: MARKETPLACE,
    sku,
    ...(catalogue ? { asin: `B0${sku.slice(-8)}`, title: `Bench product ${sku}` } : {}),
    channel: last.channel,
    quantityEditable: last.channel === 'mfn',
    stock,
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
  };
}

export function observationRecord(key: string, o: Observation): ObservationRecord {
  return { ...o, key, state: 'active', origin: 'page' };
}

/** The SKU record ingest keeps for history i (SKU benchSku(i)); `catalogue` adds an ASIN and a title. */
export function skuRecordOf(i: number, history: SalesHistory, catalogue: boolean): SkuRecord {
  const sku = benchSku(i);
  const key = skuKey({ account: ACCOUNT, marketplace: MARKETPLACE, sku });
  const first = history.observations[0] as Observation;
  const last = history.observations[history.observations.length - 1] as Observation;
  return {
    key,
    account: ACCOUNT,
    marketplace: MARKETPLACE,
    sku,
    ...(catalogue ? { asin: `B0${String(i).padStart(8, '0')}`, title: `Bench product ${sku}` } : {}),
    channel: last.channel,
    latest: listingOf(sku, last, catalogue),
    lastObservation: observationRecord(key, last),
    firstSeenAt: first.at,
    lastSeenAt: history.lastSeenAt as number,
    lastChangedAt: last.at,
    visits: history.observations.length,
  };
}

/**
 * Stores the SKU record of every history and, for those `withHistory` picks, its observations and
 * writes (as Shelfwise changes); a few thousand SKUs a transaction keeps the seeding's memory bounded.
 * Returns the observations stored.
 */
export async function seedSkus(
  db: DB,
  histories: readonly SalesHistory[],
  options: { catalogue: boolean; withHistory: (i: number) => boolean },
): Promise<number> {
  let observations = 0;
  for (let start = 0; start < histories.length; start += 2000) {
    const tx = db.transaction(['skus', 'observations', 'changes'], 'readwrite', { durability: 'relaxed' });
    for (let i = start; i < Math.min(histories.length, start + 2000); i++) {
      const history = histories[i] as SalesHistory;
      const record = skuRecordOf(i, history, options.catalogue);
      tx.objectStore('skus').put(record);
      if (!options.withHistory(i)) continue;
      for (const o of history.observations) {
        tx.objectStore('observations').put(observationRecord(record.key, o));
        observations++;
      }
      for (const w of history.writes) {
        const change: ChangeRecord = {
          key: record.key,
          account: ACCOUNT,
          marketplace: MARKETPLACE,
          sku: record.sku,
          at: w.at,
          from: w.at,
          to: w.at,
          kind: 'shelfwise',
          reason: 'shelfwise-write',
          origin: 'shelfwise',
          before: w.before,
          after: w.after,
          delta: w.after - w.before,
          batchId: w.batchId,
          writeKind: w.kind,
        };
        tx.objectStore('changes').add(change);
      }
    }
    await tx.done;
  }
  return observations;
}
