import type { DB } from '../db/open';
import type { ChangeKind, ChangeOrigin, ChangeRecord } from '../db/schema';
import { marketplaceByCode } from '../marketplaces';
import { DAY_MS, type DayKey } from '../time';
import { dayLocator } from '../velocity/daily';

/**
 * The changes table's queries: newest first, filtered, one page at a time. Paging is by position
 * (the last row's time and id), not by offset, so the thousandth page costs what the first does and
 * rows recorded meanwhile do not shift the pages. Dates are marketplace days: a change at 23:00 in
 * Los Angeles belongs to that Los Angeles day, whatever the seller's own clock says.
 */

export interface ChangeQuery {
  /** Substring of the SKU, case-insensitive. */
  sku?: string;
  /** Exactly this SKU key (one SKU's history). */
  key?: string;
  origin?: ChangeOrigin;
  kind?: ChangeKind;
  /** First and last marketplace day, both included. */
  fromDay?: DayKey;
  toDay?: DayKey;
}

/** Where the next page starts: just after this row in newest-first order. */
export interface PageCursor {
  at: number;
  id: number;
}

export interface ChangePage {
  rows: ChangeRecord[];
  /** Set when there are older rows. */
  next: PageCursor | null;
}

/** No marketplace is more than 14 hours from UTC: a UTC day widened by that covers every zone's day. */
const MAX_OFFSET = 14 * 3_600_000;

function utcDayStart(day: DayKey): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function matcher(query: ChangeQuery): (change: ChangeRecord) => boolean {
  const needle = query.sku?.trim().toLowerCase() || undefined;
  const locators = new Map<string, (at: number) => DayKey>();
  const dayOf = (change: ChangeRecord) => {
    let locate = locators.get(change.marketplace);
    if (!locate) {
      locate = dayLocator(marketplaceByCode(change.marketplace)?.timeZone ?? 'UTC');
      locators.set(change.marketplace, locate);
    }
    return locate(change.at);
  };
  return (change) => {
    if (query.key !== undefined && change.key !== query.key) return false;
    if (needle && !change.sku.toLowerCase().includes(needle)) return false;
    if (query.origin && change.origin !== query.origin) return false;
    if (query.kind && change.kind !== query.kind) return false;
    if (query.fromDay || query.toDay) {
      const day = dayOf(change);
      if (query.fromDay && day < query.fromDay) return false;
      if (query.toDay && day > query.toDay) return false;
    }
    return true;
  };
}

function timeRange(query: ChangeQuery, after: PageCursor | undefined): IDBKeyRange {
  const lower = query.fromDay ? Math.max(0, utcDayStart(query.fromDay) - MAX_OFFSET) : 0;
  let upper = query.toDay ? utcDayStart(query.toDay) + DAY_MS + MAX_OFFSET : Number.MAX_SAFE_INTEGER;
  if (after) upper = Math.min(upper, after.at);
  return IDBKeyRange.bound(lower, Math.max(lower, upper));
}

function keyRange(key: string, times: IDBKeyRange): IDBKeyRange {
  return IDBKeyRange.bound([key, times.lower], [key, times.upper]);
}

/**
 * Walks matching changes newest first, calling `visit` for each until it returns false.
 * One SKU's changes are read through its own index; everything else through the time index.
 */
async function walk(
  db: DB,
  query: ChangeQuery,
  after: PageCursor | undefined,
  visit: (change: ChangeRecord) => boolean,
): Promise<void> {
  const matches = matcher(query);
  const tx = db.transaction('changes', 'readonly');
  const skip = (change: ChangeRecord) => after !== undefined && change.at === after.at && (change.id ?? 0) >= after.id;
  // Both indexes order equal times by id, so a page cursor means the same in either.
  let cursor =
    query.key === undefined
      ? await tx.store.index('by-at').openCursor(timeRange(query, after), 'prev')
      : await tx.store.index('by-key-at').openCursor(keyRange(query.key, timeRange(query, after)), 'prev');
  while (cursor) {
    const change = cursor.value;
    if (!skip(change) && matches(change) && !visit(change)) return;
    cursor = await cursor.continue();
  }
}

/** One page of matching changes, newest first. */
export async function queryChanges(
  db: DB,
  query: ChangeQuery,
  options: { after?: PageCursor; limit: number },
): Promise<ChangePage> {
  const rows: ChangeRecord[] = [];
  let more = false;
  await walk(db, query, options.after, (change) => {
    if (rows.length === options.limit) {
      more = true;
      return false;
    }
    rows.push(change);
    return true;
  });
  const last = rows[rows.length - 1];
  return { rows, next: more && last ? { at: last.at, id: last.id ?? 0 } : null };
}

/** Every matching change, newest first (the CSV export), up to `max`. */
export async function allChanges(db: DB, query: ChangeQuery, max = 1_000_000): Promise<ChangeRecord[]> {
  const rows: ChangeRecord[] = [];
  await walk(db, query, undefined, (change) => {
    rows.push(change);
    return rows.length < max;
  });
  return rows;
}
