import { addDays, DAY_MS, type DayKey, dayKey, daysBetween } from '../time';
import { coverDays, stockOf } from './cover';
import {
  clearSeries,
  collected,
  collectSpans,
  type DailySeries,
  type DayGrid,
  dayGrid,
  emptySeries,
  IN_STOCK,
  inStockToDays,
  RAN_OUT,
  resetCursor,
  SKIP,
  Spans,
  spanEvents,
  spans,
  spreadFixed,
  spreadRanOut,
} from './daily';
import { type VelocityContext, velocityOf } from './index';
import { computeRate, INTERMITTENT_BELOW, longestCounting, type RateResult, rateScratch } from './rate';
import type { Observation, SalesHistory, Velocity } from './types';

/**
 * A SKU's velocity input reduced to days: what buildDaily derives from the observations, kept so that
 * velocity for thousands of SKUs reads a few numbers per day instead of every observation.
 *
 * Every span between observations but the last observation's own stretch is spread into the days
 * once (units, in-stock and out-of-stock time). What depends on the moment velocity is asked for is
 * kept apart and finished at read time exactly as buildDaily finishes it: the last stretch (it grows
 * with every unchanged visit), the spans that ran out (their stock-out moment comes from the rate over
 * the grid), and the spans the intermittent estimate walks (sales events are visit-to-visit spans, not
 * days: day events measured 39.5 % error against 23.7 % on the intermittent accuracy scenario).
 * velocityFromSeries on a series built from a history gives computeVelocity's answer for that history
 * (test/unit/velocity/series.test.ts), or undefined where it cannot (see there).
 */

/**
 * Days kept: the grid (91). Velocity asked at a later `now` reads a grid that starts later, inside
 * these days; one asked for an earlier moment than the last visit has no answer from the series.
 */
export const SERIES_DAYS = 91;
/**
 * Event spans kept, newest first: an intermittent seller visited daily has up to two a day (a sale, a
 * stretch without one), and a SKU the series cannot answer for is read from its observations, which
 * costs more than its spans (bench velocity-store). Beyond that only the newest are kept and the series
 * is marked incomplete.
 */
export const MAX_EVENT_SPANS = 160;
/**
 * A SKU selling this fast over its stored days keeps no event spans at all: they are read only below
 * INTERMITTENT_BELOW, and a fast seller has one per visit (2 KB of its ~4 KB). Should its rate over a
 * later grid fall below INTERMITTENT_BELOW after all, velocityFromSeries says so and the caller
 * computes from the observations, so the margin costs speed, never accuracy.
 */
export const FAST_SELLER_PER_DAY = 2 * INTERMITTENT_BELOW;
const NO_DAYS = new Float64Array(0);
const EVENT_FIELDS = 4;
const RAN_OUT_FIELDS = 3;

export interface StoredSeries {
  /** The marketplace day of index 0. */
  firstDay: DayKey;
  units: Float64Array;
  /**
   * The known in-stock time as instants, pairs [from, to), oldest first, contiguous stretches merged:
   * a few numbers where the days took 91 (a SKU is in stock, out or unseen for stretches of days), and
   * the in-stock days are these spread over the grid (velocityFromSeries), as buildDaily spreads them.
   */
  inStock: Float64Array;
  /**
   * The days with out-of-stock time, as pairs (day index, days out of stock): a SKU is out on a few
   * days if at all, and 96 zeros were a third of a series (empty when it never ran out).
   */
  outOfStock: Float64Array;
  /** The series holds everything since the first observation (it started inside the range). */
  complete: boolean;
  /** Spans that ran out: from, to, sold. */
  ranOut: Float64Array;
  /** Spans the event walk needs: from, to, sold, kind (SKIP, IN_STOCK or RAN_OUT), oldest first. */
  events: Float64Array;
  /** Event spans ending after this instant were dropped (−Infinity: none were). */
  eventsDroppedUntil: number;
  /** The last observation; its stretch ends at lastAt. */
  last: Observation;
  lastAt: number;
  firstAt: number;
  visits: number;
}

