import { marketCalendar } from '../alerts/calendar';
import { evaluateAll } from '../alerts/evaluate';
import type { NotifyMemory } from '../alerts/notify';
import type { Alert, FeeNote } from '../alerts/types';
import type { DB } from '../db/open';
import { skuKey } from '../model/keys';
import type { Settings } from '../settings/schema';
import { addDays, DAY_MS, type DayKey, dayKey, startOfDay } from '../time';
import {
  BASIS_GEN_KEY,
  type BasisEntry,
  type BasisRecord,
  type BasisState,
  currentBasis,
  DIRTY_PREFIX,
  entryCount,
  inputsFromBasis,
  LEFT_OUT,
  marketplaceId,
  marketplacesIn,
  ORIGIN_STRIDE,
  SNOOZES_KEY,
  velocityFingerprint,
} from './alert-basis';
import {
  basisColumns,
  basisEntryAt,
  basisSkuAt,
  basisStockAtAt,
  type PackedBasis,
  type PackedFeeNotes,
  packBasis,
  packFeeNotes,
  readBasis,
  sameValues,
  unpackFeeNotes,
  unpackNotifyMemory,
} from './basis-pack';

/**
 * Incremental evaluation: SKUs proven ok and unlisted for the rest of their marketplace day are left
 * out of the alarms that follow that day. Their alert can only say "ok, nothing to list", which changes
 * neither the popup's list, the badge nor the notification memory (an ok SKU has no entry there).
 *
 * Why a proof per SKU holds until the day ends. Within one marketplace day, with the same basis and
 * settings, a SKU's evaluation depends on the clock only through its days of cover: the calendar's
 * days, the lead times, closures and cut-offs are fixed for the day; snoozes change only `snoozed`,
 * which an ok SKU's result does not show anywhere. Days of cover in calendar days, c(t), solves
 * U(t, t + c) = F(t), with F the flat cover (falling by one day per day) and U the demand with event
 * uplifts. When today carries no uplift (factor 1), c falls exactly as fast as the clock: the stock-out
 * instant is fixed, so the stock-out day (the only input of "critical" and "reorder due") is the same
 * all day, and "below the days threshold" can only become true later. So checking the SKU now and at
 * the last millisecond of its day, and finding it ok with no reasons and the same stock-out day both
 * times, proves it for every instant between.
 *
 * On a day with an uplift u ≠ 1 the stock-out instant S moves, but always the same way: from
 * U(t, S) = F(t), S' = (u − 1)/u(S), whose sign is that of u − 1 (u(S) > 0). So the stock-out day is
 * still monotone, and takes every day between its values at both ends. "Critical" and "reorder due"
 * depend on the clock only through that day (the calendar, lead times and fastest arrival are fixed
 * for the day), so when the two ends are the same day or next to each other, every day the SKU meets
 * before the day ends is one of the two just checked, and quiet there. (An uplift of 2 moves S by a
 * day in a day where u(S) = 1: on Black Friday most quiet SKUs end the day one stock-out day later;
 * two days or more apart, the days between are not checked, and the proof fails.)
 * Cover c = S − t has c' = S' − 1: with u < 1 it only falls (the end check covers it); with u > 1 it
 * can fall and rise again as S crosses days of other uplifts, but never faster than −1, so c(now) minus
 * what is left of today is a lower bound for the day, and a SKU is proven only when that bound is not
 * below its days threshold.
 *
 * What invalidates a proof, and how each is noticed:
 * - an ingest of the SKU: the basis refresh reports the keys it read again (they are evaluated), and a
 *   marketplace whose basis changed in any way not reported that way is evaluated in full;
 * - a new day, a velocity-settings change, a marketplace added or removed: the basis is rebuilt
 *   (new builtAt), everything is evaluated;
 * - any settings change (thresholds, lead times, events, capacity, backups, ERP, …): the record keeps
 *   the settings it was proven under; a different one discards it;
 * - a notification memory entry for the SKU (never expected for an ok SKU): the SKU is evaluated.
 * Capacity sharing and Pan-European pools couple SKUs together; with either set nothing is skipped.
 *
 * Stored in `meta` with the list and the notification memory, in the same transaction, as a flag per
 * basis entry (aligned with the basis it was proven on; an ingest's refresh says where each entry
 * moved). Derived only: a missing or unreadable record costs one full evaluation, which writes it again.
 *
 * The record also carries a copy of the entries not proven (`subset`, with their fee notes), so that an
 * alarm reads those instead of every marketplace's whole basis (three quarters of which it leaves out):
 * alarmBasis below. The copy is written whenever the flags change, from the basis they were proven on,
 * and is used only while nothing it was taken from can have moved: no ingest waiting (no dirty keys),
 * the stored basis of every marketplace the one it was taken from (BASIS_GEN_KEY, written with the
 * basis), the same settings, day and marketplaces. Otherwise the alarm reads the whole basis as before.
 */

