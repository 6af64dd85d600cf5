import * as z from 'zod/mini';
import { ENCODINGS } from '../reports/decode';
import { REPORT_TYPES } from '../reports/headers';

/**
 * zod schemas of the records imported reports leave in the store (database version 3), for what
 * comes back from a backup file. Kept apart from validate.ts, which the content script's
 * messaging imports: the report library's tables stay out of that bundle.
 */
const whole = z.int().check(z.minimum(0));
const instant = z.number().check(z.minimum(0));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const reportType = z.enum(REPORT_TYPES);

export const OrderLinesRecordSchema = z
  .object({
    key: z.string(),
    account: z.string(),
    marketplace: z.string(),
    sku: z.string(),
    orderIds: z.array(z.string()),
    days: z.array(day),
    purchasedAt: z.array(instant),
    lastUpdatedAt: z.array(instant),
    units: z.array(whole),
    cancelled: z.array(z.union([z.literal(0), z.literal(1)])),
  })
  .check(
    z.refine(
      (r) =>
        [r.days, r.purchasedAt, r.lastUpdatedAt, r.units, r.cancelled].every((c) => c.length === r.orderIds.length),
      'every column has one value per order line',
    ),
  );

export const OrderDaysRecordSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  days: z.array(z.object({ day, units: whole })),
});

export const OrderCoverageRecordSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  spans: z.array(z.object({ from: day, to: day })),
});

export const PeriodSalesRecordSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  asin: z.optional(z.string()),
  from: day,
  to: day,
  units: whole,
  measure: z.enum(['ordered', 'shipped', 'sold']),
  sales: z.optional(z.number()),
  currency: z.optional(z.string()),
  source: reportType,
  importId: z.string(),
  importedAt: instant,
});

export const FbaDetailRecordSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  asin: z.optional(z.string()),
  fnsku: z.optional(z.string()),
  stock: z.optional(
    z.object({
      available: z.optional(whole),
      inbound: z.optional(whole),
      inboundWorking: z.optional(whole),
      inboundShipped: z.optional(whole),
      inboundReceiving: z.optional(whole),
      reserved: z.optional(whole),
      unfulfillable: z.optional(whole),
      asOf: z.optional(day),
      source: reportType,
      importedAt: instant,
    }),
  ),
  recommendation: z.optional(
    z.object({
      quantity: whole,
      shipDate: z.optional(day),
      asOf: z.optional(day),
      source: reportType,
      importedAt: instant,
    }),
  ),
  updatedAt: instant,
});

export const ReportListingRecordSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  asin: z.optional(z.string()),
  title: z.optional(z.string()),
  price: z.optional(z.number()),
  quantity: z.optional(whole),
  status: z.optional(z.string()),
  fulfillmentChannel: z.optional(z.string()),
  source: reportType,
  importedAt: instant,
});

export const ImportLogRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  at: instant,
  account: z.string(),
  fileName: z.string(),
  fileSize: whole,
  type: reportType,
  encoding: z.enum(ENCODINGS),
  numberLocale: z.enum(['en', 'eu']),
  marketplaces: z.array(z.string()),
  rows: whole,
  period: z.optional(z.object({ from: day, to: day })),
  reportDate: z.optional(day),
  counts: z.object({
    skus: whole,
    periodSales: whole,
    fba: whole,
    listings: whole,
    unmapped: whole,
    orderLines: whole,
    orderLinesAdded: whole,
    orderLinesUpdated: whole,
  }),
  warnings: z.array(
    z.object({ messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  ),
});