/**
 * The stored series of one SKU whose days end with `lastDay` (the day of its last visit), from its
 * history. `history.visits` should be given (the store has it): visits counted from observations
 * depend on the grid.
 */
export function seriesFromHistory(history: SalesHistory, timeZone: string, lastDay: DayKey): StoredSeries | undefined {
  const grid = gridFor(timeZone, lastDay);
  const series = emptySeries(grid);
  clearSeries(series);
  resetCursor();
  const visits = collectSpans(history, grid.starts[0] as number);
  const { used, knownUntil, tailSpan } = collected();
  const first = used[0];
  const last = used[used.length - 1];
  if (!first || !last) return undefined;
  const ranOut: number[] = [];
  const events: number[] = [];
  const inStock: number[] = [];
  collectFixed(series, tailSpan, ranOut, events, inStock);
  const kept = keptEvents(series, events, Number.NEGATIVE_INFINITY);
  return {
    firstDay: grid.days[0] as DayKey,
    units: series.units,
    inStock: Float64Array.from(inStock),
    outOfStock: sparseOut(series),
    complete: first.at >= (grid.starts[0] as number),
    ranOut: Float64Array.from(ranOut),
    events: kept.events,
    eventsDroppedUntil: kept.dropped,
    last,
    lastAt: knownUntil,
    firstAt: Math.min(first.at, history.firstSeenAt ?? first.at),
    visits: history.visits ?? visits,
  };
}

/**
 * Spreads every collected span but the tail into the days; the spans that ran out go to `ranOut`, the
 * spans the event walk needs to `events` (appended: a run of in-stock stretches without a sale that
 * continues the last one extends it, since it only adds in-stock time), and the in-stock time to
 * `inStock` (a stretch that continues the last one extends it).
 */
function collectFixed(
  series: DailySeries,
  tailSpan: number,
  ranOut: number[],
  events: number[],
  inStock: number[],
): void {
  for (let i = 0; i < spans.length; i++) {
    if (i === tailSpan) continue;
    const kind = spreadFixed(series, i);
    const from = spans.from[i] as number;
    const to = spans.to[i] as number;
    const sold = spans.sold[i] as number;
    if (kind === IN_STOCK && to > from) {
      const p = inStock.length - 2;
      if (p >= 0 && inStock[p + 1] === from) inStock[p + 1] = to;
      else inStock.push(from, to);
    }
    if (kind === RAN_OUT) {
      ranOut.push(from, to, sold);
      events.push(from, to, sold, RAN_OUT);
    } else if (kind === SKIP) {
      events.push(from, to, sold, SKIP);
    } else if (kind === IN_STOCK && to > from) {
      const p = events.length - EVENT_FIELDS;
      if (sold === 0 && p >= 0 && events[p + 3] === IN_STOCK && events[p + 2] === 0 && events[p + 1] === from)
        events[p + 1] = to;
      else events.push(from, to, sold, IN_STOCK);
    }
  }
}

function sparseOut(series: DailySeries): Float64Array {
  let count = 0;
  for (let d = 0; d < series.grid.length; d++) if ((series.outOfStock[d] as number) !== 0) count++;
  if (count === 0) return NO_DAYS;
  const pairs = new Float64Array(count * 2);
  let k = 0;
  for (let d = 0; d < series.grid.length; d++) {
    const out = series.outOfStock[d] as number;
    if (out === 0) continue;
    pairs[k++] = d;
    pairs[k++] = out;
  }
  return pairs;
}

/**
 * Adds stored out-of-stock pairs (`count` numbers of `pairs` from `at`) to a grid's days, index j of the
 * series being index j − offset there.
 */
function addOut(series: DailySeries, pairs: Float64Array, at: number, count: number, offset: number): void {
  const length = series.grid.length;
  for (let k = at; k < at + count; k += 2) {
    const i = (pairs[k] as number) - offset;
    if (i >= 0 && i < length) series.outOfStock[i] = pairs[k + 1] as number;
  }
}

