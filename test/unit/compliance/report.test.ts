import { describe, expect, it } from 'vitest';
import { listingKey, RULES } from '@/lib/compliance/registry';
import {
  countByRule,
  filterFindings,
  findingColumns,
  findingPolicyUrl,
  findingReport,
  type KnownListing,
  NO_FILTER,
  ruleName,
  severityCounts,
} from '@/lib/compliance/report';
import { toCsv } from '@/lib/export/csv';
import { compliance } from '@/lib/i18n/catalog/compliance';
import { findings } from '@/lib/i18n/catalog/findings';
import { createTranslator } from '@/lib/i18n/core';
import type { Listing } from '@/lib/model/listing';
import { complianceSettings, listing } from './helpers';

const catalog = { ...compliance, ...findings };
const en = createTranslator(catalog, 'en');
const zh = createTranslator(catalog, 'zh_CN');

const known = (l: Listing): KnownListing => ({ key: listingKey(l), latest: l });
const LONG = `Lumen Silicone Pot Holder!! ${'Heat Resistant Kitchen Mat '.repeat(8)}`.trim();
const IMG = (id: string) => `https://m.media-amazon.com/images/I/${id}._SL75_.jpg`;

const records = [
  known(listing({ sku: 'LOUD', title: LONG, imageUrl: IMG('loud') })),
  known(listing({ sku: 'CLEAN', title: 'Lumen Ceramic Coffee Mug 350ml, Blue', imageUrl: IMG('clean') })),
  known(
    listing({
      sku: 'DE-1',
      marketplace: 'DE',
      title: 'Antibakteriell Seifenschale aus Edelstahl',
      imageUrl: IMG('de'),
    }),
  ),
  known(
    listing({ sku: 'NOPRICE', title: 'Lumen Stoneware Mug 350ml, Blue', price: undefined, imageUrl: IMG('small') }),
  ),
];

describe('the findings list', () => {
  it('lists every finding of every listing, worst first, and nothing for a clean listing', () => {
    const report = findingReport(records, complianceSettings());
    expect(report.listings).toBe(4);
    expect(report.rows.some((row) => row.sku === 'CLEAN')).toBe(false);
    const loud = report.rows.filter((row) => row.sku === 'LOUD').map((row) => row.finding.ruleId);
    expect(loud).toEqual(expect.arrayContaining(['title.length', 'title.forbidden-chars']));
    expect(report.rows.find((row) => row.sku === 'DE-1')?.finding.ruleId).toBe('claims.pesticide');
    const severities = report.rows.map((row) => row.finding.severity);
    expect(severities.indexOf('warn')).toBeGreaterThan(severities.lastIndexOf('block'));
  });

  it('judges main images only from the results it is given, and counts the ones still unchecked', () => {
    const results = {
      [IMG('small')]: { status: 'checked', width: 800, height: 800, whiteShare: 1 } as const,
      [IMG('clean')]: { status: 'not-checked', reason: 'timeout' } as const,
    };
    const report = findingReport(records, complianceSettings({ imageChecks: true }), (url) => results[url]);
    expect(report.rows.filter((row) => row.finding.category === 'image').map((row) => row.sku)).toEqual(['NOPRICE']);
    expect(report.images).toEqual({ pending: 2, failed: 1 });
    expect(findingReport(records, complianceSettings()).images).toEqual({ pending: 0, failed: 0 });
  });

  it('filters by rule, severity, marketplace and SKU, and hides muted findings unless asked', () => {
    const loudKey = records[0]!.key;
    const report = findingReport(records, complianceSettings({ mutedPerSku: { [loudKey]: ['title.length'] } }));
    const byRule = filterFindings(report.rows, { ...NO_FILTER, ruleId: 'title.length' });
    expect(byRule).toEqual([]);
    const withMuted = filterFindings(report.rows, { ...NO_FILTER, ruleId: 'title.length', muted: true });
    expect(withMuted.map((row) => [row.sku, row.finding.muted])).toEqual([['LOUD', true]]);
    expect(filterFindings(report.rows, { ...NO_FILTER, marketplace: 'DE' }).map((row) => row.sku)).toEqual(['DE-1']);
    expect(filterFindings(report.rows, { ...NO_FILTER, sku: 'noPr' }).map((row) => row.finding.ruleId)).toEqual([
      'offer.price-missing',
    ]);
    expect(
      filterFindings(report.rows, { ...NO_FILTER, severity: 'warn' }).every((row) => row.finding.severity === 'warn'),
    ).toBe(true);
    expect(severityCounts(report.rows).muted).toBe(1);
    // The rule filter's counts follow the other filters.
    expect(countByRule(report.rows, { ...NO_FILTER, marketplace: 'DE' })).toEqual(new Map([['claims.pesticide', 1]]));
  });

  it('leaves out a rule switched off', () => {
    const report = findingReport(records, complianceSettings({ rules: { 'title.length': false } }));
    expect(report.rows.some((row) => row.finding.ruleId === 'title.length')).toBe(false);
  });

  it('names every rule in both languages', () => {
    for (const rule of RULES) {
      expect(ruleName(en, rule.id)).not.toBe(`findings.rule.${rule.id}`);
      expect(ruleName(zh, rule.id)).not.toBe(`findings.rule.${rule.id}`);
    }
  });

  it('exports what the table shows, in the seller language, with SKUs kept exactly', () => {
    const report = findingReport(records, complianceSettings());
    const rows = filterFindings(report.rows, { ...NO_FILTER, marketplace: 'DE' });
    const csv = toCsv(findingColumns(zh), rows);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('账户,站点,SKU,ASIN,标题,检查项,严重程度,已忽略,问题,修改建议,亚马逊政策');
    expect(lines[1]).toContain('"DE-1"');
    expect(lines[1]).toContain('宣称：农药/杀菌');
    expect(lines[1]).toContain('否');
    // The policy link opens on the listing's own Seller Central.
    expect(findingPolicyUrl(rows[0]!)).toMatch(/^https:\/\/sellercentral\.amazon\.de\//);
  });
});
