import type { IDBPObjectStore, StoreNames } from 'idb';
import { marketplaceByCode } from '../marketplaces';
import { skuKey } from '../model/keys';
import { CHANNELS, type Listing, type PageRead, STATES } from '../model/listing';
import { DAY_MS, type DayKey, dayKey } from '../time';
import { computeVelocity, type VelocityContext } from '../velocity';
import {
  emptyView,
  epochDay,
  extendSeries,
  figuresFromView,
  SERIES_DAYS,
  type SeriesExtras,
  type SeriesView,
  type StoredSeries,
  seriesFromHistory,
  type VelocityColumns,
  velocityFromView,
} from '../velocity/series';
import type { Observation, SalesHistory, Velocity } from '../velocity/types';
import { forEachSalesHistory } from './histories';
import type { DB } from './open';
import { importedSalesFrom, importedSince } from './reports';
import type {
  DaySeriesChunk,
  DaySeriesMarks,
  OrderCoverageRecord,
  OrderDaysRecord,
  PeriodSalesRecord,
  ShelfwiseDB,
  SkuRecord,
} from './schema';

/**
 * The stored day series of every SKU of a marketplace (lib/velocity/series.ts), packed as columns
 * (schemas/v6.ts), so that velocity for ten thousand SKUs reads a few large typed arrays instead of
 * every observation.
 *
 * Derived data, kept in step and rebuilt when it is not:
 * - An ingest (recordVisit, in the ingest's own transaction, so a worker stopped mid-write leaves the
 *   previous state of both) moves every seen SKU's marks; a SKU whose state changed has its series
 *   extended by the new observation (extendSeries), which rewrites only its chunk.
 * - A marketplace without marks, or marks of another format or time zone, is rebuilt from the
 *   observations on the next velocity read (rebuildDaySeries). A slot without a series (a SKU first
 *   seen since, a Shelfwise write, a series whose last observation is not the SKU's) is built from that
 *   SKU's history on the next read, and written back.
 * - Compaction, backup restore and "Delete all data" drop the marketplace's records (dropDaySeries).
 */

/** Bumped when the packing or what a series holds changes: records of another format are rebuilt. */
export const SERIES_FORMAT = 2;
/**
 * Slots per chunk (≈ 2.4 MB at ~1.2 KB a series). Reading is what this trades for: Chromium keeps each
 * value this large as a blob of its own and pays per record, so 10,000 SKUs read as 5 chunks instead of
 * 40 (format 1, 256 slots) cost less (the same 14.5 MB of days read as 256-slot records took 153 ms,
 * as 2048-slot ones 116 ms, median of 9, load 16). An ingest rewrites only the chunks of the SKUs it
 * changed, each larger than it was.
 */
export const SKUS_PER_CHUNK = 2048;
const SEPARATOR = '\u0000';
const MARKS_CHUNK = -1;

/** Marks per slot. */
const LAST_AT = 0;
const VISITS = 1;
const PAGE_UNITS = 2;
const PAGE_DAYS = 3;
const CHANGED_AT = 4;
const CHANNEL = 5;
const STATE = 6;
const STOCK = 7;
/** Their order is the stored marks layout (format 2): appending is safe, reordering is a new format. */
export const STOCK_FIELDS = [
  'available',
  'reserved',
  'inbound',
  'inboundWorking',
  'inboundShipped',
  'inboundReceiving',
  'unfulfillable',
] as const;
export const MARKS = STOCK + STOCK_FIELDS.length;

/** Fixed numbers per series. */
const FIRST_DAY = 0;
const COMPLETE = 1;
const FIRST_AT = 2;
const DROPPED = 3;
const LAST_OBSERVED = 4;
const FIXED = 5;
/** Per slot in `layout`: where its variable part starts, then the lengths of its four parts. */
const LAYOUT = 5;
const DAYS = SERIES_DAYS;

export function timeZoneOf(marketplace: string): string {
  return marketplaceByCode(marketplace)?.timeZone ?? 'UTC';
}

function range(account: string, marketplace: string): IDBKeyRange {
  return IDBKeyRange.bound([account, marketplace, MARKS_CHUNK], [account, marketplace, Number.MAX_SAFE_INTEGER]);
}

const dayNames = new Map<number, DayKey>();
function dayName(epochDay: number): DayKey {
  let name = dayNames.get(epochDay);
  if (name === undefined) {
    name = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(epochDay, name);
  }
  return name;
}

/** The marks of one slot from what the store says of the SKU. */
function writeMarks(numbers: Float64Array, slot: number, sku: SkuRecord): void {
  const m = slot * MARKS;
  numbers[m + LAST_AT] = sku.lastSeenAt;
  numbers[m + VISITS] = sku.visits;
  const page = sku.latest.pageSales;
  numbers[m + PAGE_UNITS] = page ? page.units : Number.NaN;
  numbers[m + PAGE_DAYS] = page ? page.days : Number.NaN;
  const o = sku.lastObservation;
  numbers[m + CHANGED_AT] = o.at;
  numbers[m + CHANNEL] = CHANNELS.indexOf(o.channel);
  numbers[m + STATE] = STATES.indexOf(o.state);
  for (let f = 0; f < STOCK_FIELDS.length; f++)
    numbers[m + STOCK + f] = o[STOCK_FIELDS[f] as (typeof STOCK_FIELDS)[number]] ?? Number.NaN;
}

