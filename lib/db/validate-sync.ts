import * as z from 'zod/mini';
import { ChannelSchema } from '../model/listing';
import { SkuMapEntrySchema } from '../sync/mapping';
import { CATEGORIES } from '../sync/reconcile';
import { ColumnMappingSchema } from '../sync/stock-file';

/**
 * zod schemas of the stock-sync records (database version 4), for what comes back in a backup
 * file: a restored reconciliation must be one the dashboard can show and export again.
 */
const count = z.int().check(z.minimum(0));
const instant = z.number().check(z.minimum(0));
const CategorySchema = z.enum(CATEGORIES);

const MappedStockSchema = z.object({
  sku: z.string(),
  quantity: count,
  localSkus: z.array(z.string()),
  sharedWith: z.array(z.string()),
  mapped: z.boolean(),
  warehouses: z.array(z.string()),
  cost: z.optional(z.number().check(z.minimum(0))),
  lines: z.array(z.int()),
});

export const DifferenceSchema = z.object({
  id: z.string().check(z.minLength(1)),
  category: CategorySchema,
  sku: z.string(),
  key: z.optional(z.string()),
  channel: z.optional(ChannelSchema),
  fileQuantity: z.optional(count),
  amazonQuantity: z.optional(count),
  inbound: z.optional(count),
  delta: z.optional(z.int()),
  closed: z.optional(z.boolean()),
  proposal: z.optional(z.object({ key: z.string(), sku: z.string(), current: z.optional(count), setTo: count })),
  stock: z.optional(MappedStockSchema),
});

export const ReconciliationRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  account: z.string(),
  marketplace: z.string(),
  createdAt: instant,
  fileName: z.string(),
  tolerance: z.object({
    units: z.optional(z.number().check(z.minimum(0))),
    percent: z.optional(z.number().check(z.minimum(0))),
  }),
  counts: z.object({ differs: count, 'only-file': count, 'only-amazon': count, matches: count, fba: count }),
  differences: z.array(DifferenceSchema),
  explained: z.record(z.string(), z.object({ note: z.string(), at: instant })),
});

export const SkuMapRecordSchema = z.object({
  account: z.string(),
  entries: z.array(SkuMapEntrySchema),
  updatedAt: instant,
  fileName: z.optional(z.string()),
});

export const ColumnMappingRecordSchema = z.object({
  signature: z.string().check(z.minLength(1)),
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  at: instant,
});
