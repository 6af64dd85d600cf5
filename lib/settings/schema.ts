import * as z from 'zod/mini';
import { LANGUAGES } from '../i18n/types';

/**
 * Every setting Shelfwise has, in one schema. Each field carries its default and falls back to it
 * on its own when the stored value is corrupt, so one bad field never costs the seller the others.
 * Bump SETTINGS_VERSION and add a step to migrations.ts whenever a stored shape changes meaning.
 */
export const SETTINGS_VERSION = 1;

/** A field that falls back to its default when missing or invalid. */
function field<T extends z.ZodMiniType>(schema: T, fallback: z.core.util.NoUndefined<z.output<T>>) {
  const make = () => structuredClone(fallback);
  return z.catch(z._default(schema, make), make);
}

const wholeDays = z.int().check(z.minimum(0), z.maximum(3650));
const units = z.int().check(z.minimum(0), z.maximum(10_000_000));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const ShippingMethodSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
  /** The seller's own name for it ("海运", "Air"): shown as typed. */
  name: z.string().check(z.maxLength(60)),
  minDays: wholeDays,
  maxDays: wholeDays,
});
export type ShippingMethod = z.infer<typeof ShippingMethodSchema>;

export const LeadTimeSchema = z.object({
  productionDays: wholeDays,
  /** Days from arrival at Amazon until sellable (check-in, receiving). */
  receivingDays: wholeDays,
  /** Extra days kept in hand on top of the lead time. */
  bufferDays: wholeDays,
  methods: z.array(ShippingMethodSchema),
});
export type LeadTime = z.infer<typeof LeadTimeSchema>;

export const LeadTimeOverrideSchema = z.object({
  productionDays: z.optional(wholeDays),
  receivingDays: z.optional(wholeDays),
  bufferDays: z.optional(wholeDays),
  /** Transit per shipping method id, replacing the default method's range. */
  transit: z.optional(z.record(z.string(), z.object({ minDays: wholeDays, maxDays: wholeDays }))),
});

export const ThresholdOverrideSchema = z.object({
  units: z.optional(units),
  days: z.optional(wholeDays),
});

export const CalendarEventSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(60)),
  name: z.string().check(z.maxLength(120)),
  /**
   * demand: sales rise (uplift) and stock must be at Amazon by the inbound cut-off.
   * supply: suppliers stop (Chinese New Year), so anything ordered across it takes longer.
   */
  kind: z.enum(['demand', 'supply']),
  /** Marketplace codes it applies to; empty means every marketplace. */
  marketplaces: z.array(z.string()),
  start: isoDate,
  end: isoDate,
  uplift: z.optional(z.number().check(z.minimum(0), z.maximum(50))),
  inboundCutoff: z.optional(isoDate),
  extraLeadDays: z.optional(wholeDays),
  /** Defaults are estimates until the seller confirms this year's dates. */
  confirmed: z.boolean(),
});
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;

export const AccountSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(120)),
  name: z.string().check(z.maxLength(120)),
});

/** Dates Amazon announces each year; third-party sources disagree, so each is the seller's to correct. */
export const DEFAULT_EVENTS: CalendarEvent[] = [
  {
    id: 'bfcm-2026',
    name: 'Black Friday / Cyber Monday 2026',
    kind: 'demand',
    marketplaces: [],
    start: '2026-11-20',
    end: '2026-12-01',
    uplift: 2,
    inboundCutoff: '2026-10-30',
    confirmed: false,
  },
  {
    id: 'q4-2026',
    name: 'Q4 holidays 2026',
    kind: 'demand',
    marketplaces: [],
    start: '2026-12-02',
    end: '2026-12-24',
    uplift: 1.5,
    inboundCutoff: '2026-11-13',
    confirmed: false,
  },
  {
    id: 'cny-2027',
    name: 'Chinese New Year 2027 (factories closed)',
    kind: 'supply',
    marketplaces: [],
    start: '2027-01-27',
    end: '2027-02-21',
    extraLeadDays: 21,
    confirmed: false,
  },
  {
    id: 'prime-day-2027',
    name: 'Prime Day 2027',
    kind: 'demand',
    marketplaces: [],
    start: '2027-07-06',
    end: '2027-07-09',
    uplift: 3,
    inboundCutoff: '2027-06-11',
    confirmed: false,
  },
  {
    id: 'bfcm-2027',
    name: 'Black Friday / Cyber Monday 2027',
    kind: 'demand',
    marketplaces: [],
    start: '2027-11-19',
    end: '2027-11-30',
    uplift: 2,
    inboundCutoff: '2027-10-29',
    confirmed: false,
  },
  {
    id: 'q4-2027',
    name: 'Q4 holidays 2027',
    kind: 'demand',
    marketplaces: [],
    start: '2027-12-01',
    end: '2027-12-24',
    uplift: 1.5,
    inboundCutoff: '2027-11-12',
    confirmed: false,
  },
];

export const DEFAULT_LEAD_TIME: LeadTime = {
  productionDays: 15,
  receivingDays: 7,
  bufferDays: 7,
  methods: [
    { id: 'sea', name: 'Sea', minDays: 35, maxDays: 50 },
    { id: 'air', name: 'Air', minDays: 7, maxDays: 15 },
    { id: 'express', name: 'Express', minDays: 3, maxDays: 7 },
  ],
};