/** The last stored observation of a slot, as velocity sees it. */
function lastObservation(numbers: Float64Array, slot: number): Observation {
  const m = slot * MARKS;
  const o: Observation = {
    at: numbers[m + CHANGED_AT] as number,
    channel: CHANNELS[numbers[m + CHANNEL] as number] ?? 'mfn',
  };
  for (let f = 0; f < STOCK_FIELDS.length; f++) {
    const value = numbers[m + STOCK + f] as number;
    if (!Number.isNaN(value)) o[STOCK_FIELDS[f] as (typeof STOCK_FIELDS)[number]] = value;
  }
  return o;
}

/** Whether a listing shows what the slot's last observation holds (ingest's test for a new observation). */
function sameAsMarks(numbers: Float64Array, slot: number, listing: Listing): boolean {
  const m = slot * MARKS;
  if (numbers[m + CHANNEL] !== CHANNELS.indexOf(listing.channel)) return false;
  if (numbers[m + STATE] !== STATES.indexOf(listing.state)) return false;
  for (let f = 0; f < STOCK_FIELDS.length; f++) {
    const stored = numbers[m + STOCK + f] as number;
    const seen = listing.stock[STOCK_FIELDS[f] as (typeof STOCK_FIELDS)[number]];
    if (seen === undefined ? !Number.isNaN(stored) : stored !== seen) return false;
  }
  return true;
}

/** What a page read adds to a SKU's history: its stock, as velocity reads an observation. */
export function observationOf(listing: Listing, at: number): Observation {
  const o: Observation = { at, channel: listing.channel };
  for (const field of STOCK_FIELDS) {
    const value = listing.stock[field];
    if (value !== undefined) o[field] = value;
  }
  return o;
}

function setListingMarks(numbers: Float64Array, slot: number, listing: Listing, at: number, changed: boolean): void {
  const m = slot * MARKS;
  numbers[m + LAST_AT] = at;
  const page = listing.pageSales;
  numbers[m + PAGE_UNITS] = page ? page.units : Number.NaN;
  numbers[m + PAGE_DAYS] = page ? page.days : Number.NaN;
  if (!changed) return;
  numbers[m + CHANGED_AT] = at;
  numbers[m + CHANNEL] = CHANNELS.indexOf(listing.channel);
  numbers[m + STATE] = STATES.indexOf(listing.state);
  for (let f = 0; f < STOCK_FIELDS.length; f++)
    numbers[m + STOCK + f] = listing.stock[STOCK_FIELDS[f] as (typeof STOCK_FIELDS)[number]] ?? Number.NaN;
}

/** A chunk's series by slot, as views into its arrays (undefined: none). */
type Slots = Array<StoredSeries | undefined>;

function unpackChunk(chunk: DaySeriesChunk): Slots {
  const slots: Slots = new Array(chunk.count);
  for (let i = 0; i < chunk.count; i++) slots[i] = unpackSlot(chunk, i);
  return slots;
}

function unpackSlot(chunk: DaySeriesChunk, i: number): Slots[number] {
  if (chunk.state[i] !== 1) return undefined;
  const f = i * FIXED;
  const l = i * LAYOUT;
  const start = chunk.layout[l] as number;
  const inStock = chunk.layout[l + 1] as number;
  const out = chunk.layout[l + 2] as number;
  const ranOut = chunk.layout[l + 3] as number;
  const events = chunk.layout[l + 4] as number;
  const d = i * DAYS;
  return {
    firstDay: dayName(chunk.fixed[f + FIRST_DAY] as number),
    complete: chunk.fixed[f + COMPLETE] === 1,
    firstAt: chunk.fixed[f + FIRST_AT] as number,
    eventsDroppedUntil: chunk.fixed[f + DROPPED] as number,
    units: chunk.days.subarray(d, d + SERIES_DAYS),
    inStock: chunk.extra.subarray(start, start + inStock),
    outOfStock: chunk.extra.subarray(start + inStock, start + inStock + out),
    ranOut: chunk.extra.subarray(start + inStock + out, start + inStock + out + ranOut),
    events: chunk.extra.subarray(start + inStock + out + ranOut, start + inStock + out + ranOut + events),
    // Completed by the caller from the marks (one object shape for every slot).
    last: NO_OBSERVATION,
    lastAt: Number.NaN,
    visits: 0,
  };
}
const NO_OBSERVATION: Observation = { at: Number.NaN, channel: 'mfn' };

/** The instant of the last observation a slot's series was built with. */
function builtWith(chunk: DaySeriesChunk, i: number): number {
  return chunk.fixed[i * FIXED + LAST_OBSERVED] as number;
}

