import { describe, expect, it } from 'vitest';
import { createRuleContext, indexByAsin } from '@/lib/compliance/context';
import {
  badgeAttributes,
  enabledRules,
  evaluateListing,
  evaluateListings,
  gateChange,
  listingKey,
  RULES,
  ruleById,
  summarise,
} from '@/lib/compliance/registry';
import type { Finding } from '@/lib/compliance/types';
import { compliance } from '@/lib/i18n/catalog/compliance';
import { createTranslator } from '@/lib/i18n/core';
import { skuKey } from '@/lib/model/keys';
import { complianceSettings, context, listing } from './helpers';

const troubled = listing({
  sku: 'SOAP-1',
  title: 'Antibacterial Soap!! Free Shipping',
  price: 5,
  minPrice: 6,
  maxPrice: 20,
});

function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

describe('RULES', () => {
  it('has unique ids, catalog texts, a policy link and one category each', () => {
    const seen = new Set<string>();
    for (const rule of RULES) {
      expect(seen.has(rule.id), rule.id).toBe(false);
      seen.add(rule.id);
      expect(rule.id.startsWith(`${rule.category}.`), rule.id).toBe(true);
      expect(Object.hasOwn(compliance, rule.messageKey), rule.messageKey).toBe(true);
      expect(Object.hasOwn(compliance, rule.fixKey), rule.fixKey).toBe(true);
      expect(rule.policyUrl).toMatch(/^https:\/\/[^/]+\.amazon\.com\//);
      expect(['warn', 'block']).toContain(rule.severity);
      expect(ruleById(rule.id)).toBe(rule);
    }
  });

  it('lets only price rules hold a change back, and only a price change', () => {
    for (const rule of RULES) {
      expect(rule.affects.includes('quantity'), rule.id).toBe(false);
      if (rule.category !== 'offer') expect(rule.affects, rule.id).toEqual([]);
    }
  });
});

describe('evaluateListing', () => {
  it('runs every enabled rule and lists findings in rule order', () => {
    const findings = evaluateListing(troubled, context(), complianceSettings());
    expect(ids(findings)).toEqual([
      'title.forbidden-chars',
      'title.promotional',
      'claims.pesticide',
      'offer.price-limits',
    ]);
    expect(findings.every((f) => !f.muted)).toBe(true);
  });

  it('does not run a disabled rule at all', () => {
    const settings = complianceSettings({ rules: { 'claims.pesticide': false, 'title.promotional': true } });
    const findings = evaluateListing(troubled, context(), settings);
    expect(ids(findings)).toEqual(['title.forbidden-chars', 'title.promotional', 'offer.price-limits']);
    expect(enabledRules(settings).some((r) => r.id === 'claims.pesticide')).toBe(false);
  });

  it('keeps a finding muted for this SKU, greyed and uncounted', () => {
    const key = skuKey({ account: 'A1', marketplace: 'US', sku: 'SOAP-1' });
    const settings = complianceSettings({ mutedPerSku: { [key]: ['claims.pesticide', 'offer.price-limits'] } });
    const findings = evaluateListing(troubled, context(), settings);
    expect(ids(findings)).toEqual([
      'title.forbidden-chars',
      'title.promotional',
      'claims.pesticide',
      'offer.price-limits',
    ]);
    expect(findings.filter((f) => f.muted).map((f) => f.ruleId)).toEqual(['claims.pesticide', 'offer.price-limits']);
    expect(summarise(findings)).toEqual({
      issues: 2,
      muted: 2,
      severity: 'block',
      byRule: { 'title.forbidden-chars': 1, 'title.promotional': 1 },
    });
  });

  it('mutes by account, marketplace and SKU together', () => {
    const settings = complianceSettings({ mutedPerSku: { [listingKey(troubled)]: ['claims.pesticide'] } });
    const elsewhere = { ...troubled, marketplace: 'CA' };
    expect(evaluateListing(elsewhere, context(), settings).some((f) => f.muted)).toBe(false);
    const unknownMarketplace = { ...troubled, marketplace: null };
    const keyed = complianceSettings({ mutedPerSku: { [listingKey(unknownMarketplace)]: ['claims.pesticide'] } });
    expect(evaluateListing(unknownMarketplace, context(), keyed).filter((f) => f.muted)).toHaveLength(1);
  });

  it('restricts to categories when asked', () => {
    const findings = evaluateListing(troubled, context(), complianceSettings(), { categories: ['offer'] });
    expect(ids(findings)).toEqual(['offer.price-limits']);
  });

  it('gives the same answers one by one and in a batch', () => {
    const many = [
      troubled,
      listing({ sku: 'OK-1', title: 'Steel Soap Dish' }),
      listing({ sku: 'P', price: undefined }),
    ];
    const ctx = context({ listingsForAsin: indexByAsin(many) });
    const settings = complianceSettings();
    expect(evaluateListings(many, ctx, settings)).toEqual(many.map((l) => evaluateListing(l, ctx, settings)));
  });

  it('treats an HTML-like title as text from end to end', () => {
    const title = '<img src=x onerror=alert(1)> Antibacterial Soap!';
    const findings = evaluateListing(listing({ title }), context(), complianceSettings());
    expect(ids(findings)).toEqual(['title.forbidden-chars', 'title.decorative-chars', 'claims.pesticide']);
    expect(findings.find((f) => f.ruleId === 'title.decorative-chars')?.params.chars).toBe('“<”, “>”');
  });

  it('prepares a title once for all the rules of its listing', () => {
    const ctx = createRuleContext();
    const item = listing({ title: 'Soap' });
    const first = ctx.title(item);
    expect(ctx.title(item)).toBe(first);
    // A changed title is analysed again, not answered from the last analysis.
    const renamed = { ...item, title: 'Soap Dish' };
    expect(ctx.title(renamed)?.text).toBe('Soap Dish');
    item.title = 'Soap Bar';
    expect(ctx.title(item)?.text).toBe('Soap Bar');
  });

  it('uses the marketplace’s language, or the one the context forces', () => {
    const item = listing({ marketplace: 'DE', title: 'Seife versandkostenfrei' });
    expect(ids(evaluateListing(item, context(), complianceSettings()))).toEqual(['title.promotional']);
    expect(evaluateListing(item, context({ language: 'en' }), complianceSettings())).toEqual([]);
    expect(context().languageOf(listing({ marketplace: null }))).toBe('en');
    expect(context().languageOf(listing({ marketplace: 'JP' }))).toBe('ja');
  });
});

const finding = (ruleId: string, overrides: Partial<Finding> = {}): Finding => {
  const rule = ruleById(ruleId)!;
  return {
    ruleId,
    category: rule.category,
    severity: rule.severity,
    messageKey: rule.messageKey,
    fixKey: rule.fixKey,
    params: {},
    policyUrl: rule.policyUrl,
    muted: false,
    ...overrides,
  };
};

describe('summarise and the badge', () => {
  it('is ok exactly when nothing unmuted is found', () => {
    expect(summarise([])).toEqual({ issues: 0, muted: 0, severity: 'ok', byRule: {} });
    const allMuted = summarise([finding('claims.pesticide', { muted: true })]);
    expect(allMuted).toEqual({ issues: 0, muted: 1, severity: 'ok', byRule: {} });
    expect(badgeAttributes(allMuted)).toEqual({ 'data-issues': '0', 'data-severity': 'ok' });
  });

  it('takes the worst unmuted severity', () => {
    expect(summarise([finding('title.all-caps')]).severity).toBe('warn');
    expect(summarise([finding('title.all-caps'), finding('title.length')]).severity).toBe('block');
    expect(summarise([finding('title.length'), finding('title.all-caps')]).severity).toBe('block');
    expect(summarise([finding('title.all-caps'), finding('title.length', { muted: true })]).severity).toBe('warn');
  });

  it('counts unmuted findings per rule', () => {
    const summary = summarise([finding('title.all-caps'), finding('image.no-zoom'), finding('title.all-caps')]);
    expect(summary.issues).toBe(3);
    expect(summary.byRule).toEqual({ 'title.all-caps': 2, 'image.no-zoom': 1 });
    expect(badgeAttributes(summary)).toEqual({ 'data-issues': '3', 'data-severity': 'warn' });
  });
});

describe('gateChange', () => {
  const findings = [
    finding('title.length'),
    finding('claims.pesticide'),
    finding('image.too-small'),
    finding('offer.price-limits'),
    finding('offer.price-missing'),
  ];

  it('never holds a quantity change back for title, claim or image findings, and lists them all', () => {
    const gate = gateChange(findings, ['quantity']);
    expect(gate.holdBack).toEqual([]);
    expect(gate.inform).toHaveLength(findings.length);
  });

  it('holds a price change back for an unmuted blocking price finding only', () => {
    expect(ids(gateChange(findings, ['price']).holdBack)).toEqual(['offer.price-limits']);
    const muted = findings.map((f) => (f.ruleId === 'offer.price-limits' ? { ...f, muted: true } : f));
    expect(gateChange(muted, ['price', 'quantity']).holdBack).toEqual([]);
  });
});

describe('every rule, end to end', () => {
  const brand = { brandTerms: [] as string[] };
  const samples: Record<string, { item: ReturnType<typeof listing>; imageWidth?: number; whiteShare?: number }> = {
    'title.empty': { item: listing({ title: '' }) },
    'title.length': { item: listing({ title: `Soap ${'x'.repeat(200)}` }) },
    'title.forbidden-chars': { item: listing({ title: 'Soap?' }) },
    'title.promotional': { item: listing({ title: 'Soap hot sale' }) },
    'title.repeated-words': { item: listing({ title: 'soap Soap SOAP' }) },
    'title.decorative-chars': { item: listing({ title: '~Soap~' }) },
    'title.all-caps': { item: listing({ title: 'STAINLESS STEEL SOAP DISH' }) },
    'claims.pesticide': { item: listing({ title: 'Sanitizing soap' }) },
    'claims.medical': { item: listing({ title: 'Soap for eczema' }) },
    'image.missing': { item: listing({ imageUrl: '' }) },
    'image.too-small': { item: listing({ imageUrl: 'https://m.media-amazon.com/images/I/1.jpg' }), imageWidth: 300 },
    'image.no-zoom': { item: listing({ imageUrl: 'https://m.media-amazon.com/images/I/1.jpg' }), imageWidth: 800 },
    'image.background': {
      item: listing({ imageUrl: 'https://m.media-amazon.com/images/I/1.jpg' }),
      imageWidth: 1500,
      whiteShare: 0.5,
    },
    'offer.inactive': {
      item: listing({ state: 'inactive', reasons: ['missing_information'], statusText: 'Incomplete' }),
    },
    'offer.price-limits': { item: listing({ price: 50, maxPrice: 40, currency: 'EUR' }) },
    'offer.price-missing': { item: listing({ price: undefined }) },
    'offer.mfn-zero': { item: listing({ stock: { available: 0 } }) },
  };

  it('has a sample for every rule', () => {
    expect(Object.keys(samples).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const [ruleId, sample] of Object.entries(samples)) {
    it(`${ruleId}: reports exactly itself with every placeholder filled`, () => {
      const ctx = context({
        ...brand,
        imageResult: () =>
          sample.imageWidth === undefined
            ? undefined
            : { status: 'checked', width: sample.imageWidth, height: 100, whiteShare: sample.whiteShare ?? 1 },
      });
      const findings = evaluateListing(sample.item, ctx, complianceSettings());
      expect(ids(findings)).toEqual([ruleId]);
      const [found] = findings;
      for (const key of [found!.messageKey, found!.fixKey]) {
        for (const lang of ['en', 'zh_CN'] as const) {
          const text = createTranslator(compliance, lang)(key, found!.params);
          expect(text, `${key} ${lang}`).not.toMatch(/\{\w+\}/);
          expect(text.length).toBeGreaterThan(3);
        }
      }
    });
  }
});
