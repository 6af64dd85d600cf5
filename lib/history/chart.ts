import type { SkuTimeline } from '../db/history';
import { toObservation, toWrite } from '../db/ingest';
import type { ChangeKind, ChangeRecord, ObservationRecord } from '../db/schema';
import { DAY_MS, type DayKey, dayKey, zoneOffset } from '../time';
import { buildDaily, type DayGrid, type DayStatus, dayStatus } from '../velocity/daily';
import type { SalesHistory, ShelfwiseWrite } from '../velocity/types';

/**
 * One SKU's timeline → what the chart draws and what its text alternative lists. Pure and
 * allocation-light: a year of history is a few thousand points and must be ready within a frame.
 *
 * Stock is a step function: a stored observation holds until the next one (the store keeps one only
 * when something changed), so every series is carried forward to every instant on the x axis, up to
 * the last visit; after it the stock is not known and the line stops.
 * Daily sales come from the velocity library's day series over the same span, and are null on days
 * nobody saw (not 0: unknown is not "sold nothing").
 */

export const MARKER_KINDS = ['shelfwise', 'external', 'receipt', 'sale', 'other'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export function markerKind(kind: ChangeKind): MarkerKind {
  return kind === 'adjustment' || kind === 'unknown' ? 'other' : kind;
}

/** The order of uPlot's aligned data after x. */
export const SERIES = ['available', 'reserved', 'inbound', 'sales', ...MARKER_KINDS] as const;
export type SeriesKey = (typeof SERIES)[number];

export interface StockPoint {
  at: number;
  available: number | null;
  reserved: number | null;
  inbound: number | null;
  /** A stored observation starts here (else only changes were recorded at this instant). */
  observed: boolean;
  compacted: boolean;
  changes: ChangeRecord[];
}

export interface SalesDay {
  day: DayKey;
  start: number;
  /** Estimated units sold; null when the day was not seen. */
  units: number | null;
  status: DayStatus;
}

export interface ChartData {
  /** uPlot's aligned data: x in ms, then one array per entry of SERIES. */
  aligned: [number[], ...(number | null)[][]];
  has: Record<'reserved' | 'inbound' | 'sales', boolean>;
  points: StockPoint[];
  days: SalesDay[];
  markers: Record<MarkerKind, number>;
  from: number;
  to: number;
  available: { first: number; last: number; min: number; max: number } | null;
  unitsSold: number;
}

export interface ChartOptions {
  timeZone: string;
  now: number;
  /** The start of the period shown (the timeline's `since`). */
  since: number;
}

/** Stock in transit as one figure: the page's total, or the sum of the stages it shows. */
export function inboundOf(o: ObservationRecord): number | null {
  if (o.inbound !== undefined) return o.inbound;
  if (o.inboundWorking === undefined && o.inboundShipped === undefined && o.inboundReceiving === undefined) return null;
  return (o.inboundWorking ?? 0) + (o.inboundShipped ?? 0) + (o.inboundReceiving ?? 0);
}

/** Sorted, without duplicates (ms instants are integers in practice; equality is exact). */
function unionSorted(xs: number[]): number[] {
  const sorted = Float64Array.from(xs).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as number;
    if (i === 0 || x !== sorted[i - 1]) out.push(x);
  }
  return out;
}

/** Offsets are checked per 28 days: no marketplace zone changes its offset twice within that. */
const OFFSET_BUCKET_MS = 28 * DAY_MS;

const locators = new Map<string, (at: number) => number>();

/**
 * The zone's offset at an instant, asking Intl a few times per 28 days instead of every time. Kept per
 * zone for the page's life: a zone's rules do not change while the dashboard is open, and the next
 * SKU's chart then needs no Intl call at all.
 */
function offsetLocator(timeZone: string): (at: number) => number {
  const known = locators.get(timeZone);
  if (known) return known;
  const buckets = new Map<number, { change: number; before: number; after: number }>();
  const locate = (at: number) => {
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
    return at < bucket.change ? bucket.before : bucket.after;
  };
  locators.set(timeZone, locate);
  return locate;
}

/**
 * The same grid as the velocity library's dayGrid, built without two Intl calls per day: a year of
 * days is 730 calls there (most of the chart's time budget) and about 30 here.
 */
export function chartGrid(timeZone: string, first: DayKey, last: DayKey): DayGrid {
  const offsetAt = offsetLocator(timeZone);
  const firstMidnight = Date.parse(`${first}T00:00:00Z`);
  const length = Math.round((Date.parse(`${last}T00:00:00Z`) - firstMidnight) / DAY_MS) + 1;
  const days: DayKey[] = new Array(Math.max(0, length));
  const starts = new Float64Array(Math.max(0, length) + 1);
  for (let i = 0; i <= length; i++) {
    const midnight = firstMidnight + i * DAY_MS;
    // Two passes, as startOfDay does: the offset at the guess can differ from the offset at the answer.
    let start = midnight - offsetAt(midnight);
    start = midnight - offsetAt(start);
    starts[i] = start;
    if (i < length) days[i] = new Date(midnight).toISOString().slice(0, 10);
  }
  return { timeZone, days, length: Math.max(0, length), starts };
}

