import type { SkuPerformance } from './types';

/**
 * ABC classification (ABC分类): the few SKUs that make most of the sales (A) get the attention —
 * never out of stock, reordered first; C SKUs are candidates for less stock or delisting.
 *
 * SKUs are ranked by the measure (units or revenue), largest first, and each takes the class of
 * the cumulative share *before* it: while that share is under `a` (default 80 %) the SKU is A,
 * under `a + b` (default 95 %) B, else C. So the SKU that crosses 80 % is still A, and the top SKU
 * is always A, however dominant.
 *
 * Ties: SKUs with the same measure get the same class, the class of the first of them, so a
 * boundary never separates two equal sellers (order within a tie is by SKU, for stable output).
 * Zero: a SKU with no sales (or revenue 0) is C whatever the shares, and when nothing sold at all
 * every SKU is C. By revenue, a SKU whose revenue is not known gets no class (`null`): it is
 * neither ranked nor counted in the total.
 */

export type AbcClass = 'A' | 'B' | 'C';
export type AbcMeasure = 'units' | 'revenue';

export interface AbcBoundaries {
  /** Cumulative share covered by A (0–1, default 0.8). */
  a?: number;
  /** Further share covered by B (default 0.15). */
  b?: number;
}

export interface AbcEntry {
  key: string;
  sku: string;
  /** Units or revenue, as ranked. */
  value: number;
  /** Share of the total (0–1). */
  share: number;
  /** Cumulative share up to and including this SKU. */
  cumulative: number;
  class: AbcClass | null;
  /** 1-based rank; SKUs without a class have none. */
  rank?: number;
}

function measureOf(r: SkuPerformance, by: AbcMeasure): number | undefined {
  return by === 'units' ? r.units : r.revenue;
}

export function classifyAbc(
  records: readonly SkuPerformance[],
  by: AbcMeasure,
  boundaries: AbcBoundaries = {},
): AbcEntry[] {
  const a = boundaries.a ?? 0.8;
  const ab = a + (boundaries.b ?? 0.15);
  const ranked: Array<{ r: SkuPerformance; value: number }> = [];
  const unknown: AbcEntry[] = [];
  for (const r of records) {
    const value = measureOf(r, by);
    if (value === undefined || !Number.isFinite(value)) {
      unknown.push({ key: r.key, sku: r.sku, value: 0, share: 0, cumulative: 0, class: null });
    } else ranked.push({ r, value: Math.max(0, value) });
  }
  ranked.sort((x, y) => y.value - x.value || (x.r.sku < y.r.sku ? -1 : x.r.sku > y.r.sku ? 1 : 0));
  let total = 0;
  for (const x of ranked) total += x.value;
  const out: AbcEntry[] = [];
  let before = 0;
  let previous: { value: number; class: AbcClass } | undefined;
  for (let i = 0; i < ranked.length; i++) {
    const { r, value } = ranked[i] as { r: SkuPerformance; value: number };
    const share = total > 0 ? value / total : 0;
    let cls: AbcClass;
    if (value === 0) cls = 'C';
    else if (previous && previous.value === value) cls = previous.class;
    else {
      const shareBefore = before / total;
      cls = shareBefore < a ? 'A' : shareBefore < ab ? 'B' : 'C';
    }
    before += value;
    out.push({
      key: r.key,
      sku: r.sku,
      value,
      share,
      cumulative: total > 0 ? before / total : 0,
      class: cls,
      rank: i + 1,
    });
    previous = { value, class: cls };
  }
  return [...out, ...unknown];
}

/** SKUs and share of the measure per class, for the summary above the list. */
export function abcSummary(entries: readonly AbcEntry[]): Record<AbcClass, { skus: number; share: number }> {
  const out: Record<AbcClass, { skus: number; share: number }> = {
    A: { skus: 0, share: 0 },
    B: { skus: 0, share: 0 },
    C: { skus: 0, share: 0 },
  };
  for (const e of entries) {
    if (!e.class) continue;
    out[e.class].skus++;
    out[e.class].share += e.share;
  }
  return out;
}