/**
 * Adds stored in-stock stretches (`count` numbers of `pairs` from `at`, instants) to a grid's in-stock
 * time, each day the overlap in ms as spread() sums it (converted to days by inStockToDays).
 */
function addInStock(series: DailySeries, pairs: Float64Array, at: number, count: number): void {
  const { starts, length } = series.grid;
  const gridStart = starts[0] as number;
  const gridEnd = starts[length] as number;
  const time = series.inStock;
  let d = 0;
  for (let k = at; k < at + count; k += 2) {
    const lo = Math.max(pairs[k] as number, gridStart);
    const hi = Math.min(pairs[k + 1] as number, gridEnd);
    if (hi <= lo) continue;
    // Stretches come in time order: the day pointer only moves on.
    while (d < length - 1 && (starts[d + 1] as number) <= lo) d++;
    for (let e = d; e < length; e++) {
      const dayStart = starts[e] as number;
      if (dayStart >= hi) break;
      const overlap = Math.min(hi, starts[e + 1] as number) - Math.max(lo, dayStart);
      // In ms, as spread() sums it until inStockToDays.
      if (overlap > 0) time[e] = (time[e] as number) + overlap;
    }
  }
}

/** The event spans a series keeps (none for a fast seller, else the newest MAX_EVENT_SPANS). */
function keptEvents(
  series: DailySeries,
  events: number[],
  droppedBefore: number,
): { events: Float64Array; dropped: number } {
  let units = 0;
  let inStock = 0;
  for (let d = 0; d < series.grid.length; d++) {
    units += series.units[d] as number;
    inStock += series.inStock[d] as number;
  }
  // The build's in-stock time is in ms (inStockToDays is not called on it).
  const fast = inStock > 0 && (units * DAY_MS) / inStock >= FAST_SELLER_PER_DAY;
  const extra = fast ? events.length / EVENT_FIELDS : events.length / EVENT_FIELDS - MAX_EVENT_SPANS;
  let dropped = droppedBefore;
  for (let k = 0; k < extra; k++) dropped = Math.max(dropped, events[k * EVENT_FIELDS + 1] as number);
  return { events: Float64Array.from(extra > 0 ? events.slice(extra * EVENT_FIELDS) : events), dropped };
}

/**
 * The series after the next stored observation `next`, seen at `at` (its visit): what seriesFromHistory
 * gives for the history with `next` appended, without reading that history. Between the last
 * observation and `next`, collectSpans on the two observations alone (the last with its unchanged
 * stretch ending at the previous visit) gives exactly the spans it gives within the whole history;
 * they are spread into the days, which move on to end with the day of `at`. Returns undefined when
 * `next` is not after the last observation (the caller rebuilds from the history). Shelfwise writes
 * between the two are not known here: a write marks the series stale instead (lib/db/day-series.ts).
 */
