import { type AlertList, firstRows } from '../alerts/list';
import { type PackedList, unpackList } from '../alerts/list-pack';
import type { PopupGroup } from '../alerts/popup';
import type { DB } from './open';

/**
 * The low-stock list as the background's evaluation leaves it in the store's `meta` records, and its
 * reading, shared by the background (the alertsList message) and the popup, which reads the store of
 * its own extension origin directly: its first screen then waits neither for a worker to wake nor for
 * an answer behind another page's request, and the whole list reaches it without a 4 MB message.
 * The alarm's evaluation stores only the head, and no whole list (alertsAlarm): the popup has the
 * background store one when it needs more rows than the head holds.
 */

export const LIST_KEY = 'alerts:list';
export const HEAD_KEY = 'alerts:list-head';
/** Rows kept apart for the popup's first screen. */
export const HEAD_ROWS = 60;

export interface ListSummary {
  computedAt: number;
  evaluated: number;
  total: number;
  complete: boolean;
  marketplaces: string[];
  badge: { low: number; critical: number };
}

/**
 * The popup's first rows with the list's summary, packed as the list is (sixty rows as objects cost
 * the evaluation more to write than the whole list as columns); `complete` when they are all of it.
 */
export interface StoredHead extends ListSummary {
  packed: PackedList;
}

/** The whole list with its summary, packed (lib/alerts/list-pack.ts). */
export interface StoredList extends ListSummary {
  packed: PackedList;
}

/**
 * The stored list, or its first `limit` rows (from the head when it holds them); undefined when none
 * is stored or it is in a form this version does not read (the next evaluation writes it again).
 */
export async function readStoredList(db: DB, limit?: number): Promise<AlertList | undefined> {
  let stored: (ListSummary & { groups: PopupGroup[] }) | undefined;
  const fromHead = async (): Promise<typeof stored> => {
    const head = (await db.get('meta', HEAD_KEY))?.value as StoredHead | undefined;
    const unpacked = head ? unpackList(head.packed) : undefined;
    if (!head || !unpacked) return undefined;
    const { packed: _packed, ...summary } = head;
    return { ...summary, groups: unpacked.groups };
  };
  if (limit !== undefined && limit <= HEAD_ROWS) stored = await fromHead();
  else {
    const list = (await db.get('meta', LIST_KEY))?.value as StoredList | undefined;
    const unpacked = list ? unpackList(list.packed, limit) : undefined;
    if (list && unpacked) {
      const { packed: _packed, ...summary } = list;
      stored = { ...summary, complete: list.complete && unpacked.complete, groups: unpacked.groups };
    } else if (!list) {
      // After an alarm (no whole list stored): a head that holds every row is the whole list.
      const head = await fromHead();
      if (head?.complete) stored = head;
    }
  }
  if (!stored) return undefined;
  const cut =
    limit === undefined ? { groups: stored.groups, complete: stored.complete } : firstRows(stored.groups, limit);
  return {
    computedAt: stored.computedAt,
    evaluated: stored.evaluated,
    total: stored.total,
    complete: stored.complete && cut.complete,
    marketplaces: stored.marketplaces,
    badge: stored.badge,
    groups: cut.groups,
  };
}
