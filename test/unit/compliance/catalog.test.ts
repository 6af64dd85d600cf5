import { describe, expect, it } from 'vitest';
import { localisePolicyUrl, POLICY } from '@/lib/compliance/policy';
import { common } from '@/lib/i18n/catalog/common';
import { compliance } from '@/lib/i18n/catalog/compliance';
import { dashboard } from '@/lib/i18n/catalog/dashboard';
import { page } from '@/lib/i18n/catalog/page';
import { popup } from '@/lib/i18n/catalog/popup';
import { createTranslator } from '@/lib/i18n/core';
import { LANGUAGES } from '@/lib/i18n/types';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('compliance catalog', () => {
  it('has non-empty text in every language with the same placeholders', () => {
    for (const [key, entry] of Object.entries(compliance)) {
      expect(key.startsWith('compliance.'), key).toBe(true);
      const en = typeof entry.en === 'string' ? entry.en : entry.en.other;
      for (const lang of LANGUAGES) {
        const text = entry[lang];
        const forms = typeof text === 'string' ? [text] : [text.one, text.other];
        for (const form of forms) expect(form.trim(), `${key} ${lang}`).not.toBe('');
        const form = typeof text === 'string' ? text : text.other;
        expect(
          placeholders(form).filter((p) => p !== 'count'),
          `${key} ${lang}`,
        ).toEqual(placeholders(en).filter((p) => p !== 'count'));
      }
    }
  });

  it('shares no key with another catalog', () => {
    for (const other of [common, page, popup, dashboard]) {
      for (const key of Object.keys(compliance)) expect(Object.hasOwn(other, key), key).toBe(false);
    }
  });

  it('uses the words Chinese sellers use', () => {
    expect(compliance['compliance.offer.mfn-zero.message'].zh_CN).toContain('自发货');
    expect(compliance['compliance.offer.mfn-zero.message'].zh_CN).toContain('亚马逊物流');
    expect(compliance['compliance.image.missing.message'].zh_CN).toContain('主图');
  });

  it('renders a finding in both languages', () => {
    const params = { length: 215, max: 200 };
    expect(createTranslator(compliance, 'en')('compliance.title.length.message', params)).toBe(
      'The title has 215 characters; the limit is 200.',
    );
    expect(createTranslator(compliance, 'zh_CN')('compliance.title.length.message', params)).toBe(
      '标题有 215 个字符，超过 200 个字符的上限。',
    );
    expect(createTranslator(compliance, 'en')('compliance.summary.issues', { count: 1 })).toBe('1 issue');
  });
});

describe('localisePolicyUrl', () => {
  it('opens the help page on the seller’s own Seller Central', () => {
    expect(localisePolicyUrl(POLICY.claims, 'DE')).toBe('https://sellercentral.amazon.de/gp/help/external/202024200');
    expect(localisePolicyUrl(POLICY.title, 'JP')).toBe(
      'https://sellercentral.amazon.co.jp/help/hub/reference/external/201100890',
    );
    expect(localisePolicyUrl(POLICY.title, 'gb')).toContain('https://sellercentral.amazon.co.uk/');
  });

  it('leaves other links and unknown marketplaces alone', () => {
    expect(localisePolicyUrl(POLICY.listingStatus, 'DE')).toBe(POLICY.listingStatus);
    expect(localisePolicyUrl(POLICY.claims, null)).toBe(POLICY.claims);
    expect(localisePolicyUrl(POLICY.claims, 'XX')).toBe(POLICY.claims);
  });
});
