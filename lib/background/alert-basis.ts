import { feeNotesByKey, feeSeriesFrom } from '../alerts/fee';
import type { NotifyMemory } from '../alerts/notify';
import { type PanEuPool, poolKey } from '../alerts/pool';
import { demandSigma } from '../alerts/stats';
import type { AlertInput, AmazonRecommendation, FeeNote, FeeSeries } from '../alerts/types';
import { buildMarketplaceSeries, seriesVelocities } from '../db/day-series';
import { forEachSalesHistory } from '../db/histories';
import type { DB } from '../db/open';
import type { SkuRecord } from '../db/schema';
import { marketplaceByCode } from '../marketplaces';
import { KEY_SEPARATOR, parseSkuKey } from '../model/keys';
import type { Channel, ListingState } from '../model/listing';
import type { Settings } from '../settings/schema';
import { DAY_MS, type DayKey, dayKey } from '../time';
import { computeVelocity, velocityContext } from '../velocity';
import type { Confidence, SalesHistory, Velocity } from '../velocity/types';
import {
  type BasisColumns,
  basisColumns,
  basisEntryAt,
  type PackedBasis,
  type PackedFeeNotes,
  packBasis,
  packFeeNotes,
  readBasis,
  unpackFeeNotes,
} from './basis-pack';

/**
 * What alert evaluation needs per SKU, kept ready in the store's `meta` records so that an alarm
 * evaluates ten thousand SKUs without reading their histories.
 *
 * A SKU's rate, σ and stock change only when the store learns something new about it (an ingest) or
 * when a day passes (the rate's windows end yesterday). So the basis of a marketplace is rebuilt from
 * the histories once per marketplace day (and when the velocity settings change), and between rebuilds
 * only the SKUs an ingest touched are refreshed: the ingest leaves their keys in a `dirty` record,
 * which survives a stopped worker and is worked off by the next evaluation, whichever starts it.
 * Days of cover is then brought to `now` from the stock, the rate and the time the stock was seen, as
 * velocity's own projectCover does.
 *
 * The low-inventory-level fee reads 90 days of on-hand and shipped units per FBA SKU; Amazon updates
 * that figure weekly, so the series are written at the daily rebuild and the notes computed from them
 * then (and when the Pan-European pools change), never on an ordinary alarm.
 *
 * Every record here can be rebuilt from the history store: deleting them costs one slow evaluation.
 */

/** 2: stored packed as columns (basis-pack.ts); a version-1 record is rebuilt once. */
export const BASIS_VERSION = 2;
export const BASIS_PREFIX = 'alerts:basis:';
export const FEE_SERIES_PREFIX = 'alerts:fee-series:';
export const FEE_NOTES_KEY = 'alerts:fee-notes';
export const DIRTY_PREFIX = 'alerts:dirty:';
export const SNOOZES_KEY = 'alerts:snoozes';
/**
 * Marketplace id → the builtAt of its stored basis record, written in the same transaction as the
 * records: an alarm that reads only the entries it must evaluate (alert-skip.ts alarmBasis) learns
 * from this small record, not from the records themselves, that they are the ones its copy came from.
 */
export const BASIS_GEN_KEY = 'alerts:basis-gen';

/** One SKU's figures as of its last stored observation. */
export interface BasisEntry {
  key: string;
  sku: string;
  channel: Channel;
  state: ListingState;
  asin: string | undefined;
  parentAsin: string | undefined;
  title: string | undefined;
  perDay: number | null;
  stock: number | null;
  available: number | null;
  inboundCounted: number;
  stockAt: number | null;
  confidence: Confidence;
  sigma: number | null;
  inboundWorking: number | undefined;
  inboundShipped: number | undefined;
  inboundReceiving: number | undefined;
  inbound: number | undefined;
  amazon: AmazonRecommendation | undefined;
}

/** One account and marketplace. */
export interface BasisRecord {
  version: number;
  account: string;
  marketplace: string;
  timeZone: string;
  /** The marketplace day the rates were computed on. */
  day: DayKey;
  /** settings.velocity as JSON: the rates depend on it. */
  velocity: string;
  builtAt: number;
  /** When this marketplace's fee series were written: fee notes older than that are recomputed. */
  feeBuiltAt: number;
  /** Sorted by key: the order the store hands SKUs over, which lets evaluation reuse one calendar. */
  entries: BasisEntry[];
}

