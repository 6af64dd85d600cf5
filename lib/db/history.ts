import type { SalesHistory, ShelfwiseWrite } from '../velocity/types';
import { toObservation, toWrite } from './ingest';
import type { DB } from './open';
import { type ImportedSales, importedSales } from './reports';
import type { ChangeKind, ChangeOrigin, ChangeRecord, ObservationRecord, SkuRecord } from './schema';

const DAY = 86_400_000;

/** Observations of one SKU from `since` on, plus the last one before it (the state the range starts in). */
export async function observationsSince(db: DB, key: string, since: number): Promise<ObservationRecord[]> {
  const tx = db.transaction('observations', 'readonly');
  const store = tx.store;
  const [before, inRange] = await Promise.all([
    store.openCursor(IDBKeyRange.bound([key, -Infinity], [key, since], false, true), 'prev'),
    store.getAll(IDBKeyRange.bound([key, since], [key, Infinity])),
  ]);
  await tx.done;
  return before ? [before.value, ...inRange] : inRange;
}

async function changesSince(db: DB, key: string, since: number): Promise<ChangeRecord[]> {
  return db.getAllFromIndex('changes', 'by-key-at', IDBKeyRange.bound([key, since], [key, Infinity]));
}

/**
 * Everything velocity needs for one SKU over the last `days` days (91 covers the 90-day window
 * and the day before it): page visits, Shelfwise's writes, the page's own sales figure, and what
 * imported reports say (daily orders, period figures), which velocity prefers over snapshots.
 */
export async function salesHistory(db: DB, key: string, now: number, days = 91): Promise<SalesHistory | undefined> {
  const sku = await db.get('skus', key);
  if (!sku) return undefined;
  const since = historySince(now, days);
  const [observations, changes, imported] = await Promise.all([
    observationsSince(db, key, since),
    changesSince(db, key, since),
    importedSales(db, sku, now, days),
  ]);
  return historyFrom(sku, observations, changes, imported);
}

/** The first instant salesHistory reads observations and changes from. */
export function historySince(now: number, days = 91): number {
  return now - (days + 1) * DAY;
}

/** salesHistory from the stored records of one SKU, however they were read (lib/db/histories.ts batches them). */
export function historyFrom(
  sku: SkuRecord,
  observations: readonly ObservationRecord[],
  changes: readonly ChangeRecord[],
  imported: ImportedSales,
): SalesHistory {
  const writes = changes.map(toWrite).filter((w): w is ShelfwiseWrite => !!w);
  const history: SalesHistory = {
    observations: observations.map(toObservation),
    lastSeenAt: sku.lastSeenAt,
    writes,
    visits: sku.visits,
  };
  if (sku.latest.pageSales) history.pageSales = sku.latest.pageSales;
  if (imported.orders) history.orders = imported.orders;
  if (imported.periods.length > 0) history.periods = imported.periods;
  return history;
}

export interface SkuTimeline {
  sku: SkuRecord;
  observations: ObservationRecord[];
  changes: ChangeRecord[];
}

/** One SKU's stock over time with its interpreted changes, for the dashboard's chart. */
export async function skuTimeline(db: DB, key: string, since: number): Promise<SkuTimeline | undefined> {
  // One transaction, every request issued at once: the chart waits for one round trip, not four.
  const tx = db.transaction(['skus', 'observations', 'changes'], 'readonly');
  const observations = tx.objectStore('observations');
  const [sku, before, inRange, changes] = await Promise.all([
    tx.objectStore('skus').get(key),
    observations.openCursor(IDBKeyRange.bound([key, -Infinity], [key, since], false, true), 'prev'),
    observations.getAll(IDBKeyRange.bound([key, since], [key, Infinity])),
    tx
      .objectStore('changes')
      .index('by-key-at')
      .getAll(IDBKeyRange.bound([key, since], [key, Infinity])),
  ]);
  await tx.done;
  if (!sku) return undefined;
  return { sku, observations: before ? [before.value, ...inRange] : inRange, changes };
}

export interface ChangeFilter {
  /** Substring of the SKU, case-insensitive. */
  sku?: string;
  origin?: ChangeOrigin;
  kind?: ChangeKind;
  from?: number;
  to?: number;
  marketplace?: string;
  limit?: number;
}

/** Changes newest first, filtered; walks the time index so a narrow date range stays cheap. */
export async function listChanges(db: DB, filter: ChangeFilter = {}): Promise<ChangeRecord[]> {
  const limit = filter.limit ?? 500;
  const needle = filter.sku?.toLowerCase();
  const range = IDBKeyRange.bound(filter.from ?? 0, filter.to ?? Number.MAX_SAFE_INTEGER);
  const result: ChangeRecord[] = [];
  let cursor = await db.transaction('changes').store.index('by-at').openCursor(range, 'prev');
  while (cursor && result.length < limit) {
    const change = cursor.value;
    if (
      (!needle || change.sku.toLowerCase().includes(needle)) &&
      (!filter.origin || change.origin === filter.origin) &&
      (!filter.kind || change.kind === filter.kind) &&
      (!filter.marketplace || change.marketplace === filter.marketplace)
    ) {
      result.push(change);
    }
    cursor = await cursor.continue();
  }
  return result;
}
