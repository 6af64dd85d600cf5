import { describe, expect, it } from 'vitest';
import { bulk } from '@/lib/i18n/catalog/bulk';
import { common } from '@/lib/i18n/catalog/common';
import { dashboard } from '@/lib/i18n/catalog/dashboard';
import { page } from '@/lib/i18n/catalog/page';
import { popup } from '@/lib/i18n/catalog/popup';
import { createTranslator } from '@/lib/i18n/core';
import { LANGUAGES } from '@/lib/i18n/types';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('bulk catalog', () => {
  it('has every key in every language, non-empty, with the same placeholders, under its own prefix', () => {
    for (const [key, entry] of Object.entries(bulk)) {
      expect(key.startsWith('bulk.'), key).toBe(true);
      const en = entry.en;
      const enPlaceholders = placeholders(typeof en === 'string' ? en : en.other).filter((p) => p !== 'count');
      for (const lang of LANGUAGES) {
        const text = entry[lang];
        const forms = typeof text === 'string' ? [text] : [text.one, text.other];
        for (const form of forms) {
          expect(form.trim(), `${key} ${lang}`).not.toBe('');
          expect(
            placeholders(form).filter((p) => p !== 'count'),
            `${key} ${lang}`,
          ).toEqual(enPlaceholders);
        }
      }
    }
  });

  it('shares no key with the other catalogs', () => {
    const others = new Set([common, page, popup, dashboard].flatMap((c) => Object.keys(c)));
    for (const key of Object.keys(bulk)) expect(others.has(key), key).toBe(false);
  });

  it('speaks the seller’s terms and fills in the numbers', () => {
    const zh = createTranslator(bulk, 'zh_CN');
    const en = createTranslator(bulk, 'en');
    expect(zh('bulk.refused.fba')).toContain('亚马逊物流');
    expect(zh('bulk.refused.fba')).toContain('自发货');
    expect(en('bulk.refused.belowZero', { before: 3, amount: 5, result: -2 })).toBe(
      'Subtracting 5 from 3 would give -2. Stock cannot go below 0; nothing is changed.',
    );
    expect(en('bulk.notice.frequent', { count: 1 })).toBe('Changed 1 time in the last 7 days.');
    expect(en('bulk.notice.frequent', { count: 5 })).toBe('Changed 5 times in the last 7 days.');
    expect(zh('bulk.amount.aboveMaximum', { text: 120000, max: 99999 })).toBe(
      '120,000 超过了您设置的上限 99,999 件。请检查数量，或在“设置 → 批量编辑”中提高上限。',
    );
  });
});
