import * as z from 'zod/mini';
import { MARKETPLACES } from '../marketplaces';
import { skuKey } from '../model/keys';
import type { Settings } from '../settings/schema';
import { DAY_MS } from '../time';
import type { Confidence } from '../velocity/types';
import type { Alert, AlertInput, AlertMessage, FeeSeries, PoolMember } from './types';

/**
 * One product across SKUs and marketplaces.
 *
 * A product often has an FBA SKU, a merchant-fulfilled backup SKU and SKUs in other marketplaces: the
 * popup groups them by ASIN. A Pan-European FBA pool sells one stock in every EU marketplace, so its
 * SKUs are evaluated as one (stock and sales summed). The backup routine (list the merchant-fulfilled
 * SKU when the FBA SKU runs out, set it back to 0 once FBA has stock again) comes out as plain changes
 * the bulk-edit panel stages in its preview.
 */

/** The marketplace code a pooled alert carries; pool members keep their own. */
export const POOL_MARKETPLACE = 'EU';

/**
 * A Pan-European pool the seller marked (proposed setting `alerts.panEuPools`).
 * `stock` says how the marketplaces' pages show the pool's stock: `sum` when each shows the units stored
 * in that country (so they add up), `shared` when each shows the whole pool (so they must not be added;
 * the freshest figure is taken). Third-party planners report both behaviours (SoStocked: Amazon's EU
 * "per country" figures add up, "available + reserved" ones repeat the pool).
 */
export const PanEuPoolSchema = z.object({
  account: z.string(),
  /** ASINs enrolled; empty = every FBA ASIN of the account in these marketplaces. */
  asins: z.array(z.string()),
  /** Marketplace codes pooled; empty = every Pan-European marketplace (lib/marketplaces `panEu`). */
  marketplaces: z.array(z.string()),
  stock: z.enum(['sum', 'shared']),
});
export type PanEuPool = z.infer<typeof PanEuPoolSchema>;

/**
 * A merchant-fulfilled SKU the seller keeps as the backup of an FBA SKU (proposed setting
 * `alerts.backups`): listed at `quantity` while FBA is out of stock, at 0 otherwise.
 */
export const BackupLinkSchema = z.object({
  mfnKey: z.string().check(z.minLength(1)),
  /** The FBA SKU it stands in for; absent = the FBA SKU with the same ASIN in the same account and marketplace. */
  fbaKey: z.optional(z.string()),
  quantity: z.int().check(z.minimum(1), z.maximum(10_000_000)),
});
export type BackupLink = z.infer<typeof BackupLinkSchema>;

/** The key of a pooled product: not a marketplace key, so it never meets a real SKU's. */
export function poolKey(account: string, asin: string): string {
  return skuKey({ account, marketplace: POOL_MARKETPLACE, sku: asin });
}

const MARKETPLACE_ORDER = new Map(MARKETPLACES.map((m, i) => [m.code, i]));
const PAN_EU = MARKETPLACES.filter((m) => m.panEu).map((m) => m.code);
const CONFIDENCE_ORDER: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

function normalise(code: string): string {
  const upper = code.toUpperCase();
  return upper === 'GB' ? 'UK' : upper;
}

function availableOf(input: AlertInput): number | null {
  const value = input.available !== undefined ? input.available : input.velocity.available;
  return typeof value === 'number' && value >= 0 ? value : null;
}

