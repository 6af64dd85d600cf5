import { createRuleContext, evaluateListings, imageState, listingKey, notCheckedKey, summarise } from '../compliance';
import type { Finding, RuleContext } from '../compliance/types';
import { observationOf, STOCK_FIELDS } from '../db/day-series';
import { salesHistory } from '../db/history';
import type { DB } from '../db/open';
import { badges as badgeCatalog } from '../i18n/catalog/badges';
import { common } from '../i18n/catalog/common';
import { compliance as complianceCatalog } from '../i18n/catalog/compliance';
import { velocity as velocityCatalog } from '../i18n/catalog/velocity';
import { createTranslator } from '../i18n/core';
import type { Language } from '../i18n/types';
import { marketplaceByCode } from '../marketplaces';
import type { ComplianceBadgeData, ImageStateName, RowBadges, StockLevel, VelocityBadgeData } from '../model/badges';
import { skuKey } from '../model/keys';
import type { Listing } from '../model/listing';
import type { Settings } from '../settings/schema';
import { computeVelocity, velocityContext } from '../velocity';
import { formatVelocity } from '../velocity/format';
import type { SalesHistory, Velocity } from '../velocity/types';
import type { ImageLookup } from './images';

const catalog = { ...common, ...velocityCatalog, ...complianceCatalog, ...badgeCatalog };

export interface BadgeRequest {
  account: string;
  marketplace: string | null;
  listings: readonly Listing[];
  /** The listings are page reads about to be stored: their badges count them as stored already. */
  reads?: boolean;
}

/**
 * A SKU's history as it will be once this read of it is stored (lib/db/ingest.ts): its stock the
 * latest observation where it differs from the last one, the visit counted, its page sales the
 * latest. The page stores its reads once it is quiet and asks for their badges at once: without
 * this, a badge would show no days of cover, or "stock OK" where it will say "low", until then.
 */
export function withRead(stored: SalesHistory | undefined, listing: Listing, at: number): SalesHistory {
  const history: SalesHistory = stored
    ? { ...stored, observations: [...stored.observations] }
    : { observations: [], writes: [], visits: 0 };
  const next = observationOf(listing, at);
  const last = history.observations[history.observations.length - 1];
  const same =
    last !== undefined && last.channel === next.channel && STOCK_FIELDS.every((field) => last[field] === next[field]);
  if (!same) history.observations.push(next);
  if (history.lastSeenAt === undefined || at > history.lastSeenAt) {
    history.lastSeenAt = at;
    if (history.visits !== undefined) history.visits += 1;
  }
  if (listing.pageSales) history.pageSales = listing.pageSales;
  else delete history.pageSales;
  return history;
}

const LEVEL_KEYS = {
  ok: 'badges.level.ok',
  low: 'badges.level.low',
  out: 'badges.level.out',
  unknown: 'badges.level.unknown',
} as const;

/**
 * The stock level a badge shows: out at 0; low under the seller's unit threshold or days-of-cover
 * threshold (per-SKU overrides first); unknown where the page shows no quantity.
 */
export function stockLevel(
  listing: Listing,
  velocity: Velocity | undefined,
  settings: Settings,
  key: string,
): StockLevel {
  const available = listing.stock.available;
  if (listing.isParent || available === undefined) return 'unknown';
  const inbound = velocity?.inboundCounted ?? 0;
  if (available === 0 && inbound === 0) return 'out';
  const override = settings.thresholds.perSku[key];
  const units = override?.units ?? settings.thresholds.lowStockUnits;
  const days = override?.days ?? settings.thresholds.lowStockDays;
  if (available <= units) return 'low';
  const cover = velocity?.daysOfCover;
  if (cover !== null && cover !== undefined && cover < days) return 'low';
  return 'ok';
}

function findingView(finding: Finding, t: ReturnType<typeof createTranslator<typeof catalog>>) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    severityText: t(`compliance.severity.${finding.severity}`),
    muted: finding.muted,
    message: t(finding.messageKey, finding.params as Record<string, string | number>),
    fix: t(finding.fixKey, finding.params as Record<string, string | number>),
    policyUrl: finding.policyUrl,
  };
}

/** Listings that share an ASIN with the batch, from the page itself and from the store. */
async function siblingsByAsin(
  db: DB | undefined,
  request: BadgeRequest,
): Promise<(asin: string) => readonly Listing[]> {
  const byAsin = new Map<string, Listing[]>();
  const add = (listing: Listing) => {
    if (!listing.asin) return;
    const list = byAsin.get(listing.asin) ?? [];
    if (!list.some((l) => l.sku === listing.sku && l.marketplace === listing.marketplace)) list.push(listing);
    byAsin.set(listing.asin, list);
  };
  for (const listing of request.listings) add(listing);
  if (db && request.marketplace) {
    // Only merchant rows at 0 need their FBA siblings (the "no sellable FBA stock" rule).
    const asins = new Set(
      request.listings
        .filter((l) => l.channel === 'mfn' && l.stock.available === 0 && l.asin)
        .map((l) => l.asin as string),
    );
    const tx = db.transaction('skus');
    const found = await Promise.all([...asins].map((asin) => tx.store.index('by-asin').getAll(asin)));
    await tx.done;
    for (const records of found) {
      for (const record of records) {
        if (record.account === request.account && record.marketplace === request.marketplace) add(record.latest);
      }
    }
  }
  return (asin) => byAsin.get(asin) ?? [];
}

