import * as z from 'zod/mini';
import { ChannelSchema, ListingSchema, StateSchema } from '../model/listing';

/**
 * zod schemas of the stored records, for what comes back from outside (a backup file): nothing
 * enters the store without matching exactly the shape the store itself writes.
 */
const count = z.int().check(z.minimum(0));
const instant = z.number().check(z.minimum(0));

export const ObservationRecordSchema = z.object({
  key: z.string(),
  at: instant,
  channel: ChannelSchema,
  state: StateSchema,
  available: z.optional(count),
  reserved: z.optional(count),
  inbound: z.optional(count),
  inboundWorking: z.optional(count),
  inboundShipped: z.optional(count),
  inboundReceiving: z.optional(count),
  unfulfillable: z.optional(count),
  seenUntil: z.optional(instant),
  origin: z.enum(['page', 'import', 'shelfwise']),
  compacted: z.optional(z.boolean()),
});

export const SkuRecordSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  asin: z.optional(z.string()),
  parentAsin: z.optional(z.string()),
  channel: ChannelSchema,
  title: z.optional(z.string()),
  latest: ListingSchema,
  lastObservation: ObservationRecordSchema,
  firstSeenAt: instant,
  lastSeenAt: instant,
  lastChangedAt: instant,
  visits: count,
  lastWriteAt: z.optional(instant),
});

export const ChangeRecordSchema = z.object({
  id: z.optional(z.int().check(z.minimum(1))),
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  at: instant,
  from: instant,
  to: instant,
  kind: z.enum(['sale', 'external', 'receipt', 'shelfwise', 'adjustment', 'unknown']),
  reason: z.string(),
  origin: z.enum(['page', 'shelfwise', 'import']),
  before: z.nullable(z.number()),
  after: z.nullable(z.number()),
  delta: z.number(),
  inboundDelta: z.optional(z.number()),
  batchId: z.string(),
  writeKind: z.optional(z.enum(['bulk', 'undo', 'holiday', 'restore'])),
});

export const MetaRecordSchema = z.object({ key: z.string(), value: z.unknown() });

const whole = z.int().check(z.minimum(0));

export const BatchRowSchema = z.object({
  key: z.string(),
  sku: z.string(),
  field: z.enum(['quantity', 'handlingTime']),
  before: z.nullable(z.number()),
  after: z.number(),
  remember: z.optional(z.object({ quantity: z.optional(whole), handlingTime: z.optional(whole) })),
  outcome: z.optional(
    z.object({
      status: z.enum(['applied', 'failed', 'unknown', 'verified', 'mismatched', 'skipped', 'held', 'pending']),
      message: z.optional(z.string()),
      reason: z.optional(z.string()),
      observed: z.optional(z.number()),
      proposed: z.optional(z.number()),
      at: z.optional(z.number()),
    }),
  ),
});

export const BatchRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  kind: z.enum(['bulk', 'holiday', 'restore', 'undo']),
  account: z.string(),
  marketplace: z.string(),
  createdAt: instant,
  state: z.enum(['exported', 'applied', 'failed', 'partial', 'applying', 'cancelled', 'interrupted']),
  summary: z.string(),
  via: z.optional(z.enum(['file', 'page'])),
  tabId: z.optional(z.int()),
  undoes: z.optional(z.string()),
  rows: z.array(BatchRowSchema),
  file: z.optional(z.object({ filename: z.string(), records: whole, headerRows: whole, skus: z.array(z.string()) })),
  holiday: z.optional(z.unknown()),
});

export const RememberedRecordSchema = z.object({
  key: z.string(),
  quantity: z.optional(whole),
  handlingTime: z.optional(whole),
  at: instant,
  batchId: z.string(),
});