/** One input standing for the whole pool: sales always add up; stock as the pool says. */
function mergePool(members: AlertInput[], pool: PanEuPool, now: number): AlertInput {
  members.sort((a, b) => (MARKETPLACE_ORDER.get(a.marketplace) ?? 99) - (MARKETPLACE_ORDER.get(b.marketplace) ?? 99));
  const first = members[0] as AlertInput;
  const asin = first.asin as string;
  const shared = pool.stock === 'shared';

  // One pass over the members. Sales and σ always add up (independent marketplaces: variances add,
  // and a member without a measured σ counts as Poisson, σ² = rate).
  let perDay: number | null = null;
  let variance = 0;
  let confidence: Confidence = 'high';
  let fresh = first;
  let available: number | null = null;
  let stock: number | null = null;
  let inboundCounted = 0;
  let remaining: number | null = null;
  let inboundShipped: number | undefined;
  let inboundReceiving: number | undefined;
  let inboundWorking: number | undefined;
  let inbound: number | undefined;
  let amazonQuantity: number | undefined;
  let shipDate: string | undefined;
  let asOf: string | undefined;
  let snoozedUntil: number | undefined;
  let erpManaged = false;
  let parentAsin: string | undefined;
  let title: string | undefined;
  let sameSku = true;
  const fee: FeeSeries[] = [];
  const poolMembers: PoolMember[] = [];
  for (const m of members) {
    const v = m.velocity;
    const rate = v.perDay;
    if (rate !== null && rate >= 0) {
      perDay = (perDay ?? 0) + rate;
      const sigma = m.demandSigma ?? Math.sqrt(rate);
      variance += sigma * sigma;
      if (CONFIDENCE_ORDER[v.confidence] < CONFIDENCE_ORDER[confidence]) confidence = v.confidence;
    }
    if ((v.stockAt ?? -1) > (fresh.velocity.stockAt ?? -1)) fresh = m;
    const own = availableOf(m);
    if (!shared) {
      if (own !== null) available = (available ?? 0) + own;
      if (v.stock !== null) stock = (stock ?? 0) + v.stock;
      inboundCounted += v.inboundCounted;
      // Each member's stock as of now: its cover at its own rate, or its stock where it sells nothing.
      const left = rate !== null && rate > 0 && v.daysOfCover !== null ? v.daysOfCover * rate : v.stock;
      if (left !== null) remaining = (remaining ?? 0) + left;
      if (m.inboundShipped !== undefined) inboundShipped = (inboundShipped ?? 0) + m.inboundShipped;
      if (m.inboundReceiving !== undefined) inboundReceiving = (inboundReceiving ?? 0) + m.inboundReceiving;
      if (m.inboundWorking !== undefined) inboundWorking = (inboundWorking ?? 0) + m.inboundWorking;
      if (m.inbound !== undefined) inbound = (inbound ?? 0) + m.inbound;
    }
    const amazon = m.amazon;
    if (amazon?.quantity !== undefined) amazonQuantity = (amazonQuantity ?? 0) + amazon.quantity;
    if (amazon?.shipDate !== undefined && (shipDate === undefined || amazon.shipDate < shipDate)) {
      shipDate = amazon.shipDate;
    }
    if (amazon?.asOf !== undefined && (asOf === undefined || amazon.asOf > asOf)) asOf = amazon.asOf;
    // Snoozing a pool row snoozes its members; any member snoozed snoozes the pool.
    if (m.snoozedUntil !== undefined) snoozedUntil = Math.max(snoozedUntil ?? 0, m.snoozedUntil);
    if (m.erpManaged) erpManaged = true;
    if (m.fee !== undefined) {
      if (Array.isArray(m.fee)) fee.push(...(m.fee as readonly FeeSeries[]));
      else fee.push(m.fee as FeeSeries);
    }
    parentAsin ??= m.parentAsin;
    title ??= m.title;
    if (m.sku !== first.sku) sameSku = false;
    poolMembers.push({ key: m.key, marketplace: m.marketplace, sku: m.sku, available: own });
  }
  if (perDay === null) confidence = 'low';
  if (shared) {
    // Every page shows the whole pool: take the freshest figure, less what the pool sold since.
    const v = fresh.velocity;
    available = availableOf(fresh);
    stock = v.stock;
    inboundCounted = v.inboundCounted;
    const elapsed = v.stockAt === null ? 0 : Math.max(0, now - v.stockAt) / DAY_MS;
    remaining = stock === null ? null : Math.max(0, stock - (perDay ?? 0) * elapsed);
    inboundShipped = fresh.inboundShipped;
    inboundReceiving = fresh.inboundReceiving;
    inboundWorking = fresh.inboundWorking;
    inbound = fresh.inbound;
  }
  const daysOfCover =
    remaining === null ? null : perDay !== null && perDay > 0 ? remaining / perDay : remaining === 0 ? 0 : null;

  const key = poolKey(first.account, asin);
  let amazon: AlertInput['amazon'];
  if (amazonQuantity !== undefined || shipDate !== undefined) {
    amazon = {};
    if (amazonQuantity !== undefined) amazon.quantity = amazonQuantity;
    if (shipDate !== undefined) amazon.shipDate = shipDate;
    if (asOf !== undefined) amazon.asOf = asOf;
  }
  return {
    key,
    account: first.account,
    marketplace: POOL_MARKETPLACE,
    sku: sameSku ? first.sku : members.map((m) => m.sku).join(' / '),
    channel: 'fba',
    asin,
    parentAsin,
    title,
    velocity: {
      perDay,
      daysOfCover,
      // Evaluation projects the stock-out itself, with demand events.
      stockOutDay: null,
      available,
      stock,
      inboundCounted,
      stockAt: now,
      confidence,
      timeZone: first.velocity.timeZone,
    },
    demandSigma: perDay !== null ? Math.sqrt(variance) : null,
    available,
    inboundWorking,
    inboundShipped,
    inboundReceiving,
    inbound,
    amazon,
    snoozedUntil,
    erpManaged,
    fee: fee.length > 0 ? fee : undefined,
    pool: { id: key, members: poolMembers },
  };
}

