import * as z from 'zod/mini';

/**
 * What a row's badges show, rendered by the background in the seller's language so the content
 * script carries neither the velocity engine, the compliance rules nor their catalogs.
 */

export const STOCK_LEVELS = ['ok', 'low', 'out', 'unknown'] as const;
export type StockLevel = (typeof STOCK_LEVELS)[number];

export const VelocityBadgeSchema = z.object({
  text: z.string(),
  label: z.string(),
  /** Contract attributes: dot-decimal numbers, empty when unknown. */
  perDay: z.string(),
  daysOfCover: z.string(),
  level: z.enum(STOCK_LEVELS),
  /** The level in words, so it never depends on colour alone. */
  levelText: z.string(),
  heading: z.string(),
  lines: z.array(z.string()),
});
export type VelocityBadgeData = z.infer<typeof VelocityBadgeSchema>;

export const FindingViewSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['warn', 'block']),
  severityText: z.string(),
  muted: z.boolean(),
  message: z.string(),
  fix: z.string(),
  policyUrl: z.string(),
});
export type FindingView = z.infer<typeof FindingViewSchema>;

/** What the badge knows of the main image: `pending` means a check is under way and worth asking about again. */
export const IMAGE_STATES = ['not-shown', 'missing', 'checked', 'pending', 'not-checked'] as const;
export type ImageStateName = (typeof IMAGE_STATES)[number];

/** One main image's check, as the background reports it (lib/compliance/types.ts ImageCheckResult). */
export const ImageCheckResultSchema = z.union([
  z.object({ status: z.literal('checked'), width: z.number(), height: z.number(), whiteShare: z.number() }),
  z.object({
    status: z.literal('not-checked'),
    reason: z.enum([
      'disabled',
      'pending',
      'invalid-url',
      'http-error',
      'network',
      'timeout',
      'unreadable',
      'decode-failed',
    ]),
    httpStatus: z.optional(z.number()),
  }),
]);

export const ComplianceBadgeSchema = z.object({
  /** Contract attributes: unmuted findings, and `ok` exactly when there are none. */
  issues: z.int().check(z.minimum(0)),
  severity: z.enum(['ok', 'warn', 'block']),
  text: z.string(),
  label: z.string(),
  heading: z.string(),
  findings: z.array(FindingViewSchema),
  /** A line about the main image when it could not be checked (never a verdict). */
  imageNote: z.optional(z.string()),
  /** The main image's state; absent where the background did not look (older answers). */
  image: z.optional(z.enum(IMAGE_STATES)),
  /** The key findings are muted under (lib/compliance listingKey), for the popover's mute buttons. */
  muteKey: z.optional(z.string()),
  labels: z.object({
    fix: z.string(),
    policy: z.string(),
    muted: z.string(),
    none: z.string(),
    mute: z.optional(z.string()),
    unmute: z.optional(z.string()),
    muteFailed: z.optional(z.string()),
  }),
});
export type ComplianceBadgeData = z.infer<typeof ComplianceBadgeSchema>;

export const RowBadgesSchema = z.object({
  sku: z.string(),
  velocity: VelocityBadgeSchema,
  compliance: ComplianceBadgeSchema,
});
export type RowBadges = z.infer<typeof RowBadgesSchema>;