export interface StoredFeeSeries {
  key: string;
  lastDay: DayKey;
  /** Float32 halves the bytes; a day's average units needs no more precision (NaN survives). */
  onHand: Float32Array;
  shipped: Float32Array;
}

export interface FeeSeriesRecord {
  builtAt: number;
  series: StoredFeeSeries[];
}

export interface FeeNotesRecord {
  /** Marketplace id → the feeBuiltAt the notes were computed from. */
  sources: Record<string, number>;
  pools: string;
  /** Packed (basis-pack.ts packFeeNotes); a record stored before that is recomputed once. */
  notes: PackedFeeNotes;
}

/** `account␟marketplace`, as the basis record keys use it. */
export function marketplaceId(account: string, marketplace: string): string {
  return `${account}${KEY_SEPARATOR}${marketplace}`;
}

export function timeZoneOf(marketplace: string): string {
  return marketplaceByCode(marketplace)?.timeZone ?? 'UTC';
}

/**
 * Whether a stored SKU is evaluated at all. Variation parents have no offer; closed listings are not
 * for sale; `amzn.gr.` listings are Amazon's own Grade and Resell offers of returned units, which the
 * seller never restocks.
 */
export function alertable(sku: SkuRecord): boolean {
  return !sku.latest.isParent && sku.latest.state !== 'closed' && !sku.sku.startsWith('amzn.gr.');
}

/** The velocity settings as they shape the rates (a change rebuilds every basis). */
export function velocityFingerprint(settings: Settings): string {
  return JSON.stringify(settings.velocity);
}

/** Amazon's recommendation per SKU key from imported Restock / FBA Inventory reports, where the store has them. */
async function amazonRecommendations(db: DB, keys: readonly string[]): Promise<Map<string, AmazonRecommendation>> {
  const found = new Map<string, AmazonRecommendation>();
  if (keys.length === 0 || !db.objectStoreNames.contains('fbaDetail')) return found;
  const tx = db.transaction('fbaDetail');
  const records = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  for (const record of records) {
    const r = record?.recommendation;
    if (!record || !r) continue;
    const amazon: AmazonRecommendation = { quantity: r.quantity };
    if (r.shipDate) amazon.shipDate = r.shipDate;
    if (r.asOf) amazon.asOf = r.asOf;
    found.set(record.key, amazon);
  }
  return found;
}

interface Built {
  entries: BasisEntry[];
  fees: StoredFeeSeries[];
  /** Entries whose velocity came from the stored day series rather than the history. */
  fromSeries: number;
}

/** Where a whole marketplace's velocities may come from its stored day series (lib/db/day-series.ts). */
export interface SeriesSource {
  account: string;
  marketplace: string;
}

/**
 * Entries (and, with `withFees`, FBA fee series) for SKUs of one marketplace. Histories come through
 * forEachSalesHistory, the batched form of the salesHistory velocity everywhere else uses, so imported
 * orders and reports count here exactly as they do on the row badges. `dense`: the SKUs are a whole
 * marketplace in key order (the rebuild), not one page's scattered rows.
 *
 * With `series` (the daily rebuild), a SKU whose stored day series is current is not read from its
 * history at all: seriesVelocities gives its velocity and leaves its day series in the context's
 * scratch, from which σ is read as below. Its figures are the history path's (test/unit/alerts/
 * basis-series.test.ts). Read from the history still: FBA SKUs when fee series are wanted (the fee's
 * on-hand units per day are averaged from every observation's available figure, which the stored series
 * does not keep), SKUs whose series is missing or stale (built and written back on the way), SKUs the
 * series cannot answer (an intermittent seller whose event spans were dropped), and SKUs an ingest moved
 * on between the two reads. A marketplace without series has them built from the histories this reads.
 */
