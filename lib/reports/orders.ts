import { MARKETPLACES, type Marketplace } from '../marketplaces';
import { addDays, DAY_MS, type DayKey, dayKey, startOfDay } from '../time';
import { fail } from './errors';
import { own, type RowProblem } from './parse';
import type { AllOrdersRow } from './schemas';

/**
 * All Orders rows → each (order, SKU) once at its latest state → daily units per SKU in the
 * marketplace's time zone. Memory is bounded by distinct (order, SKU) lines, SKUs and days, never
 * by the number of rows: a line seen again (a second overlapping export, a later status) replaces
 * or is ignored, and nothing of a row is kept but numbers and interned indexes.
 */

/** One (order, SKU) at its latest known state. */
export interface OrderLine {
  marketplace: string;
  orderId: string;
  sku: string;
  /** The marketplace day of the purchase (Amazon counts a day in the marketplace's zone). */
  day: DayKey;
  purchasedAt: number;
  /** `last-updated-date` of the state kept: a later export of the same line replaces it. */
  lastUpdatedAt: number;
  /** Units that count as sold: 0 when the order or the item is cancelled. */
  units: number;
  cancelled: boolean;
}

/**
 * Order lines in columns: the same content as OrderLine[] in 40 bytes a line, without an object
 * or a string per line, and structured-clone friendly (a Web Worker posts it, IndexedDB stores it).
 * Line i is { marketplace: marketplaces[marketplace[i]], orderId: orderIdAt(table, i),
 * sku: skus[sku[i]], day: days[day[i]], … }; orderLines() reads it back as objects.
 */
export interface OrderLineTable {
  size: number;
  marketplaces: string[];
  skus: string[];
  days: DayKey[];
  /**
   * Order ids: an Amazon id `123-1234567-1234567` as orderHigh 123 and orderLow 12345671234567;
   * any other id as orderHigh -1 and orderTexts[orderLow]. orderIdAt() reads one back.
   */
  orderHigh: Int16Array;
  orderLow: Float64Array;
  orderTexts: string[];
  marketplace: Uint8Array;
  sku: Uint32Array;
  day: Uint32Array;
  purchasedAt: Float64Array;
  lastUpdatedAt: Float64Array;
  units: Uint32Array;
  cancelled: Uint8Array;
}

/** Units per day for one SKU, over the days an import covers (a covered day with no entry sold 0). */
export interface SkuDailySales {
  marketplace: string;
  sku: string;
  from: DayKey;
  to: DayKey;
  days: Array<{ day: DayKey; units: number }>;
}

const byDomain = new Map(MARKETPLACES.map((m) => [m.domain, m]));
const CANCELLED = /cancel/i;
const statusCache = new Map<string, boolean>();

/** `Cancelled`, `Canceled`: statuses repeat, so each distinct one is tested once. */
function isCancelled(status: string): boolean {
  let cancelled = statusCache.get(status);
  if (cancelled === undefined) {
    cancelled = CANCELLED.test(status);
    if (statusCache.size < 1000) statusCache.set(own(status), cancelled);
  }
  return cancelled;
}

interface Span {
  start: number;
  end: number;
  day: number;
}

/**
 * Marketplace days as indexes into `days`. Each day seen costs three Intl calls (its key, its
 * start, the next day's start); any instant after that is a lookup by its UTC day. Intl formatting
 * would otherwise be the slowest step of reading an order line.
 */
class DayIndex {
  private readonly spans = new Map<number, Span[]>();
  private readonly byKey = new Map<DayKey, number>();
  private last: Span | undefined;

  constructor(
    private readonly timeZone: string,
    private readonly days: DayKey[],
  ) {}

