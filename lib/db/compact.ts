import { marketplaceByCode } from '../marketplaces';
import { parseSkuKey } from '../model/keys';
import { loadSettings } from '../settings';
import { DAY_MS, dayKey, startOfDay } from '../time';
import { dayLocator } from '../velocity/daily';
import { markSeriesStale } from './day-series';
import { type DB, store } from './open';
import { sameState } from './same-state';
import type { ObservationRecord } from './schema';

/**
 * Retention: observations older than the full-resolution window are merged to one per marketplace
 * day, the last of the day (the state the day ended in, which is what the next day starts from).
 *
 * - The first observation of a SKU is kept too: it is the state history starts in, and without it the
 *   sales made on the first day (between its first and its last visit) would vanish.
 * - A kept observation keeps its own `at` and `seenUntil`: the earlier states of its day are gone, so
 *   the change from the previous kept observation is simply known to lie somewhere in a wider span,
 *   which is exactly what velocity assumes between any two stored observations.
 * - When merging leaves two consecutive observations in the same state, the later one adds nothing
 *   but a longer stretch: it is folded into the earlier, whose `seenUntil` is carried forward.
 * - The newest observation of a SKU is never rewritten or removed: the SKU record holds a copy of it
 *   (`lastObservation`) that the next ingest writes back.
 * - Changes are not compacted: the change table keeps every sale, receipt and edit.
 *
 * Work is done in chunks of SKUs, one transaction each, so the background never holds a long
 * transaction that would make a page read wait; a SKU is never split across transactions. Running it
 * twice changes nothing the second time.
 */

export interface CompactOptions {
  now: number;
  /** Days kept at full resolution (`settings.history.fullResolutionDays`). */
  fullResolutionDays: number;
  /** Observations read per transaction before it is committed and the next one opened. */
  chunkSize?: number;
}

export interface CompactResult {
  /** SKUs checked. */
  skus: number;
  /** Observations removed because another one now stands for their day. */
  merged: number;
  /** Observations rewritten (marked `compacted`, or their `seenUntil` carried forward). */
  rewritten: number;
  /** Transactions used. */
  transactions: number;
}

const DEFAULT_CHUNK = 2_000;

function timeZoneOf(marketplace: string): string {
  return marketplaceByCode(marketplace)?.timeZone ?? 'UTC';
}

interface Zone {
  /** First instant of the first day kept at full resolution. */
  cutoff: number;
  dayOf: (at: number) => string;
}

type CompactTx = ReturnType<typeof openTx>;
function openTx(db: DB) {
  // Velocity's day series of a compacted SKU are marked stale in the same transaction (version 5 on).
  const stores = ['skus', 'observations', 'daySeries'] as const;
  const present = db.objectStoreNames.contains('daySeries') ? stores : stores.slice(0, 2);
  return db.transaction(present as typeof stores, 'readwrite', { durability: 'relaxed' });
}

/** Compacts every SKU's old observations; see the module comment. */
export async function compactHistory(db: DB, options: CompactOptions): Promise<CompactResult> {
  const result: CompactResult = { skus: 0, merged: 0, rewritten: 0, transactions: 0 };
  const chunk = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const zones = new Map<string, Zone>();
  const zoneFor = (marketplace: string): Zone => {
    const timeZone = timeZoneOf(marketplace);
    let zone = zones.get(timeZone);
    if (!zone) {
      const firstKeptDay = dayKey(options.now - options.fullResolutionDays * DAY_MS, timeZone);
      zone = { cutoff: startOfDay(firstKeptDay, timeZone), dayOf: dayLocator(timeZone) };
      zones.set(timeZone, zone);
    }
    return zone;
  };

  const keys = await db.getAllKeys('skus');
  let index = 0;
  while (index < keys.length) {
    const tx = openTx(db);
    result.transactions++;
    const pending: Array<Promise<unknown>> = [];
    const keep = (request: Promise<unknown>) => {
      request.catch(() => undefined);
      pending.push(request);
    };
    try {
      let read = 0;
      const changed = new Map<string, { account: string; marketplace: string; skus: string[] }>();
      while (index < keys.length && read < chunk) {
        const before = result.merged + result.rewritten;
        const key = keys[index] as string;
        read += await compactSku(tx, key, zoneFor, result, keep);
        const ref = result.merged + result.rewritten > before ? parseSkuKey(key) : undefined;
        if (ref) {
          const group = changed.get(`${ref.account}\u001f${ref.marketplace}`);
          if (group) group.skus.push(ref.sku);
          else changed.set(`${ref.account}\u001f${ref.marketplace}`, { ...ref, skus: [ref.sku] });
        }
        index++;
      }
      for (const { account, marketplace, skus } of changed.values())
        keep(markSeriesStale(tx, account, marketplace, skus));
      await Promise.all(pending);
    } catch (error) {
      try {
        tx.abort();
      } catch {}
      await tx.done.catch(() => undefined);
      throw error;
    }
    await tx.done;
  }
  return result;
}