export const SettingsSchema = z.object({
  schemaVersion: field(z.int(), SETTINGS_VERSION),
  /** auto follows the browser's UI language, never the page's. */
  language: field(z.enum(['auto', ...LANGUAGES]), 'auto'),
  /** Seller accounts by merchant id, with the names the seller gave them. */
  accounts: field(z.array(AccountSchema), []),
  /** The account used where the page does not show which one it is. */
  activeAccount: field(z.string(), ''),

  thresholds: field(
    z.object({
      lowStockUnits: units,
      lowStockDays: wholeDays,
      /** Per SKU (key from lib/model/keys), set in the dashboard or from a row's badge. */
      perSku: z.record(z.string(), ThresholdOverrideSchema),
    }),
    { lowStockUnits: 10, lowStockDays: 21, perSku: {} },
  ),
  leadTime: field(LeadTimeSchema, DEFAULT_LEAD_TIME),
  leadTimePerSku: field(z.record(z.string(), LeadTimeOverrideSchema), {}),
  reviewPeriodDays: field(wholeDays, 14),
  serviceLevel: field(z.union([z.literal(0.9), z.literal(0.95), z.literal(0.99)]), 0.95),
  /** Units the seller can restock per month (cash, factory, FBA capacity); null = no cap. */
  restockCapacityPerMonth: field(z.nullable(units), null),
  events: field(z.array(CalendarEventSchema), DEFAULT_EVENTS),

  notifications: field(
    z.object({
      enabled: z.boolean(),
      quietHours: z.object({ enabled: z.boolean(), start: clock, end: clock }),
    }),
    { enabled: true, quietHours: { enabled: true, start: '22:00', end: '08:00' } },
  ),

  velocity: field(
    z.object({
      /** Weights of the recent windows in the blended rate; normalised before use. */
      weights: z.object({ d7: z.number(), d14: z.number(), d30: z.number(), d90: z.number() }),
      /** Count shipments still being prepared ("working") as stock on the way. */
      includeWorkingShipments: z.boolean(),
    }),
    { weights: { d7: 0.4, d14: 0.3, d30: 0.2, d90: 0.1 }, includeWorkingShipments: false },
  ),

  bulk: field(
    z.object({
      maxQuantity: units,
      /** A change larger than this share of current stock is flagged before it is applied. */
      largeChangePercent: z.int().check(z.minimum(1), z.maximum(10_000)),
      /** More changes than this to one SKU in 7 days gets an information notice. */
      changeFrequencyNotice: z.int().check(z.minimum(1), z.maximum(1000)),
    }),
    { maxQuantity: 99_999, largeChangePercent: 50, changeFrequencyNotice: 3 },
  ),

  compliance: field(
    z.object({
      /** Rule id → on/off; rules not listed are on. */
      rules: z.record(z.string(), z.boolean()),
      /** SKU key → rule ids muted for that SKU. */
      mutedPerSku: z.record(z.string(), z.array(z.string())),
      /** Brand names whose special characters are part of the brand (e.g. "Yahoo!"). */
      brandTerms: z.array(z.string()),
      /** Image checks need the optional image-host permission, asked for when this is turned on. */
      imageChecks: z.boolean(),
    }),
    { rules: {}, mutedPerSku: {}, brandTerms: [], imageChecks: false },
  ),

  erp: field(
    z.object({
      allManaged: z.boolean(),
      /** SKU keys whose quantity the seller's ERP syncs. */
      managedSkus: z.array(z.string()),
      name: z.string().check(z.maxLength(60)),
    }),
    { allManaged: false, managedSkus: [], name: '' },
  ),

  history: field(
    z.object({
      /** Observations older than this are compacted to one per day. */
      fullResolutionDays: z.int().check(z.minimum(7), z.maximum(3650)),
    }),
    { fullResolutionDays: 90 },
  ),

  /**
   * Alert inputs beyond thresholds and lead times. The pool and backup shapes are lib/alerts/pool's
   * PanEuPool and BackupLink, repeated here so the content script, which reads settings, does not
   * carry the alerts library.
   */
  alerts: field(
    z.object({
      /** Pan-European FBA pools the seller marked: their SKUs are evaluated as one stock. */
      panEuPools: z.array(
        z.object({
          account: z.string(),
          /** Empty: every FBA ASIN of the account in these marketplaces. */
          asins: z.array(z.string()),
          /** Empty: every Pan-European marketplace. */
          marketplaces: z.array(z.string()),
          stock: z.enum(['sum', 'shared']),
        }),
      ),
      /** Merchant-fulfilled SKUs kept as the backup of an FBA SKU (listed while FBA is out). */
      backups: z.array(
        z.object({
          mfnKey: z.string().check(z.minLength(1)),
          fbaKey: z.optional(z.string()),
          quantity: z.int().check(z.minimum(1), z.maximum(10_000_000)),
        }),
      ),
      /** Add safety stock (z·σ·√L) to suggested quantities. */
      safetyStock: z.boolean(),
    }),
    { panEuPools: [], backups: [], safetyStock: true },
  ),
});

export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