  of(at: number): number {
    const last = this.last;
    if (last && at >= last.start && at < last.end) return last.day;
    const list = this.spans.get(Math.floor(at / DAY_MS));
    if (list) {
      for (const span of list) {
        if (at >= span.start && at < span.end) {
          this.last = span;
          return span.day;
        }
      }
    }
    const key = dayKey(at, this.timeZone);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.days.indexOf(key);
      if (index < 0) index = this.days.push(key) - 1;
      this.byKey.set(key, index);
    }
    const span: Span = {
      start: startOfDay(key, this.timeZone),
      end: startOfDay(addDays(key, 1), this.timeZone),
      day: index,
    };
    for (let d = Math.floor(span.start / DAY_MS); d <= Math.floor((span.end - 1) / DAY_MS); d++) {
      const spans = this.spans.get(d);
      if (spans) spans.push(span);
      else this.spans.set(d, [span]);
    }
    this.last = span;
    return index;
  }
}

/**
 * The marketplace of an order line: from its sales channel (`Amazon.co.uk`), else the one the
 * seller chose. Multi-channel fulfilment orders (`Non-Amazon …`) draw on the same FBA stock and
 * are counted in the chosen marketplace, with a warning.
 */
function channelMarketplace(
  channel: string | undefined,
  fallback: Marketplace | undefined,
): Marketplace | RowProblem | null {
  const lower = channel?.toLowerCase();
  if (lower?.startsWith('amazon.')) {
    const m = byDomain.get(lower);
    if (m) return m;
    const value = channel as string;
    return {
      column: 'sales-channel',
      value,
      messageKey: 'reports.row.unknownMarketplace',
      params: { column: 'sales-channel', value },
    };
  }
  if (!fallback) fail('marketplace-required', 'reports.error.marketplaceRequired', { channel: channel ?? '' });
  return channel === undefined ? fallback : null;
}

let splitHigh = 0;
let splitLow = 0;

/**
 * Reads `123-1234567-1234567` into splitHigh = 123 and splitLow = 12345671234567 (module
 * variables rather than a returned object: this runs once per row). False for any other form.
 */
function splitOrderId(id: string): boolean {
  if (id.length !== 19 || id.charCodeAt(3) !== 45 || id.charCodeAt(11) !== 45) return false;
  let high = 0;
  let low = 0;
  for (let i = 0; i < 19; i++) {
    if (i === 3 || i === 11) continue;
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (i < 3) high = high * 10 + d;
    else low = low * 10 + d;
  }
  splitHigh = high;
  splitLow = low;
  return true;
}

/** The order id of line `i` of a table, as Amazon writes it. */
export function orderIdAt(table: OrderLineTable, i: number): string {
  const high = table.orderHigh[i] as number;
  const low = table.orderLow[i] as number;
  if (high < 0) return table.orderTexts[low] as string;
  const digits = String(low).padStart(14, '0');
  return `${String(high).padStart(3, '0')}-${digits.slice(0, 7)}-${digits.slice(7)}`;
}

/** Columns of the aggregator's slots, grown by doubling (typed arrays: no per-line objects or boxed numbers). */
class Slots {
  capacity = 1024;
  low = new Float64Array(this.capacity);
  high = new Int16Array(this.capacity);
  sku = new Int32Array(this.capacity);
  market = new Uint8Array(this.capacity);
  purchased = new Float64Array(this.capacity);
  updated = new Float64Array(this.capacity);
  units = new Uint32Array(this.capacity);
  cancelledLines = new Uint32Array(this.capacity);
  lineCount = new Uint32Array(this.capacity);

  grow(): void {
    this.capacity *= 2;
    const grown = <T extends Float64Array | Int32Array | Int16Array | Uint32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.low = grown(this.low);
    this.high = grown(this.high);
    this.sku = grown(this.sku);
    this.market = grown(this.market);
    this.purchased = grown(this.purchased);
    this.updated = grown(this.updated);
    this.units = grown(this.units);
    this.cancelledLines = grown(this.cancelledLines);
    this.lineCount = grown(this.lineCount);
  }
}