function packChunk(
  account: string,
  marketplace: string,
  index: number,
  slots: ReadonlyArray<(Slots[number] & { lastObserved: number }) | undefined>,
): DaySeriesChunk {
  const count = slots.length;
  const state = new Uint8Array(count);
  const fixed = new Float64Array(count * FIXED);
  const days = new Float64Array(count * DAYS);
  const layout = new Uint32Array(count * LAYOUT);
  let size = 0;
  for (const s of slots) if (s) size += s.inStock.length + s.outOfStock.length + s.ranOut.length + s.events.length;
  const extra = new Float64Array(size);
  let at = 0;
  slots.forEach((s, i) => {
    if (!s || s.units.length !== SERIES_DAYS) return;
    state[i] = 1;
    const f = i * FIXED;
    fixed[f + FIRST_DAY] = epochDay(s.firstDay);
    fixed[f + COMPLETE] = s.complete ? 1 : 0;
    fixed[f + FIRST_AT] = s.firstAt;
    fixed[f + DROPPED] = s.eventsDroppedUntil;
    fixed[f + LAST_OBSERVED] = s.lastObserved;
    days.set(s.units, i * DAYS);
    const l = i * LAYOUT;
    layout[l] = at;
    layout[l + 1] = s.inStock.length;
    layout[l + 2] = s.outOfStock.length;
    layout[l + 3] = s.ranOut.length;
    layout[l + 4] = s.events.length;
    extra.set(s.inStock, at);
    at += s.inStock.length;
    extra.set(s.outOfStock, at);
    at += s.outOfStock.length;
    extra.set(s.ranOut, at);
    at += s.ranOut.length;
    extra.set(s.events, at);
    at += s.events.length;
  });
  return { account, marketplace, chunk: index, format: SERIES_FORMAT, count, state, fixed, days, layout, extra };
}

/** A chunk's slots ready to pack again, each with the instant of the observation it was built with. */
function repackable(chunk: DaySeriesChunk | undefined) {
  const slots: Array<(Slots[number] & { lastObserved: number }) | undefined> = [];
  if (!chunk || chunk.format !== SERIES_FORMAT) return slots;
  const unpacked = unpackChunk(chunk);
  unpacked.forEach((s, i) => {
    slots[i] = s ? { ...s, lastObserved: builtWith(chunk, i) } : undefined;
  });
  return slots;
}

/** A read-write transaction that may include `daySeries` (it does from schema version 5 on). */
interface SeriesTx {
  objectStoreNames: DOMStringList;
  objectStore(
    name: 'daySeries',
  ): IDBPObjectStore<ShelfwiseDB, ArrayLike<StoreNames<ShelfwiseDB>>, 'daySeries', 'readwrite'>;
}

/**
 * The ingest hook: called inside the ingest's transaction with the keys it recorded (stale reads left
 * out). Mirrors ingestPageRead: a read not newer than the last visit changes nothing; a SKU whose
 * stock, channel or listing state differ from its last observation has a new observation, which
 * extends its series; any other visit moves its marks only. Nothing is written for a marketplace whose
 * series were never built (the first velocity read builds them from the observations).
 */
export async function recordVisit(tx: SeriesTx, read: PageRead, keys: readonly string[]): Promise<void> {
  if (read.marketplace === null || keys.length === 0 || !tx.objectStoreNames.contains('daySeries')) return;
  const marketplace = read.marketplace;
  const store = tx.objectStore('daySeries');
  const marks = (await store.get([read.account, marketplace, MARKS_CHUNK])) as DaySeriesMarks | undefined;
  const timeZone = timeZoneOf(marketplace);
  if (!marks || marks.format !== SERIES_FORMAT || marks.timeZone !== timeZone) return;
  const names = marks.count > 0 ? marks.skus.split(SEPARATOR) : [];
  const slotOf = new Map(names.map((sku, slot) => [sku, slot]));
  const recorded = new Set(keys);
  const at = read.readAt;
  let numbers = marks.numbers;
  const grown = (count: number) => {
    if (numbers.length >= count * MARKS) return;
    const larger = new Float64Array(Math.max(count, names.length * 2) * MARKS);
    larger.set(numbers);
    numbers = larger;
  };
  // Changed slots per chunk, with the observation and the visit before it.
  const changed = new Map<
    number,
    Array<{ slot: number; previous: Observation; previousAt: number; next: Observation }>
  >();
  for (const listing of read.listings) {
    if (!recorded.has(skuKey({ account: read.account, marketplace, sku: listing.sku }))) continue;
    let slot = slotOf.get(listing.sku);
    if (slot === undefined) {
      // First seen since the series were built: no series until the next read builds it.
      slot = names.length;
      names.push(listing.sku);
      slotOf.set(listing.sku, slot);
      grown(names.length);
      numbers[slot * MARKS + VISITS] = 1;
      numbers[slot * MARKS + CHANGED_AT] = Number.NaN;
      setListingMarks(numbers, slot, listing, at, true);
      continue;
    }
    const m = slot * MARKS;
    if (at <= (numbers[m + LAST_AT] as number)) continue;
    numbers[m + VISITS] = (numbers[m + VISITS] as number) + 1;
    const same = sameAsMarks(numbers, slot, listing);
    if (!same) {
      const chunk = Math.floor(slot / SKUS_PER_CHUNK);
      const list = changed.get(chunk) ?? [];
      list.push({
        slot,
        previous: lastObservation(numbers, slot),
        previousAt: numbers[m + LAST_AT] as number,
        next: observationOf(listing, at),
      });
      changed.set(chunk, list);
    }
    setListingMarks(numbers, slot, listing, at, !same);
  }
  const chunks = await Promise.all(
    [...changed.keys()].map((k) => store.get([read.account, marketplace, k]) as Promise<DaySeriesChunk | undefined>),
  );
  const writes: Array<Promise<unknown>> = [];
  [...changed.entries()].forEach(([k, list], c) => {
    const slots = repackable(chunks[c]);
    for (const { slot, previous, previousAt, next } of list) {
      const i = slot - k * SKUS_PER_CHUNK;
      const s = slots[i];
      // A series built with another last observation (a write marked it, a restore) is rebuilt on read.
      const extended =
        s && s.lastObserved === previous.at
          ? extendSeries(
              { ...s, last: previous, lastAt: previousAt, visits: 0 },
              next,
              at,
              timeZone,
              numbers[slot * MARKS + VISITS] as number,
            )
          : undefined;
      slots[i] = extended ? { ...extended, lastObserved: next.at } : undefined;
    }
    writes.push(store.put(packChunk(read.account, marketplace, k, slots)));
  });
  writes.push(
    store.put({
      ...marks,
      skus: names.join(SEPARATOR),
      count: names.length,
      numbers: numbers.length === names.length * MARKS ? numbers : numbers.slice(0, names.length * MARKS),
    }),
  );
  await Promise.all(writes);
}