function salesHistoryOf(timeline: SkuTimeline): SalesHistory {
  return {
    observations: timeline.observations.map(toObservation),
    lastSeenAt: timeline.sku.lastSeenAt,
    firstSeenAt: timeline.sku.firstSeenAt,
    writes: timeline.changes.map(toWrite).filter((w): w is ShelfwiseWrite => !!w),
  };
}

export function chartData(timeline: SkuTimeline, options: ChartOptions): ChartData {
  const { observations, changes, sku } = timeline;
  const { timeZone, now } = options;
  const firstAt = observations[0]?.at ?? sku.firstSeenAt;
  const from = Math.min(Math.max(options.since, firstAt), now);
  const end = Math.max(now, sku.lastSeenAt);

  // Days of the period, with the estimated sales of each.
  const grid = chartGrid(timeZone, dayKey(from, timeZone), dayKey(now, timeZone));
  const series = buildDaily(salesHistoryOf(timeline), grid);
  const days: SalesDay[] = [];
  let unitsSold = 0;
  for (let i = 0; i < grid.length; i++) {
    const status = dayStatus(series, i);
    const units = status === 'unknown' ? null : (series.units[i] as number);
    if (units !== null) unitsSold += units;
    days.push({ day: grid.days[i] as DayKey, start: grid.starts[i] as number, units, status });
  }

  const obsX = observations.map((o) => Math.max(o.at, from));
  const xs: number[] = [...obsX, from, end];
  if (sku.lastSeenAt > from) xs.push(sku.lastSeenAt);
  for (const day of days) if (day.start > from) xs.push(day.start);
  for (const change of changes) xs.push(Math.max(change.at, from));
  const x = unionSorted(xs);

  const n = x.length;
  const available: (number | null)[] = new Array(n).fill(null);
  const reserved: (number | null)[] = new Array(n).fill(null);
  const inbound: (number | null)[] = new Array(n).fill(null);
  const sales: (number | null)[] = new Array(n).fill(null);
  const markerSeries = MARKER_KINDS.map(() => new Array<number | null>(n).fill(null));
  const markers = Object.fromEntries(MARKER_KINDS.map((k) => [k, 0])) as Record<MarkerKind, number>;
  const has = { reserved: false, inbound: false, sales: days.some((d) => d.units !== null) };

  const points: StockPoint[] = [];
  let o = -1;
  let d = -1;
  let c = 0;
  const sortedChanges = [...changes].sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
  for (let i = 0; i < n; i++) {
    const at = x[i] as number;
    let observedHere = false;
    while (o + 1 < observations.length && (obsX[o + 1] as number) <= at) {
      o++;
      observedHere = (obsX[o] as number) === at;
    }
    const current = o >= 0 ? (observations[o] as ObservationRecord) : undefined;
    // After the last visit the stock is not known: the line stops there.
    if (current && at <= sku.lastSeenAt) {
      available[i] = current.available ?? null;
      reserved[i] = current.reserved ?? null;
      inbound[i] = inboundOf(current);
      if (current.reserved !== undefined) has.reserved = true;
      if (inbound[i] !== null) has.inbound = true;
    }
    while (d + 1 < days.length && (days[d + 1] as SalesDay).start <= at) d++;
    if (d >= 0) sales[i] = (days[d] as SalesDay).units;

    const here: ChangeRecord[] = [];
    while (c < sortedChanges.length && Math.max((sortedChanges[c] as ChangeRecord).at, from) <= at) {
      here.push(sortedChanges[c] as ChangeRecord);
      c++;
    }
    for (const change of here) {
      const kind = markerKind(change.kind);
      const series = markerSeries[MARKER_KINDS.indexOf(kind)] as (number | null)[];
      if (series[i] === null) markers[kind]++;
      series[i] = available[i] ?? change.after ?? 0;
    }
    if (current && (observedHere || here.length)) {
      points.push({
        at,
        available: available[i] as number | null,
        reserved: reserved[i] as number | null,
        inbound: inbound[i] as number | null,
        observed: observedHere,
        compacted: !!current.compacted && observedHere,
        changes: here,
      });
    }
  }

  let stock: ChartData['available'] = null;
  for (const point of points) {
    if (point.available === null) continue;
    if (!stock) stock = { first: point.available, last: point.available, min: point.available, max: point.available };
    stock.last = point.available;
    stock.min = Math.min(stock.min, point.available);
    stock.max = Math.max(stock.max, point.available);
  }

  return {
    aligned: [x, available, reserved, inbound, sales, ...markerSeries],
    has,
    points,
    days,
    markers,
    from,
    to: end,
    available: stock,
    unitsSold,
  };
}
