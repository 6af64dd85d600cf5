import type { TableColumn } from '../export/csv';
import type { compliance as complianceCatalog } from '../i18n/catalog/compliance';
import type { findings as findingsCatalog } from '../i18n/catalog/findings';
import type { Translate } from '../i18n/core';
import type { Listing } from '../model/listing';
import { createRuleContext, indexByAsin } from './context';
import { isPlaceholderImage } from './image/url';
import { localisePolicyUrl } from './policy';
import { type ComplianceSettings, evaluateListings, RULES } from './registry';
import type { Finding, ImageCheckResult, Severity } from './types';

/**
 * Every known listing's findings as one list (the dashboard's Listing checks): one row per
 * finding, filterable by rule, severity, marketplace and SKU, and exportable as CSV.
 */

export interface KnownListing {
  key: string;
  latest: Listing;
}

export interface FindingRow {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  asin?: string;
  title?: string;
  finding: Finding;
}

export interface FindingReport {
  rows: FindingRow[];
  listings: number;
  /** Main images with no result yet, and images that could not be checked (image checks on only). */
  images: { pending: number; failed: number };
}

const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.id, index]));
const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1 };

/**
 * The findings of every listing, worst first, then by SKU and rule. Image rules judge only what
 * `imageResult` knows; without it they stay silent (a missing image is still reported: it needs no
 * check). Variation parents and ASIN siblings are evaluated as the badge does.
 */
export function findingReport(
  records: readonly KnownListing[],
  settings: ComplianceSettings,
  imageResult?: (url: string) => ImageCheckResult | undefined,
): FindingReport {
  const listings = records.map((record) => record.latest);
  const context = createRuleContext({
    brandTerms: settings.brandTerms,
    listingsForAsin: indexByAsin(listings),
    ...(imageResult ? { imageResult } : {}),
  });
  const evaluated = evaluateListings(listings, context, settings);
  const rows: FindingRow[] = [];
  const images = { pending: 0, failed: 0 };
  records.forEach((record, index) => {
    const listing = record.latest;
    for (const finding of evaluated[index] ?? []) {
      rows.push({
        key: record.key,
        account: listing.account,
        marketplace: listing.marketplace ?? '',
        sku: listing.sku,
        ...(listing.asin ? { asin: listing.asin } : {}),
        ...(listing.title !== undefined ? { title: listing.title } : {}),
        finding,
      });
    }
    const url = listing.imageUrl;
    if (imageResult && url && !isPlaceholderImage(url)) {
      const result = imageResult(url);
      if (!result) images.pending++;
      else if (result.status === 'not-checked') images.failed++;
    }
  });
  rows.sort(
    (a, b) =>
      SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
      (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) ||
      a.marketplace.localeCompare(b.marketplace) ||
      (RULE_ORDER.get(a.finding.ruleId) ?? 0) - (RULE_ORDER.get(b.finding.ruleId) ?? 0),
  );
  return { rows, listings: records.length, images };
}

export interface FindingFilter {
  /** '' = every rule. */
  ruleId: string;
  severity: '' | Severity;
  marketplace: string;
  /** Part of the SKU, any case. */
  sku: string;
  /** Show muted findings too. */
  muted: boolean;
}

export const NO_FILTER: FindingFilter = { ruleId: '', severity: '', marketplace: '', sku: '', muted: false };

export function filterFindings(
  rows: readonly FindingRow[],
  filter: FindingFilter,
  ignore?: keyof FindingFilter,
): FindingRow[] {
  const sku = filter.sku.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.muted || !row.finding.muted) &&
      (ignore === 'ruleId' || !filter.ruleId || row.finding.ruleId === filter.ruleId) &&
      (ignore === 'severity' || !filter.severity || row.finding.severity === filter.severity) &&
      (ignore === 'marketplace' || !filter.marketplace || row.marketplace === filter.marketplace) &&
      (ignore === 'sku' || !sku || row.sku.toLowerCase().includes(sku)),
  );
}

/** Findings per rule among the rows the other filters keep, for the rule filter's options. */
export function countByRule(rows: readonly FindingRow[], filter: FindingFilter): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of filterFindings(rows, filter, 'ruleId')) {
    counts.set(row.finding.ruleId, (counts.get(row.finding.ruleId) ?? 0) + 1);
  }
  return counts;
}

export function severityCounts(rows: readonly FindingRow[]): { block: number; warn: number; muted: number } {
  const counts = { block: 0, warn: 0, muted: 0 };
  for (const row of rows) {
    if (row.finding.muted) counts.muted++;
    else counts[row.finding.severity]++;
  }
  return counts;
}

export type ReportKey = Extract<keyof typeof findingsCatalog | keyof typeof complianceCatalog, string>;

/** The rule's short name ("Title: over 200 characters"). */
export function ruleName(t: Translate<ReportKey>, ruleId: string): string {
  return t(`findings.rule.${ruleId}` as ReportKey);
}

export function findingMessage(t: Translate<ReportKey>, finding: Finding): string {
  return t(finding.messageKey, finding.params as Record<string, string | number>);
}

export function findingFix(t: Translate<ReportKey>, finding: Finding): string {
  return t(finding.fixKey, finding.params as Record<string, string | number>);
}

/** The policy page on the listing's own Seller Central, where the help id exists there. */
export function findingPolicyUrl(row: FindingRow): string {
  return localisePolicyUrl(row.finding.policyUrl, row.marketplace || null);
}

/** The CSV the dashboard exports: what the table shows, plus account, ASIN and title. */
export function findingColumns(t: Translate<ReportKey>): TableColumn<FindingRow>[] {
  return [
    { header: t('findings.col.account'), value: (row) => row.account },
    { header: t('findings.col.marketplace'), value: (row) => row.marketplace },
    { header: t('findings.col.sku'), value: (row) => row.sku, sku: true },
    { header: t('findings.col.asin'), value: (row) => row.asin ?? '', sku: true },
    { header: t('findings.col.title'), value: (row) => row.title ?? '' },
    { header: t('findings.col.rule'), value: (row) => ruleName(t, row.finding.ruleId) },
    { header: t('findings.col.severity'), value: (row) => t(`compliance.severity.${row.finding.severity}`) },
    { header: t('findings.col.muted'), value: (row) => t(row.finding.muted ? 'findings.yes' : 'findings.no') },
    { header: t('findings.col.finding'), value: (row) => findingMessage(t, row.finding) },
    { header: t('findings.col.fix'), value: (row) => findingFix(t, row.finding) },
    { header: t('findings.col.policy'), value: (row) => findingPolicyUrl(row) },
  ];
}