/**
 * The inputs with every Pan-European pool merged into one input (FBA SKUs of one ASIN, one account, in
 * the pool's marketplaces; a pool of one SKU stays as it is). Other inputs pass through unchanged and
 * in order; a pooled input takes its first member's place.
 */
export function poolInputs(inputs: readonly AlertInput[], pools: readonly PanEuPool[], now: number): AlertInput[] {
  const resolved = pools.map((pool) => ({
    pool,
    marketplaces: new Set(pool.marketplaces.length > 0 ? pool.marketplaces.map(normalise) : PAN_EU),
    asins: pool.asins.length > 0 ? new Set(pool.asins) : null,
  }));
  const codes = new Map<string, string>();
  const groups = new Map<string, { pool: PanEuPool; members: AlertInput[] }>();
  const groupOf: (string | undefined)[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as AlertInput;
    if (input.channel !== 'fba' || !input.asin || input.pool) continue;
    let marketplace = codes.get(input.marketplace);
    if (marketplace === undefined) {
      marketplace = normalise(input.marketplace);
      codes.set(input.marketplace, marketplace);
    }
    let match: PanEuPool | undefined;
    for (const r of resolved) {
      if (r.pool.account !== input.account || !r.marketplaces.has(marketplace)) continue;
      if (r.asins !== null && !r.asins.has(input.asin)) continue;
      match = r.pool;
      break;
    }
    if (!match) continue;
    const id = poolKey(input.account, input.asin);
    let group = groups.get(id);
    if (!group) {
      group = { pool: match, members: [] };
      groups.set(id, group);
    }
    group.members.push(input);
    groupOf[i] = id;
  }
  const out: AlertInput[] = [];
  const emitted = new Set<string>();
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as AlertInput;
    const id = groupOf[i];
    const group = id === undefined ? undefined : groups.get(id);
    if (id === undefined || !group || group.members.length < 2) {
      out.push(input);
      continue;
    }
    if (emitted.has(id)) continue;
    emitted.add(id);
    out.push(mergePool([...group.members], group.pool, now));
  }
  return out;
}

export interface ProductGroup {
  /** Null for SKUs whose ASIN is not known (each is a group of its own). */
  asin: string | null;
  title?: string;
  /** The most urgent member's urgency. */
  urgency: number;
  alerts: Alert[];
}

/**
 * String order as `a.localeCompare(b)` gives it (ECMA-402: localeCompare without locales or options is
 * this collator's compare), without looking the default collator up on every call.
 */
let collator: Intl.Collator | undefined;
function localeOrder(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

/** Alerts grouped by ASIN across SKUs and marketplaces, most urgent group first, most urgent SKU first. */
export function groupByProduct(alerts: readonly Alert[]): ProductGroup[] {
  // By ASIN, or by key for a SKU without one; `list` keeps the order groups were first met in.
  const byAsin = new Map<string, ProductGroup>();
  const byKey = new Map<string, ProductGroup>();
  const list: ProductGroup[] = [];
  for (const alert of alerts) {
    const asin = alert.asin;
    const map = asin ? byAsin : byKey;
    const id = asin ? asin : alert.key;
    let group = map.get(id);
    if (!group) {
      group = { asin: alert.asin ?? null, urgency: alert.urgency, alerts: [] };
      map.set(id, group);
      list.push(group);
    }
    group.alerts.push(alert);
    group.urgency = Math.max(group.urgency, alert.urgency);
  }
  for (const group of list) {
    if (group.alerts.length > 1) group.alerts.sort((a, b) => b.urgency - a.urgency || localeOrder(a.key, b.key));
    const title = group.alerts.find((a) => a.title !== undefined)?.title;
    if (title !== undefined) group.title = title;
  }
  return list.sort((a, b) => b.urgency - a.urgency || localeOrder(a.asin ?? '', b.asin ?? ''));
}

export const BackupSuggestionSchema = z.object({
  key: z.string(),
  account: z.string(),
  marketplace: z.string(),
  sku: z.string(),
  /** The bulk-edit operation to stage (lib/bulk/operations `set`). */
  operation: z.object({ kind: z.literal('set'), amount: z.int().check(z.minimum(0)) }),
  kind: z.enum(['raise', 'lower']),
  fbaKey: z.string(),
  reason: z.object({ key: z.string(), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) }),
  /** The seller's ERP syncs this SKU: the change may be overwritten (warning says so). */
  erpManaged: z.boolean(),
  warning: z.optional(z.object({ key: z.string() })),
});
export type BackupSuggestion = Omit<z.infer<typeof BackupSuggestionSchema>, 'reason' | 'warning'> & {
  reason: AlertMessage;
  warning?: AlertMessage;
};

