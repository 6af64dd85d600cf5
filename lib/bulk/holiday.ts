import * as z from 'zod/mini';
import type { Listing } from '../model/listing';
import { message } from './message';
import { MAX_HANDLING_DAYS, MIN_HANDLING_DAYS } from './operations';
import {
  type BatchPlan,
  keyOf,
  makeGuards,
  type Notice,
  noticesFor,
  type PlanContext,
  type PlannedField,
  type PlannedRow,
  type PlanRowInput,
  planBatch,
  rowRefusal,
  summarise,
} from './plan';

/**
 * Holiday mode: while the seller is away, every merchant-fulfilled SKU of one marketplace (or a
 * chosen set) goes to 0 or to a longer handling time, as one named batch that remembers each
 * previous value; afterwards the batch is restored exactly. FBA SKUs are never part of it: Amazon
 * keeps shipping them.
 */

export const HolidayModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('zero') }),
  z.object({
    kind: z.literal('handlingTime'),
    days: z.int().check(z.minimum(MIN_HANDLING_DAYS), z.maximum(MAX_HANDLING_DAYS)),
  }),
]);
export type HolidayMode = z.infer<typeof HolidayModeSchema>;

const whole = z.int().check(z.minimum(0));

export const HolidayEntrySchema = z.object({
  key: z.string().check(z.minLength(1)),
  sku: z.string().check(z.minLength(1)),
  /** The value before the holiday: what the restore writes back. */
  previous: whole,
  /** What the holiday batch set: a different value at restore time means someone changed it since. */
  applied: whole,
});
export type HolidayEntry = z.infer<typeof HolidayEntrySchema>;

/** The stored, reversible batch (the history store keeps it until it is restored). */
export const HolidayBatchSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(120)),
  name: z.string().check(z.maxLength(120)),
  marketplace: z.string().check(z.minLength(1)),
  mode: HolidayModeSchema,
  createdAt: z.number(),
  entries: z.array(HolidayEntrySchema),
});
export type HolidayBatch = z.infer<typeof HolidayBatchSchema>;

export interface HolidayOptions {
  id: string;
  name: string;
  marketplace: string;
  mode: HolidayMode;
  /** A chosen set of SKUs; every eligible merchant-fulfilled SKU of the marketplace when absent. */
  skus?: readonly string[];
  now: number;
  context: Omit<PlanContext, 'marketplace'>;
}

export interface HolidayPlan {
  plan: BatchPlan;
  batch: HolidayBatch;
  /** Rows left out of an "every SKU" holiday, so the panel can say why they are not listed. */
  excluded: { fba: number; parent: number; closed: number };
}

function fieldOf(mode: HolidayMode): PlannedField {
  return mode.kind === 'zero' ? 'quantity' : 'handlingTime';
}

/** Plans the holiday batch and the record that lets it be undone. */
export function planHoliday(rows: readonly PlanRowInput[], options: HolidayOptions): HolidayPlan {
  const excluded = { fba: 0, parent: 0, closed: 0 };
  let selected: PlanRowInput[];
  if (options.skus) {
    // Chosen SKUs are all shown, FBA ones refused with the reason: the seller asked for them.
    const chosen = new Set(options.skus);
    selected = rows.filter((row) => chosen.has(row.listing.sku) && row.listing.marketplace === options.marketplace);
  } else {
    selected = [];
    for (const row of rows) {
      const { listing } = row;
      if (listing.marketplace !== options.marketplace) continue;
      if (listing.isParent) excluded.parent += 1;
      else if (listing.channel === 'fba') excluded.fba += 1;
      else if (listing.state === 'closed') excluded.closed += 1;
      else selected.push(row);
    }
  }

  const context: PlanContext = { ...options.context, marketplace: options.marketplace };
  const mode = options.mode;
  const base = planBatch(
    selected,
    mode.kind === 'zero' ? { kind: 'outOfStock' } : { kind: 'handlingTime', days: mode.days },
    context,
  );

  let planned = base.rows;
  if (mode.kind === 'handlingTime') {
    planned = planned.map((row): PlannedRow => {
      if (row.action !== 'change') return row;
      // Without the current handling time the holiday could not be undone exactly.
      if (row.before === null) {
        return {
          ...row,
          after: null,
          action: 'refused',
          reason: message('bulk.refused.unknownHandlingTime'),
          notices: [],
        };
      }
      // A holiday lengthens handling time; one already longer is left as it is.
      if (row.before > mode.days) return { ...row, after: row.before, action: 'unchanged', notices: [] };
      return { ...row, remember: { handlingTime: row.before } };
    });
  }

  const entries: HolidayEntry[] = [];
  for (const row of planned) {
    if (row.action !== 'change' || row.before === null || row.after === null) continue;
    entries.push({ key: row.key, sku: row.sku, previous: row.before, applied: row.after });
  }

  return {
    plan: summarise(base.operation, planned),
    batch: {
      id: options.id,
      name: options.name,
      marketplace: options.marketplace,
      mode,
      createdAt: options.now,
      entries,
    },
    excluded,
  };
}

/**
 * Plans the exact restore of a holiday batch from the rows as they are now. Every entry is set back
 * to its previous value; where the current value is no longer what the holiday set, the row still
 * restores but says so, because someone (an order, the seller, an ERP) changed it in between.
 */
export function planHolidayRestore(
  batch: HolidayBatch,
  current: readonly PlanRowInput[],
  context: Omit<PlanContext, 'marketplace'>,
): BatchPlan {
  const field = fieldOf(batch.mode);
  const planContext: PlanContext = { ...context, marketplace: batch.marketplace };
  const guards = makeGuards(planContext);
  const byKey = new Map<string, PlanRowInput>();
  for (const row of current) {
    const key = keyOf(row.listing);
    if (!byKey.has(key)) byKey.set(key, row);
  }

  const rows = batch.entries.map((entry): PlannedRow => {
    const input = byKey.get(entry.key);
    const row: PlannedRow = {
      key: entry.key,
      sku: entry.sku,
      marketplace: batch.marketplace,
      // Every entry was merchant-fulfilled when the batch was made; the current row says if that changed.
      channel: input?.listing.channel ?? 'mfn',
      field,
      before: null,
      after: null,
      action: 'refused',
      notices: [],
      fileOnly: field === 'handlingTime',
    };
    if (!input) return { ...row, reason: message('bulk.refused.notSeen') };
    const listing: Listing = input.listing;
    const refusal = rowRefusal(listing, field, planContext);
    if (refusal) return { ...row, reason: refusal };

    const before = (field === 'quantity' ? listing.stock.available : listing.handlingTime) ?? null;
    const restored: PlannedRow = {
      ...row,
      before,
      after: entry.previous,
      action: before === entry.previous ? 'unchanged' : 'change',
    };
    if (restored.action === 'unchanged') return restored;

    const notices: Notice[] = [];
    if (before !== null && before !== entry.applied) {
      notices.push({
        kind: 'drifted',
        level: 'warning',
        message: message('bulk.notice.drifted', { expected: entry.applied, current: before, restored: entry.previous }),
      });
    }
    notices.push(...noticesFor(restored, { kind: 'restore' }, input, planContext, guards));
    return { ...restored, notices };
  });

  return summarise({ kind: 'restore' }, rows);
}