function hash(low: number, high: number, sku: number): number {
  let h = Math.imul((low % 67_108_864) ^ Math.imul(Math.floor(low / 67_108_864), 0x9e3779b1), 0x85ebca6b);
  h ^= Math.imul(Math.imul(high, 65_599) + sku, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The order lines of one file. Each (order id, SKU) is kept once: a row with a later
 * `last-updated-date` replaces the one kept, an earlier one is ignored, and rows with the same
 * timestamp are lines of the same order state (the same SKU twice in one order) and add up.
 *
 * Lines live in typed columns behind an open-addressing hash table. An Amazon order id
 * (`123-1234567-1234567`) is keyed as two numbers; any other id (multi-channel `S02-…`,
 * seller-made) is interned and keyed by its index. No string or object is kept per line, which
 * keeps a million-line import to a few tens of megabytes and off the garbage collector's books.
 */
export class OrderAggregator {
  private readonly slots = new Slots();
  private count = 0;
  private index = new Int32Array(2048);
  private readonly skus: string[] = [];
  private readonly skuIndex = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly idIndex = new Map<string, number>();
  private readonly markets: Marketplace[] = [];
  private readonly channels = new Map<string, Marketplace | RowProblem | null>();
  nonAmazonLines = 0;

  constructor(private readonly fallback: Marketplace | undefined) {}

  get size(): number {
    return this.count;
  }

  /** The marketplace lines without one of their own were counted in. */
  get fallbackCode(): string | undefined {
    return this.fallback?.code;
  }

  add(row: AllOrdersRow): RowProblem | undefined {
    const channel = row.salesChannel ?? '';
    let market = this.channels.get(channel);
    if (market === undefined) {
      market = channelMarketplace(row.salesChannel, this.fallback);
      this.channels.set(own(channel), market);
    }
    if (market !== null && !('code' in market)) return market;
    if (market === null) this.nonAmazonLines++;
    const m = this.marketIndex(market ?? (this.fallback as Marketplace));

    let s = this.skuIndex.get(row.sku);
    if (s === undefined) {
      s = this.skus.length;
      const sku = own(row.sku);
      this.skus.push(sku);
      this.skuIndex.set(sku, s);
    }
    const cancelled = isCancelled(row.orderStatus) || (row.itemStatus !== undefined && isCancelled(row.itemStatus));
    const units = cancelled ? 0 : row.quantity;

    let low: number;
    let high: number;
    if (splitOrderId(row.orderId)) {
      low = splitLow;
      high = splitHigh;
    } else {
      let t = this.idIndex.get(row.orderId);
      if (t === undefined) {
        t = this.ids.length;
        const id = own(row.orderId);
        this.ids.push(id);
        this.idIndex.set(id, t);
      }
      low = t;
      high = -1;
    }

    const slots = this.slots;
    const mask = this.index.length - 1;
    let at = hash(low, high, s) & mask;
    for (;;) {
      const entry = this.index[at] as number;
      if (entry === 0) break;
      const slot = entry - 1;
      if (slots.low[slot] === low && slots.high[slot] === high && slots.sku[slot] === s) {
        const kept = slots.updated[slot] as number;
        if (row.lastUpdated < kept) return undefined;
        if (row.lastUpdated > kept) {
          slots.updated[slot] = row.lastUpdated;
          slots.purchased[slot] = row.purchaseDate;
          slots.market[slot] = m;
          slots.units[slot] = units;
          slots.cancelledLines[slot] = cancelled ? 1 : 0;
          slots.lineCount[slot] = 1;
        } else {
          slots.units[slot] = (slots.units[slot] as number) + units;
          slots.cancelledLines[slot] = (slots.cancelledLines[slot] as number) + (cancelled ? 1 : 0);
          slots.lineCount[slot] = (slots.lineCount[slot] as number) + 1;
        }
        return undefined;
      }
      at = (at + 1) & mask;
    }
    const slot = this.count++;
    if (slot === slots.capacity) slots.grow();
    slots.low[slot] = low;
    slots.high[slot] = high;
    slots.sku[slot] = s;
    slots.market[slot] = m;
    slots.purchased[slot] = row.purchaseDate;
    slots.updated[slot] = row.lastUpdated;
    slots.units[slot] = units;
    slots.cancelledLines[slot] = cancelled ? 1 : 0;
    slots.lineCount[slot] = 1;
    this.index[at] = slot + 1;
    if (this.count * 2 > this.index.length) this.rehash();
    return undefined;
  }

  /** Doubles the hash table; it stays at most half full so probes stay short. */
  private rehash(): void {
    const table = new Int32Array(this.index.length * 2);
    const mask = table.length - 1;
    const { low, high, sku } = this.slots;
    for (let slot = 0; slot < this.count; slot++) {
      let at = hash(low[slot] as number, high[slot] as number, sku[slot] as number) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = slot + 1;
    }
    this.index = table;
  }

  private marketIndex(m: Marketplace): number {
    const i = this.markets.indexOf(m);
    return i >= 0 ? i : this.markets.push(m) - 1;
  }

  /**
   * The lines as a table. Days are worked out here, once per line and after the last row: a line
   * replaced by a later state is dated once, and file order (by date) keeps the day cache hot.
   */
  table(): OrderLineTable {
    const size = this.count;
    const slots = this.slots;
    const days: DayKey[] = [];
    const indexes = this.markets.map((m) => new DayIndex(m.timeZone, days));
    const out: OrderLineTable = {
      size,
      marketplaces: this.markets.map((m) => m.code),
      skus: [...this.skus],
      days,
      orderHigh: slots.high.slice(0, size),
      orderLow: slots.low.slice(0, size),
      orderTexts: [...this.ids],
      marketplace: slots.market.slice(0, size),
      sku: Uint32Array.from(slots.sku.subarray(0, size)),
      day: new Uint32Array(size),
      purchasedAt: slots.purchased.slice(0, size),
      lastUpdatedAt: slots.updated.slice(0, size),
      units: slots.units.slice(0, size),
      cancelled: new Uint8Array(size),
    };
    for (let i = 0; i < size; i++) {
      out.day[i] = (indexes[slots.market[i] as number] as DayIndex).of(slots.purchased[i] as number);
      out.cancelled[i] = slots.cancelledLines[i] === slots.lineCount[i] ? 1 : 0;
    }
    return out;
  }
}

/** A table's lines as objects. */
export function* orderLines(table: OrderLineTable): Generator<OrderLine> {
  for (let i = 0; i < table.size; i++) {
    yield {
      marketplace: table.marketplaces[table.marketplace[i] as number] as string,
      orderId: orderIdAt(table, i),
      sku: table.skus[table.sku[i] as number] as string,
      day: table.days[table.day[i] as number] as DayKey,
      purchasedAt: table.purchasedAt[i] as number,
      lastUpdatedAt: table.lastUpdatedAt[i] as number,
      units: table.units[i] as number,
      cancelled: table.cancelled[i] === 1,
    };
  }
}

function sortedDays(days: Map<DayKey, number>): Array<{ day: DayKey; units: number }> {
  return [...days].map(([day, units]) => ({ day, units })).sort((a, b) => (a.day < b.day ? -1 : 1));
}

function bySku(a: SkuDailySales, b: SkuDailySales): number {
  if (a.marketplace !== b.marketplace) return a.marketplace < b.marketplace ? -1 : 1;
  return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
}

/**
 * Daily units per (marketplace, SKU) from a table, by index arithmetic rather than per-line
 * objects. The covered span is the first to the last purchase day in that marketplace, the same for
 * every SKU: a SKU with no line on a covered day sold nothing that day.
 */
export function dailyFromTable(table: OrderLineTable): SkuDailySales[] {
  const dayCount = table.days.length;
  const markets = table.marketplaces.length;
  // Per marketplace: first and last day index in calendar order.
  const order = table.days
    .map((_, i) => i)
    .sort((a, b) => ((table.days[a] as string) < (table.days[b] as string) ? -1 : 1));
  const rank = new Uint32Array(dayCount);
  order.forEach((dayIndex, r) => {
    rank[dayIndex] = r;
  });
  const first = new Array<number>(markets).fill(Number.POSITIVE_INFINITY);
  const last = new Array<number>(markets).fill(-1);
  const perSku = new Map<number, Uint32Array>();
  for (let i = 0; i < table.size; i++) {
    const m = table.marketplace[i] as number;
    const r = rank[table.day[i] as number] as number;
    if (r < (first[m] as number)) first[m] = r;
    if (r > (last[m] as number)) last[m] = r;
    const key = (table.sku[i] as number) * markets + m;
    let totals = perSku.get(key);
    if (!totals) {
      totals = new Uint32Array(dayCount);
      perSku.set(key, totals);
    }
    totals[r] = (totals[r] as number) + (table.units[i] as number);
  }
  const out: SkuDailySales[] = [];
  for (const [key, totals] of perSku) {
    const m = key % markets;
    const days: SkuDailySales['days'] = [];
    for (let r = first[m] as number; r <= (last[m] as number); r++) {
      const units = totals[r] as number;
      if (units > 0) days.push({ day: table.days[order[r] as number] as DayKey, units });
    }
    out.push({
      marketplace: table.marketplaces[m] as string,
      sku: table.skus[Math.floor(key / markets)] as string,
      from: table.days[order[first[m] as number] as number] as DayKey,
      to: table.days[order[last[m] as number] as number] as DayKey,
      days,
    });
  }
  return out.sort(bySku);
}

/** Daily units from line objects (stored lines, merged books): same rules as dailyFromTable. */
export function dailyFromLines(lines: Iterable<OrderLine>): SkuDailySales[] {
  const span = new Map<string, { from: DayKey; to: DayKey }>();
  const perSku = new Map<string, { marketplace: string; sku: string; days: Map<DayKey, number> }>();
  for (const line of lines) {
    const s = span.get(line.marketplace);
    if (!s) span.set(line.marketplace, { from: line.day, to: line.day });
    else if (line.day < s.from) s.from = line.day;
    else if (line.day > s.to) s.to = line.day;
    const key = `${line.marketplace}\u001f${line.sku}`;
    let entry = perSku.get(key);
    if (!entry) {
      entry = { marketplace: line.marketplace, sku: line.sku, days: new Map() };
      perSku.set(key, entry);
    }
    if (line.units > 0) entry.days.set(line.day, (entry.days.get(line.day) ?? 0) + line.units);
  }
  const out: SkuDailySales[] = [];
  for (const entry of perSku.values()) {
    const s = span.get(entry.marketplace) as { from: DayKey; to: DayKey };
    out.push({ marketplace: entry.marketplace, sku: entry.sku, from: s.from, to: s.to, days: sortedDays(entry.days) });
  }
  return out.sort(bySku);
}

/**
 * Order lines from several files, or from storage plus a new file: the state with the later
 * `last-updated-date` wins; an equal one is the same state seen again and replaces, never adds.
 */
export class OrderBook {
  private readonly byKey = new Map<string, OrderLine>();

  merge(lines: Iterable<OrderLine> | OrderLineTable): this {
    const source = Symbol.iterator in lines ? lines : orderLines(lines);
    for (const line of source) {
      const key = `${line.orderId}\u001f${line.sku}`;
      const kept = this.byKey.get(key);
      if (!kept || line.lastUpdatedAt >= kept.lastUpdatedAt) this.byKey.set(key, line);
    }
    return this;
  }

  get size(): number {
    return this.byKey.size;
  }

  lines(): IterableIterator<OrderLine> {
    return this.byKey.values();
  }

  daily(): SkuDailySales[] {
    return dailyFromLines(this.byKey.values());
  }
}
