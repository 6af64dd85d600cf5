import { skuKey } from '../model/keys';
import type { Listing } from '../model/listing';
import type { Settings } from '../settings/schema';
import { claimsMedical } from './rules/claims-medical';
import { claimsPesticide } from './rules/claims-pesticide';
import { toFinding as toFindingImported } from './rules/define';
import { imageBackground } from './rules/image-background';
import { imageMissing } from './rules/image-missing';
import { imageNoZoom } from './rules/image-no-zoom';
import { imageTooSmall } from './rules/image-too-small';
import { offerInactive } from './rules/offer-inactive';
import { offerMfnZero } from './rules/offer-mfn-zero';
import { offerPriceLimits } from './rules/offer-price-limits';
import { offerPriceMissing } from './rules/offer-price-missing';
import { titleAllCaps } from './rules/title-all-caps';
import { titleDecorativeChars } from './rules/title-decorative-chars';
import { titleEmpty } from './rules/title-empty';
import { titleForbiddenChars } from './rules/title-forbidden-chars';
import { titleLength } from './rules/title-length';
import { titlePromotional } from './rules/title-promotional';
import { titleRepeatedWords } from './rules/title-repeated-words';
import type { Category, ChangeField, Finding, Rule, RuleContext, Severity } from './types';

export type ComplianceSettings = Settings['compliance'];

/** Every rule, in the order findings are listed (worst kinds of problem first within a category). */
export const RULES: readonly Rule[] = [
  titleEmpty,
  titleLength,
  titleForbiddenChars,
  titlePromotional,
  titleRepeatedWords,
  titleDecorativeChars,
  titleAllCaps,
  claimsPesticide,
  claimsMedical,
  imageMissing,
  imageTooSmall,
  imageNoZoom,
  imageBackground,
  offerInactive,
  offerPriceLimits,
  offerPriceMissing,
  offerMfnZero,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The SKU key a listing is muted under (lib/model/keys); a listing without a marketplace uses ''. */
export function listingKey(listing: Listing): string {
  return skuKey({ account: listing.account, marketplace: listing.marketplace ?? '', sku: listing.sku });
}

export interface EvaluateOptions {
  /** Only rules of these categories (the content script runs title, claims and offer; image results come later). */
  categories?: readonly Category[];
}

/**
 * The rules that run. A rule switched off in settings (`rules[id] === false`) is disabled: it
 * does not run and reports nothing anywhere. Muting is per SKU and is different: the rule still
 * runs and its finding is kept with `muted: true`, so the badge can show it greyed without
 * counting it.
 */
export function enabledRules(settings: ComplianceSettings, options: EvaluateOptions = {}): Rule[] {
  return RULES.filter(
    (rule) => settings.rules[rule.id] !== false && (!options.categories || options.categories.includes(rule.category)),
  );
}

const NOT_MUTED: readonly string[] = Object.freeze([]);

/** A module-local binding: under CommonJS (tsx: the bench, the unit tests) each read of an import is a getter call. */
const toFinding = toFindingImported;

/** A listing without findings shares this answer: most listings on a page have none, and 10,000 empty lists are garbage collection work. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

function runRules(
  rules: readonly Rule[],
  listing: Listing,
  context: RuleContext,
  muted: readonly string[],
): readonly Finding[] {
  let findings: Finding[] | undefined;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule;
    const detection = rule.detect(listing, context);
    if (!detection) continue;
    const finding = toFinding(rule, detection, muted.length > 0 && muted.includes(rule.id));
    if (findings) findings.push(finding);
    else findings = [finding];
  }
  return findings ?? NO_FINDINGS;
}

export function evaluateListing(
  listing: Listing,
  context: RuleContext,
  settings: ComplianceSettings,
  options: EvaluateOptions = {},
): Finding[] {
  // A list of its own, which the caller may keep and change.
  return [
    ...runRules(
      enabledRules(settings, options),
      listing,
      context,
      settings.mutedPerSku[listingKey(listing)] ?? NOT_MUTED,
    ),
  ];
}

/** evaluateListing over many listings, choosing the rules once. The lists are read-only: listings without findings share one. */
export function evaluateListings(
  listings: readonly Listing[],
  context: RuleContext,
  settings: ComplianceSettings,
  options: EvaluateOptions = {},
): (readonly Finding[])[] {
  const rules = enabledRules(settings, options);
  // Building a key per listing is wasted when nothing is muted, which is the usual case.
  const anyMuted = Object.keys(settings.mutedPerSku).length > 0;
  return listings.map((listing) =>
    runRules(rules, listing, context, anyMuted ? (settings.mutedPerSku[listingKey(listing)] ?? NOT_MUTED) : NOT_MUTED),
  );
}

export interface Summary {
  /** Findings that are not muted: the badge's `data-issues`. */
  issues: number;
  muted: number;
  /** `ok` exactly when `issues` is 0, else the worst unmuted severity: the badge's `data-severity`. */
  severity: 'ok' | Severity;
  /** Unmuted findings per rule id. */
  byRule: Record<string, number>;
}

export function summarise(findings: readonly Finding[]): Summary {
  let issues = 0;
  let muted = 0;
  let severity: Summary['severity'] = 'ok';
  const byRule: Record<string, number> = {};
  for (const finding of findings) {
    if (finding.muted) {
      muted++;
      continue;
    }
    issues++;
    byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    if (finding.severity === 'block') severity = 'block';
    else if (severity === 'ok') severity = 'warn';
  }
  return { issues, muted, severity, byRule };
}

/** The compliance badge's test-contract attributes (DESIGN.md, testability contract). */
export function badgeAttributes(summary: Summary): { 'data-issues': string; 'data-severity': Summary['severity'] } {
  return { 'data-issues': String(summary.issues), 'data-severity': summary.severity };
}

/**
 * For the bulk-edit preview: which findings hold a change back for confirmation and which are
 * listed for information. Only an unmuted `block` finding of a rule that names a changed field
 * holds it back, so a quantity change is never held back by a title, claim or image finding.
 */
export function gateChange(
  findings: readonly Finding[],
  changed: readonly ChangeField[],
): { holdBack: Finding[]; inform: Finding[] } {
  const holdBack: Finding[] = [];
  const inform: Finding[] = [];
  for (const finding of findings) {
    const affects = ruleById(finding.ruleId)?.affects ?? [];
    const holds = !finding.muted && finding.severity === 'block' && affects.some((field) => changed.includes(field));
    (holds ? holdBack : inform).push(finding);
  }
  return { holdBack, inform };
}
