import * as z from 'zod/mini';
import { firstOfGroups, type PopupGroup, PopupGroupSchema } from './popup';

/**
 * The precomputed low-stock list as the background hands it to the popup (the `alertsList` message).
 * The background keeps the whole list and its first rows apart, so the popup's first screen reads a
 * few rows however long the list is, and asks for the rest once it is on screen.
 */

const count = z.int().check(z.minimum(0));

export const AlertListSchema = z.object({
  /** When the list was evaluated (epoch ms); null before the first evaluation. */
  computedAt: z.nullable(z.number()),
  /** SKUs evaluated: 0 means Shelfwise has not seen any inventory page yet. */
  evaluated: count,
  /** Rows in the whole list. */
  total: count,
  /** `groups` hold every row (false: the first rows only, as asked with `limit`). */
  complete: z.boolean(),
  /** Marketplaces that appear in the whole list, for the filter. */
  marketplaces: z.array(z.string()),
  /** What the toolbar badge counts (snoozed SKUs are not counted). */
  badge: z.object({ low: count, critical: count }),
  groups: z.array(PopupGroupSchema),
});
export type AlertList = Omit<z.infer<typeof AlertListSchema>, 'groups'> & { groups: PopupGroup[] };

/** The first `limit` rows of the list, cut at a row inside a group when need be. */
export function firstRows(groups: readonly PopupGroup[], limit: number): { groups: PopupGroup[]; complete: boolean } {
  return firstOfGroups(
    groups,
    limit,
    (group) => group.rows,
    (group, rows) => ({ ...group, rows }),
  );
}