/** Drops a marketplace's series (all of them when `marketplace` is omitted): rebuilt on the next read. */
export async function dropDaySeries(tx: SeriesTx, account?: string, marketplace?: string): Promise<void> {
  if (!tx.objectStoreNames.contains('daySeries')) return;
  const store = tx.objectStore('daySeries');
  if (account === undefined || marketplace === undefined) await store.clear();
  else await store.delete(range(account, marketplace));
}

/**
 * Marks the series of these SKUs stale (a Shelfwise write between two visits: extendSeries does not
 * know writes), so each is built from its history on the next read.
 */
export async function markSeriesStale(tx: SeriesTx, account: string, marketplace: string, skus: readonly string[]) {
  if (!tx.objectStoreNames.contains('daySeries') || skus.length === 0) return;
  const store = tx.objectStore('daySeries');
  const marks = (await store.get([account, marketplace, MARKS_CHUNK])) as DaySeriesMarks | undefined;
  if (!marks) return;
  const slotOf = new Map(marks.skus.split(SEPARATOR).map((sku, slot) => [sku, slot]));
  const byChunk = new Map<number, number[]>();
  for (const sku of skus) {
    const slot = slotOf.get(sku);
    if (slot === undefined) continue;
    const k = Math.floor(slot / SKUS_PER_CHUNK);
    byChunk.set(k, [...(byChunk.get(k) ?? []), slot - k * SKUS_PER_CHUNK]);
  }
  await Promise.all(
    [...byChunk].map(async ([k, slots]) => {
      const chunk = (await store.get([account, marketplace, k])) as DaySeriesChunk | undefined;
      if (!chunk) return;
      const state = chunk.state.slice();
      for (const i of slots) if (i < state.length) state[i] = 0;
      await store.put({ ...chunk, state });
    }),
  );
}

/**
 * Velocity for every SKU of a marketplace that has an answer, as columns in the order of `skus`: a whole
 * marketplace's figures without ten thousand Velocity objects kept alive (their garbage made every read
 * after the first slower). The whole Velocity of one SKU is built when asked for (`velocity`).
 */
export interface MarketplaceVelocities {
  skus: string[];
  /** Units a day, days of cover and stock per SKU; NaN where the figure is null. */
  perDay: Float64Array;
  daysOfCover: Float64Array;
  stock: Float64Array;
  /**
   * The Velocity of skus[i], computed again from its series (or kept, for one computed from observations):
   * the result holds the series it read for this.
   */
  velocity(i: number): Velocity;
  /** SKUs computed from their observations (no usable series), and series built and written back. */
  fromObservations: number;
  rebuilt: number;
}

/** Days of history a rebuild reads: the series' days before the last visit, and the oldest last visit. */
function rebuildDays(skus: readonly SkuRecord[], now: number): number {
  let oldest = now;
  for (const sku of skus) oldest = Math.min(oldest, sku.lastSeenAt);
  return SERIES_DAYS + 2 + Math.ceil(Math.max(0, now - oldest) / DAY_MS);
}

/** Builds the series of these SKUs from their histories (handed to `each` too) and stores them. */
async function buildAndWrite(
  db: DB,
  account: string,
  marketplace: string,
  skus: readonly SkuRecord[],
  now: number,
  each?: (sku: SkuRecord, history: SalesHistory) => void,
): Promise<Map<string, StoredSeries>> {
  const timeZone = timeZoneOf(marketplace);
  const built = new Map<string, StoredSeries>();
  const seen = new Map<string, number>();
  await forEachSalesHistory(
    db,
    skus,
    now,
    (sku, history) => {
      each?.(sku, history);
      const series = seriesFromHistory(history, timeZone, dayKey(sku.lastSeenAt, timeZone));
      if (series) built.set(sku.sku, series);
      seen.set(sku.sku, sku.lastSeenAt);
    },
    { dense: skus.length > 200, days: rebuildDays(skus, now) },
  );
  await storeDaySeries(db, account, marketplace, built, seen);
  return built;
}

/**
 * Writes built series with fresh marks, in one transaction that checks each SKU is still as it was
 * when its history was read (`seen`: its last visit then); a SKU an ingest has moved on since is left
 * without a series, built on the next read. Without usable marks, the marketplace's records are replaced.
 */
