import type { PopupGroup } from '@/lib/alerts/popup';

/**
 * The popup's search and marketplace filter, over the grouped list: rows that match stay in their
 * groups and in their order; groups left empty are dropped.
 */

export interface ListFilter {
  /** Part of a SKU, title or ASIN, any case. */
  query: string;
  /** A marketplace code, or '' for all. */
  marketplace: string;
}

export function filterGroups(groups: readonly PopupGroup[], filter: ListFilter): PopupGroup[] {
  const needle = filter.query.trim().toLowerCase();
  const marketplace = filter.marketplace;
  if (!needle && !marketplace) return groups as PopupGroup[];
  const out: PopupGroup[] = [];
  for (const group of groups) {
    const groupMatches =
      !!needle &&
      ((group.asin?.toLowerCase().includes(needle) ?? false) || (group.title?.toLowerCase().includes(needle) ?? false));
    const rows = group.rows.filter(
      (row) =>
        (!marketplace || row.marketplaces.includes(marketplace)) &&
        (!needle ||
          groupMatches ||
          row.sku.toLowerCase().includes(needle) ||
          (row.title?.toLowerCase().includes(needle) ?? false) ||
          (row.asin?.toLowerCase().includes(needle) ?? false)),
    );
    if (rows.length === group.rows.length) out.push(group);
    else if (rows.length > 0) out.push({ ...group, rows });
  }
  return out;
}

export type ListItem =
  | { kind: 'group'; id: string; group: PopupGroup }
  | { kind: 'row'; id: string; group: PopupGroup; row: PopupGroup['rows'][number] };

/** The groups as one list of headers and rows, in reading order. */
export function flatten(groups: readonly PopupGroup[]): ListItem[] {
  const items: ListItem[] = [];
  for (const group of groups) {
    const first = group.rows[0];
    items.push({ kind: 'group', id: `g:${group.asin ?? first?.key ?? items.length}`, group });
    for (const row of group.rows) items.push({ kind: 'row', id: `r:${row.key}`, group, row });
  }
  return items;
}
