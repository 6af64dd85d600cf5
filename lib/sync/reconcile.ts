import type { Channel, ListingState } from '../model/listing';
import type { MappedStock } from './mapping';

/**
 * The seller's stock file against Amazon's latest state, for one marketplace: what only the file
 * has, what only Amazon has, where the merchant quantities differ beyond a tolerance, what
 * matches, and the FBA listings (shown for information only: Amazon counts FBA stock in its own
 * warehouses, and a seller's file cannot set it, so they are never proposed as a change).
 *
 * Each difference carries what "Stage as bulk edit" needs (the listing key, the SKU, Amazon's
 * current quantity and the file's quantity as the set-to value) and a stable id under which the
 * dashboard keeps "explained, with a note". The id includes both quantities: a difference that
 * changes (3 units off became 50) is a new one to investigate, not one already explained.
 *
 * Map-based and linear: 10,000 SKUs in a few milliseconds (bench/reconcile.ts).
 */

/** Amazon's side, as the store's latest Listing per key gives it. */
export interface AmazonStock {
  key: string;
  sku: string;
  channel: Channel;
  /** Merchant quantity or FBA available; undefined when not known (never read as 0). */
  available?: number;
  inbound?: number;
  state: ListingState;
  /** Variation parents have no offer and are left out. */
  isParent?: boolean;
}

export const CATEGORIES = ['differs', 'only-file', 'only-amazon', 'matches', 'fba'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * How far apart the quantities may be and still count as matching. A difference within either
 * limit matches: `units` (absolute, default 0) or `percent` of the larger of the two quantities
 * (default 0). With both 0 only identical quantities match.
 */
export interface Tolerance {
  units?: number;
  percent?: number;
}

/** What "Stage as bulk edit" turns into a set-quantity change. */
export interface StageProposal {
  key: string;
  sku: string;
  /** Amazon's quantity now, when known. */
  current?: number;
  setTo: number;
}

export interface Difference {
  /** Stable across runs of the same data: marks "explained" against it. */
  id: string;
  category: Category;
  sku: string;
  /** The listing's key, when Amazon has the SKU. */
  key?: string;
  channel?: Channel;
  fileQuantity?: number;
  amazonQuantity?: number;
  inbound?: number;
  /** file − Amazon, when both are known. */
  delta?: number;
  /** Set when the listing is closed on Amazon (the SKU then counts as only in the file). */
  closed?: boolean;
  /** Merchant-fulfilled differences only. */
  proposal?: StageProposal;
  /** The file row behind it: local SKUs, shared pool, merged sources, file lines. */
  stock?: MappedStock;
}

export interface Reconciliation {
  marketplace: string;
  differences: Difference[];
  counts: Record<Category, number>;
  /** Differences with a proposal: what "Stage as bulk edit" takes. */
  staged: StageProposal[];
}

const RANK: Record<Category, number> = { differs: 0, 'only-file': 1, 'only-amazon': 2, fba: 3, matches: 4 };

export function withinTolerance(file: number, amazon: number, tolerance: Tolerance = {}): boolean {
  const gap = Math.abs(file - amazon);
  if (gap === 0) return true;
  if (gap <= (tolerance.units ?? 0)) return true;
  const percent = tolerance.percent ?? 0;
  return percent > 0 && gap <= (Math.max(file, amazon) * percent) / 100;
}

function differenceId(marketplace: string, category: Category, sku: string, file?: number, amazon?: number): string {
  return `${marketplace}\u001f${category}\u001f${sku}\u001f${file ?? ''}\u001f${amazon ?? ''}`;
}

/** How much a difference matters, for the order within its category. */
function magnitude(d: Difference): number {
  if (d.delta !== undefined) return Math.abs(d.delta);
  // Unknown Amazon quantity: as large as the file's quantity, and above an equal known gap.
  return (d.fileQuantity ?? d.amazonQuantity ?? 0) + 0.5;
}

/** Every difference gets the same fields in the same order (absent ones undefined): one object shape. */
function difference(
  marketplace: string,
  category: Category,
  sku: string,
  a: AmazonStock | undefined,
  s: MappedStock | undefined,
  proposal: StageProposal | undefined,
): Difference {
  const fileQuantity = s?.quantity;
  const amazonQuantity = a?.available;
  return {
    id: differenceId(marketplace, category, sku, fileQuantity, amazonQuantity),
    category,
    sku,
    key: a?.key,
    channel: a?.channel,
    fileQuantity,
    amazonQuantity,
    inbound: a?.inbound,
    delta: fileQuantity !== undefined && amazonQuantity !== undefined ? fileQuantity - amazonQuantity : undefined,
    closed: a?.state === 'closed' ? true : undefined,
    proposal,
    stock: s,
  };
}

export function reconcile(input: {
  marketplace: string;
  stock: readonly MappedStock[];
  amazon: readonly AmazonStock[];
  tolerance?: Tolerance;
}): Reconciliation {
  const { marketplace, tolerance } = input;
  const bySku = new Map<string, AmazonStock>();
  for (const a of input.amazon) if (!a.isParent) bySku.set(a.sku, a);
  const found: Difference[] = [];
  const seen = new Set<string>();

  for (const s of input.stock) {
    const a = bySku.get(s.sku);
    if (!a || a.state === 'closed') {
      found.push(difference(marketplace, 'only-file', s.sku, a, s, undefined));
      continue;
    }
    seen.add(s.sku);
    if (a.channel === 'fba') {
      found.push(difference(marketplace, 'fba', s.sku, a, s, undefined));
    } else if (a.available !== undefined && withinTolerance(s.quantity, a.available, tolerance)) {
      found.push(difference(marketplace, 'matches', s.sku, a, s, undefined));
    } else {
      const proposal: StageProposal = { key: a.key, sku: a.sku, setTo: s.quantity };
      if (a.available !== undefined) proposal.current = a.available;
      found.push(difference(marketplace, 'differs', s.sku, a, s, proposal));
    }
  }
  for (const a of bySku.values()) {
    if (seen.has(a.sku) || a.state === 'closed') continue;
    found.push(difference(marketplace, a.channel === 'fba' ? 'fba' : 'only-amazon', a.sku, a, undefined, undefined));
  }

  // Sort keys computed once, not in every comparison.
  const order = found.map((d) => ({ d, rank: RANK[d.category], size: magnitude(d) }));
  order.sort((x, y) => x.rank - y.rank || y.size - x.size || (x.d.sku < y.d.sku ? -1 : x.d.sku > y.d.sku ? 1 : 0));
  const differences = order.map((o) => o.d);
  const counts: Record<Category, number> = { differs: 0, 'only-file': 0, 'only-amazon': 0, matches: 0, fba: 0 };
  const staged: StageProposal[] = [];
  for (const d of differences) {
    counts[d.category]++;
    if (d.proposal) staged.push(d.proposal);
  }
  return { marketplace, differences, counts, staged };
}
