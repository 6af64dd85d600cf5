import type { Observation, ShelfwiseWrite, WriteKind } from './types';

/**
 * What happened between two consecutive observations of one SKU.
 *
 * Stock is compared as *sellable* = available + reserved (reserved only when both observations show
 * it; a figure the page does not show is not a zero). FBA moves a unit from available to reserved
 * when a customer orders it and again for warehouse transfers, so neither available alone nor a
 * reserved → available move says anything about sales; only a fall of the sum does.
 *
 * Rules, in the order they apply to one span without a Shelfwise write in it:
 *  1. Different channels at the two ends (converted FBA ↔ merchant): unknown. The quantities belong
 *     to different pools, so their difference is not a sale.
 *  2. Available missing at either end: unknown. Nothing is inferred from a number that was not seen.
 *  3. Merchant-fulfilled, sellable fell: sale. Amazon decrements the merchant quantity per order.
 *     (An ERP that lowers the quantity looks the same from the page; it is counted as a sale.)
 *  4. Merchant-fulfilled, sellable rose: external. Nothing but the seller raises a merchant quantity;
 *     when it was not Shelfwise it was another tool, an ERP sync or a colleague ("out of sync").
 *  5. FBA, sellable fell: sale, except the part matched by a rise in unfulfillable (when shown),
 *     which is an adjustment (damaged or defective units leave sellable stock without a sale).
 *  6. FBA, sellable rose while units in transit (shipped + receiving, or the inbound total) fell:
 *     receipt, up to the smaller of the two. Units arrive from inbound and nowhere else.
 *  7. FBA, sellable rose beyond any receipt: adjustment (customer return, found unit, unfulfillable
 *     made sellable). A seller cannot set an FBA quantity, so it is never "external".
 *  8. FBA, units left transit without showing up in sellable stock: unknown. They were sold on
 *     arrival, received short, or the shipment was cancelled; the page cannot tell which.
 *  9. FBA, sellable unchanged but available moved: an adjustment of 0 (reserved ↔ available).
 *
 * Any rise that was not Shelfwise's (rules 4, 7, 8, 1, 2) can hide sales made in the same span, so such
 * a span's sales are not known (`soldKnown: false`) and velocity does not use it.
 *
 * Shelfwise writes between the observations split the span: a write explains exactly its own
 * before → after, no more; what happened before it (previous observation → write.before) and after it
 * (write.after → next observation) is classified by the rules above on its own. Reserved and inbound
 * are not part of a write, so their change is attributed to the last piece.
 */

export type ChangeKind = 'sale' | 'external' | 'receipt' | 'shelfwise' | 'adjustment' | 'unknown';

export type ChangeReason =
  | 'stock-fell'
  | 'to-unfulfillable'
  | 'merchant-raise'
  | 'inbound-arrived'
  | 'fba-increase'
  | 'reserved-shift'
  | 'inbound-unseen'
  | 'shelfwise-write'
  | 'channel-changed'
  | 'value-missing';

export interface ChangePart {
  kind: ChangeKind;
  /** Which rule produced it (see the list above). */
  reason: ChangeReason;
  /** Signed change of sellable stock this part explains. */
  delta: number;
  /** Sellable stock before and after this part (null when not known); the parts of one change chain. */
  before: number | null;
  after: number | null;
  /** Signed change of stock in transit this part explains (receipts, units that left unseen). */
  inboundDelta?: number;
  /** When it happened: some time in [from, to]; from === to for a Shelfwise write. */
  from: number;
  to: number;
  batchId?: string;
  writeKind?: WriteKind;
}

export interface ClassifiedChange {
  parts: ChangePart[];
  /** Units the change shows as sold. */
  sold: number;
  /** False when something else added stock in the same span, so more may have been sold than shows. */
  soldKnown: boolean;
}

export interface ClassifyContext {
  /** The SKU's Shelfwise writes; only those with prev.at < at ≤ next.at are used. */
  writes: readonly ShelfwiseWrite[];
}

/** The stock fields a rule looks at (an observation, or the state a Shelfwise write saw). */
export type StockState = Omit<Observation, 'at' | 'seenUntil'>;

/** The verdict of one span; reused between calls so that velocity over many SKUs allocates nothing. */
export interface SpanVerdict {
  sold: number;
  soldKnown: boolean;
}

/** A usable stock figure; anything else (missing, NaN, negative) is treated as not shown. */
function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Sellable stock of `x`, counting reserved only when `other` shows it too. */
export function sellable(x: StockState, other: StockState): number | null {
  if (!isCount(x.available)) return null;
  return isCount(x.reserved) && isCount(other.reserved) ? x.available + x.reserved : x.available;
}

function hasTransitParts(s: StockState): boolean {
  return isCount(s.inboundShipped) || isCount(s.inboundReceiving);
}

/** Units shipped or being received, comparable between two states; null when not comparable. */
function inTransit(x: StockState, other: StockState): number | null {
  if (hasTransitParts(x) && hasTransitParts(other)) return (x.inboundShipped ?? 0) + (x.inboundReceiving ?? 0);
  if (isCount(x.inbound) && isCount(other.inbound)) return x.inbound;
  return null;
}

/** Collects the parts of one span and chains their before/after levels. */
export class PartSink {
  level: number | null = null;