function isErpManaged(erp: Settings['erp'] | undefined, key: string): boolean {
  return erp !== undefined && (erp.allManaged || erp.managedSkus.includes(key));
}

/** The FBA alert a backup stands in for: the named key (or the pool it belongs to), else the same ASIN. */
function fbaFor(link: BackupLink, mfn: Alert, alerts: readonly Alert[], byKey: Map<string, Alert>): Alert | undefined {
  if (link.fbaKey) {
    const direct = byKey.get(link.fbaKey);
    if (direct) return direct;
    return alerts.find((a) => a.pool?.members.some((m) => m.key === link.fbaKey));
  }
  if (!mfn.asin) return undefined;
  return alerts.find(
    (a) =>
      a.channel === 'fba' &&
      a.account === mfn.account &&
      a.asin === mfn.asin &&
      (a.marketplace === mfn.marketplace || a.pool?.members.some((m) => m.marketplace === mfn.marketplace)),
  );
}

/**
 * The backup routine as changes to stage: the FBA SKU is out of stock and its backup is at 0 → set the
 * backup to its quantity; the FBA SKU has stock again and the backup is still listed → set it to 0.
 * Nothing is suggested where a figure is not known. An ERP-synced backup is suggested and flagged.
 */
export function backupSuggestions(
  alerts: readonly Alert[],
  links: readonly BackupLink[],
  erp?: Settings['erp'],
): BackupSuggestion[] {
  const byKey = new Map(alerts.map((a) => [a.key, a]));
  const suggestions: BackupSuggestion[] = [];
  for (const link of links) {
    const mfn = byKey.get(link.mfnKey);
    if (mfn?.channel !== 'mfn' || mfn.available === null) continue;
    const fba = fbaFor(link, mfn, alerts, byKey);
    if (!fba || fba.available === null) continue;
    const erpManaged = isErpManaged(erp, mfn.key);
    const base = {
      key: mfn.key,
      account: mfn.account,
      marketplace: mfn.marketplace,
      sku: mfn.sku,
      fbaKey: fba.key,
      erpManaged,
      ...(erpManaged ? { warning: { key: 'alerts.backup.erp' as const } } : {}),
    };
    if (fba.available === 0 && mfn.available === 0) {
      suggestions.push({
        ...base,
        operation: { kind: 'set', amount: link.quantity },
        kind: 'raise',
        reason: { key: 'alerts.backup.raise', params: { fbaSku: fba.sku, amount: link.quantity } },
      });
    } else if (fba.available > 0 && mfn.available > 0) {
      suggestions.push({
        ...base,
        operation: { kind: 'set', amount: 0 },
        kind: 'lower',
        reason: { key: 'alerts.backup.lower', params: { fbaSku: fba.sku, available: fba.available } },
      });
    }
  }
  return suggestions;
}

/**
 * Merchant-fulfilled SKUs that could be marked as the backup of an FBA SKU (same account, marketplace
 * and ASIN) and are not yet: for the dashboard to offer, never assumed.
 */
export function backupCandidates(
  alerts: readonly Alert[],
  links: readonly BackupLink[],
): { mfnKey: string; fbaKey: string }[] {
  const linked = new Set(links.map((l) => l.mfnKey));
  const fbaBySlot = new Map<string, Alert>();
  for (const a of alerts) {
    if (a.channel !== 'fba' || !a.asin) continue;
    const markets = a.pool ? a.pool.members.map((m) => m.marketplace) : [a.marketplace];
    for (const m of markets) fbaBySlot.set(`${a.account}\u001f${m}\u001f${a.asin}`, a);
  }
  const candidates: { mfnKey: string; fbaKey: string }[] = [];
  for (const a of alerts) {
    if (a.channel !== 'mfn' || !a.asin || linked.has(a.key)) continue;
    const fba = fbaBySlot.get(`${a.account}\u001f${a.marketplace}\u001f${a.asin}`);
    if (fba) candidates.push({ mfnKey: a.key, fbaKey: fba.key });
  }
  return candidates;
}
