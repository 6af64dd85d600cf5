import * as z from 'zod/mini';

/**
 * A listing as Shelfwise reads it from a Seller Central inventory page. Both page generations
 * produce this same shape; everything later (history, velocity, compliance, bulk edit) works on it.
 * Absent means "the page does not show it", never 0: a missing number is not a zero.
 */

export const CHANNELS = ['fba', 'mfn'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const STATES = ['active', 'inactive', 'closed'] as const;
export const StateSchema = z.enum(STATES);
export type ListingState = z.infer<typeof StateSchema>;

/** Why a listing is not (fully) selling, as the page says it. */
export const REASONS = [
  'out_of_stock',
  'pricing_error',
  'search_suppressed',
  'missing_information',
  'approval_required',
  'stranded',
] as const;
export const ReasonSchema = z.enum(REASONS);
export type Reason = z.infer<typeof ReasonSchema>;

const count = z.int().check(z.minimum(0));
const money = z.number().check(z.minimum(0));

export const StockSchema = z.object({
  /** Sellable units now: the merchant quantity, or FBA available/fulfillable. */
  available: z.optional(count),
  /** FBA units on the way (working + shipped + receiving where the page gives one total). */
  inbound: z.optional(count),
  reserved: z.optional(count),
  unfulfillable: z.optional(count),
  stranded: z.optional(count),
  inboundWorking: z.optional(count),
  inboundShipped: z.optional(count),
  inboundReceiving: z.optional(count),
});
export type Stock = z.infer<typeof StockSchema>;

export const ListingSchema = z.object({
  account: z.string(),
  /** Marketplace code (US, UK, DE, JP …); null when the page does not say and the host cannot tell. */
  marketplace: z.nullable(z.string()),
  sku: z.string().check(z.minLength(1), z.maxLength(200)),
  asin: z.optional(z.string()),
  fnsku: z.optional(z.string()),
  parentAsin: z.optional(z.string()),
  title: z.optional(z.string()),
  imageUrl: z.optional(z.string()),
  channel: ChannelSchema,
  price: z.optional(money),
  minPrice: z.optional(money),
  maxPrice: z.optional(money),
  currency: z.optional(z.string()),
  /** Days to ship, for merchant-fulfilled offers where the page shows it. */
  handlingTime: z.optional(count),
  /** Whether the page offers a quantity editor for this row (merchant-fulfilled, not a parent). */
  quantityEditable: z.boolean(),
  stock: StockSchema,
  state: StateSchema,
  reasons: z.array(ReasonSchema),
  /** The status exactly as the page wrote it, in the page's language. */
  statusText: z.string(),
  /** A variation parent: a row of its own with no offer. */
  isParent: z.boolean(),
  condition: z.optional(z.string()),
  /** Units sold as the page shows them (the current page's sales column), with its period. */
  pageSales: z.optional(z.object({ units: count, days: z.int().check(z.minimum(1)) })),
});
export type Listing = z.infer<typeof ListingSchema>;

export const GENERATIONS = ['legacy', 'current'] as const;
export type Generation = (typeof GENERATIONS)[number];

/** One read of one inventory page, as it travels to the background. */
export const PageReadSchema = z.object({
  url: z.string(),
  generation: z.enum(GENERATIONS),
  account: z.string(),
  marketplace: z.nullable(z.string()),
  /** The page's own UI language (document lang), used only to read it, never to choose ours. */
  pageLanguage: z.string(),
  /** When the page was loaded (navigation start, ms since epoch): stale reads are discarded by it. */
  loadedAt: z.number(),
  readAt: z.number(),
  listings: z.array(ListingSchema),
});
export type PageRead = z.infer<typeof PageReadSchema>;