export function extendSeries(
  stored: StoredSeries,
  next: Observation,
  at: number,
  timeZone: string,
  visits: number,
): StoredSeries | undefined {
  if (!(next.at > stored.last.at) || at < next.at || next.at < stored.lastAt) return undefined;
  const lastDay = dayKey(at, timeZone);
  const grid = gridFor(timeZone, lastDay);
  const series = emptySeries(grid);
  clearSeries(series);
  const offset = daysBetween(stored.firstDay, grid.days[0] as DayKey);
  if (offset < 0) return undefined;
  const from = 0;
  const to = Math.min(grid.length, stored.units.length - offset);
  if (to > from) {
    series.units.set(stored.units.subarray(offset, offset + to));
    addOut(series, stored.outOfStock, 0, stored.outOfStock.length, offset);
  }
  addInStock(series, stored.inStock, 0, stored.inStock.length);
  const gridStart = grid.starts[0] as number;
  resetCursor();
  const previous: Observation = { ...stored.last, seenUntil: stored.lastAt };
  collectSpans({ observations: [previous, next], writes: [], lastSeenAt: at }, gridStart);
  const { knownUntil, tailSpan } = collected();
  // Spans wholly before the days are no longer read (see velocityFromSeries: both are clipped to its grid).
  const ranOut: number[] = [];
  for (let r = 0; r < stored.ranOut.length; r += RAN_OUT_FIELDS)
    if ((stored.ranOut[r + 1] as number) > gridStart)
      ranOut.push(stored.ranOut[r] as number, stored.ranOut[r + 1] as number, stored.ranOut[r + 2] as number);
  const events: number[] = [];
  for (let e = 0; e < stored.events.length; e += EVENT_FIELDS)
    if ((stored.events[e + 1] as number) > gridStart)
      for (let f = 0; f < EVENT_FIELDS; f++) events.push(stored.events[e + f] as number);
  const inStock: number[] = [];
  for (let k = 0; k < stored.inStock.length; k += 2)
    if ((stored.inStock[k + 1] as number) > gridStart)
      inStock.push(stored.inStock[k] as number, stored.inStock[k + 1] as number);
  collectFixed(series, tailSpan, ranOut, events, inStock);
  const kept = keptEvents(series, events, stored.eventsDroppedUntil);
  return {
    firstDay: grid.days[0] as DayKey,
    units: series.units,
    inStock: Float64Array.from(inStock),
    outOfStock: sparseOut(series),
    complete: stored.complete && stored.firstAt >= gridStart,
    ranOut: Float64Array.from(ranOut),
    events: kept.events,
    eventsDroppedUntil: kept.dropped,
    last: next,
    lastAt: knownUntil,
    firstAt: stored.firstAt,
    visits,
  };
}

/** Day grids of SERIES_DAYS by zone and last day: an ingest extends thousands of series to one day. */
let gridCache: { timeZone: string; lastDay: DayKey; grid: DayGrid } | undefined;
function gridFor(timeZone: string, lastDay: DayKey): DayGrid {
  if (gridCache?.timeZone !== timeZone || gridCache.lastDay !== lastDay)
    gridCache = { timeZone, lastDay, grid: dayGrid(timeZone, addDays(lastDay, -(SERIES_DAYS - 1)), lastDay) };
  return gridCache.grid;
}

/** Imported figures velocity prefers over snapshots (the store reads them beside the series). */
export type SeriesExtras = Pick<SalesHistory, 'orders' | 'periods' | 'pageSales'>;

const eventSpans = new Spans();
let ranOutIndex = new Int32Array(16);

function availableOf(o: Observation): number {
  const a = o.available;
  return typeof a === 'number' && Number.isFinite(a) && a >= 0 ? a : Number.NaN;
}

/**
 * A stored series read where it lies: each part is an array and where this SKU's numbers start in it,
 * so that a whole marketplace's packed chunk (lib/db/day-series.ts) is read without a view or an
 * object per SKU. One is filled and reused per SKU.
 */
export interface SeriesView {
  /** The day of index 0, as whole days since 1970-01-01 (epochDay). */
  firstEpochDay: number;
  /** SERIES_DAYS units from unitsAt. */
  units: Float64Array;
  unitsAt: number;
  /** In-stock stretches, out-of-stock pairs, spans that ran out and event spans: `…Length` numbers from `…At`. */
  inStock: Float64Array;
  inStockAt: number;
  inStockLength: number;
  outOfStock: Float64Array;
  outAt: number;
  outLength: number;
  ranOut: Float64Array;
  ranOutAt: number;
  ranOutLength: number;
  events: Float64Array;
  eventsAt: number;
  eventsLength: number;
  complete: boolean;
  eventsDroppedUntil: number;
  last: Observation;
  lastAt: number;
  firstAt: number;
  visits: number;
}

export function emptyView(): SeriesView {
  return {
    firstEpochDay: 0,
    units: NO_DAYS,
    unitsAt: 0,
    inStock: NO_DAYS,
    inStockAt: 0,
    inStockLength: 0,
    outOfStock: NO_DAYS,
    outAt: 0,
    outLength: 0,
    ranOut: NO_DAYS,
    ranOutAt: 0,
    ranOutLength: 0,
    events: NO_DAYS,
    eventsAt: 0,
    eventsLength: 0,
    complete: false,
    eventsDroppedUntil: Number.NEGATIVE_INFINITY,
    last: { at: Number.NaN, channel: 'mfn' },
    lastAt: Number.NaN,
    firstAt: Number.NaN,
    visits: 0,
  };
}