async function buildEntries(
  db: DB,
  skus: readonly SkuRecord[],
  timeZone: string,
  settings: Settings,
  now: number,
  withFees: boolean,
  dense: boolean,
  series?: SeriesSource,
): Promise<Built> {
  const eligible = skus.filter(alertable);
  const context = velocityContext(timeZone, now, settings.velocity);
  const amazon = await amazonRecommendations(
    db,
    eligible.filter((s) => s.channel === 'fba').map((s) => s.key),
  );
  const entries: BasisEntry[] = [];
  const fees: StoredFeeSeries[] = [];
  let fromSeries = 0;
  const add = (sku: SkuRecord, v: Velocity) => {
    // σ and the fee series read the day series velocity just left in the context's scratch.
    const sigma = demandSigma(context.scratch);
    const last = sku.lastObservation;
    entries.push({
      key: sku.key,
      sku: sku.sku,
      channel: sku.channel,
      state: sku.latest.state,
      asin: sku.asin,
      parentAsin: sku.parentAsin,
      title: sku.title,
      perDay: v.perDay,
      stock: v.stock,
      available: v.available,
      inboundCounted: v.inboundCounted,
      stockAt: v.stockAt,
      confidence: v.confidence,
      sigma,
      inboundWorking: last.inboundWorking,
      inboundShipped: last.inboundShipped,
      inboundReceiving: last.inboundReceiving,
      inbound: last.inbound,
      amazon: amazon.get(sku.key),
    });
  };
  const fromHistory = (sku: SkuRecord, history: SalesHistory) => {
    const v = computeVelocity(history, context);
    if (withFees && sku.channel === 'fba') {
      const fee = feeSeriesFrom(history, context.scratch);
      fees.push({
        key: sku.key,
        lastDay: fee.lastDay,
        onHand: Float32Array.from(fee.onHand as ArrayLike<number>),
        shipped: Float32Array.from(fee.shipped as ArrayLike<number>),
      });
    }
    add(sku, v);
  };
  if (!series) {
    await forEachSalesHistory(db, eligible, now, fromHistory, { dense });
  } else {
    const bySku = new Map(eligible.map((sku) => [sku.sku, sku]));
    const bySlot: SkuRecord[] = [];
    const answered = new Set<string>();
    const pass = await seriesVelocities(
      db,
      series.account,
      series.marketplace,
      context,
      (slot, v) => {
        const sku = bySlot[slot] as SkuRecord;
        answered.add(sku.sku);
        fromSeries++;
        add(sku, v);
      },
      (slot, name, marks) => {
        const sku = bySku.get(name);
        // The series must describe the SKU record this entry is built from.
        if (
          !sku ||
          (withFees && sku.channel === 'fba') ||
          marks.lastSeenAt !== sku.lastSeenAt ||
          marks.changedAt !== sku.lastObservation.at ||
          marks.visits !== sku.visits
        )
          return false;
        bySlot[slot] = sku;
        return true;
      },
    );
    if (!pass) {
      // Never built (or another format): one read of every history builds them and the entries.
      await buildMarketplaceSeries(db, series.account, series.marketplace, skus, now, (sku, history) => {
        if (alertable(sku)) fromHistory(sku, history);
      });
    } else {
      const unbuilt = new Set<string>();
      for (const slot of pass.missingSeries) unbuilt.add(pass.skus[slot] as string);
      const rest = eligible.filter((sku) => !answered.has(sku.sku));
      const toBuild = rest.filter((sku) => unbuilt.has(sku.sku));
      const toRead = unbuilt.size > 0 ? rest.filter((sku) => !unbuilt.has(sku.sku)) : rest;
      if (toBuild.length > 0)
        await buildMarketplaceSeries(db, series.account, series.marketplace, toBuild, now, fromHistory);
      // A range read carries every SKU between a chunk's first and last key: for a scattered rest (the FBA
      // SKUs among merchant ones) reading those SKUs one by one reads a fraction of the records.
      if (toRead.length > 0)
        await forEachSalesHistory(db, toRead, now, fromHistory, {
          dense: dense && toRead.length * 2 >= eligible.length,
        });
    }
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Fee series in key order, however their SKUs were read.
  fees.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { entries, fees, fromSeries };
}

/**
 * Every SKU of one marketplace, from the store: the daily rebuild. Velocity comes from the stored day
 * series where they answer (`fromSeries`, the default; false reads every SKU's history, as the rebuild
 * did before, for the tests and the bench that compare the two).
 */
export async function rebuildMarketplace(
  db: DB,
  account: string,
  marketplace: string,
  settings: Settings,
  now: number,
  fromSeries = true,
): Promise<{ record: BasisRecord; fees: FeeSeriesRecord; fromSeries: number }> {
  const skus = await db.getAllFromIndex('skus', 'by-marketplace', [account, marketplace]);
  const timeZone = timeZoneOf(marketplace);
  const {
    entries,
    fees,
    fromSeries: answered,
  } = await buildEntries(
    db,
    skus,
    timeZone,
    settings,
    now,
    true,
    true,
    fromSeries ? { account, marketplace } : undefined,
  );
  return {
    record: {
      version: BASIS_VERSION,
      account,
      marketplace,
      timeZone,
      day: dayKey(now, timeZone),
      velocity: velocityFingerprint(settings),
      builtAt: now,
      feeBuiltAt: now,
      entries,
    },
    fees: { builtAt: now, series: fees },
    fromSeries: answered,
  };
}

/**
 * The record with the given SKUs read again (added, replaced, or dropped when no longer alertable), and
 * where each of its entries was in `record` (-1: read again or new), for what is kept per entry
 * (alert-skip.ts).
 */
export async function refreshEntries(
  db: DB,
  record: BasisRecord,
  keys: readonly string[],
  settings: Settings,
  now: number,
): Promise<{ record: BasisRecord; from: Int32Array }> {
  const tx = db.transaction('skus');
  const found = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  const skus = found.filter((s): s is SkuRecord => s !== undefined);
  const { entries } = await buildEntries(db, skus, record.timeZone, settings, now, false, false);
  const replaced = new Set(keys);
  const before = new Map<string, number>();
  const merged: BasisEntry[] = [];
  record.entries.forEach((e, i) => {
    if (replaced.has(e.key)) return;
    before.set(e.key, i);
    merged.push(e);
  });
  merged.push(...entries);
  merged.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const from = Int32Array.from(merged, (e) => (replaced.has(e.key) ? -1 : (before.get(e.key) ?? -1)));
  return { record: { ...record, entries: merged, builtAt: now }, from };
}

/** Leaves the keys an ingest touched for the next evaluation (one small write that outlives the worker). */
export async function markDirty(db: DB, keys: readonly string[], now: number): Promise<void> {
  if (keys.length === 0) return;
  const id = `${DIRTY_PREFIX}${String(now).padStart(15, '0')}:${Math.random().toString(36).slice(2, 10)}`;
  await db.put('meta', { key: id, value: { keys: [...keys] } });
}

/** Every stored record whose key starts with `prefix`. */
function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

/**
 * The account and marketplace pairs the store holds SKUs for: one seek per pair. Chromium's
 * 'nextunique' cursor steps over every duplicate index entry (150 ms for 10,000 SKUs); continuing to
 * the pair's successor key, [account, marketplace + '\u0000'], jumps over all of them at once.
 */
export async function storedMarketplaces(db: DB): Promise<Array<[string, string]>> {
  const tx = db.transaction('skus');
  const pairs = await marketplacesIn(tx.store.index('by-marketplace'));
  await tx.done;
  return pairs;
}

/** storedMarketplaces within a transaction the caller holds (one seek per pair, as there). */
export async function marketplacesIn(index: {
  openKeyCursor(): Promise<IDBPCursorLike | null>;
}): Promise<Array<[string, string]>> {
  const pairs: Array<[string, string]> = [];
  let cursor = await index.openKeyCursor();
  while (cursor) {
    const [account, marketplace] = cursor.key as [string, string];
    pairs.push([account, marketplace]);
    cursor = await cursor.continue([account, `${marketplace}\u0000`]);
  }
  return pairs;
}

/** What marketplacesIn uses of idb's key cursor. */
interface IDBPCursorLike {
  key: unknown;
  continue(key: unknown): Promise<IDBPCursorLike | null>;
}

function poolsFingerprint(pools: readonly PanEuPool[]): string {
  return JSON.stringify(pools);
}

function storedBasis(value: unknown): BasisRecord | undefined {
  if (!value || typeof value !== 'object' || (value as PackedBasis).version !== BASIS_VERSION) return undefined;
  return readBasis(value as PackedBasis);
}

export interface BasisState {
  records: BasisRecord[];
  feeNotes: Map<string, FeeNote>;
  snoozes: Record<string, number>;
  /** Stored values other parts of the evaluation asked for, read in the same transaction. */
  extra: Map<string, unknown>;
  /** What this call had to do (the benchmark and tests read it). */
  work: {
    rebuilt: string[];
    refreshed: string[];
    feeNotes: boolean;
    /**
     * Per refreshed marketplace: the builtAt and entry count it had before, the keys read again, and
     * where each entry was before (-1: read again or new) (alert-skip.ts).
     */
    refreshedFrom: Record<string, { builtAt: number; count: number; keys: string[]; from: Int32Array }>;
  };
  /**
   * Set when `records` hold only the entries an alarm must evaluate (alert-skip.ts alarmBasis): per
   * record, where each of its entries is in the marketplace's whole basis, and the flags (alert-skip.ts)
   * of every entry of that whole basis; and the notification memory (the extra key alarmBasis was
   * given), unpacked once to check it against the copy.
   */
  subset?: { index: Uint32Array[]; flags: Uint8Array[]; since: number[]; memory: NotifyMemory };
  /** The stored proof record holds no readable copy: it is written again even when its flags are unchanged. */
  copyBroken?: boolean;
}

/**
 * The basis of every marketplace brought up to `now`: rebuilt where the day or the velocity settings
 * changed or none exists, refreshed where an ingest left dirty keys, dropped where the store no longer
 * has the marketplace; fee notes recomputed when their inputs moved. Writes what changed in one
 * transaction, including the removal of the dirty records it worked off. `extraKeys` are meta records
 * read along in the first transaction (the caller's notification memory).
 */
export async function currentBasis(
  db: DB,
  settings: Settings,
  now: number,
  extraKeys: readonly string[] = [],
): Promise<BasisState> {
  const tx = db.transaction(['meta', 'skus'], 'readonly');
  const meta = tx.objectStore('meta');
  const [basisRows, dirtyRows, notesRow, snoozeRow, genRow, extraRows, marketplaces] = await Promise.all([
    meta.getAll(prefixRange(BASIS_PREFIX)),
    meta.getAll(prefixRange(DIRTY_PREFIX)),
    meta.get(FEE_NOTES_KEY),
    meta.get(SNOOZES_KEY),
    meta.get(BASIS_GEN_KEY),
    Promise.all(extraKeys.map((key) => meta.get(key))),
    marketplacesIn(tx.objectStore('skus').index('by-marketplace')),
  ]);
  await tx.done;

  const existing = new Map<string, BasisRecord>();
  for (const row of basisRows) {
    const record = storedBasis(row.value);
    if (record) existing.set(row.key.slice(BASIS_PREFIX.length), record);
  }
  const dirty = new Map<string, Set<string>>();
  for (const row of dirtyRows) {
    const keys = (row.value as { keys?: unknown } | undefined)?.keys;
    if (!Array.isArray(keys)) continue;
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      const ref = parseSkuKey(key);
      if (!ref) continue;
      const id = marketplaceId(ref.account, ref.marketplace);
      let set = dirty.get(id);
      if (!set) {
        set = new Set();
        dirty.set(id, set);
      }
      set.add(key);
    }
  }

  const velocity = velocityFingerprint(settings);
  const records: BasisRecord[] = [];
  const changed: BasisRecord[] = [];
  const feeWrites = new Map<string, FeeSeriesRecord>();
  const work: BasisState['work'] = { rebuilt: [], refreshed: [], feeNotes: false, refreshedFrom: {} };
  const present = new Set<string>();
  for (const [account, marketplace] of marketplaces) {
    const id = marketplaceId(account, marketplace);
    present.add(id);
    let record = existing.get(id);
    const stale =
      !record || record.velocity !== velocity || record.day !== dayKey(now, record.timeZone) || record.builtAt > now;
    if (stale) {
      const rebuilt = await rebuildMarketplace(db, account, marketplace, settings, now);
      record = rebuilt.record;
      feeWrites.set(id, rebuilt.fees);
      changed.push(record);
      work.rebuilt.push(id);
    } else if (record && dirty.has(id)) {
      const keys = [...(dirty.get(id) as Set<string>)];
      const count = entryCount(record);
      const refreshed = await refreshEntries(db, record, keys, settings, now);
      work.refreshedFrom[id] = { builtAt: record.builtAt, count, keys, from: refreshed.from };
      record = refreshed.record;
      changed.push(record);
      work.refreshed.push(id);
    }
    if (record) records.push(record);
  }
  const removed = [...existing.keys()].filter((id) => !present.has(id));

  // Fee notes: kept while every marketplace's series and the pools are the ones they were computed from.
  const pools = settings.alerts.panEuPools;
  const storedNotes = notesRow?.value as FeeNotesRecord | undefined;
  const notesCurrent =
    !!storedNotes &&
    storedNotes.pools === poolsFingerprint(pools) &&
    records.every((r) => storedNotes.sources?.[marketplaceId(r.account, r.marketplace)] === r.feeBuiltAt) &&
    Object.keys(storedNotes.sources ?? {}).length === records.length;
  let notes: FeeNotesRecord | undefined;
  let feeNotes = notesCurrent ? unpackFeeNotes(storedNotes?.notes) : undefined;
  if (!feeNotes) {
    const computed = await computeFeeNotes(db, records, feeWrites, settings, now);
    notes = computed.record;
    feeNotes = computed.notes;
    work.feeNotes = true;
  }

  const gen: Record<string, number> = {};
  for (const r of records) gen[marketplaceId(r.account, r.marketplace)] = r.builtAt;
  const genCurrent = sameGen(genRow?.value, gen);
  if (changed.length > 0 || removed.length > 0 || dirtyRows.length > 0 || work.feeNotes || !genCurrent) {
    const write = db.transaction('meta', 'readwrite');
    const store = write.store;
    const requests: Promise<unknown>[] = [];
    if (!genCurrent) requests.push(store.put({ key: BASIS_GEN_KEY, value: gen }));
    for (const record of changed) {
      requests.push(
        store.put({
          key: `${BASIS_PREFIX}${marketplaceId(record.account, record.marketplace)}`,
          value: packBasis(record),
        }),
      );
    }
    for (const [id, fees] of feeWrites) requests.push(store.put({ key: `${FEE_SERIES_PREFIX}${id}`, value: fees }));
    for (const id of removed) {
      requests.push(store.delete(`${BASIS_PREFIX}${id}`), store.delete(`${FEE_SERIES_PREFIX}${id}`));
    }
    // Only the dirty records read above: keys an ingest marked meanwhile stay for the next run.
    for (const row of dirtyRows) requests.push(store.delete(row.key));
    if (notes) requests.push(store.put({ key: FEE_NOTES_KEY, value: notes }));
    await Promise.all(requests);
    await write.done;
  }

  const snoozes = (snoozeRow?.value ?? {}) as Record<string, number>;
  const extra = new Map<string, unknown>();
  extraKeys.forEach((key, i) => {
    extra.set(key, extraRows[i]?.value);
  });
  return { records, feeNotes, snoozes, extra, work };
}

