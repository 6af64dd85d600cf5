import { rebuildMarketplace } from '../lib/background/alert-basis';
import { type DB, openStore } from '../lib/db/open';
import type { ChangeRecord, ObservationRecord, SkuRecord } from '../lib/db/schema';
import { skuKey } from '../lib/model/keys';
import type { Listing } from '../lib/model/listing';
import { defaultSettings } from '../lib/settings/schema';
import type { Observation } from '../lib/velocity/types';
import { speedHistories } from './velocity';

/**
 * The page side of bench/velocity-basis.ts, inside the extension's options page (the extension origin's
 * real IndexedDB): a marketplace of SKUs with every observation of their last `days` days stored (one a
 * day where the stock changed, Shelfwise writes as changes, one SKU in three FBA), and the alert basis's
 * daily rebuild (rebuildMarketplace) timed from its day series and, in the same run, from every history.
 */

const ACCOUNT = 'Bench Seller';
const MARKETPLACE = 'US';

function listingOf(sku: string, last: Observation): Listing {
  const stock: Listing['stock'] = {};
  if (last.available !== undefined) stock.available = last.available;
  if (last.reserved !== undefined) stock.reserved = last.reserved;
  if (last.inboundShipped !== undefined) stock.inboundShipped = last.inboundShipped;
  if (last.inboundReceiving !== undefined) stock.inboundReceiving = last.inboundReceiving;
  return {
    account: ACCOUNT,
    marketplace: MARKETPLACE,
    sku,
    asin: `B0${sku.slice(-8)}`,
    title: `Bench product ${sku}`,
    channel: last.channel,
    quantityEditable: last.channel === 'mfn',
    stock,
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
  };
}

export interface BasisSeeded {
  skus: number;
  observations: number;
  seedMs: number;
}

export async function seedBasisStore(options: {
  name: string;
  skus: number;
  days: number;
  now: number;
}): Promise<BasisSeeded> {
  const started = performance.now();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(options.name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  const db = await openStore(options.name);
  const histories = speedHistories(options.skus, options.days, options.now);
  let observations = 0;
  // A few thousand SKUs a transaction keeps the seeding's memory bounded.
  for (let start = 0; start < histories.length; start += 2000) {
    const tx = db.transaction(['skus', 'observations', 'changes'], 'readwrite', { durability: 'relaxed' });
    for (let i = start; i < Math.min(histories.length, start + 2000); i++) {
      const h = histories[i] as (typeof histories)[number];
      const sku = `BENCH-${String(i).padStart(5, '0')}`;
      const key = skuKey({ account: ACCOUNT, marketplace: MARKETPLACE, sku });
      const first = h.observations[0] as Observation;
      const last = h.observations[h.observations.length - 1] as Observation;
      const record = (o: Observation): ObservationRecord => ({ ...o, key, state: 'active', origin: 'page' });
      const skuRecord: SkuRecord = {
        key,
        account: ACCOUNT,
        marketplace: MARKETPLACE,
        sku,
        asin: `B0${String(i).padStart(8, '0')}`,
        title: `Bench product ${sku}`,
        channel: last.channel,
        latest: listingOf(sku, last),
        lastObservation: record(last),
        firstSeenAt: first.at,
        lastSeenAt: h.lastSeenAt as number,
        lastChangedAt: last.at,
        visits: h.observations.length,
      };
      tx.objectStore('skus').put(skuRecord);
      for (const o of h.observations) {
        tx.objectStore('observations').put(record(o));
        observations++;
      }
      for (const w of h.writes) {
        const change: ChangeRecord = {
          key,
          account: ACCOUNT,
          marketplace: MARKETPLACE,
          sku,
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
  db.close();
  return { skus: histories.length, observations, seedMs: performance.now() - started };
}

export interface BasisTiming {
  /** The first rebuild: no series stored yet, every history read and the series built and written. */
  first: number;
  /** The rebuild from the day series (FBA SKUs from their histories for the fee series). */
  series: number[];
  /** The same rebuild from every history (as before the series were wired). */
  histories: number[];
  entries: number;
  fromSeries: number;
  /** Σ perDay and Σ σ of both, which must agree exactly. */
  checksums: [number, number];
}

export async function timeRebuilds(options: { name: string; now: number; runs: number }): Promise<BasisTiming> {
  const db: DB = await openStore(options.name);
  const settings = defaultSettings();
  let at = performance.now();
  const first = await rebuildMarketplace(db, ACCOUNT, MARKETPLACE, settings, options.now, true);
  const out: BasisTiming = {
    first: performance.now() - at,
    series: [],
    histories: [],
    entries: first.record.entries.length,
    fromSeries: 0,
    checksums: [0, 0],
  };
  const sum = (entries: typeof first.record.entries) =>
    entries.reduce((s, e) => s + (e.perDay ?? 0) * 1e3 + (e.sigma ?? 0), 0);
  for (let run = 0; run < options.runs; run++) {
    at = performance.now();
    const fast = await rebuildMarketplace(db, ACCOUNT, MARKETPLACE, settings, options.now, true);
    out.series.push(performance.now() - at);
    at = performance.now();
    const slow = await rebuildMarketplace(db, ACCOUNT, MARKETPLACE, settings, options.now, false);
    out.histories.push(performance.now() - at);
    out.fromSeries = fast.fromSeries;
    out.checksums = [sum(fast.record.entries), sum(slow.record.entries)];
  }
  db.close();
  return out;
}