/** Whole days since 1970-01-01 of a day key (days are UTC-aligned names, so this is exact). */
export function epochDay(day: DayKey): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The grid's first day as an epoch day, for the grid last asked about (one grid per marketplace read). */
let epochGrid: DayGrid | undefined;
let epochGridFirst = 0;
function gridFirstEpochDay(grid: DayGrid): number {
  if (epochGrid !== grid) {
    epochGrid = grid;
    epochGridFirst = epochDay(grid.days[0] as DayKey);
  }
  return epochGridFirst;
}

const storedView = emptyView();

/** A view of a whole stored series (`into` is filled and returned: one serves every call). */
export function seriesView(stored: StoredSeries, into: SeriesView = storedView): SeriesView {
  const v = into;
  v.firstEpochDay = epochDay(stored.firstDay);
  v.units = stored.units;
  v.unitsAt = 0;
  v.inStock = stored.inStock;
  v.inStockAt = 0;
  v.inStockLength = stored.inStock.length;
  v.outOfStock = stored.outOfStock;
  v.outAt = 0;
  v.outLength = stored.outOfStock.length;
  v.ranOut = stored.ranOut;
  v.ranOutAt = 0;
  v.ranOutLength = stored.ranOut.length;
  v.events = stored.events;
  v.eventsAt = 0;
  v.eventsLength = stored.events.length;
  v.complete = stored.complete;
  v.eventsDroppedUntil = stored.eventsDroppedUntil;
  v.last = stored.last;
  v.lastAt = stored.lastAt;
  v.firstAt = stored.firstAt;
  v.visits = stored.visits;
  return v;
}

/**
 * computeVelocity's answer from a stored series, or undefined when the series cannot give it: it does
 * not reach back to the grid's first day, or the SKU sells slowly enough for the intermittent estimate
 * and the event spans it needs were dropped. The caller then computes from the observations.
 */
export function velocityFromSeries(
  stored: StoredSeries,
  context: VelocityContext,
  extras: SeriesExtras = {},
): Velocity | undefined {
  return velocityFromView(seriesView(stored), context, extras);
}

/**
 * The history computeRate is given beside a series: it reads only whether there is an observation and
 * the imported figures, so one object serves every SKU (filled per call, never kept).
 */
const viewHistory: SalesHistory = { observations: [], writes: [] };

/** velocityFromSeries on a view (see SeriesView); `units.length` is SERIES_DAYS from unitsAt. */
export function velocityFromView(
  stored: SeriesView,
  context: VelocityContext,
  extras: SeriesExtras = {},
): Velocity | undefined {
  const rate = rateFromView(stored, context, extras, undefined);
  return rate && velocityOf(context.scratch, rate, context);
}

/** Figures per SKU of a whole marketplace, NaN where the Velocity's figure is null. */
export interface VelocityColumns {
  perDay: Float64Array;
  daysOfCover: Float64Array;
  stock: Float64Array;
}

const columnRate = rateScratch();

/**
 * velocityFromView's perDay, daysOfCover and stock, written at index i of the columns without building
 * the Velocity (its windows, rate, cover and stock-out day's name are objects and strings per SKU);
 * false, with nothing written, where velocityFromView gives undefined. context.scratch holds the SKU's
 * day series after the call, as after velocityFromView.
 */
export function figuresFromView(
  stored: SeriesView,
  context: VelocityContext,
  extras: SeriesExtras,
  columns: VelocityColumns,
  i: number,
): boolean {
  const rate = rateFromView(stored, context, extras, columnRate);
  if (!rate) return false;
  const stock = stockOf(stored.last, context.settings.includeWorkingShipments);
  columns.perDay[i] = rate.perDay ?? Number.NaN;
  columns.stock[i] = stock;
  columns.daysOfCover[i] = coverDays(stock, rate.perDay, stored.lastAt, context.now);
  return true;
}

