import type { CalendarEvent } from '../settings/schema';
import { addDays, DAY_MS, type DayKey, dayKey, daysBetween, startOfDay } from '../time';

/**
 * The seller's event calendar as planning sees it, in one marketplace's days.
 *
 * Demand events (BFCM, Prime Day) multiply the forecast: each day's demand is the rate times the
 * uplift of the demand event covering it (1 outside events). Where two demand events overlap, the
 * larger uplift counts, not their product: overlapping entries describe one peak, and multiplying
 * would count it twice. Stock for a demand event must be *received and sellable* at Amazon by the
 * event's inbound cut-off (reference §7: "cut-offs mean received and shelved, not shipped"), so the
 * last order date for it is cut-off − (production + transit + receiving).
 *
 * Supply events (Chinese New Year) stop factories: an order whose production window overlaps the
 * closure takes `extraLeadDays` longer.
 *
 * Days are whole marketplace days counted as offsets from today (0 = today), so that thousands of SKUs
 * cost integer arithmetic; `dayAt` names an offset once and caches it.
 */

/** Beyond this many days from today the calendar is flat (uplift 1): events are not planned that far. */
const MAX_HORIZON = 4000;

function normaliseCode(code: string): string {
  const upper = code.toUpperCase();
  return upper === 'GB' ? 'UK' : upper;
}

/** The events that apply to any of the marketplaces (an event listing none applies to all). */
export function eventsFor(events: readonly CalendarEvent[], marketplaces: readonly string[]): CalendarEvent[] {
  const codes = new Set(marketplaces.map(normaliseCode));
  return events.filter((e) => e.marketplaces.length === 0 || e.marketplaces.some((m) => codes.has(normaliseCode(m))));
}

/** The demand multiplier on one day: the largest uplift of the demand events covering it, else 1. */
export function upliftOn(events: readonly CalendarEvent[], day: DayKey): number {
  let uplift: number | null = null;
  for (const e of events) {
    if (e.kind !== 'demand' || e.uplift === undefined || day < e.start || day > e.end) continue;
    uplift = uplift === null ? e.uplift : Math.max(uplift, e.uplift);
  }
  return uplift ?? 1;
}

/**
 * Demand over whole days `from`…`to` (both included) in "days at the base rate": a 10-day range
 * with 3 days at uplift 2 is 13. Multiply by the rate for units.
 */
export function demandDays(events: readonly CalendarEvent[], from: DayKey, to: DayKey): number {
  let sum = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) sum += upliftOn(events, day);
  return sum;
}

export interface DemandWindow {
  id: string;
  name: string;
  start: number;
  end: number;
  cutoff: number | null;
}

export interface SupplyWindow {
  id: string;
  name: string;
  start: number;
  end: number;
  extra: number;
}

export interface MarketCalendar {
  timeZone: string;
  today: DayKey;
  /** Share of today still to come at `now` (0 < todayLeft ≤ 1). */
  todayLeft: number;
  /** uplift[k]: the multiplier on day offset k, for 0 ≤ k < horizon. */
  uplift: Float64Array;
  /** cum[k]: demand in base-rate days from now to the start of day offset k (cum[0] = 0 at now). */
  cum: Float64Array;
  horizon: number;
  demand: DemandWindow[];
  supply: SupplyWindow[];
  /** Today as whole days since 1970-01-01, for naming offsets without parsing dates. */
  epochDay: number;
}

/** The last day's bounds per zone: every evaluation of the day asks again, each answer four date formattings. */
const bounds = new Map<string, { today: DayKey; todayStart: number; tomorrowStart: number }>();

/** Where a marketplace day starts and the next one starts (startOfDay of both), remembered per zone. */
function dayBounds(today: DayKey, timeZone: string): { todayStart: number; tomorrowStart: number } {
  let known = bounds.get(timeZone);
  if (known === undefined || known.today !== today) {
    known = { today, todayStart: startOfDay(today, timeZone), tomorrowStart: startOfDay(addDays(today, 1), timeZone) };
    bounds.set(timeZone, known);
  }
  return known;
}

/**
 * The calendar of one marketplace (or a pool of marketplaces sharing one zone) at `now`. Build it once
 * per marketplace and evaluation: every SKU there reuses it.
 */
