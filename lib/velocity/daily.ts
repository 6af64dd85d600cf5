import { addDays, DAY_MS, type DayKey, dayKey, startOfDay, zoneOffset } from '../time';
import { judgeSpan, merchantVerdict, type SpanVerdict, type StockState } from './classify';
import type { Observation, SalesHistory, ShelfwiseWrite } from './types';

/**
 * Observations → per marketplace day: units sold (estimated), and how much of the day the SKU was
 * known to be in stock, known to be out of stock, or not known at all.
 *
 * Between two stored observations the change happened at an unknown moment (unchanged visits in
 * between are not stored), so a sale seen between two visits is spread over the time between them,
 * in proportion to the time the SKU was in stock. Time is "known" only between the first
 * observation and the last visit; before, after and inside spans whose sales are hidden by a
 * restock it is unknown, and unknown time counts neither as in stock nor as out of stock.
 */

export interface DayGrid {
  timeZone: string;
  /** days[0] … days[length − 1]; the last one is "today" for velocity. */
  days: DayKey[];
  length: number;
  /** starts[i]: first instant of days[i] in the marketplace zone; starts[length]: end of the last day. */
  starts: Float64Array;
}

/** Marketplace days from `first` to `last` (both included), with their boundaries (DST-aware). */
export function dayGrid(timeZone: string, first: DayKey, last: DayKey): DayGrid {
  const days: DayKey[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  const starts = new Float64Array(days.length + 1);
  for (let i = 0; i < days.length; i++) starts[i] = startOfDay(days[i] as DayKey, timeZone);
  starts[days.length] = startOfDay(addDays(last, 1), timeZone);
  return { timeZone, days, length: days.length, starts };
}

/** The `length` days ending with the day `now` falls on. */
export function gridEndingAt(timeZone: string, now: number, length: number): DayGrid {
  const today = dayKey(now, timeZone);
  // Grids are read only: one per zone, day and length serves every context of that day (92 day starts
  // are 184 Intl calls, paid per marketplace read otherwise).
  const key = `${timeZone}|${today}|${length}`;
  let grid = grids.get(key);
  if (!grid) {
    if (grids.size >= 32) grids.clear();
    grid = dayGrid(timeZone, addDays(today, -(length - 1)), today);
    grids.set(key, grid);
  }
  return grid;
}
const grids = new Map<string, DayGrid>();

/** Index of the day an instant falls on: −1 before the grid, `length` after it. */
export function dayIndex(grid: DayGrid, at: number): number {
  const { starts, length } = grid;
  if (at < (starts[0] as number)) return -1;
  if (at >= (starts[length] as number)) return length;
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offsets are checked per 28 days: no marketplace zone changes its offset twice within that. */
const OFFSET_BUCKET_MS = 28 * DAY_MS;

/**
 * instant → marketplace day, for many instants in one zone (stock-out days of thousands of SKUs).
 * `dayKey` asks Intl every time (~15 µs); this asks it a few times per 28 days of range and then
 * does arithmetic, finding each offset change to the second by bisection.
 */
export function dayLocator(timeZone: string): (at: number) => DayKey {
  // One per zone for the life of the worker or page: a locator only learns facts about its zone, and
  // a fresh one per velocity context paid ~800 Intl calls per marketplace read for stock-out days up
  // to ten years out (bench velocity-series).
  let locator = locators.get(timeZone);
  if (!locator) {
    locator = newDayLocator(timeZone);
    locators.set(timeZone, locator);
  }
  return locator;
}
const locators = new Map<string, (at: number) => DayKey>();

function newDayLocator(timeZone: string): (at: number) => DayKey {
  const buckets = new Map<number, { change: number; before: number; after: number }>();
  const names = new Map<number, DayKey>();
  return (at) => {
    const b = Math.floor(at / OFFSET_BUCKET_MS);
    let bucket = buckets.get(b);
    if (!bucket) {
      let lo = b * OFFSET_BUCKET_MS;
      let hi = lo + OFFSET_BUCKET_MS;
      const before = zoneOffset(lo, timeZone);
      const after = zoneOffset(hi, timeZone);
      if (before !== after) {
        while (hi - lo > 1000) {
          const mid = Math.floor((lo + hi) / 2);
          if (zoneOffset(mid, timeZone) === before) lo = mid;
          else hi = mid;
        }
      }
      bucket = { change: before === after ? Number.POSITIVE_INFINITY : hi, before, after };
      buckets.set(b, bucket);
    }
    // Whole days since the epoch on the local calendar; their names are built once each.
    const day = Math.floor((at + (at < bucket.change ? bucket.before : bucket.after)) / DAY_MS);
    let name = names.get(day);
    if (name === undefined) {
      name = new Date(day * DAY_MS).toISOString().slice(0, 10);
      names.set(day, name);
    }
    return name;
  };
}

export interface DailySeries {
  grid: DayGrid;
  /** Estimated units sold per day. */
  units: Float64Array;
  /**
   * Time each day was known in stock, in days of 24 hours: a rate is per 24 hours, so the 25-hour day
   * when daylight saving ends counts 1.04 days and its extra hour of sales does not look like a rise.
   */
  inStock: Float64Array;
  /** Time each day was known out of stock, likewise. The rest of the day is unknown. */
  outOfStock: Float64Array;
  /**
   * Sales events before today, for the intermittent-demand estimate: the units of each span with a
   * sale, and the in-stock days since the previous one (NaN when a span of unknown sales lies between).
   * Only the first `events` entries are this SKU's: the arrays are reused between SKUs.
   */
  eventSize: number[];
  eventGap: number[];
  events: number;
  visits: number;
  firstAt: number | null;
  /** The last instant the stock is known (the last visit). */
  lastAt: number | null;
  /** The stock as last seen. */
  last: Observation | null;
}

export function emptySeries(grid: DayGrid): DailySeries {
  return {
    grid,
    units: new Float64Array(grid.length),
    inStock: new Float64Array(grid.length),
    outOfStock: new Float64Array(grid.length),
    eventSize: [],
    eventGap: [],
    events: 0,
    visits: 0,
    firstAt: null,
    lastAt: null,
    last: null,
  };
}

export type DayStatus = 'in' | 'out' | 'partial' | 'unknown';

/** How a day reads on a chart: in or out of stock for most of it, a mix, or not seen. */
export function dayStatus(series: DailySeries, index: number): DayStatus {
  const inStock = series.inStock[index] ?? 0;
  const out = series.outOfStock[index] ?? 0;
  if (inStock + out < 0.5) return 'unknown';
  if (inStock >= 0.9) return 'in';
  if (out >= 0.9) return 'out';
  return 'partial';
}

/** One stretch of time with its start and end stock and the sales it showed (grown, never shrunk). */
export class Spans {
  from = new Float64Array(256);
  to = new Float64Array(256);
  startAvailable = new Float64Array(256);
  endAvailable = new Float64Array(256);
  sold = new Float64Array(256);
  /** Where the in-stock part of the span ends (set when days are filled). */
  inEnd = new Float64Array(256);
  known = new Uint8Array(256);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  add(from: number, to: number, a0: number, a1: number, sold: number, known: boolean): void {
    if (!(to > from) && sold === 0) return;
    if (this.length === this.from.length) this.grow();
    const i = this.length++;
    this.from[i] = from;
    this.to[i] = to;
    this.startAvailable[i] = a0;
    this.endAvailable[i] = a1;
    this.sold[i] = sold;
    this.known[i] = known ? 1 : 0;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const grown = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.from = grown(this.from, (n) => new Float64Array(n));
    this.to = grown(this.to, (n) => new Float64Array(n));
    this.startAvailable = grown(this.startAvailable, (n) => new Float64Array(n));
    this.endAvailable = grown(this.endAvailable, (n) => new Float64Array(n));
    this.sold = grown(this.sold, (n) => new Float64Array(n));
    this.inEnd = grown(this.inEnd, (n) => new Float64Array(n));
    this.known = grown(this.known, (n) => new Uint8Array(n));
  }
}

export const spans = new Spans();
const verdict: SpanVerdict = { sold: 0, soldKnown: true };

function isSorted(items: readonly { at: number }[], from: number): boolean {
  if (items.length < 2) return true;
  let previous = (items[from] as { at: number }).at;
  for (let i = from + 1; i < items.length; i++) {
    const at = (items[i] as { at: number }).at;
    if (at < previous) return false;
    previous = at;
  }
  return true;
}

function sortedCopy<T extends { at: number }>(items: readonly T[]): readonly T[] {
  return [...items].sort((a, b) => a.at - b.at);
}

/** Index of the first item with at > t. */
function firstAfter(items: readonly { at: number }[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { at: number }).at > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Available as a number, NaN when not usable (missing, NaN, negative): NaN marks the span unknown. */
function availableOf(state: StockState): number {
  const a = state.available;
  return typeof a === 'number' && Number.isFinite(a) && a >= 0 ? a : Number.NaN;
}

/** Merchant stock whose sellable figure is available alone (no reserved shown). */
function isPlainMerchant(o: Observation): boolean {
  return o.channel === 'mfn' && o.reserved === undefined;
}

/** Instants of the observations read (from i0 on), copied once: a double read from an object is boxed. */
let times = new Float64Array(512);
let seenUntils = new Float64Array(512);

/** The pieces between observations k and k + 1: before, at and after each Shelfwise write (see classify.ts). */
function addChange(
  prev: Observation,
  next: Observation,
  k: number,
  writes: readonly ShelfwiseWrite[],
  w0: number,
  w1: number,
): void {
  let state: StockState = prev;
  let start = seenUntils[k] as number;
  for (let w = w0; w < w1; w++) {
    const write = writes[w] as ShelfwiseWrite;
    const seen: StockState = { ...prev, available: write.before };
    judgeSpan(state, seen, verdict, null);
    spans.add(start, write.at, availableOf(state), write.before, verdict.sold, verdict.soldKnown);
    state = { ...prev, available: write.after };
    start = write.at;
  }
  judgeSpan(state, next, verdict, null);
  spans.add(start, times[k + 1] as number, availableOf(state), availableOf(next), verdict.sold, verdict.soldKnown);
}

/** The observations collectSpans read (the store's array, or its sorted copy) and the last visit. */
let used: readonly Observation[] = [];
let knownUntil = 0;
/** Index of the last observation's own stretch among the spans (−1 when it has no length). */
let tailSpan = -1;

/** What the last collectSpans call found, for series.ts. */
export function collected(): { used: readonly Observation[]; knownUntil: number; tailSpan: number } {
  return { used, knownUntil, tailSpan };
}

/**
 * Copies the instants from i0 on into `times` (and the end of each observation's unchanged stretch
 * into `seenUntils`); false when they are out of order.
 */
function copyTimes(observations: readonly Observation[], i0: number, lastSeenAt: number): boolean {
  const count = observations.length - i0;
  if (times.length < count + 1) {
    times = new Float64Array(count * 2);
    seenUntils = new Float64Array(count * 2);
  }
  let previous = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const o = observations[i0 + k] as Observation;
    const at = o.at;
    if (at < previous) return false;
    previous = at;
    times[k] = at;
    seenUntils[k] = o.seenUntil === undefined ? at : Math.max(o.seenUntil, at);
  }
  const k = count - 1;
  seenUntils[k] = Math.max(seenUntils[k] as number, lastSeenAt);
  // The unchanged stretch ends at the next observation at the latest.
  for (let j = 0; j < k; j++) seenUntils[j] = Math.min(seenUntils[j] as number, times[j + 1] as number);
  return true;
}

/**
 * Collects the spans that reach into [gridStart, ∞) and returns the visits they show. The store hands
 * observations over sorted; only the stretch read here (the last 90 days) is checked and touched, so a
 * year of history per SKU costs a binary search, not a walk. A disorder in that stretch is repaired.
 */
export function collectSpans(history: SalesHistory, gridStart: number): number {
  spans.clear();
  tailSpan = -1;
  let observations: readonly Observation[] = history.observations;
  used = observations;
  if (observations.length === 0) return 0;
  const lastSeenAt = history.lastSeenAt ?? Number.NEGATIVE_INFINITY;
  let i0 = Math.max(0, firstAfter(observations, gridStart) - 1);
  if (!copyTimes(observations, i0, lastSeenAt)) {
    observations = sortedCopy(observations);
    used = observations;
    i0 = Math.max(0, firstAfter(observations, gridStart) - 1);
    copyTimes(observations, i0, lastSeenAt);
  }
  const writes = isSorted(history.writes, 0) ? history.writes : sortedCopy(history.writes);
  let w = firstAfter(writes, times[0] as number);
  let visits = 0;
  const count = observations.length - i0;
  for (let k = 0; k < count; k++) {
    const o = observations[i0 + k] as Observation;
    const at = times[k] as number;
    const a = availableOf(o);
    const known = !Number.isNaN(a);
    if (at >= gridStart) visits++;
    let seenUntil = seenUntils[k] as number;
    if (seenUntil > at && seenUntil >= gridStart) visits++;
    if (k === count - 1) {
      knownUntil = seenUntil;
      tailSpan = spans.length;
      spans.add(at, seenUntil, a, a, 0, known);
      if (spans.length === tailSpan) tailSpan = -1;
      break;
    }
    const next = observations[i0 + k + 1] as Observation;
    const wEnd = writes.length === 0 ? 0 : firstAfter(writes, times[k + 1] as number);
    // A write inside the "unchanged" stretch contradicts it: trust the write, not the stretch.
    if (w < wEnd && (writes[w] as ShelfwiseWrite).at <= seenUntil) {
      seenUntil = at;
      seenUntils[k] = at;
    }
    if (seenUntil > at) spans.add(at, seenUntil, a, a, 0, known);
    const a1 = availableOf(next);
    if (w === wEnd && known && !Number.isNaN(a1) && isPlainMerchant(o) && isPlainMerchant(next)) {
      // The common case, merchant stock with no write in between: the rule on the two numbers alone.
      merchantVerdict(a, a1, verdict);
      spans.add(seenUntil, times[k + 1] as number, a, a1, verdict.sold, verdict.soldKnown);
    } else {
      addChange(o, next, k, writes, w, wEnd);
    }
    w = wEnd;
  }
  return visits;
}

/** The day the previous span started on (reset per SKU): spans come in time order. */
let cursor = 0;

export function resetCursor(): void {
  cursor = 0;
}

/**
 * Adds [from, to) to in-stock or out-of-stock time, and `units` in proportion to the overlap.
 * Arguments are span columns read by index, so no floating-point value crosses a call (V8 would box it
 * for every span of every SKU).
 */
function spread(series: DailySeries, i: number, inStock: boolean): void {
  const spanFrom = spans.from[i] as number;
  const spanTo = spans.to[i] as number;
  const inEnd = spans.inEnd[i] as number;
  const sold = spans.sold[i] as number;
  const from = inStock ? spanFrom : Math.max(spanFrom, inEnd);
  const to = inStock ? inEnd : spanTo;
  // Sales belong to the in-stock part; a span with none (pending FBA orders shipping while out) keeps its own.
  const units = inStock || !(inEnd > spanFrom) ? sold : 0;
  const { starts, length } = series.grid;
  const gridStart = starts[0] as number;
  const gridEnd = starts[length] as number;
  if (to <= from) {
    if (units > 0 && from >= gridStart && from < gridEnd && !inStock) {
      const d = dayIndex(series.grid, from);
      series.units[d] = (series.units[d] as number) + units;
    }
    return;
  }
  const lo = Math.max(from, gridStart);
  const hi = Math.min(to, gridEnd);
  if (hi <= lo) return;
  const perMs = units / (to - from);
  const time = inStock ? series.inStock : series.outOfStock;
  let first = cursor <= length - 1 && (starts[cursor] as number) <= lo ? cursor : dayIndex(series.grid, lo);
  // Spans mostly follow the previous one by a day or less; a span far on (a stored series' last stretch
  // or stock-outs, spread after the cursor is reset) is found by search instead of a walk of 90 days.
  for (let steps = 0; first < length - 1 && (starts[first + 1] as number) <= lo; steps++) {
    if (steps === 4) {
      first = dayIndex(series.grid, lo);
      break;
    }
    first++;
  }
  cursor = first;
  for (let d = first; d < length; d++) {
    const dayStart = starts[d] as number;
    const dayEnd = starts[d + 1] as number;
    if (dayStart >= hi) break;
    const overlap = Math.min(hi, dayEnd) - Math.max(lo, dayStart);
    if (overlap <= 0) continue;
    // In-stock time is summed in ms (see inStockToDays), out-of-stock time in days.
    time[d] = (time[d] as number) + (inStock ? overlap : overlap / DAY_MS);
    series.units[d] = (series.units[d] as number) + perMs * overlap;
  }
}

/** How a collected span counts: its split into in-stock and out-of-stock time. */
export const SKIP = 0;
export const IN_STOCK = 1;
export const RAN_OUT = 2;
export const OUT = 3;

/**
 * Sales hidden by a restock, or a restock at an unknown moment: the time is not known either way
 * (SKIP). Otherwise in stock throughout, out throughout, or ran out at a moment that depends on the
 * SKU's rate (RAN_OUT, spread last, once every other span is in the days).
 */
export function spanKind(i: number): number {
  const a0 = spans.startAvailable[i] as number;
  const a1 = spans.endAvailable[i] as number;
  if (!spans.known[i] || Number.isNaN(a0) || Number.isNaN(a1) || (a0 === 0 && a1 > 0)) return SKIP;
  if (a0 > 0) return a1 > 0 ? IN_STOCK : RAN_OUT;
  return OUT;
}

/** Spreads span i when its split does not depend on the rate; returns its kind. */
export function spreadFixed(series: DailySeries, i: number): number {
  const kind = spanKind(i);
  if (kind === IN_STOCK) {
    spans.inEnd[i] = spans.to[i] as number;
    if ((spans.to[i] as number) > (spans.from[i] as number)) spread(series, i, true);
    else spread(series, i, false);
  } else if (kind === OUT) {
    spans.inEnd[i] = spans.from[i] as number;
    spread(series, i, false);
  }
  return kind;
}

/**
 * The SKU's in-stock rate over the grid, in units per ms, from the spans already spread (every one
 * but those that ran out): used to guess when a span that ended out of stock ran out. It is read off
 * the days, not the spans, so that a stored day series (series.ts) gives it exactly as buildDaily does.
 */
function gridRate(series: DailySeries): number | null {
  let units = 0;
  let time = 0;
  for (let i = 0; i < series.grid.length; i++) {
    units += series.units[i] as number;
    time += series.inStock[i] as number;
  }
  // In-stock time is still in ms here (inStockToDays has not run).
  return time > 0 && units > 0 ? units / time : null;
}

/**
 * While spans are spread, in-stock time is summed per day in ms, which are whole numbers for every span
 * but those that ran out (spread last, in the same order by every builder): the sum is exact, so the
 * stored day series' merged in-stock stretches (series.ts) give bit for bit what the spans one by one
 * give here. Converted to days once, after the spans that ran out.
 */
export function inStockToDays(series: DailySeries): void {
  const time = series.inStock;
  for (let d = 0; d < series.grid.length; d++) time[d] = (time[d] as number) / DAY_MS;
}

/** Spreads the spans that ran out (span indices `ranOut[0…count)`), placing the stock-out by the rate. */
export function spreadRanOut(series: DailySeries, ranOut: Int32Array, count: number): number | null {
  if (count === 0) return null;
  const rate = gridRate(series);
  cursor = 0;
  for (let k = 0; k < count; k++) {
    const i = ranOut[k] as number;
    const from = spans.from[i] as number;
    const to = spans.to[i] as number;
    const sold = spans.sold[i] as number;
    const inEnd = rate ? Math.min(to, from + sold / rate) : from + (to - from) / 2;
    spans.inEnd[i] = inEnd;
    if (inEnd > from) spread(series, i, true);
    if (to > inEnd || !(inEnd > from)) spread(series, i, false);
  }
  return rate;
}

/**
 * Sales events for the intermittent estimate, counted up to the start of today only: each span with a
 * sale in its in-stock part is one event (snapshots cannot tell orders between two visits apart), its
 * gap the in-stock days since the previous one; a span of unknown time breaks the chain. Runs over
 * spans `0…count` of `events` (the collected spans, or a stored series' event spans), whose in-stock
 * part ends at inEnd.
 */
export function spanEvents(series: DailySeries, source: Spans, count: number): void {
  const gridStart = series.grid.starts[0] as number;
  const todayStart = series.grid.starts[series.grid.length - 1] as number;
  series.events = 0;
  let inStockSinceEvent = 0;
  let gapKnown = false;
  for (let i = 0; i < count; i++) {
    if (source.known[i] === 0) {
      gapKnown = false;
      inStockSinceEvent = 0;
      continue;
    }
    const from = source.from[i] as number;
    const inEnd = source.inEnd[i] as number;
    const clipFrom = Math.max(from, gridStart);
    const clipTo = Math.min(inEnd, todayStart);
    if (clipTo <= clipFrom) continue;
    // In ms, as in-stock days are summed (inStockToDays): stored event spans are merged stretches.
    inStockSinceEvent += clipTo - clipFrom;
    const size = ((source.sold[i] as number) * (clipTo - clipFrom)) / (inEnd - from);
    if (size > 0) {
      const k = series.events++;
      series.eventSize[k] = size;
      series.eventGap[k] = gapKnown ? inStockSinceEvent / DAY_MS : Number.NaN;
      inStockSinceEvent = 0;
      gapKnown = true;
    }
  }
}

let ranOut = new Int32Array(64);

export function clearSeries(series: DailySeries): void {
  series.units.fill(0);
  series.inStock.fill(0);
  series.outOfStock.fill(0);
  series.events = 0;
}

/**
 * Builds the day series of one SKU over `grid`. Pass the previous result as `reuse` when computing many
 * SKUs over the same grid: its arrays are cleared and refilled instead of allocated.
 *
 * Spans are spread in time order, those that ran out last (their stock-out moment comes from the rate
 * of all the others), then the sales events are read off the days. Every step after the first is a
 * function of the days alone plus the spans that ran out, which is what a stored day series keeps.
 */
export function buildDaily(history: SalesHistory, grid: DayGrid, reuse?: DailySeries): DailySeries {
  const series = reuse && reuse.grid === grid ? reuse : emptySeries(grid);
  clearSeries(series);
  const gridStart = grid.starts[0] as number;
  cursor = 0;
  const visits = collectSpans(history, gridStart);
  series.visits = history.visits ?? visits;
  const first = used[0];
  const last = used[used.length - 1];
  series.firstAt = first ? Math.min(first.at, history.firstSeenAt ?? first.at) : null;
  series.lastAt = last ? knownUntil : null;
  series.last = last ?? null;
  if (!last) return series;
  let count = 0;
  for (let i = 0; i < spans.length; i++) {
    if (spreadFixed(series, i) !== RAN_OUT) continue;
    if (count === ranOut.length) {
      const grown = new Int32Array(count * 2);
      grown.set(ranOut);
      ranOut = grown;
    }
    ranOut[count++] = i;
  }
  spreadRanOut(series, ranOut, count);
  inStockToDays(series);
  // The event pass reads `known` as "counts for events": a skipped span breaks the chain.
  for (let i = 0; i < spans.length; i++) if (spanKind(i) === SKIP) spans.known[i] = 0;
  spanEvents(series, spans, spans.length);
  return series;
}