export async function storeDaySeries(
  db: DB,
  account: string,
  marketplace: string,
  built: ReadonlyMap<string, StoredSeries>,
  seen: ReadonlyMap<string, number>,
): Promise<void> {
  const timeZone = timeZoneOf(marketplace);
  const tx = db.transaction(['skus', 'daySeries'], 'readwrite');
  const store = tx.objectStore('daySeries');
  const marks = (await store.get([account, marketplace, MARKS_CHUNK])) as DaySeriesMarks | undefined;
  const usable = marks && marks.format === SERIES_FORMAT && marks.timeZone === timeZone;
  // The SKU records as they are now: all of the marketplace for fresh marks, else the built ones.
  const current = usable
    ? (
        await Promise.all(
          [...built.keys()].map((sku) => tx.objectStore('skus').get(skuKey({ account, marketplace, sku }))),
        )
      ).filter((s): s is SkuRecord => !!s)
    : await tx.objectStore('skus').index('by-marketplace').getAll([account, marketplace]);
  const names = usable && marks.count > 0 ? marks.skus.split(SEPARATOR) : [];
  const slotOf = new Map(names.map((sku, slot) => [sku, slot]));
  const records = new Map(current.map((sku) => [sku.sku, sku]));
  for (const sku of current) {
    if (slotOf.has(sku.sku)) continue;
    slotOf.set(sku.sku, names.length);
    names.push(sku.sku);
  }
  if (names.length === 0) {
    await tx.done;
    return;
  }
  const numbers = new Float64Array(names.length * MARKS);
  if (usable) numbers.set(marks.numbers.subarray(0, Math.min(marks.numbers.length, numbers.length)));
  for (const sku of current) writeMarks(numbers, slotOf.get(sku.sku) as number, sku);
  const wanted = new Set<number>();
  for (const name of built.keys()) {
    const slot = slotOf.get(name);
    if (slot !== undefined) wanted.add(Math.floor(slot / SKUS_PER_CHUNK));
  }
  const old = usable
    ? await Promise.all(
        [...wanted].map((k) => store.get([account, marketplace, k]) as Promise<DaySeriesChunk | undefined>),
      )
    : [];
  const writes: Array<Promise<unknown>> = [];
  if (!usable) writes.push(store.delete(range(account, marketplace)));
  [...wanted].forEach((k, c) => {
    const slots = usable ? repackable(old[c]) : [];
    const end = Math.min(SKUS_PER_CHUNK, names.length - k * SKUS_PER_CHUNK);
    for (let i = 0; i < end; i++) {
      const name = names[k * SKUS_PER_CHUNK + i] as string;
      const series = built.get(name);
      const sku = records.get(name);
      if (!series || !sku) continue;
      // Read before an ingest that has since moved the SKU on: left for the next read.
      slots[i] =
        sku.lastSeenAt === seen.get(name) && sku.lastObservation.at === series.last.at
          ? { ...series, lastObserved: series.last.at }
          : undefined;
    }
    slots.length = Math.max(slots.length, end);
    writes.push(store.put(packChunk(account, marketplace, k, slots)));
  });
  writes.push(
    store.put({
      account,
      marketplace,
      chunk: MARKS_CHUNK,
      format: SERIES_FORMAT,
      timeZone,
      skus: names.join(SEPARATOR),
      count: names.length,
      numbers,
    }),
  );
  await Promise.all(writes);
  await tx.done;
}

/** Rebuilds a marketplace's series from the observations (first read, other format, dropped). */
export async function rebuildDaySeries(db: DB, account: string, marketplace: string, now: number): Promise<number> {
  const skus = await db.getAllFromIndex('skus', 'by-marketplace', [account, marketplace]);
  const built = await buildAndWrite(db, account, marketplace, skus, now);
  return built.size;
}

/** An observation whose figures are set in place (absent ones undefined): one serves every slot read. */
type MutableObservation = Pick<Observation, 'at' | 'channel'> & {
  [K in Exclude<keyof Observation, 'at' | 'channel'>]-?: Observation[K] | undefined;
};

/** The last stored observation of a slot, into `o` (lastObservation without an object per slot). */
function readLastObservation(numbers: Float64Array, slot: number, o: MutableObservation): void {
  const m = slot * MARKS;
  o.at = numbers[m + CHANGED_AT] as number;
  o.channel = CHANNELS[numbers[m + CHANNEL] as number] ?? 'mfn';
  const stock = m + STOCK;
  o.available = figure(numbers[stock] as number);
  o.reserved = figure(numbers[stock + 1] as number);
  o.inbound = figure(numbers[stock + 2] as number);
  o.inboundWorking = figure(numbers[stock + 3] as number);
  o.inboundShipped = figure(numbers[stock + 4] as number);
  o.inboundReceiving = figure(numbers[stock + 5] as number);
  o.unfulfillable = figure(numbers[stock + 6] as number);
}

function figure(n: number): number | undefined {
  return Number.isNaN(n) ? undefined : n;
}

const readView: SeriesView = emptyView();
readView.last = {
  at: Number.NaN,
  channel: 'mfn',
  available: undefined,
  reserved: undefined,
  inbound: undefined,
  inboundWorking: undefined,
  inboundShipped: undefined,
  inboundReceiving: undefined,
  unfulfillable: undefined,
  seenUntil: undefined,
} satisfies MutableObservation;

