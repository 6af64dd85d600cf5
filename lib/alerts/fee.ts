import { addDays, daysBetween } from '../time';
import type { DailySeries, DayGrid } from '../velocity/daily';
import type { SalesHistory } from '../velocity/types';
import { type PanEuPool, poolInputs } from './pool';
import type { AlertInput, FeeNote, FeeSeries } from './types';

/**
 * Amazon's low-inventory-level fee: charged on an FBA parent product whose historical days of supply is
 * below 28 over both the last 30 and the last 90 days (reference §1.5, Amazon forum post), where
 * historical days of supply = average daily on-hand units ÷ average daily shipped units
 * (reference §1.5, [V-3p] forecastrx). Amazon updates the figure weekly and exempts some products
 * (new parents, very slow sellers); those rules are not public enough to encode, so this is a note
 * that the fee may apply, not a statement that it does.
 */

export const LOW_INVENTORY_DOS = 28;
export const FEE_WINDOWS = [30, 90] as const;
/** A window needs this share of its days known before its figure counts. */
const MIN_KNOWN_SHARE = 2 / 3;

/**
 * Historical days of supply over the `days` days ending series.lastDay: Σ on-hand ÷ Σ shipped over the
 * days where both are known (the averages share their day count, so it cancels). Null when too few
 * days are known or nothing shipped (no shipments, no fee).
 */
export function historicalDaysOfSupply(series: FeeSeries, days: number): number | null {
  const length = Math.min(series.onHand.length, series.shipped.length);
  let onHand = 0;
  let shipped = 0;
  let known = 0;
  for (let i = Math.max(0, length - days); i < length; i++) {
    const h = series.onHand[i] as number;
    const s = series.shipped[i] as number;
    if (Number.isNaN(h) || Number.isNaN(s)) continue;
    onHand += h;
    shipped += s;
    known++;
  }
  if (known < days * MIN_KNOWN_SHARE || !(shipped > 0)) return null;
  return onHand / shipped;
}

/**
 * The children of one parent summed day by day, aligned on the latest lastDay. A day unknown for any
 * child is unknown for the parent: counting it as 0 on hand would invent a fee risk.
 */
export function sumFeeSeries(children: readonly FeeSeries[], days = 90): FeeSeries | null {
  if (children.length === 0) return null;
  if (children.length === 1) return children[0] as FeeSeries;
  let lastDay = (children[0] as FeeSeries).lastDay;
  for (const c of children) if (c.lastDay > lastDay) lastDay = c.lastDay;
  const onHand = new Float64Array(days);
  const shipped = new Float64Array(days);
  for (const c of children) {
    const length = Math.min(c.onHand.length, c.shipped.length);
    // Child index of the parent's day i: the child ends `lag` days before the parent.
    const lag = c.lastDay === lastDay ? 0 : daysBetween(c.lastDay, lastDay);
    for (let i = 0; i < days; i++) {
      const j = length - 1 - (days - 1 - i) + lag;
      const h = j >= 0 && j < length ? (c.onHand[j] as number) : Number.NaN;
      const s = j >= 0 && j < length ? (c.shipped[j] as number) : Number.NaN;
      onHand[i] = (onHand[i] as number) + h;
      shipped[i] = (shipped[i] as number) + s;
    }
  }
  return { lastDay, onHand, shipped };
}

/**
 * The fee note for one parent ASIN from its FBA children's series, summed day by day (as sumFeeSeries)
 * in one pass over the 90 days, without building the summed series: thousands of parents are noted per
 * evaluation.
 */
