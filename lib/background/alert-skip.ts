import { marketCalendar } from '../alerts/calendar';
import { evaluateAll } from '../alerts/evaluate';
import type { NotifyMemory } from '../alerts/notify';
import type { Alert } from '../alerts/types';
import type { Settings } from '../settings/schema';
import { addDays, DAY_MS, type DayKey, startOfDay } from '../time';
import { type BasisRecord, type BasisState, inputsFromBasis, marketplaceId } from './alert-basis';

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
 * still monotone and equal at both ends means equal throughout. Cover c = S − t has c' = S' − 1:
 * with u < 1 it only falls (the end check covers it); with u > 1 it can fall and rise again as S
 * crosses days of other uplifts, but never faster than −1, so c(now) minus what is left of today is a
 * lower bound for the day, and a SKU is proven only when that bound is not below its days threshold.
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
 * Stored in `meta` with the list and the notification memory, in the same transaction. Derived only:
 * a missing or unreadable record costs one full evaluation, which writes it again.
 */

export const SKIP_KEY = 'alerts:skip';

export interface SkipRecord {
  /** The settings (as JSON) the proofs were made under. */
  settings: string;
  /** Marketplace id → the basis it was proven on and the day it holds for. */
  marketplaces: Record<string, { builtAt: number; day: DayKey; until: number }>;
  /** Keys proven, joined by '\n' (one string clones far faster than ten thousand). */
  keys: string;
  /** Keys of quiet SKUs whose proof failed on this day and basis, joined the same way. */
  tried: string;
}

function settingsFingerprint(settings: Settings): string {
  return JSON.stringify(settings);
}

/** Whether anything couples SKUs together, so that one cannot be evaluated without the others. */
function coupled(settings: Settings): boolean {
  return settings.alerts.panEuPools.length > 0 || settings.restockCapacityPerMonth !== null;
}

export interface UsableSkips {
  /** Keys left out of this evaluation: proven ok and unlisted for the rest of their day. */
  skip: Set<string>;
  /**
   * Keys whose proof failed earlier on the same day and basis: evaluated as usual, but not tried again
   * (a proof that failed mostly fails again, and trying costs a second evaluation each alarm).
   */
  tried: Set<string>;
}

/**
 * The keys that may be left out of this evaluation: those of the stored record still proven, given
 * the basis this evaluation reads. Empty when nothing may be skipped.
 */
export function usableSkips(
  raw: unknown,
  basis: BasisState,
  settings: Settings,
  now: number,
  memory: NotifyMemory,
): UsableSkips {
  const none = { skip: new Set<string>(), tried: new Set<string>() };
  const stored = raw as SkipRecord | undefined;
  if (
    !stored ||
    typeof stored !== 'object' ||
    typeof stored.keys !== 'string' ||
    typeof stored.tried !== 'string' ||
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
  const usable = new Set<string>();
  const dropped = new Set<string>();
  for (const record of basis.records) {
    const id = marketplaceId(record.account, record.marketplace);
    const proven = stored.marketplaces[id];
    if (!proven) return none;
    const refreshed = basis.work.refreshedFrom[id];
    const builtAt = refreshed ? refreshed.builtAt : record.builtAt;
    if (proven.builtAt !== builtAt || proven.day !== record.day || now > proven.until) continue;
    usable.add(id);
    if (refreshed) for (const key of refreshed.keys) dropped.add(key);
  }
  if (usable.size === 0) return none;
  const skip = new Set<string>();
  const tried = new Set<string>();
  if (stored.keys.length > 0) {
    for (const key of stored.keys.split('\n')) if (!dropped.has(key) && memory[key] === undefined) skip.add(key);
  }
  if (stored.tried.length > 0) for (const key of stored.tried.split('\n')) if (!dropped.has(key)) tried.add(key);
  if (usable.size === basis.records.length) return { skip, tried };
  // Keys of marketplaces whose proofs no longer hold are evaluated, and may be tried again.
  const within = { skip: new Set<string>(), tried: new Set<string>() };
  for (const record of basis.records) {
    if (!usable.has(marketplaceId(record.account, record.marketplace))) continue;
    for (const e of record.entries) {
      if (skip.has(e.key)) within.skip.add(e.key);
      else if (tried.has(e.key)) within.tried.add(e.key);
    }
  }
  return within;
}

/** The last millisecond of the marketplace day `day`. */
function dayEnd(day: DayKey, timeZone: string): number {
  return startOfDay(addDays(day, 1), timeZone) - 1;
}

function quiet(alert: Alert): boolean {
  return alert.state === 'ok' && alert.reasons.length === 0 && alert.backupOf === undefined;
}

/**
 * The record for the next evaluation: the keys skipped this time (still proven: same day, same basis)
 * and those of this evaluation's quiet alerts that are proven now, by evaluating them once more at the
 * end of their day; those whose proof fails are remembered as tried, and not tried again that day. Null when nothing may be skipped (coupled settings).
 */
export function nextSkipRecord(
  basis: BasisState,
  { skip: skipped, tried }: UsableSkips,
  alerts: readonly Alert[],
  settings: Settings,
  now: number,
  options: Parameters<typeof evaluateAll>[3],
): SkipRecord | null {
  if (coupled(settings)) return null;
  const byKey = new Map<string, Alert>();
  for (const alert of alerts) {
    if (quiet(alert) && !tried.has(alert.key) && !alert.key.includes('\n')) byKey.set(alert.key, alert);
  }
  const keys: string[] = [...skipped];
  const failed: string[] = [...tried];
  const marketplaces: SkipRecord['marketplaces'] = {};
  for (const record of basis.records) {
    const id = marketplaceId(record.account, record.marketplace);
    const until = dayEnd(record.day, record.timeZone);
    marketplaces[id] = { builtAt: record.builtAt, day: record.day, until };
    if (byKey.size === 0) continue;
    const cal = marketCalendar(settings.events, [record.marketplace], record.timeZone, now);
    const rising = (cal.uplift[0] as number) > 1;
    // A day of 23 or 25 hours (a clock change) stretches today's share of the calendar against the flat
    // cover, which falls by one per 24 hours: the stock-out instant moves, so that day is not proven.
    if (until + 1 - startOfDay(record.day, record.timeZone) !== DAY_MS) continue;
    // Flat cover stands still until the clock reaches the time the stock was seen (a clock set back);
    // only a cover already falling is proven.
    const entries = record.entries.filter((e) => byKey.has(e.key) && (e.stockAt === null || e.stockAt <= now));
    if (entries.length === 0) continue;
    const late: BasisRecord = { ...record, entries };
    const inputs = inputsFromBasis([late], settings, basis.snoozes, until);
    const ends = evaluateAll(inputs, settings, until, options);
    for (const end of ends) {
      const nowAlert = byKey.get(end.key) as Alert;
      // On a day with an uplift above 1, cover may dip and rise again before the day ends; it never
      // falls faster than the clock, so cover now less what is left of today bounds it from below.
      const cover = nowAlert.daysOfCover;
      const proven =
        quiet(end) &&
        end.stockOutDay === nowAlert.stockOutDay &&
        !(rising && cover !== null && cover - cal.todayLeft < nowAlert.thresholds.days);
      (proven ? keys : failed).push(end.key);
    }
  }
  return { settings: settingsFingerprint(settings), marketplaces, keys: keys.join('\n'), tried: failed.join('\n') };
}