/** Points `view` at slot i of a chunk (its arrays already set to the chunk's). */
function fillView(view: SeriesView, chunk: DaySeriesChunk, i: number): void {
  const f = i * FIXED;
  const l = i * LAYOUT;
  const start = chunk.layout[l] as number;
  const inStock = chunk.layout[l + 1] as number;
  const out = chunk.layout[l + 2] as number;
  const ranOut = chunk.layout[l + 3] as number;
  view.firstEpochDay = chunk.fixed[f + FIRST_DAY] as number;
  view.complete = chunk.fixed[f + COMPLETE] === 1;
  view.firstAt = chunk.fixed[f + FIRST_AT] as number;
  view.eventsDroppedUntil = chunk.fixed[f + DROPPED] as number;
  view.unitsAt = i * DAYS;
  view.inStockAt = start;
  view.inStockLength = inStock;
  view.outAt = start + inStock;
  view.outLength = out;
  view.ranOutAt = start + inStock + out;
  view.ranOutLength = ranOut;
  view.eventsAt = start + inStock + out + ranOut;
  view.eventsLength = chunk.layout[l + 4] as number;
}

/** What a series pass leaves for its caller: every slot's SKU and the slots it did not answer. */
export interface SeriesPass {
  /** The SKU of every slot of the marks. */
  skus: string[];
  /** Slots wanted but not answered from a series, in slot order. */
  missing: number[];
  /** Of `missing`, those without a usable series (built from the history on the next read). */
  missingSeries: Set<number>;
}

/** The marks of a slot a caller may check a SKU record against before its series is used. */
export interface SlotMarks {
  lastSeenAt: number;
  /** The instant of the last stored observation. */
  changedAt: number;
  visits: number;
}

/** One read of a marketplace's packed series and imported sales, answering slot by slot. */
interface SeriesRead {
  names: string[];
  numbers: Float64Array;
  /** Chunk k's record once it has arrived, where it is usable (of this format). */
  chunks: Array<DaySeriesChunk | undefined>;
  /** Chunk k's read, asked for with all the others at once (see readSeries). */
  arriving: Map<number, Promise<DaySeriesChunk | undefined>>;
  /** The read's transaction. */
  done: Promise<void>;
  prefix: string;
  coverage: OrderCoverageRecord | undefined;
  daysByKey: Map<string, OrderDaysRecord> | undefined;
  periodsByKey: Map<string, PeriodSalesRecord[]>;
  sinceDay: DayKey;
}

/**
 * One transaction: the marks, the imported sales (two range reads) and coverage, and every chunk of the
 * series, each chunk its own request, all asked for at once as soon as their keys are known. The pass
 * then computes chunk k while IndexedDB still reads the next ones, instead of waiting for all of them
 * (a getAll hands over nothing before its last record is read).
 */
async function readSeries(
  db: DB,
  account: string,
  marketplace: string,
  context: VelocityContext,
): Promise<SeriesRead | undefined> {
  const tx = db.transaction(['daySeries', 'orderCoverage', 'orderDays', 'periodSales'], 'readonly');
  const done = tx.done;
  const store = tx.objectStore('daySeries');
  const prefix = skuKey({ account, marketplace, sku: '' });
  const keys = store.getAllKeys(range(account, marketplace));
  const marksRead = store.get([account, marketplace, MARKS_CHUNK]);
  const importsRead = Promise.all([
    tx.objectStore('orderCoverage').get(`${account}\u001f${marketplace}`),
    tx.objectStore('orderDays').getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
    tx.objectStore('periodSales').getAll(IDBKeyRange.bound([prefix], [`${prefix}\uffff`, []])),
  ]);
  const arriving = new Map<number, Promise<DaySeriesChunk | undefined>>();
  for (const key of await keys) {
    const k = (key as [string, string, number])[2];
    if (k !== MARKS_CHUNK) arriving.set(k, store.get(key) as Promise<DaySeriesChunk | undefined>);
  }
  const [marks, [coverage, orderDays, periods]] = await Promise.all([
    marksRead as Promise<DaySeriesMarks | undefined>,
    importsRead,
  ]);
  if (!marks || marks.format !== SERIES_FORMAT || marks.timeZone !== context.timeZone) {
    await Promise.all(arriving.values());
    await done;
    return undefined;
  }
  const imports = orderDays.length > 0 || periods.length > 0;
  const periodsByKey = new Map<string, PeriodSalesRecord[]>();
  for (const p of periods) {
    const list = periodsByKey.get(p.key);
    if (list) list.push(p);
    else periodsByKey.set(p.key, [p]);
  }
  return {
    names: marks.count > 0 ? marks.skus.split(SEPARATOR) : [],
    numbers: marks.numbers,
    chunks: [],
    arriving,
    done,
    prefix,
    coverage,
    daysByKey: imports ? new Map(orderDays.map((d) => [d.key, d])) : undefined,
    periodsByKey,
    sinceDay: importedSince(marketplace, context.now),
  };
}

/** Waits for chunk k of the read (kept when usable). */
async function arrived(read: SeriesRead, k: number): Promise<void> {
  const chunk = await read.arriving.get(k);
  if (chunk && chunk.format === SERIES_FORMAT) read.chunks[k] = chunk;
}

