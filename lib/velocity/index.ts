import { DAY_MS, type DayKey } from '../time';
import { countStock, projectCover, trendOf } from './cover';
import { buildDaily, type DailySeries, type DayGrid, dayLocator, emptySeries, gridEndingAt } from './daily';
import { computeRate, GRID_DAYS, type RateResult, type VelocitySettings } from './rate';
import type { SalesHistory, Velocity } from './types';

/**
 * Velocity for one SKU, end to end: observations → days → rate → cover. Build one context per
 * marketplace and moment and reuse it for every SKU: the day boundaries are computed once and the
 * day arrays are reused, so thousands of SKUs cost no time-zone lookups and little garbage.
 */

export interface VelocityContext {
  timeZone: string;
  now: number;
  settings: VelocitySettings;
  grid: DayGrid;
  scratch: DailySeries;
  dayOf: (at: number) => DayKey;
}

/** One per marketplace (time zone) and moment; `now` decides which day is today. */
export function velocityContext(timeZone: string, now: number, settings: VelocitySettings): VelocityContext {
  const grid = gridEndingAt(timeZone, now, GRID_DAYS);
  return { timeZone, now, settings, grid, scratch: emptySeries(grid), dayOf: dayLocator(timeZone) };
}

/** Out-of-stock days in the last 30 complete days. */
function outOfStock30(series: DailySeries): number {
  const end = series.grid.length - 1;
  let days = 0;
  for (let i = Math.max(0, end - 30); i < end; i++) days += series.outOfStock[i] as number;
  return days;
}

/** Rate, cover, trend and confidence for one SKU, every figure null where the data does not support it. */
export function computeVelocity(history: SalesHistory, context: VelocityContext): Velocity {
  const series = buildDaily(history, context.grid, context.scratch);
  return velocityOf(series, computeRate(series, history, context.settings), context);
}

/** Cover, trend and the answer from a SKU's day series and rate (computeVelocity and series.ts share it). */
export function velocityOf(series: DailySeries, rate: RateResult, context: VelocityContext): Velocity {
  const count = countStock(series.last, context.settings.includeWorkingShipments);
  const cover = projectCover(count, rate.perDay, series.lastAt, context.now, context.dayOf);
  const trend = trendOf(rate.windows);
  return {
    perDay: rate.perDay,
    gap: rate.gap,
    source: rate.source,
    method: rate.method,
    events: rate.events,
    windows: rate.windows,
    sourceDays: rate.sourceDays,
    visits: series.visits,
    historyDays: series.firstAt === null ? 0 : Math.max(0, Math.floor((context.now - series.firstAt) / DAY_MS)),
    outOfStockDays30: outOfStock30(series),
    stock: count.stock,
    available: count.available,
    inboundCounted: count.inboundCounted,
    inboundIncludesWorking: count.inboundIncludesWorking,
    stockAt: series.lastAt,
    daysOfCover: cover.daysOfCover,
    availableDays: cover.availableDays,
    stockOutDay: cover.stockOutDay,
    trend: trend.trend,
    trendChange: trend.change,
    confidence: rate.confidence,
    timeZone: context.timeZone,
  };
}

export type { ChangeKind, ChangePart, ClassifiedChange } from './classify';
export { classifyChange } from './classify';
export type { DailySeries, DayGrid, DayStatus } from './daily';
export { buildDaily, dayGrid, dayLocator, dayStatus } from './daily';
export type { VelocitySettings } from './rate';
export * from './types';