export const SKIP_KEY = 'alerts:skip';
/**
 * 2: a flag per basis entry. 3: the entries not proven, copied (alarmBasis). A record of another
 * version is read as none (one full evaluation).
 */
export const SKIP_VERSION = 3;

/** Per entry: 0 not proven (evaluated; tried when quiet), PROVEN (left out), TRIED (evaluated, not tried again). */
export const PROVEN = LEFT_OUT;
export const TRIED = 2;

export interface SkipRecord {
  version: number;
  /** The settings (as JSON) the proofs were made under. */
  settings: string;
  /**
   * Marketplace id → the basis it was proven on, the day it holds for, and a flag per entry of that
   * basis, in its order (0, PROVEN or TRIED): no keys to store, split and look up every alarm.
   */
  marketplaces: Record<string, ProvenMarketplace>;
  /**
   * The entries of every marketplace not proven (flag 0 or TRIED), their fee notes, and the notification
   * memory keys that are none of them (SKUs no longer in any basis): what alarmBasis reads. Absent
   * until withSubsets adds it, before the record is written.
   */
  subset?: { notes: PackedFeeNotes; outside: string[] };
}

export interface ProvenMarketplace {
  builtAt: number;
  day: DayKey;
  /**
   * When the latest of these proofs was made. A proof holds from then to the day's end (`until`): with
   * the clock set back before it, nothing was checked, and the record is not used.
   */
  since: number;
  until: number;
  flags: Uint8Array;
  /** The entries not proven, in basis order, and where each is in the basis (see SkipRecord.subset). */
  subset?: { index: Uint32Array; basis: PackedBasis };
}

function settingsFingerprint(settings: Settings): string {
  return JSON.stringify(settings);
}

/** Whether anything couples SKUs together, so that one cannot be evaluated without the others. */
function coupled(settings: Settings): boolean {
  return settings.alerts.panEuPools.length > 0 || settings.restockCapacityPerMonth !== null;
}

export interface UsableSkips {
  /**
   * Per basis record (in BasisState.records order), a flag per entry, or null when nothing of it may
   * be left out: PROVEN entries are left out of this evaluation (proven ok and unlisted for the rest of
   * their day); TRIED entries failed their proof earlier on the same day and basis, and are evaluated
   * as usual but not tried again (a proof that failed mostly fails again, and trying costs a second
   * evaluation each alarm).
   */
  flags: (Uint8Array | null)[];
  /** Entries left out. */
  skipped: number;
  /** Per record, when the proofs in `flags` were made (ProvenMarketplace.since); null with no flags. */
  since: (number | null)[];
}