export function feeNote(parentAsin: string, children: readonly FeeSeries[]): FeeNote {
  const [short, long] = FEE_WINDOWS;
  if (children.length === 1) return singleChildNote(parentAsin, children[0] as FeeSeries, short, long);
  let lastDay = (children[0] as FeeSeries).lastDay;
  for (const c of children) if (c.lastDay > lastDay) lastDay = c.lastDay;
  const aligned = alignedNote(parentAsin, children, lastDay, short, long);
  if (aligned) return aligned;
  // Day k before the parent's last day sits at k of the scratch sums; a child ending `lag` days earlier
  // has it at its own last index − k + lag. One child at a time keeps the reads sequential.
  sumOnHand.fill(0, 0, long);
  sumShipped.fill(0, 0, long);
  for (const child of children) {
    const lag = child.lastDay === lastDay ? 0 : daysBetween(child.lastDay, lastDay);
    const length = Math.min(child.onHand.length, child.shipped.length);
    for (let k = 0; k < long; k++) {
      const j = length - 1 - k + lag;
      const inRange = j >= 0 && j < length;
      sumOnHand[k] = (sumOnHand[k] as number) + (inRange ? (child.onHand[j] as number) : Number.NaN);
      sumShipped[k] = (sumShipped[k] as number) + (inRange ? (child.shipped[j] as number) : Number.NaN);
    }
  }
  let onHand30 = 0;
  let shipped30 = 0;
  let known30 = 0;
  let onHand90 = 0;
  let shipped90 = 0;
  let known90 = 0;
  for (let k = 0; k < long; k++) {
    const h = sumOnHand[k] as number;
    const s = sumShipped[k] as number;
    if (Number.isNaN(h) || Number.isNaN(s)) continue;
    onHand90 += h;
    shipped90 += s;
    known90++;
    if (k < short) {
      onHand30 += h;
      shipped30 += s;
      known30++;
    }
  }
  return noteOf(parentAsin, dos(onHand30, shipped30, known30, short), dos(onHand90, shipped90, known90, long));
}

/** Scratch day sums for feeNote (NaN marks a day some child does not know). */
const sumOnHand = new Float64Array(FEE_WINDOWS[1]);
const sumShipped = new Float64Array(FEE_WINDOWS[1]);

/**
 * The usual case for several children: all end on the same day, cover the whole window and know every
 * day of it, so their window sums simply add up. Null at the first sign of anything else (the day-by-day
 * sum then decides which days count).
 */
function alignedNote(
  parentAsin: string,
  children: readonly FeeSeries[],
  lastDay: string,
  short: number,
  long: number,
): FeeNote | null {
  let onHand30 = 0;
  let shipped30 = 0;
  let onHand90 = 0;
  let shipped90 = 0;
  for (const child of children) {
    const length = Math.min(child.onHand.length, child.shipped.length);
    if (child.lastDay !== lastDay || length < long) return null;
    for (let k = 0; k < long; k++) {
      const h = child.onHand[length - 1 - k] as number;
      const s = child.shipped[length - 1 - k] as number;
      // NaN fails both comparisons: any unknown day sends the parent the slow way.
      if (!(h >= 0 && s >= 0)) return null;
      onHand90 += h;
      shipped90 += s;
      if (k < short) {
        onHand30 += h;
        shipped30 += s;
      }
    }
  }
  return noteOf(parentAsin, dos(onHand30, shipped30, short, short), dos(onHand90, shipped90, long, long));
}

/** The common case, a parent with one FBA child: both windows in one pass over its series. */
function singleChildNote(parentAsin: string, series: FeeSeries, short: number, long: number): FeeNote {
  const length = Math.min(series.onHand.length, series.shipped.length);
  let onHand30 = 0;
  let shipped30 = 0;
  let known30 = 0;
  let onHand90 = 0;
  let shipped90 = 0;
  let known90 = 0;
  for (let k = 0; k < long && k < length; k++) {
    const h = series.onHand[length - 1 - k] as number;
    const s = series.shipped[length - 1 - k] as number;
    if (Number.isNaN(h) || Number.isNaN(s)) continue;
    onHand90 += h;
    shipped90 += s;
    known90++;
    if (k < short) {
      onHand30 += h;
      shipped30 += s;
      known30++;
    }
  }
  return noteOf(parentAsin, dos(onHand30, shipped30, known30, short), dos(onHand90, shipped90, known90, long));
}

function dos(onHand: number, shipped: number, known: number, days: number): number | null {
  return known < days * MIN_KNOWN_SHARE || !(shipped > 0) ? null : onHand / shipped;
}

function noteOf(parentAsin: string, dos30: number | null, dos90: number | null): FeeNote {
  const atRisk = dos30 !== null && dos90 !== null && dos30 < LOW_INVENTORY_DOS && dos90 < LOW_INVENTORY_DOS;
  return { parentAsin, dos30, dos90, atRisk };
}

/**
 * Average on-hand (available) units per grid day from the stored observations, weighted by time: each
 * observation's figure holds until the next one, the last until the last visit. Days with less than
 * half their time known are NaN. Available alone is counted (units in FC transfer or processing are
 * left out), which makes the figure, and so the note, err towards warning.
 */
