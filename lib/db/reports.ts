import { marketplaceByCode } from '../marketplaces';
import { skuKey } from '../model/keys';
import { DAY_MS, type DayKey, dayKey } from '../time';
import type { ImportedOrders, PeriodSales } from '../velocity/types';
import type { DB } from './open';
import type {
  AmazonRecommendation,
  FbaDetailRecord,
  ImportLogRecord,
  OrderCoverageRecord,
  OrderDaysRecord,
  PeriodSalesRecord,
  SkuRecord,
} from './schema';

/**
 * Reading what imported reports stored: the FBA detail and Amazon's recommendation per SKU (for
 * alerts and the popup), the imported sales velocity uses, the import log, and the ASIN → SKU map
 * the by-ASIN Business Report needs. Writing is lib/db/imports.ts.
 */

export type { AmazonRecommendation, FbaDetailRecord, ImportLogRecord };

function prefixRange(account: string, marketplace: string): IDBKeyRange {
  const prefix = skuKey({ account, marketplace, sku: '' });
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

/**
 * The latest FBA detail of one SKU (key from lib/model/keys): available, inbound (working,
 * shipped, receiving), reserved, unfulfillable, each part with the report and day it came from,
 * and Amazon's recommendation where a Restock or FBA Inventory report gave one.
 */
export async function fbaDetail(db: DB, key: string): Promise<FbaDetailRecord | undefined> {
  return db.get('fbaDetail', key);
}

/** The FBA detail of every SKU of one account and marketplace, by SKU key. */
export async function fbaDetails(db: DB, account: string, marketplace: string): Promise<Map<string, FbaDetailRecord>> {
  const records = await db.getAll('fbaDetail', prefixRange(account, marketplace));
  return new Map(records.map((r) => [r.key, r]));
}

/** Amazon's recommended quantity (and ship date) for one SKU, from the latest report that gave one. */
export async function amazonRecommendation(db: DB, key: string): Promise<AmazonRecommendation | undefined> {
  return (await fbaDetail(db, key))?.recommendation;
}

export interface ImportedSales {
  orders?: ImportedOrders;
  periods: PeriodSales[];
}

/**
 * What imports say about one SKU's sales over the last `days` days, in velocity's shapes: daily
 * units from the most recent stretch of days All Orders imports cover (a day in it with no units
 * sold nothing; days outside it are unknown, so an older, separate stretch is left out), and every
 * period figure (Business, Restock, FBA Inventory) that ends in the window.
 */
export async function importedSales(
  db: DB,
  sku: Pick<SkuRecord, 'key' | 'account' | 'marketplace'>,
  now: number,
  days = 91,
): Promise<ImportedSales> {
  const since = importedSince(sku.marketplace, now, days);
  const tx = db.transaction(['orderDays', 'orderCoverage', 'periodSales'], 'readonly');
  const [daily, coverage, periods] = await Promise.all([
    tx.objectStore('orderDays').get(sku.key),
    tx.objectStore('orderCoverage').get(`${sku.account}\u001f${sku.marketplace}`),
    tx.objectStore('periodSales').getAll(IDBKeyRange.bound([sku.key], [sku.key, []])),
  ]);
  await tx.done;
  return importedSalesFrom(daily, coverage, periods, since);
}

/** The first marketplace day importedSales looks at. */
export function importedSince(marketplace: string, now: number, days = 91): DayKey {
  const timeZone = marketplaceByCode(marketplace)?.timeZone ?? 'UTC';
  return dayKey(now - (days + 1) * DAY_MS, timeZone);
}

/** importedSales from the stored records of one SKU, however they were read (one SKU or a batch). */
export function importedSalesFrom(
  daily: OrderDaysRecord | undefined,
  coverage: OrderCoverageRecord | undefined,
  periods: readonly PeriodSalesRecord[],
  since: DayKey,
): ImportedSales {
  const out: ImportedSales = {
    periods: periods.filter((p) => p.to >= since).map((p) => ({ from: p.from, to: p.to, units: p.units })),
  };
  const span = coverage?.spans[coverage.spans.length - 1];
  if (span && span.to >= since) {
    const from = span.from > since ? span.from : since;
    out.orders = {
      from,
      to: span.to,
      days: (daily?.days ?? []).filter((d) => d.day >= from && d.day <= span.to),
    };
  }
  return out;
}

/** The import log, newest first. */
export async function listImports(db: DB, limit = 100): Promise<ImportLogRecord[]> {
  const out: ImportLogRecord[] = [];
  let cursor = await db.transaction('imports').store.index('by-at').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * ASIN → the seller's SKUs with that ASIN in one account and marketplace, from the listings seen
 * on the inventory page and those imported from listings reports.
 */
export async function asinToSkuMap(db: DB, account: string, marketplace: string): Promise<Record<string, string[]>> {
  const tx = db.transaction(['skus', 'reportListings'], 'readonly');
  const [seen, imported] = await Promise.all([
    tx.objectStore('skus').index('by-marketplace').getAll([account, marketplace]),
    tx.objectStore('reportListings').getAll(prefixRange(account, marketplace)),
  ]);
  await tx.done;
  const map = new Map<string, Set<string>>();
  const add = (asin: string | undefined, sku: string) => {
    if (!asin) return;
    const skus = map.get(asin) ?? new Set<string>();
    skus.add(sku);
    map.set(asin, skus);
  };
  // A variation parent has no offer of its own: units ordered are never the parent's.
  for (const r of seen) if (!r.latest.isParent) add(r.asin, r.sku);
  for (const r of imported) add(r.asin, r.sku);
  const out: Record<string, string[]> = {};
  for (const [asin, skus] of map) out[asin] = [...skus].sort();
  return out;
}

/** Every (account, marketplace) the store has seen listings of, in key order. */
export async function knownMarketplaces(db: DB): Promise<Array<{ account: string; marketplace: string }>> {
  const out: Array<{ account: string; marketplace: string }> = [];
  let cursor = await db.transaction('skus').store.index('by-marketplace').openKeyCursor(null, 'nextunique');
  while (cursor) {
    const [account, marketplace] = cursor.key;
    out.push({ account, marketplace });
    cursor = await cursor.continue();
  }
  return out;
}