/** One SKU, inside the chunk's transaction; returns how many records it read. */
async function compactSku(
  tx: CompactTx,
  key: string,
  zoneFor: (marketplace: string) => Zone,
  result: CompactResult,
  keep: (request: Promise<unknown>) => void,
): Promise<number> {
  const sku = await tx.objectStore('skus').get(key);
  if (!sku) return 1;
  result.skus++;
  const { cutoff, dayOf } = zoneFor(sku.marketplace);
  const observations = tx.objectStore('observations');
  const range = IDBKeyRange.bound([key, -Infinity], [key, cutoff], false, true);
  // Keys first: once compacted, a SKU has at most one observation per old day (the first day two: the
  // first ever and the day's last) and nothing to do.
  const oldKeys = await observations.getAllKeys(range);
  let crowded = false;
  for (let i = 2; i < oldKeys.length && !crowded; i++) {
    crowded = dayOf((oldKeys[i] as [string, number])[1]) === dayOf((oldKeys[i - 1] as [string, number])[1]);
  }
  if (!crowded) return 1 + oldKeys.length;

  const old = await observations.getAll(range);
  const newestAt = sku.lastObservation.at;
  let previous: ObservationRecord | undefined;
  let previousDirty = false;
  let previousFrozen = false;
  let dayMerged = false;
  const flush = () => {
    if (previous && previousDirty) {
      keep(observations.put(previous));
      result.rewritten++;
    }
    previousDirty = false;
  };

  for (let i = 0; i < old.length; i++) {
    const current = old[i] as ObservationRecord;
    if (current.at >= newestAt) {
      // The newest observation (and, were the store ever inconsistent, anything after it) stays as it is.
      flush();
      previous = current;
      previousFrozen = true;
      dayMerged = false;
      continue;
    }
    const next = old[i + 1];
    const day = dayOf(current.at);
    if (i > 0 && next && dayOf(next.at) === day && next.at <= newestAt) {
      keep(observations.delete([key, current.at]));
      result.merged++;
      dayMerged = true;
      continue;
    }
    if (previous && !previousFrozen && sameState(previous, current)) {
      previous.seenUntil = Math.max(previous.seenUntil ?? previous.at, current.seenUntil ?? current.at);
      previous.compacted = true;
      previousDirty = true;
      keep(observations.delete([key, current.at]));
      result.merged++;
      dayMerged = false;
      continue;
    }
    flush();
    previous = { ...current };
    previousFrozen = false;
    if (dayMerged) {
      previous.compacted = true;
      previousDirty = true;
    }
    dayMerged = false;
  }
  flush();
  return 1 + oldKeys.length + old.length;
}

/**
 * The daily job: compacts the extension's own store with the seller's retention setting.
 * For the background's alarm and the dashboard's "Compact now".
 */
export async function compactStoredHistory(now: number = Date.now()): Promise<CompactResult> {
  const { settings } = await loadSettings();
  return compactHistory(await store(), { now, fullResolutionDays: settings.history.fullResolutionDays });
}