export function onHandByDay(history: SalesHistory, grid: DayGrid, lastSeenAt?: number): Float64Array {
  const out = new Float64Array(grid.length);
  const known = new Float64Array(grid.length);
  const obs = [...history.observations].sort((a, b) => a.at - b.at);
  const end = lastSeenAt ?? history.lastSeenAt ?? obs[obs.length - 1]?.at ?? 0;
  const starts = grid.starts;
  let d = 0;
  for (let k = 0; k < obs.length; k++) {
    const o = obs[k] as (typeof obs)[number];
    const from = o.at;
    const to = k + 1 < obs.length ? (obs[k + 1] as (typeof obs)[number]).at : Math.max(end, from);
    if (o.available === undefined || !(to > from)) continue;
    while (d > 0 && (starts[d] as number) > from) d--;
    for (; d < grid.length; d++) {
      const dayStart = starts[d] as number;
      const dayEnd = starts[d + 1] as number;
      if (dayEnd <= from) continue;
      if (dayStart >= to) break;
      const overlap = Math.min(to, dayEnd) - Math.max(from, dayStart);
      out[d] = (out[d] as number) + o.available * overlap;
      known[d] = (known[d] as number) + overlap;
    }
  }
  for (let i = 0; i < grid.length; i++) {
    const length = (starts[i + 1] as number) - (starts[i] as number);
    const k = known[i] as number;
    out[i] = k >= length / 2 ? (out[i] as number) / k : Number.NaN;
  }
  return out;
}

/**
 * The fee series of one FBA SKU from its history and its velocity day series (buildDaily over the
 * same grid), ending yesterday: today is not over. Shipped units are the series' estimated sales,
 * unknown where the day's stock was not known at all.
 */
export function feeSeriesFrom(history: SalesHistory, series: DailySeries): FeeSeries {
  const grid = series.grid;
  const onHandAll = onHandByDay(history, grid, series.lastAt ?? undefined);
  const length = grid.length - 1;
  const onHand = onHandAll.slice(0, length);
  const shipped = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const seen = (series.inStock[i] as number) + (series.outOfStock[i] as number);
    shipped[i] = seen > 0 ? (series.units[i] as number) : Number.NaN;
  }
  const today = grid.days[grid.length - 1] as string;
  return { lastDay: addDays(today, -1), onHand, shipped };
}

/**
 * Fee notes for every FBA input (aligned with `inputs`, null where none), computed per parent ASIN (the
 * ASIN where there is none) within one account and marketplace from the children that have a series;
 * every FBA child of the parent gets its parent's note.
 */
export function feeNotesByParent(inputs: readonly AlertInput[]): (FeeNote | null)[] {
  // account → marketplace → parent: nested maps, so no key string is built per SKU.
  const accounts = new Map<string, Map<string, Map<string, FeeGroup>>>();
  const groups: FeeGroup[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as AlertInput;
    if (input.channel !== 'fba') continue;
    const parent = input.parentAsin ?? input.asin ?? input.sku;
    let marketplaces = accounts.get(input.account);
    if (!marketplaces) {
      marketplaces = new Map();
      accounts.set(input.account, marketplaces);
    }
    let parents = marketplaces.get(input.marketplace);
    if (!parents) {
      parents = new Map();
      marketplaces.set(input.marketplace, parents);
    }
    let group = parents.get(parent);
    if (!group) {
      group = { parent, members: [], series: [] };
      parents.set(parent, group);
      groups.push(group);
    }
    group.members.push(i);
    if (Array.isArray(input.fee)) group.series.push(...(input.fee as readonly FeeSeries[]));
    else if (input.fee) group.series.push(input.fee as FeeSeries);
  }
  const notes: (FeeNote | null)[] = new Array(inputs.length).fill(null);
  for (const group of groups) {
    if (group.series.length === 0) continue;
    const note = feeNote(group.parent, group.series);
    for (const i of group.members) notes[i] = note;
  }
  return notes;
}

/**
 * Fee notes keyed by input key, for evaluateAll's `feeNotes` (computed once a day, say): over the inputs
 * as evaluateAll sees them, so with the same Pan-European pools (a pool's note is under the pool's key).
 */
export function feeNotesByKey(inputs: readonly AlertInput[], pools: readonly PanEuPool[] = []): Map<string, FeeNote> {
  // Pooling only moves the series; the stock figures it also merges do not matter here, nor does `now`.
  const seen = pools.length > 0 ? poolInputs(inputs, pools, 0) : inputs;
  const notes = feeNotesByParent(seen);
  const byKey = new Map<string, FeeNote>();
  for (let i = 0; i < seen.length; i++) {
    const note = notes[i];
    if (note) byKey.set((seen[i] as AlertInput).key, note);
  }
  return byKey;
}

interface FeeGroup {
  parent: string;
  members: number[];
  series: FeeSeries[];
}