  constructor(
    readonly parts: ChangePart[],
    readonly from: number,
    readonly to: number,
  ) {}

  push(kind: ChangeKind, reason: ChangeReason, delta: number, inboundDelta?: number): void {
    const before = this.level;
    const after = before === null ? null : before + delta;
    const part: ChangePart = { kind, reason, delta, before, after, from: this.from, to: this.to };
    if (inboundDelta !== undefined) part.inboundDelta = inboundDelta;
    this.parts.push(part);
    this.level = after;
  }
}

/**
 * Rules 3–4 on two known merchant quantities: a fall is a sale; a rise was someone else's and may hide
 * sales. Velocity calls it directly for the common case (merchant stock, no write in between).
 */
export function merchantVerdict(s0: number, s1: number, out: SpanVerdict): SpanVerdict {
  out.sold = s1 < s0 ? s0 - s1 : 0;
  out.soldKnown = s1 <= s0;
  return out;
}

/**
 * Classifies one span with no Shelfwise write in it (rules 1–9). Writes the verdict into `out`;
 * appends parts to `sink` when given (velocity passes null and allocates nothing).
 */
export function judgeSpan(prev: StockState, next: StockState, out: SpanVerdict, sink: PartSink | null): SpanVerdict {
  out.sold = 0;
  out.soldKnown = true;
  const s0 = sellable(prev, next);
  const s1 = sellable(next, prev);
  if (sink) sink.level = s0;

  if (prev.channel !== next.channel || s0 === null || s1 === null) {
    sink?.push(
      'unknown',
      prev.channel !== next.channel ? 'channel-changed' : 'value-missing',
      s0 !== null && s1 !== null ? s1 - s0 : 0,
    );
    if (sink) sink.level = s1;
    out.soldKnown = false;
    return out;
  }
  const change = s1 - s0;

  if (next.channel === 'mfn') {
    merchantVerdict(s0, s1, out);
    if (change < 0) sink?.push('sale', 'stock-fell', change);
    else if (change > 0) sink?.push('external', 'merchant-raise', change);
    return out;
  }

  const t0 = inTransit(prev, next);
  const t1 = inTransit(next, prev);
  const leftTransit = t0 !== null && t1 !== null ? Math.max(0, t0 - t1) : 0;

  if (change < 0) {
    const toUnfulfillable =
      isCount(prev.unfulfillable) && isCount(next.unfulfillable)
        ? Math.min(-change, Math.max(0, next.unfulfillable - prev.unfulfillable))
        : 0;
    if (toUnfulfillable > 0) sink?.push('adjustment', 'to-unfulfillable', -toUnfulfillable);
    out.sold = -change - toUnfulfillable;
    if (out.sold > 0) sink?.push('sale', 'stock-fell', -out.sold);
    if (leftTransit > 0) {
      out.soldKnown = false;
      sink?.push('unknown', 'inbound-unseen', 0, -leftTransit);
    }
    return out;
  }

  if (change > 0) {
    const receipt = Math.min(change, leftTransit);
    if (receipt > 0) sink?.push('receipt', 'inbound-arrived', receipt, -receipt);
    if (change > receipt) {
      out.soldKnown = false;
      sink?.push('adjustment', 'fba-increase', change - receipt);
    }
    if (leftTransit > receipt) {
      out.soldKnown = false;
      sink?.push('unknown', 'inbound-unseen', 0, -(leftTransit - receipt));
    }
    return out;
  }

  if (prev.available !== next.available) sink?.push('adjustment', 'reserved-shift', 0);
  if (leftTransit > 0) {
    out.soldKnown = false;
    sink?.push('unknown', 'inbound-unseen', 0, -leftTransit);
  }
  return out;
}

/** Writes with prev.at < at ≤ next.at, oldest first. */
export function writesBetween(writes: readonly ShelfwiseWrite[], from: number, to: number): ShelfwiseWrite[] {
  return writes.filter((w) => w.at > from && w.at <= to).sort((a, b) => a.at - b.at);
}

/**
 * The kinds of change between two consecutive observations of one SKU, with the Shelfwise writes
 * made between them taken out first (see the rules above).
 */
export function classifyChange(prev: Observation, next: Observation, context: ClassifyContext): ClassifiedChange {
  const parts: ChangePart[] = [];
  const verdict: SpanVerdict = { sold: 0, soldKnown: true };
  let sold = 0;
  let soldKnown = true;
  let state: StockState = prev;
  let from = prev.at;
  for (const write of writesBetween(context.writes, prev.at, next.at)) {
    const seen: StockState = { ...prev, available: write.before };
    judgeSpan(state, seen, verdict, new PartSink(parts, from, write.at));
    sold += verdict.sold;
    soldKnown &&= verdict.soldKnown;
    const level = sellable(seen, seen);
    parts.push({
      kind: 'shelfwise',
      reason: 'shelfwise-write',
      delta: write.after - write.before,
      before: level,
      after: level === null ? null : level + write.after - write.before,
      from: write.at,
      to: write.at,
      batchId: write.batchId,
      writeKind: write.kind,
    });
    state = { ...prev, available: write.after };
    from = write.at;
  }
  judgeSpan(state, next, verdict, new PartSink(parts, from, next.at));
  sold += verdict.sold;
  soldKnown &&= verdict.soldKnown;
  return { parts, sold, soldKnown };
}
