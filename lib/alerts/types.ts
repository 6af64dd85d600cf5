import * as z from 'zod/mini';
import type { AlertsKey } from '../i18n/catalog/alerts';
import type { Params } from '../i18n/core';
import { type Channel, ChannelSchema } from '../model/listing';
import type { DayKey } from '../time';
import { CONFIDENCES, type Velocity } from '../velocity/types';

/**
 * What alert evaluation takes per SKU and what it gives back. The input is built by the background from
 * the store (velocity, σ, stock, the last Restock report) and never crosses a message boundary; the
 * output travels to the popup, so it is a zod/mini schema that the popup parses on arrival.
 * A missing number is "not known", never 0.
 */

const count = z.int().check(z.minimum(0));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const ALERT_STATES = ['ok', 'low', 'critical', 'out'] as const;
export const AlertStateSchema = z.enum(ALERT_STATES);
export type AlertState = z.infer<typeof AlertStateSchema>;

/** Worse is higher: notifications fire only when a SKU climbs this ladder. */
export const STATE_RANK: Readonly<Record<AlertState, number>> = { ok: 0, low: 1, critical: 2, out: 3 };

/**
 * Why a SKU is listed. The first four set the state; the rest are notes shown beside it.
 * - out-of-stock: available is 0.
 * - runs-out-before-arrival: the projected stock-out comes before stock ordered today by the fastest method
 *   can be sellable (critical).
 * - below-units / below-days: under the seller's threshold (low).
 * - reorder-due: today is the last day for the recommended shipping method, or every method is late.
 * - fee-risk: the parent ASIN's historical days of supply is below 28 over both 30 and 90 days.
 * - confidence-low: the rate behind the figures rests on little data.
 */
export const ALERT_REASONS = [
  'out-of-stock',
  'runs-out-before-arrival',
  'below-units',
  'below-days',
  'reorder-due',
  'fee-risk',
  'confidence-low',
] as const;
export const AlertReasonSchema = z.enum(ALERT_REASONS);
export type AlertReason = z.infer<typeof AlertReasonSchema>;

/** The velocity figures evaluation reads; a full `Velocity` fits, and so does a pooled one built here. */
export type VelocityFigures = Pick<
  Velocity,
  | 'perDay'
  | 'daysOfCover'
  | 'stockOutDay'
  | 'available'
  | 'stock'
  | 'inboundCounted'
  | 'stockAt'
  | 'confidence'
  | 'timeZone'
>;

/**
 * Per-day on-hand and shipped units of one FBA SKU, for the low-inventory-level fee. Both arrays are
 * aligned and end on `lastDay` (normally yesterday in the marketplace); NaN marks a day not known.
 */
export interface FeeSeries {
  lastDay: DayKey;
  onHand: ArrayLike<number>;
  shipped: ArrayLike<number>;
}

/** Amazon's own recommendation, from an imported Restock (or FBA Inventory) report. */
export interface AmazonRecommendation {
  quantity?: number;
  shipDate?: DayKey;
  /** The day the report describes. */
  asOf?: DayKey;
}

/** A pooled input's members (set by poolInputs; the seller's own SKUs are never pools). */
export interface PoolInfo {
  id: string;
  members: PoolMember[];
}

/**
 * One SKU to evaluate. Build every input with all of these fields, in this order, absent ones set to
 * undefined: V8 then gives all inputs one hidden class, and evaluating ten thousand of them reads each
 * field at full speed instead of through a megamorphic lookup. Pooled inputs are built that way.
 */
export interface AlertInput {
  /** skuKey(account, marketplace, sku); for a Pan-European pool, the pool's own key. */
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  channel: Channel;
  asin?: string;
  parentAsin?: string;
  title?: string;
  velocity: VelocityFigures;
  /**
   * σ of daily demand over in-stock days (units per day), from `demandSigma` in stats.ts. Missing: the
   * Poisson value √rate is used.
   */
  demandSigma?: number | null;
  /** Current sellable units; falls back to velocity.available. */
  available?: number | null;
  inboundWorking?: number;
  inboundShipped?: number;
  inboundReceiving?: number;
  /** The inbound total where the page gives only one figure (it includes working shipments). */
  inbound?: number;
  amazon?: AmazonRecommendation;
  /** Epoch ms until which the seller snoozed this SKU's notifications. */
  snoozedUntil?: number;
  /** The seller's ERP syncs this SKU's quantity (settings.erp), so a change here may be overwritten. */
  erpManaged?: boolean;
  /** FBA only: per-day on-hand and shipped units for the low-inventory-level fee note (a pool: its members'). */
  fee?: FeeSeries | readonly FeeSeries[];
  pool?: PoolInfo;
}

export const PoolMemberSchema = z.object({
  key: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  available: z.nullable(count),
});
export type PoolMember = z.infer<typeof PoolMemberSchema>;

