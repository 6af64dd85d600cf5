import type { SalesHistory } from '../velocity/types';
import { historyFrom, historySince } from './history';
import type { DB } from './open';
import { importedSalesFrom, importedSince } from './reports';
import type { ChangeRecord, ObservationRecord, OrderDaysRecord, PeriodSalesRecord, SkuRecord } from './schema';

/**
 * salesHistory for many SKUs at once, for the alert basis's daily rebuild of a whole marketplace.
 *
 * salesHistory opens four transactions and issues six requests per SKU; for ten thousand SKUs that
 * costs over a minute, and even with every request of a chunk in one transaction IndexedDB's cost per
 * request keeps it at tens of seconds. So a whole marketplace (`dense`, the daily rebuild) is read by
 * key range: per chunk of SKUs in key order, one request per store, split per SKU here. A range read
 * also carries the observations before the window (one a day once compacted) and old changes (never
 * compacted) of the chunk's SKUs, which is why dense chunks are small. Scattered SKUs (one page's
 * rows) are read one by one, every request of a chunk in one transaction.
 *
 * The result for each SKU is what salesHistory(db, key, now, days) returns given the same SKU record.
 */

/** SKUs per transaction: enough requests to keep IndexedDB busy, few enough to bound memory. */
const CHUNK = 500;
/**
 * SKUs per transaction when a whole marketplace is read by key range: a range read also carries each
 * SKU's observations before the window (one a day once compacted) and every change before it (changes
 * are never compacted), so fewer SKUs per read bound what one read holds.
 */
const DENSE_CHUNK = 100;

type PerSku = [ObservationRecord | undefined, ObservationRecord[], ChangeRecord[], undefined, undefined];

/**
 * A range read's records split per SKU as the per-SKU reads give them: the last observation before
 * `since` and those from `since` on, the changes from `since` on, each in key order.
 */
function byKey(
  chunk: readonly SkuRecord[],
  since: number,
  observations: readonly ObservationRecord[],
  changes: readonly ChangeRecord[],
): PerSku[] {
  const index = new Map<string, PerSku>();
  for (const sku of chunk) index.set(sku.key, [undefined, [], [], undefined, undefined]);
  for (const o of observations) {
    const slot = index.get(o.key);
    if (!slot) continue;
    if (o.at < since) slot[0] = o;
    else slot[1].push(o);
  }
  for (const c of changes) {
    const slot = index.get(c.key);
    if (slot && c.at >= since) slot[2].push(c);
  }
  return chunk.map((sku) => index.get(sku.key) as PerSku);
}

export interface HistoriesOptions {
  days?: number;
  /**
   * The SKUs are a run of one account and marketplace in key order (a whole marketplace): imported
   * sales are then read by key range. Sparse keys (one page's rows) are read one by one.
   */
  dense?: boolean;
}

function keyRange(first: string, last: string): IDBKeyRange {
  return IDBKeyRange.bound([first], [last, []]);
}

/** Histories of `skus` (all of one account and marketplace), calling `each` per SKU in the given order. */
export async function forEachSalesHistory(
  db: DB,
  skus: readonly SkuRecord[],
  now: number,
  each: (sku: SkuRecord, history: SalesHistory) => void,
  options: HistoriesOptions = {},
): Promise<void> {
  const days = options.days ?? 91;
  const since = historySince(now, days);
  const size = options.dense ? DENSE_CHUNK : CHUNK;
  for (let start = 0; start < skus.length; start += size) {
    const chunk = skus.slice(start, start + size);
    const first = chunk[0] as SkuRecord;
    const sorted = options.dense ? chunk.map((s) => s.key).sort() : [];
    const tx = db.transaction(['observations', 'changes', 'orderDays', 'orderCoverage', 'periodSales'], 'readonly');
    const observations = tx.objectStore('observations');
    const changes = tx.objectStore('changes').index('by-key-at');
    const orderDays = tx.objectStore('orderDays');
    const periodSales = tx.objectStore('periodSales');
    const coverage = tx.objectStore('orderCoverage').get(`${first.account}\u001f${first.marketplace}`);
    const denseDays = options.dense
      ? orderDays.getAll(IDBKeyRange.bound(sorted[0] as string, sorted[sorted.length - 1] as string))
      : undefined;
    const densePeriods = options.dense
      ? periodSales.getAll(keyRange(sorted[0] as string, sorted[sorted.length - 1] as string))
      : undefined;
    const denseObservations = options.dense
      ? observations.getAll(keyRange(sorted[0] as string, sorted[sorted.length - 1] as string))
      : undefined;
    const denseChanges = options.dense
      ? changes.getAll(IDBKeyRange.bound([sorted[0] as string, since], [sorted[sorted.length - 1] as string, Infinity]))
      : undefined;
    const reads = options.dense
      ? []
      : chunk.map((sku) =>
          Promise.all([
            observations
              .openCursor(IDBKeyRange.bound([sku.key, -Infinity], [sku.key, since], false, true), 'prev')
              .then((cursor) => cursor?.value),
            observations.getAll(IDBKeyRange.bound([sku.key, since], [sku.key, Infinity])),
            changes.getAll(IDBKeyRange.bound([sku.key, since], [sku.key, Infinity])),
            orderDays.get(sku.key),
            periodSales.getAll(IDBKeyRange.bound([sku.key], [sku.key, []])),
          ]),
        );
    const [sparse, cover, allDays, allPeriods, allObservations, allChanges] = await Promise.all([
      Promise.all(reads),
      coverage,
      denseDays,
      densePeriods,
      denseObservations,
      denseChanges,
    ]);
    await tx.done;
    const perSku = options.dense ? byKey(chunk, since, allObservations ?? [], allChanges ?? []) : sparse;
    const daysByKey = new Map((allDays ?? []).map((d) => [d.key, d]));
    const periodsByKey = new Map<string, PeriodSalesRecord[]>();
    for (const p of allPeriods ?? []) {
      const list = periodsByKey.get(p.key);
      if (list) list.push(p);
      else periodsByKey.set(p.key, [p]);
    }
    const sinceDay = importedSince(first.marketplace, now, days);
    chunk.forEach((sku, i) => {
      const [before, inRange, changed, daily, periods] = perSku[i] as [
        ObservationRecord | undefined,
        ObservationRecord[],
        ChangeRecord[],
        OrderDaysRecord | undefined,
        PeriodSalesRecord[] | undefined,
      ];
      const imported = importedSalesFrom(
        options.dense ? daysByKey.get(sku.key) : daily,
        cover,
        (options.dense ? periodsByKey.get(sku.key) : periods) ?? [],
        sinceDay,
      );
      each(sku, historyFrom(sku, before ? [before, ...inRange] : inRange, changed, imported));
    });
  }
}
