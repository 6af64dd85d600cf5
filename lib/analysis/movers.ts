import { type DayKey, daysBetween } from '../time';
import type { SkuPerformance } from './types';

/**
 * What sells and what sits, in the terms a seller plans stock with:
 *
 * - **Fast movers** (畅销品): the top N SKUs by units per day over the period — the ones never to
 *   run out of.
 * - **Dead stock** (呆滞库存): stock on hand and no sale in the last `deadDays` days (default 90):
 *   money tied up that is not coming back by itself (clearance, removal, a price cut).
 * - **Slow movers** (滞销品): stock on hand that, at the period's rate, lasts more than `slowCoverDays`
 *   (default 180) days — selling, but far slower than it is stocked. Dead stock is not also listed
 *   as slow.
 * - **Sell-through** (动销率): units sold ÷ (units sold + units left) over the period: the share of
 *   the stock available in the period that sold. 80 % in 30 days is healthy; 5 % is overstock.
 * - **Stock value** (库存货值): units on hand × unit cost, where the cost is known; SKUs without a
 *   cost are counted apart rather than valued at 0.
 */

export interface MoverOptions {
  /** The analysis day (the period's last day), to count days since the last sale. */
  today: DayKey;
  /** No sale in this many days with stock on hand = dead stock (default 90). */
  deadDays?: number;
  /** More days of cover than this = slow mover (default 180). */
  slowCoverDays?: number;
}

export interface MoverEntry {
  key: string;
  sku: string;
  units: number;
  perDay: number;
  stock?: number;
  /** stock ÷ units per day; undefined when nothing sold or the stock is unknown. */
  daysOfCover?: number;
  lastSaleDay?: DayKey;
  /** Days from the last sale to `today`; undefined when no sale is known. */
  daysSinceSale?: number;
}

function entry(r: SkuPerformance, today: DayKey): MoverEntry {
  const perDay = r.units / Math.max(1, r.periodDays);
  const e: MoverEntry = { key: r.key, sku: r.sku, units: r.units, perDay };
  if (r.stock !== undefined) {
    e.stock = r.stock;
    if (perDay > 0) e.daysOfCover = r.stock / perDay;
  }
  if (r.lastSaleDay !== undefined) {
    e.lastSaleDay = r.lastSaleDay;
    e.daysSinceSale = daysBetween(r.lastSaleDay, today);
  }
  return e;
}

const bySku = (x: MoverEntry, y: MoverEntry) => (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0);

/** The `limit` SKUs with the most units per day (those that sold at all), fastest first. */
export function fastMovers(records: readonly SkuPerformance[], limit: number, today: DayKey): MoverEntry[] {
  return records
    .filter((r) => r.units > 0)
    .map((r) => entry(r, today))
    .sort((x, y) => y.perDay - x.perDay || bySku(x, y))
    .slice(0, Math.max(0, limit));
}

/**
 * Dead stock: stock on hand and no sale within `deadDays` (a SKU with no known sale at all counts
 * as dead when it has stock). Longest-idle first, then most stock.
 */
export function deadStock(records: readonly SkuPerformance[], options: MoverOptions): MoverEntry[] {
  const deadDays = options.deadDays ?? 90;
  return records
    .filter((r) => (r.stock ?? 0) > 0)
    .map((r) => entry(r, options.today))
    .filter((e) => e.daysSinceSale === undefined || e.daysSinceSale > deadDays)
    .sort(
      (x, y) =>
        (y.daysSinceSale ?? Number.POSITIVE_INFINITY) - (x.daysSinceSale ?? Number.POSITIVE_INFINITY) ||
        (y.stock ?? 0) - (x.stock ?? 0) ||
        bySku(x, y),
    );
}

/** Slow movers: selling, with more than `slowCoverDays` of cover; most cover first. Dead stock excluded. */
export function slowMovers(records: readonly SkuPerformance[], options: MoverOptions): MoverEntry[] {
  const deadDays = options.deadDays ?? 90;
  const slowCover = options.slowCoverDays ?? 180;
  return records
    .filter((r) => (r.stock ?? 0) > 0 && r.units > 0)
    .map((r) => entry(r, options.today))
    .filter((e) => (e.daysSinceSale === undefined || e.daysSinceSale <= deadDays) && (e.daysOfCover ?? 0) > slowCover)
    .sort((x, y) => (y.daysOfCover ?? 0) - (x.daysOfCover ?? 0) || bySku(x, y));
}

/** units ÷ (units + ending stock), 0–1; undefined when the stock is unknown or there was nothing to sell. */
export function sellThrough(record: Pick<SkuPerformance, 'units' | 'stock'>): number | undefined {
  if (record.stock === undefined) return undefined;
  const available = record.units + Math.max(0, record.stock);
  return available > 0 ? record.units / available : undefined;
}

export interface StockValueEntry {
  key: string;
  sku: string;
  stock: number;
  cost: number;
  value: number;
}

export interface StockValue {
  /** SKUs with stock and a known cost, most valuable first. */
  entries: StockValueEntry[];
  total: number;
  /** SKUs with stock on hand but no cost: not in the total. */
  withoutCost: number;
}

export function stockValue(records: readonly SkuPerformance[]): StockValue {
  const entries: StockValueEntry[] = [];
  let total = 0;
  let withoutCost = 0;
  for (const r of records) {
    if (r.stock === undefined || r.stock <= 0) continue;
    if (r.cost === undefined) {
      withoutCost++;
      continue;
    }
    const value = r.stock * r.cost;
    total += value;
    entries.push({ key: r.key, sku: r.sku, stock: r.stock, cost: r.cost, value });
  }
  entries.sort((x, y) => y.value - x.value || (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0));
  return { entries, total, withoutCost };
}