/** Whether the stored BASIS_GEN_KEY value is exactly `gen`. */
export function sameGen(stored: unknown, gen: Readonly<Record<string, number>>): boolean {
  if (!stored || typeof stored !== 'object') return false;
  const ids = Object.keys(gen);
  if (Object.keys(stored).length !== ids.length) return false;
  for (const id of ids) if ((stored as Record<string, unknown>)[id] !== gen[id]) return false;
  return true;
}

/** Fee notes per input key over every marketplace's series (the freshly built ones, the rest from the store). */
async function computeFeeNotes(
  db: DB,
  records: readonly BasisRecord[],
  fresh: ReadonlyMap<string, FeeSeriesRecord>,
  settings: Settings,
  now: number,
): Promise<{ record: FeeNotesRecord; notes: Map<string, FeeNote> }> {
  const series = new Map<string, FeeSeries>();
  const sources: Record<string, number> = {};
  const missing = records.map((r) => marketplaceId(r.account, r.marketplace)).filter((id) => !fresh.has(id));
  const tx = db.transaction('meta');
  const stored = await Promise.all(missing.map((id) => tx.store.get(`${FEE_SERIES_PREFIX}${id}`)));
  await tx.done;
  const all = new Map(fresh);
  missing.forEach((id, i) => {
    const value = stored[i]?.value as FeeSeriesRecord | undefined;
    if (value && Array.isArray(value.series)) all.set(id, value);
  });
  for (const record of records) {
    const id = marketplaceId(record.account, record.marketplace);
    sources[id] = record.feeBuiltAt;
    for (const s of all.get(id)?.series ?? []) series.set(s.key, s);
  }
  const inputs = inputsFromBasis(records, settings, {}, now, series);
  const notes = feeNotesByKey(inputs, settings.alerts.panEuPools);
  return {
    record: { sources, pools: poolsFingerprint(settings.alerts.panEuPools), notes: packFeeNotes(notes) },
    notes,
  };
}