export function marketCalendar(
  events: readonly CalendarEvent[],
  marketplaces: readonly string[],
  timeZone: string,
  now: number,
): MarketCalendar {
  const today = dayKey(now, timeZone);
  const applying = eventsFor(events, marketplaces);
  const { todayStart, tomorrowStart } = dayBounds(today, timeZone);
  const todayLeft = Math.min(1, Math.max(1e-9, (tomorrowStart - now) / (tomorrowStart - todayStart)));

  const demand: DemandWindow[] = [];
  const supply: SupplyWindow[] = [];
  let lastEnd = 0;
  for (const e of applying) {
    const start = daysBetween(today, e.start);
    const end = daysBetween(today, e.end);
    if (end < start) continue;
    if (e.kind === 'demand') {
      demand.push({
        id: e.id,
        name: e.name,
        start,
        end,
        cutoff: e.inboundCutoff ? daysBetween(today, e.inboundCutoff) : null,
      });
      if (e.uplift !== undefined && e.uplift !== 1) lastEnd = Math.max(lastEnd, end);
    } else if (e.extraLeadDays) {
      supply.push({ id: e.id, name: e.name, start, end, extra: e.extraLeadDays });
    }
  }

  const horizon = Math.min(MAX_HORIZON, Math.max(1, lastEnd + 2));
  // NaN = no demand event covers the day yet; the largest uplift among those covering it wins.
  const uplift = new Float64Array(horizon).fill(Number.NaN);
  for (const e of applying) {
    if (e.kind !== 'demand' || e.uplift === undefined) continue;
    const end = Math.min(horizon - 1, daysBetween(today, e.end));
    for (let k = Math.max(0, daysBetween(today, e.start)); k <= end; k++) {
      const current = uplift[k] as number;
      uplift[k] = Number.isNaN(current) ? e.uplift : Math.max(current, e.uplift);
    }
  }
  for (let k = 0; k < horizon; k++) if (Number.isNaN(uplift[k] as number)) uplift[k] = 1;
  const cum = new Float64Array(horizon + 1);
  cum[1] = todayLeft * (uplift[0] as number);
  for (let k = 1; k < horizon; k++) cum[k + 1] = (cum[k] as number) + (uplift[k] as number);

  const epochDay = Math.round(
    Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))) / DAY_MS,
  );
  return { timeZone, today, todayLeft, uplift, cum, horizon, demand, supply, epochDay };
}

/**
 * Day names by epoch day, shared by every calendar: ten thousand SKUs name a few thousand distinct days,
 * and formatting a date costs far more than looking one up. Indexed directly (days 0 … MAX_NAMED are
 * 1970 to 2243); anything outside is formatted each time.
 */
const dayNames: (DayKey | undefined)[] = [];
const MAX_NAMED = 100_000;

/** The marketplace day `offset` days from today. */
export function dayAt(cal: MarketCalendar, offset: number): DayKey {
  const epochDay = cal.epochDay + offset;
  if (epochDay < 0 || epochDay >= MAX_NAMED) return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
  let name = dayNames[epochDay];
  if (name === undefined) {
    name = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    dayNames[epochDay] = name;
  }
  return name;
}

/** Start (in days from now) of day offset k ≥ 1. */
function dayStart(cal: MarketCalendar, k: number): number {
  return cal.todayLeft + (k - 1);
}

/** Demand in base-rate days over the next `t` days (t may be fractional): ∫₀ᵗ uplift. */
export function upliftDays(cal: MarketCalendar, t: number): number {
  if (!(t > 0)) return 0;
  if (t <= cal.todayLeft) return t * (cal.uplift[0] as number);
  const k = 1 + Math.floor(t - cal.todayLeft);
  if (k >= cal.horizon) return (cal.cum[cal.horizon] as number) + (t - dayStart(cal, cal.horizon));
  return (cal.cum[k] as number) + (t - dayStart(cal, k)) * (cal.uplift[k] as number);
}

/**
 * Days from now until `demand` base-rate days have sold (the inverse of upliftDays): with stock
 * worth T days at the plain rate, this is when it runs out once demand events are counted.
 */
export function timeToDemand(cal: MarketCalendar, demand: number): number {
  if (!(demand > 0)) return 0;
  const { cum, horizon } = cal;
  if (demand > (cum[horizon] as number)) return dayStart(cal, horizon) + (demand - (cum[horizon] as number));
  let lo = 1;
  let hi = horizon;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] as number) >= demand) hi = mid;
    else lo = mid + 1;
  }
  const before = cum[lo - 1] as number;
  const segmentStart = lo === 1 ? 0 : dayStart(cal, lo - 1);
  const segmentLength = lo === 1 ? cal.todayLeft : 1;
  return segmentStart + ((demand - before) / ((cum[lo] as number) - before)) * segmentLength;
}

/** The day offset (0 = today) that lies `t` days from now. */
export function dayOffsetAt(cal: MarketCalendar, t: number): number {
  return t < cal.todayLeft ? 0 : 1 + Math.floor(t - cal.todayLeft);
}

export interface SupplyDelay {
  days: number;
  eventId: string | null;
}