export const METHOD_CONSTRAINTS = ['stock-out', 'cut-off'] as const;

/** One shipping method's plan: when stock ordered today arrives, and the last day to order. */
export const MethodPlanSchema = z.object({
  methodId: z.string(),
  /** The seller's own name for it ("海运", "Air"). */
  name: z.string(),
  /** Production + transit (the method's longest) + receiving, for an order placed today, closures included. */
  leadDays: count,
  /** The day stock ordered today would be sellable. */
  arrivesBy: day,
  /** The last day to order; null when no stock-out is projected (no rate, or none within 10 years). */
  reorderBy: z.nullable(day),
  /** reorderBy has passed. */
  late: z.boolean(),
  /** What sets reorderBy: the projected stock-out, or a demand event's inbound cut-off. */
  constraint: z.nullable(z.enum(METHOD_CONSTRAINTS)),
  /** The demand event whose cut-off sets reorderBy. */
  eventId: z.nullable(z.string()),
  /** Days a supply event (factory closure) adds to an order placed on reorderBy. */
  supplyDelayDays: count,
  /** The closure that moved reorderBy earlier: paid for (supplyDelayDays > 0) or ordered ahead of (0). */
  supplyEventId: z.nullable(z.string()),
});
export type MethodPlan = z.infer<typeof MethodPlanSchema>;

/** Suggested quantity and the parts it is made of, all in units. */
export const SuggestionSchema = z.object({
  /** The method the quantity is planned for (see recommendedMethod), null without methods. */
  methodId: z.nullable(z.string()),
  leadDays: count,
  reviewDays: count,
  /** Demand from now until an order placed today is sellable, demand events included. */
  leadDemand: z.number(),
  /** Demand over the review period after that, demand events included. */
  reviewDemand: z.number(),
  /** The part of leadDemand + reviewDemand that demand events add. */
  upliftUnits: z.number(),
  /** z·σ·√L. */
  safetyStock: z.number(),
  sigma: z.number(),
  z: z.number(),
  /** Available + inbound shipped + receiving (+ working when the velocity setting counts it). */
  stockCounted: count,
  /** max(0, ⌈demand + safety stock − stock counted⌉) before the capacity cap. */
  beforeCap: count,
  quantity: count,
  capApplied: z.boolean(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const AmazonSuggestionSchema = z.object({
  quantity: z.nullable(count),
  shipDate: z.nullable(day),
  asOf: z.nullable(day),
});

export const FeeNoteSchema = z.object({
  /** Parent ASIN (or the ASIN where there is no parent) the fee is computed for. */
  parentAsin: z.string(),
  /** Historical days of supply over the last 30 / 90 days; null when not known or nothing shipped. */
  dos30: z.nullable(z.number()),
  dos90: z.nullable(z.number()),
  atRisk: z.boolean(),
});
export type FeeNote = z.infer<typeof FeeNoteSchema>;

export const AlertSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  channel: ChannelSchema,
  asin: z.optional(z.string()),
  parentAsin: z.optional(z.string()),
  title: z.optional(z.string()),
  timeZone: z.string(),
  state: AlertStateSchema,
  reasons: z.array(AlertReasonSchema),
  snoozed: z.boolean(),
  /** When the snooze ends (epoch ms), while snoozed. */
  snoozedUntil: z.nullable(z.number()),
  perDay: z.nullable(z.number()),
  confidence: z.enum(CONFIDENCES),
  available: z.nullable(count),
  /** Inbound shipped + receiving (+ working when counted): "在途". */
  inTransit: count,
  /** Days until the projected stock-out, demand events included; null without a rate. */
  daysOfCover: z.nullable(z.number()),
  stockOutDay: z.nullable(day),
  thresholds: z.object({ units: count, days: count }),
  methods: z.array(MethodPlanSchema),
  /** The slowest method still on time, else the fastest: the one the seller would ship by now. */
  recommendedMethod: z.nullable(z.string()),
  /** reorderBy of the recommended method. */
  reorderBy: z.nullable(day),
  suggestion: z.nullable(SuggestionSchema),
  amazon: z.nullable(AmazonSuggestionSchema),
  fee: z.nullable(FeeNoteSchema),
  /** Sort key, higher first: state rank in the integer part, how pressing within the state in the fraction. */
  urgency: z.number(),
  pool: z.optional(z.object({ id: z.string(), members: z.array(PoolMemberSchema) })),
  /** Set on a merchant-fulfilled backup SKU: the key of the FBA SKU it stands in for ('' when not named). */
  backupOf: z.optional(z.string()),
});
export type Alert = z.infer<typeof AlertSchema>;

/** A catalog key of the alerts area with its parameters: the library decides what to say, the UI says it. */
export interface AlertMessage {
  key: AlertsKey;
  params?: Params;
}

export type { Channel };