/** An entry of the basis evaluation leaves out (alert-skip.ts: proven ok and unlisted for the rest of its day). */
export const LEFT_OUT = 1;
/** What `origin` holds per input: record index × ORIGIN_STRIDE + entry index. */
export const ORIGIN_STRIDE = 2 ** 24;

/** The number of entries of a record, without decoding them when it was read from the store. */
export function entryCount(record: BasisRecord): number {
  return basisColumns(record)?.count ?? record.entries.length;
}

/**
 * Alert inputs from the basis, as of `now`. Every input is built with all of AlertInput's fields in
 * its order (see AlertInput): ten thousand of them then share one hidden class.
 * A snooze on a Pan-European pool row is stored under the pool's key and applies to its members.
 * A record read from the store is read from its columns, entry by entry, and only for the entries
 * evaluated: `flags[r][i] === LEFT_OUT` leaves entry i of record r out. `origin`, when given, gets
 * each input's record and entry (ORIGIN_STRIDE), in input order.
 */
export function inputsFromBasis(
  records: readonly BasisRecord[],
  settings: Settings,
  snoozes: Readonly<Record<string, number>>,
  now: number,
  fees?: ReadonlyMap<string, FeeSeries>,
  flags?: readonly (Uint8Array | null)[],
  origin?: number[],
): AlertInput[] {
  const erpAll = settings.erp.allManaged;
  const erpKeys = new Set(settings.erp.managedSkus);
  const poolSnoozes = Object.keys(snoozes).length > 0;
  const inputs: AlertInput[] = [];
  // One entry decoded at a time from the columns: an input copies every field it keeps.
  const scratch = {} as BasisEntry;
  const add = (record: BasisRecord, e: BasisEntry) => {
    const elapsed = e.stockAt === null ? 0 : Math.max(0, now - e.stockAt) / DAY_MS;
    const daysOfCover =
      e.stock === null
        ? null
        : e.stock === 0
          ? 0
          : e.perDay !== null && e.perDay > 0
            ? Math.max(0, e.stock / e.perDay - elapsed)
            : null;
    let snoozedUntil = poolSnoozes ? snoozes[e.key] : undefined;
    if (poolSnoozes && e.channel === 'fba' && e.asin) {
      const pooled = snoozes[poolKey(record.account, e.asin)];
      if (pooled !== undefined) snoozedUntil = Math.max(snoozedUntil ?? 0, pooled);
    }
    inputs.push({
      key: e.key,
      account: record.account,
      marketplace: record.marketplace,
      sku: e.sku,
      channel: e.channel,
      asin: e.asin,
      parentAsin: e.parentAsin,
      title: e.title,
      velocity: {
        perDay: e.perDay,
        daysOfCover,
        stockOutDay: null,
        available: e.available,
        stock: e.stock,
        inboundCounted: e.inboundCounted,
        stockAt: e.stockAt,
        confidence: e.confidence,
        timeZone: record.timeZone,
      },
      demandSigma: e.sigma,
      available: e.available,
      inboundWorking: e.inboundWorking,
      inboundShipped: e.inboundShipped,
      inboundReceiving: e.inboundReceiving,
      inbound: e.inbound,
      amazon: e.amazon,
      snoozedUntil,
      erpManaged: erpAll || (erpKeys.size > 0 && erpKeys.has(e.key)),
      fee: fees?.get(e.key),
      pool: undefined,
    });
  };
  records.forEach((record, r) => {
    const left = flags?.[r] ?? null;
    const columns: BasisColumns | undefined = basisColumns(record);
    const count = columns ? columns.count : record.entries.length;
    for (let i = 0; i < count; i++) {
      if (left !== null && left[i] === LEFT_OUT) continue;
      const e = columns
        ? basisEntryAt(columns, record.account, record.marketplace, i, scratch)
        : (record.entries[i] as BasisEntry);
      add(record, e);
      origin?.push(r * ORIGIN_STRIDE + i);
    }
  });
  return inputs;
}