// One view, observation, extras and page figure for every slot: filled in place, never kept.
const readExtras: SeriesExtras = {};
const readPageSales = { units: 0, days: 0 };

/** Whether slot has a series built with its last stored observation. */
function hasSeries(read: SeriesRead, slot: number): boolean {
  const chunk = read.chunks[Math.floor(slot / SKUS_PER_CHUNK)];
  const i = slot % SKUS_PER_CHUNK;
  return (
    chunk !== undefined &&
    i < chunk.count &&
    chunk.state[i] === 1 &&
    builtWith(chunk, i) === read.numbers[slot * MARKS + CHANGED_AT]
  );
}

/**
 * The velocity of a slot that hasSeries, with its day series left in context.scratch; undefined when the
 * series cannot answer (an intermittent seller whose event spans were dropped).
 */
function answerSlot(read: SeriesRead, slot: number, context: VelocityContext): Velocity | undefined {
  return velocityFromView(viewOf(read, slot), context, readExtras);
}

/** answerSlot's figures written into the columns at the slot's index; false where it has no answer. */
function answerColumns(read: SeriesRead, slot: number, context: VelocityContext, columns: VelocityColumns): boolean {
  return figuresFromView(viewOf(read, slot), context, readExtras, columns, slot);
}

/** readView and readExtras filled for a slot that hasSeries. */
function viewOf(read: SeriesRead, slot: number): SeriesView {
  const chunk = read.chunks[Math.floor(slot / SKUS_PER_CHUNK)] as DaySeriesChunk;
  const view = readView;
  view.units = chunk.days;
  view.inStock = chunk.extra;
  view.outOfStock = chunk.extra;
  view.ranOut = chunk.extra;
  view.events = chunk.extra;
  fillView(view, chunk, slot % SKUS_PER_CHUNK);
  const numbers = read.numbers;
  const m = slot * MARKS;
  const extras = readExtras;
  extras.pageSales = undefined;
  extras.orders = undefined;
  extras.periods = undefined;
  const pageUnits = numbers[m + PAGE_UNITS] as number;
  if (!Number.isNaN(pageUnits)) {
    readPageSales.units = pageUnits;
    readPageSales.days = numbers[m + PAGE_DAYS] as number;
    extras.pageSales = readPageSales;
  }
  if (read.daysByKey) {
    const key = read.prefix + (read.names[slot] as string);
    const imported = importedSalesFrom(
      read.daysByKey.get(key),
      read.coverage,
      read.periodsByKey.get(key) ?? [],
      read.sinceDay,
    );
    if (imported.orders) extras.orders = imported.orders;
    if (imported.periods.length > 0) extras.periods = imported.periods;
  }
  readLastObservation(numbers, slot, view.last as MutableObservation);
  view.lastAt = numbers[m + LAST_AT] as number;
  view.visits = numbers[m + VISITS] as number;
  return view;
}

/**
 * One pass over a marketplace's packed series, for every SKU that has one: readSeries, then per slot
 * `want` (when given) decides whether it is asked at all, and `each` gets the velocity of every slot the
 * series answers, with the SKU's day series in `context.scratch` exactly as computeVelocity leaves it
 * there (σ and other day figures are read from it during the call; it is reused for the next slot).
 * Slots wanted but not answered (no series, a series built with another last observation, an
 * intermittent seller whose event spans were dropped) are listed in `missing` for the caller to compute
 * from their observations. Undefined when the marketplace has no usable marks (never built, another
 * format or time zone): the caller rebuilds them.
 */
export async function seriesVelocities(
  db: DB,
  account: string,
  marketplace: string,
  context: VelocityContext,
  each: (slot: number, velocity: Velocity) => void,
  want?: (slot: number, sku: string, marks: SlotMarks) => boolean,
): Promise<SeriesPass | undefined> {
  const read = await readSeries(db, account, marketplace, context);
  return (
    read &&
    passOver(
      read,
      (slot) => {
        const v = answerSlot(read, slot, context);
        if (v) each(slot, v);
        return v !== undefined;
      },
      want,
    )
  );
}

/** `answer` computes a slot that hasSeries and says whether the series answered. */
async function passOver(
  read: SeriesRead,
  answer: (slot: number) => boolean,
  want?: (slot: number, sku: string, marks: SlotMarks) => boolean,
): Promise<SeriesPass> {
  const { names, numbers } = read;
  const missing: number[] = [];
  const missingSeries = new Set<number>();
  const slotMarks: SlotMarks = { lastSeenAt: 0, changedAt: 0, visits: 0 };
  for (let slot = 0; slot < names.length; slot++) {
    if (slot % SKUS_PER_CHUNK === 0) await arrived(read, slot / SKUS_PER_CHUNK);
    if (want) {
      const m = slot * MARKS;
      slotMarks.lastSeenAt = numbers[m + LAST_AT] as number;
      slotMarks.changedAt = numbers[m + CHANGED_AT] as number;
      slotMarks.visits = numbers[m + VISITS] as number;
      if (!want(slot, names[slot] as string, slotMarks)) continue;
    }
    if (!hasSeries(read, slot)) {
      missing.push(slot);
      missingSeries.add(slot);
      continue;
    }
    if (!answer(slot)) missing.push(slot);
  }
  // Chunks past the marks' slots (none unless the marks were cut short) are read all the same.
  await Promise.all(read.arriving.values());
  await read.done;
  return { skus: names, missing, missingSeries };
}

