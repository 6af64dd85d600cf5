import * as z from 'zod/mini';
import { ChannelSchema } from '../model/listing';

/**
 * What velocity is computed from (produced by the store) and what it produces (sent to the badge).
 * Both are zod/mini schemas so the store can check what it reads back from IndexedDB and the content
 * script can parse the background's answer; the computation itself trusts these shapes.
 * A missing number means "not shown", never 0.
 */

const count = z.int().check(z.minimum(0));
const instant = z.number().check(z.minimum(0));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** One SKU as seen at one visit. The store keeps one only when something changed since the last. */
export const ObservationSchema = z.object({
  at: instant,
  available: z.optional(count),
  reserved: z.optional(count),
  /** Total inbound where the page gives only one figure (it includes shipments still being prepared). */
  inbound: z.optional(count),
  inboundWorking: z.optional(count),
  inboundShipped: z.optional(count),
  inboundReceiving: z.optional(count),
  /** Optional: lets a fall in stock that went to unfulfillable count as an adjustment, not a sale. */
  unfulfillable: z.optional(count),
  /**
   * Optional: the last visit at which this same state was still seen. Without it a change is only
   * known to lie somewhere between two stored observations; with it, the span where the change
   * happened shrinks to (seenUntil, next.at]. The store has this value for free: it is the SKU's
   * lastSeenAt at the moment the next observation is stored.
   */
  seenUntil: z.optional(instant),
  channel: ChannelSchema,
});
export type Observation = z.infer<typeof ObservationSchema>;

export const WRITE_KINDS = ['bulk', 'undo', 'holiday', 'restore'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** A quantity Shelfwise itself wrote (read back after saving): the available quantity before and after. */
export const ShelfwiseWriteSchema = z.object({
  at: instant,
  before: count,
  after: count,
  batchId: z.string(),
  kind: z.enum(WRITE_KINDS),
});
export type ShelfwiseWrite = z.infer<typeof ShelfwiseWriteSchema>;

export const DailyUnitsSchema = z.object({ day, units: count });
export type DailyUnits = z.infer<typeof DailyUnitsSchema>;

/**
 * Daily units imported from the All Orders report. `from`/`to` are the days the import covers:
 * a day in that range with no entry sold nothing, a day outside it is simply not known.
 */
export const ImportedOrdersSchema = z.object({ from: day, to: day, days: z.array(DailyUnitsSchema) });
export type ImportedOrders = z.infer<typeof ImportedOrdersSchema>;

/** Units over a period, both days included (Business Report, Restock report "units sold last 30 days"). */
export const PeriodSalesSchema = z.object({ from: day, to: day, units: count });
export type PeriodSales = z.infer<typeof PeriodSalesSchema>;

/** A sales figure the inventory page itself shows: units over the last `days` days. */
export const PageSalesSchema = z.object({ units: count, days: z.int().check(z.minimum(1)) });
export type PageSales = z.infer<typeof PageSalesSchema>;

/** Everything known about one SKU's sales, as the store hands it over. */
export const SalesHistorySchema = z.object({
  /** Sorted by `at`; unsorted input is sorted (a copy), never rejected. */
  observations: z.array(ObservationSchema),
  /** The last visit that saw this SKU, changed or not. */
  lastSeenAt: z.optional(instant),
  /**
   * The first visit that ever saw the SKU. Velocity reads only the last 91 days of observations (and
   * the one before them), so a store may pass just that slice and give the start of history here.
   */
  firstSeenAt: z.optional(instant),
  writes: z.array(ShelfwiseWriteSchema),
  /**
   * Visits that saw the SKU in the last 90 days, when the store counts them; otherwise derived from the
   * observations (a lower bound: a visit that changed nothing leaves no observation).
   */
  visits: z.optional(count),
  orders: z.optional(ImportedOrdersSchema),
  periods: z.optional(z.array(PeriodSalesSchema)),
  pageSales: z.optional(PageSalesSchema),
});
export type SalesHistory = z.infer<typeof SalesHistorySchema>;

export const SOURCES = ['page', 'orders', 'reports', 'snapshots'] as const;
export const SourceSchema = z.enum(SOURCES);
export type SalesSource = z.infer<typeof SourceSchema>;

export const WINDOW_KEYS = ['d7', 'd14', 'd30', 'd90'] as const;
export type WindowKey = (typeof WINDOW_KEYS)[number];

export const WindowFigureSchema = z.object({
  days: count,
  units: z.number(),
  inStockDays: z.number(),
  outOfStockDays: z.number(),
  /** units ÷ in-stock days; null when the window has too few in-stock days to count. */
  perDay: z.nullable(z.number()),
});
export type WindowFigure = z.infer<typeof WindowFigureSchema>;

export const TRENDS = ['up', 'down', 'flat', 'unknown'] as const;
export type Trend = (typeof TRENDS)[number];
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
/** Why there is no rate, when there is none. */
export const GAPS = ['no-data', 'too-little-history'] as const;
export type Gap = (typeof GAPS)[number];

/** The answer for one SKU: every number is null where the data does not support one. */
export const VelocitySchema = z.object({
  perDay: z.nullable(z.number()),
  gap: z.nullable(z.enum(GAPS)),
  source: z.nullable(SourceSchema),
  /** blend: weighted windows; intermittent: rate from the spacing of recent sales; period: one figure. */
  method: z.nullable(z.enum(['blend', 'intermittent', 'period'])),
  /** Sales (visit-to-visit spans with a sale) behind the intermittent estimate; 0 for other methods. */
  events: count,
  windows: z.object({
    d7: WindowFigureSchema,
    d14: WindowFigureSchema,
    d30: WindowFigureSchema,
    d90: WindowFigureSchema,
  }),
  /** Days the source's own figure spans (page and report figures). */
  sourceDays: z.nullable(count),
  /** Visits in the last 90 days the estimate rests on ("estimated from N visits"). */
  visits: count,
  /** Whole days from the first observation to now. */
  historyDays: count,
  /** Days known out of stock in the last 30 complete days (excluded from the rate). */
  outOfStockDays30: z.number(),
  /** The units counted as stock: available (+ inbound per the setting), as of `stockAt`. */
  stock: z.nullable(count),
  available: z.nullable(count),
  inboundCounted: count,
  /** The inbound figure includes shipments still being prepared (the page gave only a total). */
  inboundIncludesWorking: z.boolean(),
  stockAt: z.nullable(instant),
  daysOfCover: z.nullable(z.number()),
  /** Days until available alone runs out, ignoring inbound that may arrive late. */
  availableDays: z.nullable(z.number()),
  stockOutDay: z.nullable(day),
  trend: z.enum(TRENDS),
  /** Recent rate ÷ longer rate − 1, where a trend was computed. */
  trendChange: z.nullable(z.number()),
  confidence: z.enum(CONFIDENCES),
  timeZone: z.string(),
});
export type Velocity = z.infer<typeof VelocitySchema>;