/**
 * Fills context.scratch from the view as buildDaily would from the history, and returns the rate
 * (written into `into` when given, see rateScratch); undefined when the series cannot answer.
 */
function rateFromView(
  stored: SeriesView,
  context: VelocityContext,
  extras: SeriesExtras,
  into: RateResult | undefined,
): RateResult | undefined {
  const { grid, scratch: series } = context;
  const offset = gridFirstEpochDay(grid) - stored.firstEpochDay;
  if (offset < 0 && !stored.complete) return undefined;
  clearSeries(series);
  resetCursor();
  const from = Math.max(0, -offset);
  const to = Math.min(grid.length, SERIES_DAYS - offset);
  if (to > from) {
    // Copied by index: a subarray view per SKU costs more than the copy.
    const u = stored.unitsAt + offset;
    const units = stored.units;
    const days = series.units;
    for (let d = from; d < to; d++) days[d] = units[d + u] as number;
    addOut(series, stored.outOfStock, stored.outAt, stored.outLength, offset);
  }
  addInStock(series, stored.inStock, stored.inStockAt, stored.inStockLength);

  // The last stretch, then the spans that ran out, in buildDaily's order.
  spans.clear();
  const a = availableOf(stored.last);
  spans.add(stored.last.at, stored.lastAt, a, a, 0, !Number.isNaN(a));
  const tailKind = spans.length === 1 ? spreadFixed(series, 0) : -1;
  const ranOutCount = stored.ranOutLength / RAN_OUT_FIELDS;
  if (ranOutIndex.length < ranOutCount) ranOutIndex = new Int32Array(ranOutCount * 2);
  const ranOut = stored.ranOut;
  for (let k = 0; k < ranOutCount; k++) {
    ranOutIndex[k] = spans.length;
    const r = stored.ranOutAt + k * RAN_OUT_FIELDS;
    spans.add(ranOut[r] as number, ranOut[r + 1] as number, 1, 0, ranOut[r + 2] as number, true);
  }
  const rate = spreadRanOut(series, ranOutIndex, ranOutCount);
  inStockToDays(series);

  eventSpans.clear();
  const eventCount = stored.eventsLength / EVENT_FIELDS;
  const events = stored.events;
  for (let k = 0; k < eventCount; k++) {
    const e = stored.eventsAt + k * EVENT_FIELDS;
    const from = events[e] as number;
    const to = events[e + 1] as number;
    const sold = events[e + 2] as number;
    const kind = events[e + 3] as number;
    const i = eventSpans.length;
    eventSpans.add(from, to, 0, 0, sold, kind !== SKIP);
    if (eventSpans.length === i) continue;
    eventSpans.inEnd[i] =
      kind === RAN_OUT ? (rate ? Math.min(to, from + sold / rate) : from + (to - from) / 2) : kind === SKIP ? from : to;
  }
  if (tailKind !== -1) {
    const i = eventSpans.length;
    eventSpans.add(stored.last.at, stored.lastAt, 0, 0, 0, tailKind !== SKIP);
    if (eventSpans.length > i) eventSpans.inEnd[i] = tailKind === IN_STOCK ? stored.lastAt : stored.last.at;
  }
  spanEvents(series, eventSpans, eventSpans.length);

  series.visits = stored.visits;
  series.firstAt = stored.firstAt;
  series.lastAt = stored.lastAt;
  series.last = stored.last;
  const history = viewHistory;
  history.observations[0] = stored.last;
  history.orders = extras.orders;
  history.periods = extras.periods;
  history.pageSales = extras.pageSales;
  const result = computeRate(series, history, context.settings, into);
  history.observations[0] = NO_OBSERVATION;
  if (stored.eventsDroppedUntil > (grid.starts[0] as number)) {
    const longest = longestCounting(result.windows);
    if (longest && (result.windows[longest].perDay as number) < INTERMITTENT_BELOW) return undefined;
  }
  return result;
}
const NO_OBSERVATION: Observation = { at: Number.NaN, channel: 'mfn' };