const nullable = (n: number | null) => (n === null ? Number.NaN : n);

/**
 * Velocity for every SKU of one marketplace, end to end from the store: seriesVelocities' pass, each
 * SKU's figures written straight into the columns (figuresFromView: no Velocity, windows or stock-out
 * day per SKU), then the SKUs it could not answer for computed from their observations; one without a
 * series has it built and written back. In slot order (the order the SKUs were first seen).
 */
export async function marketplaceVelocities(
  db: DB,
  account: string,
  marketplace: string,
  context: VelocityContext,
): Promise<MarketplaceVelocities> {
  const read = await readSeries(db, account, marketplace, context);
  if (!read) {
    const built = await rebuildDaySeries(db, account, marketplace, context.now);
    if (built === 0) return fromColumns([], new Int32Array(0), 0, () => undefined, 0);
    return { ...(await marketplaceVelocities(db, account, marketplace, context)), rebuilt: built };
  }
  const names = read.names;
  const columns: VelocityColumns = {
    perDay: new Float64Array(names.length).fill(Number.NaN),
    daysOfCover: new Float64Array(names.length).fill(Number.NaN),
    stock: new Float64Array(names.length).fill(Number.NaN),
  };
  const answered = new Uint8Array(names.length);
  const put = (slot: number, v: Velocity) => {
    columns.perDay[slot] = nullable(v.perDay);
    columns.daysOfCover[slot] = nullable(v.daysOfCover);
    columns.stock[slot] = nullable(v.stock);
    answered[slot] = 1;
  };
  // Straight into the columns: a Velocity per SKU is built only when asked for (velocity(i)).
  const { missing, missingSeries } = await passOver(read, (slot) => {
    if (!answerColumns(read, slot, context, columns)) return false;
    answered[slot] = 1;
    return true;
  });
  // Computed from observations: few, kept whole.
  const computed = new Map<number, Velocity>();
  let rebuilt = 0;
  if (missing.length > 0) {
    const tx = db.transaction('skus', 'readonly');
    const skus = (await Promise.all(missing.map((slot) => tx.store.get(read.prefix + (names[slot] as string))))).filter(
      (s): s is SkuRecord => !!s,
    );
    await tx.done;
    const slotOf = new Map(missing.map((slot) => [names[slot] as string, slot]));
    const compute = (sku: SkuRecord, history: SalesHistory) => {
      const slot = slotOf.get(sku.sku);
      if (slot === undefined) return;
      const v = computeVelocity(history, context);
      computed.set(slot, v);
      put(slot, v);
    };
    const toBuild = skus.filter((sku) => missingSeries.has(slotOf.get(sku.sku) as number));
    const toCompute = skus.filter((sku) => !missingSeries.has(slotOf.get(sku.sku) as number));
    if (toBuild.length > 0)
      rebuilt = (await buildAndWrite(db, account, marketplace, toBuild, context.now, compute)).size;
    if (toCompute.length > 0) await forEachSalesHistory(db, toCompute, context.now, compute);
  }
  // SKUs with marks but no record any more (deleted since) have no answer.
  let count = 0;
  for (let slot = 0; slot < names.length; slot++) if (answered[slot]) count++;
  const slots = new Int32Array(count);
  count = 0;
  for (let slot = 0; slot < names.length; slot++) if (answered[slot]) slots[count++] = slot;
  const again = (slot: number) => computed.get(slot) ?? answerSlot(read, slot, context);
  return fromColumns(names, slots, missing.length, again, rebuilt, columns);
}

/** The answered slots' columns, compacted; `velocity(i)` asks `again` for the slot of answer i. */
function fromColumns(
  names: string[],
  slots: Int32Array,
  fromObservations: number,
  again: (slot: number) => Velocity | undefined,
  rebuilt: number,
  columns?: VelocityColumns,
): MarketplaceVelocities {
  // Every slot answered (the common case): the columns and names are the answer as they are.
  const whole = slots.length === names.length;
  const pick = (column: Float64Array | undefined) => {
    if (column && whole) return column;
    const out = new Float64Array(slots.length);
    if (column) for (let i = 0; i < slots.length; i++) out[i] = column[slots[i] as number] as number;
    return out;
  };
  return {
    skus: whole ? names : Array.from(slots, (slot) => names[slot] as string),
    perDay: pick(columns?.perDay),
    daysOfCover: pick(columns?.daysOfCover),
    stock: pick(columns?.stock),
    velocity(i: number): Velocity {
      const v = again(slots[i] as number);
      if (!v) throw new RangeError(`no velocity for answer ${i}`);
      return v;
    },
    fromObservations,
    rebuilt,
  };
}

/**
 * The histories of a whole marketplace, read to build its series (buildAndWrite) and handed to `each`:
 * for a caller that needs every SKU's history anyway when the marketplace has no series yet (the alert
 * basis's first daily rebuild), so that one read serves both.
 */
export async function buildMarketplaceSeries(
  db: DB,
  account: string,
  marketplace: string,
  skus: readonly SkuRecord[],
  now: number,
  each: (sku: SkuRecord, history: SalesHistory) => void,
): Promise<void> {
  await buildAndWrite(db, account, marketplace, skus, now, each);
}