/** Binary search of the SKU `sku` in a record's entries (sorted by key: by SKU within one record). */
function indexOfSku(record: BasisRecord, sku: string): number {
  const columns = basisColumns(record);
  let lo = 0;
  let hi = (columns ? columns.count : record.entries.length) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = columns ? basisSkuAt(columns, mid) : (record.entries[mid] as { sku: string }).sku;
    if (at === sku) return mid;
    if (at < sku) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The entries that may be left out of this evaluation: those of the stored record still proven, given
 * the basis this evaluation reads. Nothing when nothing may be skipped.
 */
export function usableSkips(
  raw: unknown,
  basis: BasisState,
  settings: Settings,
  now: number,
  memory: NotifyMemory,
): UsableSkips {
  if (basis.subset) return subsetSkips(basis.subset);
  const none = { flags: basis.records.map(() => null), skipped: 0, since: basis.records.map(() => null) };
  const stored = raw as SkipRecord | undefined;
  if (
    !stored ||
    typeof stored !== 'object' ||
    stored.version !== SKIP_VERSION ||
    typeof stored.marketplaces !== 'object' ||
    stored.marketplaces === null ||
    stored.settings !== settingsFingerprint(settings) ||
    coupled(settings) ||
    basis.work.feeNotes ||
    basis.work.rebuilt.length > 0
  ) {
    return none;
  }
  // Fee notes are shared across marketplaces by parent ASIN: any change to the set of marketplaces
  // may change them, so the set must be the one the proofs were made on.
  if (Object.keys(stored.marketplaces).length !== basis.records.length) return none;
  const flags: (Uint8Array | null)[] = [];
  const since: (number | null)[] = [];
  let usable = false;
  for (const record of basis.records) {
    const id = marketplaceId(record.account, record.marketplace);
    const proven = stored.marketplaces[id];
    if (!proven) return none;
    const refreshed = basis.work.refreshedFrom[id];
    const builtAt = refreshed ? refreshed.builtAt : record.builtAt;
    const count = refreshed ? refreshed.count : entryCount(record);
    if (
      proven.builtAt !== builtAt ||
      proven.day !== record.day ||
      now > proven.until ||
      typeof proven.since !== 'number' ||
      now < proven.since ||
      !(proven.flags instanceof Uint8Array) ||
      proven.flags.length !== count
    ) {
      flags.push(null);
      since.push(null);
      continue;
    }
    usable = true;
    since.push(proven.since);
    if (!refreshed) {
      flags.push(proven.flags);
      continue;
    }
    // Entries read again by the refresh (and new ones) start over: evaluated, and tried again.
    const moved = new Uint8Array(refreshed.from.length);
    refreshed.from.forEach((was, i) => {
      if (was >= 0) moved[i] = proven.flags[was] as number;
    });
    flags.push(moved);
  }
  if (!usable) return none;
  // A SKU with a notification memory entry (never expected for an ok SKU) is evaluated.
  const prefixes = basis.records.map((r) => skuKey({ account: r.account, marketplace: r.marketplace, sku: '' }));
  for (const key of memory.keys()) {
    for (let r = 0; r < prefixes.length; r++) {
      const f = flags[r];
      if (!f || !key.startsWith(prefixes[r] as string)) continue;
      const i = indexOfSku(basis.records[r] as BasisRecord, key.slice((prefixes[r] as string).length));
      if (i >= 0 && f[i] === PROVEN) f[i] = 0;
    }
  }
  let skipped = 0;
  for (const f of flags) if (f) for (let i = 0; i < f.length; i++) if (f[i] === PROVEN) skipped++;
  return { flags, skipped, since };
}

/**
 * Whether `stored` (as read from the store) is exactly `next`: most alarms prove nothing new, and the
 * record is then left as it is instead of being written again.
 */
export function sameSkipRecord(next: SkipRecord, stored: unknown): boolean {
  const s = stored as SkipRecord | undefined;
  if (
    !s ||
    typeof s !== 'object' ||
    s.version !== next.version ||
    s.settings !== next.settings ||
    typeof s.marketplaces !== 'object' ||
    s.marketplaces === null
  )
    return false;
  const ids = Object.keys(next.marketplaces);
  if (Object.keys(s.marketplaces).length !== ids.length) return false;
  for (const id of ids) {
    const a = next.marketplaces[id] as SkipRecord['marketplaces'][string];
    const b = s.marketplaces[id];
    if (
      !b ||
      b.builtAt !== a.builtAt ||
      b.day !== a.day ||
      b.since !== a.since ||
      b.until !== a.until ||
      !(b.flags instanceof Uint8Array) ||
      !sameValues(b.flags, a.flags)
    )
      return false;
  }
  return true;
}

/** The last millisecond of the marketplace day `day`. */
function dayEnd(day: DayKey, timeZone: string): number {
  return startOfDay(addDays(day, 1), timeZone) - 1;
}

/** Both null, or the same day, or one day apart (see above: no day in between is left unchecked). */
function sameOrNextDay(a: DayKey | null, b: DayKey | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || addDays(a, 1) === b || addDays(b, 1) === a;
}

function quiet(alert: Alert): boolean {
  return alert.state === 'ok' && alert.reasons.length === 0 && alert.backupOf === undefined;
}

/** When entry `i` of `record` had its stock seen (null when unknown). */
function stockAtOf(record: BasisRecord, i: number): number | null {
  const columns = basisColumns(record);
  return columns ? basisStockAtAt(columns, i) : (record.entries[i] as { stockAt: number | null }).stockAt;
}

/**
 * The record for the next evaluation: the entries left out this time (still proven: same day, same
 * basis) and those of this evaluation's quiet alerts that are proven now, by evaluating them once more
 * at the end of their day; those whose proof fails are remembered as tried, and not tried again that
 * day. `alerts` are this evaluation's, one per input, and `origin` says which entry each came from
 * (inputsFromBasis). Null when nothing may be skipped (coupled settings).
 */
export function nextSkipRecord(
  basis: BasisState,
  usable: UsableSkips,
  alerts: readonly Alert[],
  origin: readonly number[],
  settings: Settings,
  now: number,
  options: Parameters<typeof evaluateAll>[3],
): SkipRecord | null {
  if (coupled(settings)) return null;
  const { records } = basis;
  const next = records.map((record, r) => {
    const kept = usable.flags[r];
    return kept ? Uint8Array.from(kept) : new Uint8Array(entryCount(record));
  });
  // Quiet alerts of entries neither proven nor tried: this evaluation's candidates, by record and entry.
  const candidates: (Map<number, Alert> | null)[] = records.map(() => null);
  alerts.forEach((alert, a) => {
    if (!quiet(alert)) return;
    const at = origin[a] as number;
    const r = Math.floor(at / ORIGIN_STRIDE);
    const i = at - r * ORIGIN_STRIDE;
    if ((next[r] as Uint8Array)[i] !== 0) return;
    let map = candidates[r];
    if (!map) {
      map = new Map();
      candidates[r] = map;
    }
    map.set(i, alert);
  });
  const marketplaces: SkipRecord['marketplaces'] = {};
  records.forEach((record, r) => {
    const id = marketplaceId(record.account, record.marketplace);
    const until = dayEnd(record.day, record.timeZone);
    let fresh = false;
    const flags = next[r] as Uint8Array;
    const proofs: ProvenMarketplace = {
      builtAt: record.builtAt,
      day: record.day,
      since: usable.since[r] ?? now,
      until,
      flags,
    };
    marketplaces[id] = proofs;
    const byIndex = candidates[r];
    if (!byIndex) return;
    const cal = marketCalendar(settings.events, [record.marketplace], record.timeZone, now);
    const rising = (cal.uplift[0] as number) > 1;
    // A day of 23 or 25 hours (a clock change) stretches today's share of the calendar against the flat
    // cover, which falls by one per 24 hours: the stock-out instant moves, so that day is not proven.
    if (until + 1 - startOfDay(record.day, record.timeZone) !== DAY_MS) return;
    // Flat cover stands still until the clock reaches the time the stock was seen (a clock set back);
    // only a cover already falling is proven. Every other entry is left out of the second evaluation.
    const only = new Uint8Array(flags.length).fill(LEFT_OUT);
    let any = false;
    for (const i of byIndex.keys()) {
      const stockAt = stockAtOf(record, i);
      if (stockAt === null || stockAt <= now) {
        only[i] = 0;
        any = true;
      }
    }
    if (!any) return;
    const at: number[] = [];
    const inputs = inputsFromBasis([record], settings, basis.snoozes, until, undefined, [only], at);
    const ends = evaluateAll(inputs, settings, until, options);
    ends.forEach((end, k) => {
      const i = at[k] as number;
      const nowAlert = byIndex.get(i) as Alert;
      // On a day with an uplift above 1, cover may dip and rise again before the day ends; it never
      // falls faster than the clock, so cover now less what is left of today bounds it from below.
      const cover = nowAlert.daysOfCover;
      const proven =
        quiet(end) &&
        sameOrNextDay(nowAlert.stockOutDay, end.stockOutDay) &&
        !(rising && cover !== null && cover - cal.todayLeft < nowAlert.thresholds.days);
      flags[i] = proven ? PROVEN : TRIED;
      if (proven) fresh = true;
    });
    if (fresh) proofs.since = now;
  });
  const subset = basis.subset;
  if (subset) {
    // The flags above are per entry of the copy: back into the whole basis's.
    records.forEach((record, r) => {
      const whole = Uint8Array.from(subset.flags[r] as Uint8Array);
      const index = subset.index[r] as Uint32Array;
      const flags = next[r] as Uint8Array;
      for (let k = 0; k < index.length; k++) whole[index[k] as number] = flags[k] as number;
      (marketplaces[marketplaceId(record.account, record.marketplace)] as ProvenMarketplace).flags = whole;
    });
  }
  return { version: SKIP_VERSION, settings: settingsFingerprint(settings), marketplaces };
}

/** The flags of the entries alarmBasis read (none PROVEN), and how many it left out. */
function subsetSkips(subset: NonNullable<BasisState['subset']>): UsableSkips {
  const since = subset.since;
  let skipped = 0;
  const flags = subset.flags.map((whole, r) => {
    for (let i = 0; i < whole.length; i++) if (whole[i] === PROVEN) skipped++;
    const index = subset.index[r] as Uint32Array;
    const own = new Uint8Array(index.length);
    for (let k = 0; k < index.length; k++) own[k] = whole[index[k] as number] as number;
    return own;
  });
  return { flags, skipped, since };
}

/** The record's fields other than its entries (a spread would decode every entry of a stored record). */
function headerOf(record: BasisRecord): Omit<BasisRecord, 'entries'> {
  const { version, account, marketplace, timeZone, day, velocity, builtAt, feeBuiltAt } = record;
  return { version, account, marketplace, timeZone, day, velocity, builtAt, feeBuiltAt };
}

/**
 * `record` (nextSkipRecord's) with the copy alarmBasis reads: per marketplace the entries of `basis`
 * that are not proven, their fee notes, and the keys of `memory` (the notification memory written
 * with it) that are none of them. Built only when the record is to be written, which most alarms skip.
 */
export function withSubsets(record: SkipRecord, basis: BasisState, memory: NotifyMemory): SkipRecord {
  const notes = new Map<string, FeeNote>();
  const kept = new Set<string>();
  const marketplaces: SkipRecord['marketplaces'] = {};
  basis.records.forEach((r, ri) => {
    const id = marketplaceId(r.account, r.marketplace);
    const proven = record.marketplaces[id] as ProvenMarketplace;
    const whole = proven.flags;
    // In an alarm that read a copy, position k of `r` is entry index[k] of the whole basis.
    const from = basis.subset?.index[ri];
    const columns = basisColumns(r);
    const count = entryCount(r);
    const entries: BasisEntry[] = [];
    const index: number[] = [];
    for (let k = 0; k < count; k++) {
      const i = from ? (from[k] as number) : k;
      if (whole[i] === PROVEN) continue;
      // packBasis only reads the entries: a record built this evaluation lends its own.
      const entry = columns ? basisEntryAt(columns, r.account, r.marketplace, k) : (r.entries[k] as BasisEntry);
      entries.push(entry);
      index.push(i);
      kept.add(entry.key);
      const note = basis.feeNotes.get(entry.key);
      if (note) notes.set(entry.key, note);
    }
    marketplaces[id] = {
      ...proven,
      subset: { index: Uint32Array.from(index), basis: packBasis({ ...headerOf(r), entries }) },
    };
  });
  const outside = [...memory.keys()].filter((key) => !kept.has(key));
  return { ...record, marketplaces, subset: { notes: packFeeNotes(notes), outside } };
}

/**
 * The basis an alarm evaluates from: when the stored record's copy of the entries not proven is still
 * true to the store (see the top of this file), those entries alone, without reading any marketplace's
 * whole basis or fee notes; otherwise currentBasis. `extraKeys` as currentBasis's; the notification
 * memory (`memoryKey`, one of them) must name no SKU the copy leaves out but SKUs no basis holds.
 */
export async function alarmBasis(
  db: DB,
  settings: Settings,
  now: number,
  extraKeys: readonly string[],
  memoryKey: string,
): Promise<BasisState> {
  const keys = extraKeys.includes(SKIP_KEY) ? extraKeys : [...extraKeys, SKIP_KEY];
  const tx = db.transaction(['meta', 'skus'], 'readonly');
  const meta = tx.objectStore('meta');
  const [dirty, genRow, snoozeRow, extraRows, marketplaces] = await Promise.all([
    meta.count(IDBKeyRange.bound(DIRTY_PREFIX, `${DIRTY_PREFIX}\uffff`)),
    meta.get(BASIS_GEN_KEY),
    meta.get(SNOOZES_KEY),
    Promise.all(keys.map((key) => meta.get(key))),
    marketplacesIn(tx.objectStore('skus').index('by-marketplace')),
  ]);
  await tx.done;
  const extra = new Map<string, unknown>();
  keys.forEach((key, i) => {
    extra.set(key, extraRows[i]?.value);
  });
  const subset = subsetBasis(extra.get(SKIP_KEY), genRow?.value, marketplaces, settings, now, extra.get(memoryKey));
  if (subset === BROKEN) return { ...(await currentBasis(db, settings, now, extraKeys)), copyBroken: true };
  if (!subset || dirty > 0) return currentBasis(db, settings, now, extraKeys);
  return {
    records: subset.records,
    feeNotes: subset.notes,
    snoozes: (snoozeRow?.value ?? {}) as Record<string, number>,
    extra: new Map(extraKeys.map((key) => [key, extra.get(key)])),
    work: { rebuilt: [], refreshed: [], feeNotes: false, refreshedFrom: {} },
    subset: { index: subset.index, flags: subset.flags, since: subset.since, memory: subset.memory },
  };
}

/** subsetBasis's answer for a copy that cannot be read as one (as opposed to one that is out of date). */
const BROKEN = 'broken';

/**
 * The stored copy, when it may stand for the whole basis now (alarmBasis); undefined when something it
 * was taken from has moved; BROKEN when the record of this version and settings holds no readable copy,
 * so that the evaluation writes the record again even if its flags are unchanged.
 */
function subsetBasis(
  raw: unknown,
  genRaw: unknown,
  marketplaces: ReadonlyArray<[string, string]>,
  settings: Settings,
  now: number,
  memoryRaw: unknown,
):
  | {
      records: BasisRecord[];
      notes: Map<string, FeeNote>;
      index: Uint32Array[];
      flags: Uint8Array[];
      since: number[];
      memory: NotifyMemory;
    }
  | typeof BROKEN
  | undefined {
  const stored = raw as SkipRecord | undefined;
  if (
    !stored ||
    typeof stored !== 'object' ||
    stored.version !== SKIP_VERSION ||
    stored.settings !== settingsFingerprint(settings) ||
    coupled(settings)
  )
    return undefined;
  if (
    typeof stored.marketplaces !== 'object' ||
    stored.marketplaces === null ||
    !stored.subset ||
    !Array.isArray(stored.subset.outside)
  )
    return BROKEN;
  const gen = genRaw as Record<string, unknown> | undefined;
  if (
    !gen ||
    typeof gen !== 'object' ||
    marketplaces.length === 0 ||
    Object.keys(gen).length !== marketplaces.length ||
    Object.keys(stored.marketplaces).length !== marketplaces.length
  )
    return undefined;
  const notes = unpackFeeNotes(stored.subset.notes);
  if (!notes) return BROKEN;
  const velocity = velocityFingerprint(settings);
  const records: BasisRecord[] = [];
  const index: Uint32Array[] = [];
  const flags: Uint8Array[] = [];
  const since: number[] = [];
  for (const [account, marketplace] of marketplaces) {
    const id = marketplaceId(account, marketplace);
    const p = stored.marketplaces[id];
    if (!p || p.builtAt !== gen[id] || p.builtAt > now || now > p.until || now < p.since) return undefined;
    if (
      !p.subset ||
      typeof p.since !== 'number' ||
      !(p.flags instanceof Uint8Array) ||
      !(p.subset.index instanceof Uint32Array)
    )
      return BROKEN;
    const record = readBasis(p.subset.basis);
    if (!record || record.account !== account || record.marketplace !== marketplace || record.builtAt !== p.builtAt)
      return BROKEN;
    if (record.velocity !== velocity || record.day !== p.day || record.day !== dayKey(now, record.timeZone))
      return undefined;
    // The copy holds exactly the entries not proven, in order.
    const at = p.subset.index;
    if (at.length !== entryCount(record)) return BROKEN;
    let open = 0;
    for (let i = 0; i < p.flags.length; i++) if (p.flags[i] !== PROVEN) open++;
    if (open !== at.length) return BROKEN;
    let last = -1;
    for (let k = 0; k < at.length; k++) {
      const i = at[k] as number;
      if (i <= last || i >= p.flags.length || p.flags[i] === PROVEN) return BROKEN;
      last = i;
    }
    records.push(record);
    index.push(at);
    flags.push(p.flags);
    since.push(p.since);
  }
  // A memory entry for a SKU left out would have it evaluated (usableSkips): the whole basis is read.
  const memory = unpackNotifyMemory(memoryRaw);
  const outside = new Set(stored.subset.outside);
  const prefixes = records.map((r) => skuKey({ account: r.account, marketplace: r.marketplace, sku: '' }));
  for (const key of memory.keys()) {
    if (outside.has(key)) continue;
    const r = prefixes.findIndex((prefix) => key.startsWith(prefix));
    if (r < 0 || indexOfSku(records[r] as BasisRecord, key.slice((prefixes[r] as string).length)) < 0) return undefined;
  }
  return { records, notes, index, flags, since, memory };
}
