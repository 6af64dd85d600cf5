import * as z from 'zod/mini';
import type { ReportType } from './headers';

/**
 * One validated row per report type, after its cells were read (numbers under the file's locale,
 * dates under its date order). Absent means the cell was empty, never 0.
 */

const text = z.string().check(z.minLength(1), z.maxLength(10_000));
const sku = z.string().check(z.minLength(1), z.maxLength(200));
/** ASINs (and ISBN-10s, which books use as ASIN) are ten letters and digits. */
export const AsinSchema = z.string().check(z.regex(/^[A-Z0-9]{10}$/));
const count = z.int().check(z.minimum(0), z.maximum(100_000_000));
const amount = z.number().check(z.minimum(0), z.maximum(1e12));
const percent = z.number().check(z.minimum(0), z.maximum(100_000));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const opt = z.optional;

/**
 * Kept lean on purpose: an orders file can have a million rows and each check costs on every one.
 * Text cells reach the schema non-empty (an empty cell is absent) and instants as numbers that
 * parseInstant already range-checked, so only what could still be wrong is checked here.
 */
export const AllOrdersRowSchema = z.object({
  orderId: z.string().check(z.maxLength(100)),
  purchaseDate: z.number(),
  lastUpdated: z.number(),
  orderStatus: z.string(),
  sku: z.string().check(z.maxLength(200)),
  quantity: count,
  salesChannel: opt(z.string()),
  itemStatus: opt(z.string()),
});
export type AllOrdersRow = z.infer<typeof AllOrdersRowSchema>;

const businessShape = {
  parentAsin: opt(AsinSchema),
  asin: AsinSchema,
  title: opt(text),
  sessions: opt(count),
  pageViews: opt(count),
  buyBoxPercent: opt(percent),
  unitsOrdered: count,
  unitsOrderedB2B: opt(count),
  unitSessionPercent: opt(percent),
  sales: opt(amount),
  /** The currency symbol the sales cells were written with (`£`, `US$`). */
  salesCurrency: opt(text),
  totalOrderItems: opt(count),
};
export const BusinessAsinRowSchema = z.object(businessShape);
export type BusinessAsinRow = z.infer<typeof BusinessAsinRowSchema>;
export const BusinessChildRowSchema = z.object({ ...businessShape, sku });
export type BusinessChildRow = z.infer<typeof BusinessChildRowSchema>;

export const FbaInventoryRowSchema = z.object({
  snapshotDate: day,
  sku,
  available: count,
  fnsku: opt(text),
  asin: opt(AsinSchema),
  productName: opt(text),
  condition: opt(text),
  marketplace: opt(text),
  inbound: opt(count),
  inboundWorking: opt(count),
  inboundShipped: opt(count),
  inboundReceiving: opt(count),
  reserved: opt(count),
  unfulfillable: opt(count),
  shippedT7: opt(count),
  shippedT30: opt(count),
  shippedT60: opt(count),
  shippedT90: opt(count),
  recommendedQuantity: opt(count),
  recommendedDate: opt(day),
  daysOfSupply: opt(z.number().check(z.minimum(0))),
});
export type FbaInventoryRow = z.infer<typeof FbaInventoryRowSchema>;

export const RestockRowSchema = z.object({
  sku,
  unitsSold30: count,
  recommendedQuantity: opt(count),
  country: opt(text),
  productName: opt(text),
  fnsku: opt(text),
  asin: opt(AsinSchema),
  condition: opt(text),
  currency: opt(text),
  sales30: opt(amount),
  sales30Currency: opt(text),
  inbound: opt(count),
  available: opt(count),
  fcTransfer: opt(count),
  fcProcessing: opt(count),
  customerOrder: opt(count),
  unfulfillable: opt(count),
  inboundWorking: opt(count),
  inboundShipped: opt(count),
  inboundReceiving: opt(count),
  recommendedDate: opt(day),
  alert: opt(text),
  daysOfSupply: opt(z.number().check(z.minimum(0))),
});
export type RestockRow = z.infer<typeof RestockRowSchema>;

export const ListingRowSchema = z.object({
  sku,
  title: opt(text),
  price: opt(amount),
  priceCurrency: opt(text),
  quantity: opt(count),
  listingId: opt(text),
  asin: opt(AsinSchema),
  productId: opt(text),
  productIdType: opt(text),
  condition: opt(text),
  openDate: opt(text),
  fulfillmentChannel: opt(text),
  pendingQuantity: opt(count),
  businessPrice: opt(amount),
  businessPriceCurrency: opt(text),
  status: opt(text),
});
export type ListingRow = z.infer<typeof ListingRowSchema>;

export const ManageFbaRowSchema = z.object({
  sku,
  available: opt(count),
  unfulfillable: opt(count),
  reserved: opt(count),
  fnsku: opt(text),
  asin: opt(AsinSchema),
  productName: opt(text),
  condition: opt(text),
  price: opt(amount),
  priceCurrency: opt(text),
  afnListingExists: opt(text),
  mfnListingExists: opt(text),
  mfnFulfillable: opt(count),
  warehouse: opt(count),
  total: opt(count),
  inboundWorking: opt(count),
  inboundShipped: opt(count),
  inboundReceiving: opt(count),
  researching: opt(count),
});
export type ManageFbaRow = z.infer<typeof ManageFbaRowSchema>;

export interface RowOf {
  'all-orders': AllOrdersRow;
  'business-child': BusinessChildRow;
  'business-asin': BusinessAsinRow;
  'fba-inventory': FbaInventoryRow;
  restock: RestockRow;
  'all-listings': ListingRow;
  'active-listings': ListingRow;
  'manage-fba': ManageFbaRow;
}

export const ROW_SCHEMAS: { readonly [T in ReportType]: z.ZodMiniType<RowOf[T]> } = {
  'all-orders': AllOrdersRowSchema,
  'business-child': BusinessChildRowSchema,
  'business-asin': BusinessAsinRowSchema,
  'fba-inventory': FbaInventoryRowSchema,
  restock: RestockRowSchema,
  'all-listings': ListingRowSchema,
  'active-listings': ListingRowSchema,
  'manage-fba': ManageFbaRowSchema,
};

/**
 * A report type's row schema as a tuple of the same field schemas, in the object's key order.
 * Rows are validated in this form: zod checks a tuple of primitives in about half the time it
 * takes for the equivalent object (measured on the 100,000-row orders bench), and the parser
 * fills an array by column position anyway. `keys[i]` names element i.
 */
export interface RowTuple {
  keys: readonly string[];
  schema: z.ZodMiniType<unknown[]>;
}

const tuples = new Map<ReportType, RowTuple>();

export function rowTuple(type: ReportType): RowTuple {
  let tuple = tuples.get(type);
  if (!tuple) {
    const { shape } = ROW_SCHEMAS[type] as unknown as { shape: Record<string, z.ZodMiniType> };
    const keys = Object.keys(shape);
    const items = keys.map((k) => shape[k] as z.ZodMiniType) as [z.ZodMiniType, ...z.ZodMiniType[]];
    tuple = { keys, schema: z.tuple(items) as unknown as z.ZodMiniType<unknown[]> };
    tuples.set(type, tuple);
  }
  return tuple;
}
