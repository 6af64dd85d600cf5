import { DAY_MS, type DayKey } from '../time';
import { MIN_IN_STOCK_DAYS } from './rate';
import type { Observation, Trend, WindowFigure, WindowKey } from './types';

/**
 * Days of cover, projected stock-out day and trend. Every figure is null (or 'unknown') when the data
 * does not support it: no rate, a rate of 0, or no stock figure.
 */

/** A trend needs the recent rate this far from the longer one… */
export const TREND_THRESHOLD = 0.2;
/** …and that far outside chance (z-score of the difference under a steady Poisson rate). */
export const TREND_MIN_Z = 2;
/** Beyond this a stock-out day is not a date anyone plans by. */
export const MAX_COVER_DAYS = 3650;

export interface StockCount {
  /** available + the inbound that counts; null when available is not known. */
  stock: number | null;
  available: number | null;
  inboundCounted: number;
  /** Only an inbound total was shown, so shipments still being prepared are in it. */
  inboundIncludesWorking: boolean;
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Stock that will sell before more is ordered: available, plus inbound that is shipped or being
 * received, plus shipments still being prepared ("working") only when the seller asks for it, since
 * those often change or never leave. Reserved is left out: most of it is customer orders already sold.
 */
export function countStock(last: Observation | null, includeWorking: boolean): StockCount {
  if (!last || !isCount(last.available)) {
    return { stock: null, available: null, inboundCounted: 0, inboundIncludesWorking: false };
  }
  const inbound = countedInbound(last, includeWorking);
  return {
    stock: last.available + inbound,
    available: last.available,
    inboundCounted: inbound,
    inboundIncludesWorking: !hasInboundParts(last) && isCount(last.inbound) && !includeWorking && last.inbound > 0,
  };
}

/** countStock's stock alone, NaN where it is null: a whole marketplace's column without an object per SKU. */
export function stockOf(last: Observation, includeWorking: boolean): number {
  return isCount(last.available) ? last.available + countedInbound(last, includeWorking) : Number.NaN;
}

function hasInboundParts(last: Observation): boolean {
  return isCount(last.inboundShipped) || isCount(last.inboundReceiving) || isCount(last.inboundWorking);
}

function countedInbound(last: Observation, includeWorking: boolean): number {
  if (hasInboundParts(last))
    return (
      (last.inboundShipped ?? 0) + (last.inboundReceiving ?? 0) + (includeWorking ? (last.inboundWorking ?? 0) : 0)
    );
  return isCount(last.inbound) ? last.inbound : 0;
}

export interface Cover {
  daysOfCover: number | null;
  availableDays: number | null;
  stockOutDay: DayKey | null;
}

/**
 * Days of cover as of `now`: stock ÷ rate, less the days since the stock was last seen (sales went on
 * meanwhile), never below 0. The stock-out day is the marketplace day that projection ends on.
 */
export function projectCover(
  count: StockCount,
  perDay: number | null,
  stockAt: number | null,
  now: number,
  dayOf: (at: number) => DayKey,
): Cover {
  const unknown: Cover = { daysOfCover: null, availableDays: null, stockOutDay: null };
  if (count.stock === null || count.available === null || stockAt === null) return unknown;
  const elapsed = Math.max(0, now - stockAt) / DAY_MS;
  if (count.stock === 0) return { daysOfCover: 0, availableDays: 0, stockOutDay: null };
  if (perDay === null || !(perDay > 0)) {
    return { ...unknown, availableDays: count.available === 0 ? 0 : null };
  }
  const cover = count.stock / perDay;
  const availableDays = Math.max(0, count.available / perDay - elapsed);
  const stockOutDay = cover <= MAX_COVER_DAYS ? dayOf(stockAt + cover * DAY_MS) : null;
  return { daysOfCover: coverDays(count.stock, perDay, stockAt, now), availableDays, stockOutDay };
}

/**
 * projectCover's days of cover alone, from a known stock (NaN where it is null): a whole marketplace's
 * column without the objects and the stock-out day's name.
 */
export function coverDays(stock: number, perDay: number | null, stockAt: number, now: number): number {
  if (stock === 0) return 0;
  if (perDay === null || !(perDay > 0)) return Number.NaN;
  return Math.max(0, stock / perDay - Math.max(0, now - stockAt) / DAY_MS);
}

export interface TrendResult {
  trend: Trend;
  /** recent ÷ longer − 1; null when there is no trend or the longer rate is 0. */
  change: number | null;
}

/**
 * Recent (7 days, else 14) against longer (30 days, else 90). Up or down only when the change passes
 * TREND_THRESHOLD and is well outside what a steady rate would show by chance, so a slow seller's
 * lucky week is not an arrow.
 */
export function trendOf(windows: Record<WindowKey, WindowFigure>): TrendResult {
  const recentKey: WindowKey | null = windows.d7.perDay !== null ? 'd7' : windows.d14.perDay !== null ? 'd14' : null;
  const longKey: WindowKey | null = windows.d30.perDay !== null ? 'd30' : windows.d90.perDay !== null ? 'd90' : null;
  if (!recentKey || !longKey) return { trend: 'unknown', change: null };
  const recent = windows[recentKey];
  const long = windows[longKey];
  // Nested windows with (almost) the same days say nothing about change.
  if (long.inStockDays - recent.inStockDays < MIN_IN_STOCK_DAYS.d7) return { trend: 'unknown', change: null };
  const r = recent.perDay as number;
  const l = long.perDay as number;
  const variance = Math.max(l, 1 / long.inStockDays) * (1 / recent.inStockDays - 1 / long.inStockDays);
  const z = (r - l) / Math.sqrt(variance);
  const change = l > 0 ? r / l - 1 : null;
  const big = change === null ? r > 0 : Math.abs(change) >= TREND_THRESHOLD;
  if (big && z >= TREND_MIN_Z) return { trend: 'up', change };
  if (big && z <= -TREND_MIN_Z) return { trend: 'down', change };
  return { trend: 'flat', change };
}