/** Extra days only, without naming the event (the order-date search asks this many times). */
function delayDays(cal: MarketCalendar, order: number, productionDays: number): number {
  const last = order + Math.max(1, productionDays) - 1;
  let days = 0;
  for (const s of cal.supply) if (s.start <= last && s.end >= order) days += s.extra;
  return days;
}

/**
 * Extra days a factory closure adds to an order placed on day offset `order`: every supply event
 * overlapping its production window [order, order + production − 1] adds its extraLeadDays. An order
 * placed during a closure is delayed even with no production days (nobody is there to pack it).
 */
export function supplyDelay(cal: MarketCalendar, order: number, productionDays: number): SupplyDelay {
  const last = order + Math.max(1, productionDays) - 1;
  let days = 0;
  let eventId: string | null = null;
  for (const s of cal.supply) {
    if (s.start > last || s.end < order) continue;
    days += s.extra;
    eventId ??= s.id;
  }
  return { days, eventId };
}

/** How far back the search for an order date goes before giving up on closures (a year is plenty). */
const MAX_SEARCH_DAYS = 400;

export interface OrderDate {
  offset: number;
  /** Days a closure adds to an order placed on `offset`. */
  supplyDelay: number;
  /** The closure that moved the date earlier (paid for, or ordered ahead of); null when none did. */
  supplyEventId: string | null;
}

/**
 * The latest order day `o` whose stock is sellable by day `deadline`: o + lead + delay(o) ≤ deadline.
 * Without closures that is deadline − lead. With one, the answer is either a later order that pays
 * the delay, or one placed early enough that production ends before the closure starts, whichever is
 * later; scanning back day by day from deadline − lead finds it exactly even when closures overlap.
 */
export function latestOrder(
  cal: MarketCalendar,
  deadline: number,
  leadDays: number,
  productionDays: number,
): OrderDate {
  const out = { offset: 0, supplyDelay: 0, supplyEventId: null };
  latestOrderInto(cal, deadline, leadDays, productionDays, out);
  return out;
}

/** latestOrder writing into `out`: evaluation plans three methods for each of thousands of SKUs. */
function latestOrderInto(
  cal: MarketCalendar,
  deadline: number,
  leadDays: number,
  productionDays: number,
  out: OrderDate,
): void {
  const first = deadline - leadDays;
  if (cal.supply.length === 0 || delayDays(cal, first, productionDays) === 0) {
    out.offset = first;
    out.supplyDelay = 0;
    out.supplyEventId = null;
    return;
  }
  const blocking = supplyDelay(cal, first, productionDays);
  let found = first - blocking.days;
  for (let o = first - 1; o > first - MAX_SEARCH_DAYS; o--) {
    if (o + leadDays + delayDays(cal, o, productionDays) <= deadline) {
      found = o;
      break;
    }
  }
  const paid = supplyDelay(cal, found, productionDays);
  out.offset = found;
  out.supplyDelay = paid.days;
  // The closure that moved the date is named even when the answer is to order before it.
  out.supplyEventId = paid.eventId ?? blocking.eventId;
}

export interface ReorderDate extends OrderDate {
  constraint: 'stock-out' | 'cut-off';
  eventId: string | null;
}

/**
 * The last day to order by one shipping method:
 *   stock-out − lead time − buffer        (reference §6: reorder point = lead-time demand + safety)
 * moved earlier to cut-off − lead time for any upcoming demand event the stock will not last through
 * (reference §7: "last order date = inbound cut-off − (transit + prep + receiving buffer)"), then
 * earlier again where the production window meets a factory closure. A cut-off already passed
 * cannot be met any more and no longer moves the date.
 */
export function reorderDate(
  cal: MarketCalendar,
  plan: { stockOut: number; leadDays: number; productionDays: number; bufferDays: number },
): ReorderDate {
  const out: ReorderDate = { offset: 0, supplyDelay: 0, supplyEventId: null, constraint: 'stock-out', eventId: null };
  reorderDateInto(cal, plan.stockOut, plan.leadDays, plan.productionDays, plan.bufferDays, out);
  return out;
}

/** reorderDate writing into `out` (no allocation unless a closure is in the way). */
export function reorderDateInto(
  cal: MarketCalendar,
  stockOut: number,
  leadDays: number,
  productionDays: number,
  bufferDays: number,
  out: ReorderDate,
): void {
  let deadline = stockOut - bufferDays;
  out.constraint = 'stock-out';
  out.eventId = null;
  for (const e of cal.demand) {
    if (e.cutoff === null || e.cutoff < 0 || stockOut > e.end) continue;
    if (e.cutoff < deadline) {
      deadline = e.cutoff;
      out.constraint = 'cut-off';
      out.eventId = e.id;
    }
  }
  latestOrderInto(cal, deadline, leadDays, productionDays, out);
}