type BadgeTranslate = ReturnType<typeof createTranslator<typeof catalog>>;

/** The main image's state for the badge, and the line explaining an image that was not checked. */
function imageView(
  listing: Listing,
  context: RuleContext,
  t: BadgeTranslate,
): { image: ImageStateName; note?: string } {
  const state = imageState(listing, context);
  if (state.state !== 'not-checked') return { image: state.state };
  const note = t(notCheckedKey(state.reason), { status: state.httpStatus ?? '' });
  return { image: state.reason === 'pending' ? 'pending' : 'not-checked', note };
}

/**
 * Both badges for every listing of a batch. Velocity comes from the store's history (nothing is
 * recorded for a page whose marketplace is unknown, so it says so); compliance from the listing
 * itself, its ASIN siblings and, when `images` is given, its main image as far as it is checked
 * (never waiting for a check: an image still being checked is `pending`).
 */
export async function computeBadges(
  db: DB | undefined,
  request: BadgeRequest,
  settings: Settings,
  lang: Language,
  now: number,
  images?: ImageLookup,
): Promise<RowBadges[]> {
  const t = createTranslator(catalog, lang);
  const marketplace = request.marketplace ? marketplaceByCode(request.marketplace) : undefined;
  const context = marketplace ? velocityContext(marketplace.timeZone, now, settings.velocity) : undefined;

  const velocities = await Promise.all(
    request.listings.map(async (listing): Promise<Velocity | undefined> => {
      if (!context || !request.marketplace) return undefined;
      const key = skuKey({ account: request.account, marketplace: request.marketplace, sku: listing.sku });
      const stored = db ? await salesHistory(db, key, now) : undefined;
      if (request.reads) return computeVelocity(withRead(stored, listing, now), context);
      const history: SalesHistory = stored ?? { observations: [], writes: [] };
      if (!stored && listing.pageSales) history.pageSales = listing.pageSales;
      return computeVelocity(history, context);
    }),
  );

  const lookup = await siblingsByAsin(db, request);
  const ruleContext = createRuleContext({
    brandTerms: settings.compliance.brandTerms,
    listingsForAsin: lookup,
    ...(images ? { imageResult: (url: string) => images.result(url) } : {}),
  });
  const findings = evaluateListings(request.listings, ruleContext, settings.compliance, {
    categories: images ? ['title', 'claims', 'image', 'offer'] : ['title', 'claims', 'offer'],
  });
  const labels = {
    fix: t('compliance.finding.fix'),
    policy: t('compliance.finding.policy'),
    muted: t('compliance.finding.muted'),
    none: t('badges.compliance.none'),
    mute: t('compliance.finding.mute'),
    unmute: t('compliance.finding.unmute'),
    muteFailed: t('badges.compliance.muteFailed'),
  };

  return request.listings.map((listing, index) => {
    const key = skuKey({ account: request.account, marketplace: request.marketplace ?? '', sku: listing.sku });
    const v = velocities[index];
    const level = stockLevel(listing, v, settings, key);
    let velocityBadge: VelocityBadgeData;
    if (v) {
      const formatted = formatVelocity(v, t, lang, now);
      velocityBadge = { ...formatted, level, levelText: t(LEVEL_KEYS[level]), heading: t('velocity.badge.name') };
    } else {
      const text = t('velocity.badge.noData');
      velocityBadge = {
        text,
        label: `${t('velocity.badge.name')}: ${text}`,
        perDay: '',
        daysOfCover: '',
        level,
        levelText: t(LEVEL_KEYS[level]),
        heading: t('velocity.badge.name'),
        lines: [t('badges.velocity.unmarked')],
      };
    }
    const rowFindings = findings[index] ?? [];
    const summary = summarise(rowFindings);
    const image = images ? imageView(listing, ruleContext, t) : undefined;
    const text =
      summary.issues === 0 ? t('badges.compliance.ok') : t('compliance.summary.issues', { count: summary.issues });
    const complianceBadge: ComplianceBadgeData = {
      issues: summary.issues,
      severity: summary.severity,
      text,
      label: `${t('badges.compliance.name')}: ${text}${summary.severity === 'ok' ? '' : ` (${t(`compliance.severity.${summary.severity}`)})`}`,
      heading: t('badges.compliance.name'),
      findings: rowFindings.map((finding) => findingView(finding, t)),
      muteKey: listingKey(listing),
      ...(image ? { image: image.image } : {}),
      ...(image?.note ? { imageNote: image.note } : {}),
      labels,
    };
    return { sku: listing.sku, velocity: velocityBadge, compliance: complianceBadge };
  });
}
