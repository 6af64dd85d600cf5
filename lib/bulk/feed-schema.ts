import * as z from 'zod/mini';

/**
 * The documented shape of a JSON_LISTINGS_FEED document (Selling Partner Listings Feed, schema
 * version 2.0): a header and messages, each a listings submission for one SKU. PATCH messages carry
 * JSON Patch operations; `merge` (June 2025) on `/attributes/fulfillment_availability` changes only
 * the fields it names, so a quantity update keeps the listing's handling time and restock date.
 * Sources: developer-docs.amazon.com/sp-api/docs/listings-feed-type-values (schema link),
 * …/docs/merge-a-listing, changelog 2025-05-06 (25,000 messages per feed).
 */

export const MAX_FEED_MESSAGES = 25_000;

export const FeedHeaderSchema = z.object({
  sellerId: z.string().check(z.minLength(1)),
  version: z.literal('2.0'),
  /** Language of the issues Amazon reports back (en_US, ja_JP, zh_CN …). */
  issueLocale: z.optional(z.string().check(z.regex(/^[a-z]{2}_[A-Z]{2}$/))),
});

export const PatchSchema = z.object({
  op: z.enum(['add', 'replace', 'merge', 'delete']),
  path: z.string().check(z.regex(/^\/attributes\/[a-z0-9_]+$/)),
  value: z.optional(z.array(z.unknown())),
});

export const FeedMessageSchema = z.object({
  messageId: z.int().check(z.minimum(1)),
  sku: z.string().check(z.minLength(1)),
  operationType: z.enum(['UPDATE', 'PARTIAL_UPDATE', 'PATCH', 'DELETE']),
  productType: z.optional(z.string().check(z.minLength(1))),
  requirements: z.optional(z.enum(['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY'])),
  attributes: z.optional(z.record(z.string(), z.unknown())),
  patches: z.optional(z.array(PatchSchema).check(z.minLength(1))),
});

export const ListingsFeedSchema = z.object({
  header: FeedHeaderSchema,
  messages: z.array(FeedMessageSchema).check(
    z.minLength(1),
    z.maxLength(MAX_FEED_MESSAGES),
    z.refine(
      (messages) => new Set(messages.map((m) => m.messageId)).size === messages.length,
      'messageId must be unique within a feed',
    ),
  ),
});
export type ListingsFeed = z.infer<typeof ListingsFeedSchema>;

/**
 * One entry of `fulfillment_availability` as a merge patch sends it. The selector
 * (`fulfillment_channel_code`) is required and non-empty; every other field is changed only when
 * present. `DEFAULT` is the merchant-fulfilled channel; FBA channels (AMAZON_NA, AMAZON_EU …) are
 * Amazon's to set.
 */
export const FulfillmentAvailabilityMergeSchema = z.object({
  fulfillment_channel_code: z.string().check(z.minLength(1)),
  quantity: z.optional(z.int().check(z.minimum(0))),
  lead_time_to_ship_max_days: z.optional(z.int().check(z.minimum(0))),
  restock_date: z.optional(z.string()),
});
