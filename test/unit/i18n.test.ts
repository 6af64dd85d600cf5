import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translatorFor } from '@/lib/i18n';
import { alertSettings } from '@/lib/i18n/catalog/alertSettings';
import { alerts } from '@/lib/i18n/catalog/alerts';
import { apply } from '@/lib/i18n/catalog/apply';
import { badges } from '@/lib/i18n/catalog/badges';
import { batches } from '@/lib/i18n/catalog/batches';
import { bulk } from '@/lib/i18n/catalog/bulk';
import { common } from '@/lib/i18n/catalog/common';
import { compliance } from '@/lib/i18n/catalog/compliance';
import { dashboard } from '@/lib/i18n/catalog/dashboard';
import { findings } from '@/lib/i18n/catalog/findings';
import { history } from '@/lib/i18n/catalog/history';
import { imports } from '@/lib/i18n/catalog/imports';
import { page } from '@/lib/i18n/catalog/page';
import { pageChecks } from '@/lib/i18n/catalog/page-checks';
import { panel } from '@/lib/i18n/catalog/panel';
import { popup } from '@/lib/i18n/catalog/popup';
import { reports } from '@/lib/i18n/catalog/reports';
import { sync } from '@/lib/i18n/catalog/sync';
import { syncStaged } from '@/lib/i18n/catalog/syncStaged';
import { syncUi } from '@/lib/i18n/catalog/syncUi';
import { velocity } from '@/lib/i18n/catalog/velocity';
import { createTranslator, formatDate, formatNumber, resolveLanguage } from '@/lib/i18n/core';
import { type Catalog, LANGUAGES } from '@/lib/i18n/types';

const CATALOGS: Record<string, Catalog> = {
  alerts,
  alertSettings,
  apply,
  batches,
  common,
  page,
  popup,
  dashboard,
  bulk,
  compliance,
  velocity,
  reports,
  badges,
  history,
  panel,
  findings,
  pageChecks,
  imports,
  sync,
  syncUi,
  syncStaged,
};

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('catalog completeness', () => {
  for (const [name, catalog] of Object.entries(CATALOGS)) {
    it(`${name}: every key has non-empty text in every language, with the same placeholders`, () => {
      for (const [key, entry] of Object.entries(catalog)) {
        for (const lang of LANGUAGES) {
          const text = entry[lang];
          expect(text, `${name}:${key} is missing ${lang}`).toBeDefined();
          const forms = typeof text === 'string' ? [text] : [text.one, text.other];
          for (const form of forms) expect(form.trim(), `${name}:${key} ${lang} is empty`).not.toBe('');
          const en = entry.en;
          const enForm = typeof en === 'string' ? en : en.other;
          const form = typeof text === 'string' ? text : text.other;
          expect(
            placeholders(form).filter((p) => p !== 'count'),
            `${name}:${key} ${lang} placeholders`,
          ).toEqual(placeholders(enForm).filter((p) => p !== 'count'));
        }
      }
    });
  }

  it('no key is defined in two catalogs (a later spread would silently win)', () => {
    const seen = new Map<string, string>();
    for (const [name, catalog] of Object.entries(CATALOGS)) {
      for (const key of Object.keys(catalog)) {
        expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('the detector itself fails on a missing language', () => {
    const broken = { 'x.key': { en: 'Hello' } } as unknown as Catalog;
    expect(() => {
      for (const entry of Object.values(broken)) for (const lang of LANGUAGES) expect(entry[lang]).toBeDefined();
    }).toThrow();
  });

  it('uses the terms Chinese sellers already use', () => {
    expect(common['term.daysOfCover'].zh_CN).toBe('可售天数');
    expect(common['term.unitsPerDay'].zh_CN).toBe('日均销量');
    expect(common['term.stockOutDate'].zh_CN).toBe('断货日期');
    expect(common['term.suggestedQuantity'].zh_CN).toBe('建议补货量');
    expect(common['term.inbound'].zh_CN).toBe('在途');
    expect(common['channel.mfn'].zh_CN).toBe('自发货');
    expect(common['channel.fba'].zh_CN).toBe('亚马逊物流');
  });
});

describe('t()', () => {
  it('interpolates and formats numbers for the language', () => {
    const en = createTranslator(common, 'en');
    const zh = createTranslator(common, 'zh_CN');
    expect(en('unit.perDay', { value: '3.2' })).toBe('3.2/day');
    expect(zh('unit.perDay', { value: '3.2' })).toBe('日均 3.2');
    expect(en('unit.days', { count: 1 })).toBe('1 day');
    expect(en('unit.days', { count: 12 })).toBe('12 days');
    expect(en('unit.units', { count: 1234 })).toBe('1,234 units');
    expect(zh('unit.days', { count: 12 })).toBe('12 天');
  });

  it('shows the key for an unknown key rather than nothing', () => {
    const t = createTranslator(common, 'en') as (key: string) => string;
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

describe('language choice', () => {
  it.each([
    ['auto', 'zh-CN', 'zh_CN'],
    ['auto', 'zh-TW', 'zh_CN'],
    ['auto', 'zh', 'zh_CN'],
    ['auto', 'en-GB', 'en'],
    ['auto', 'de', 'en'],
    ['auto', undefined, 'en'],
    ['en', 'zh-CN', 'en'],
    ['zh_CN', 'en-US', 'zh_CN'],
  ] as const)('setting %s with browser %s gives %s', (setting, browserLang, expected) => {
    expect(resolveLanguage(setting, browserLang)).toBe(expected);
  });

  it('auto follows the browser UI language, not the page', () => {
    fakeBrowser.i18n.getUILanguage = () => 'zh-CN';
    // translatorFor has no page-language input at all: only the browser is asked.
    expect(translatorFor(common, 'auto').lang).toBe('zh_CN');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    expect(translatorFor(common, 'auto').lang).toBe('en');
  });
});

describe('formatting', () => {
  it('formats numbers and dates per language', () => {
    expect(formatNumber(12345.67, 'en')).toBe('12,345.7');
    expect(formatNumber(12345.67, 'zh_CN')).toBe('12,345.7');
    const date = Date.UTC(2026, 10, 27, 12);
    expect(formatDate(date, 'en', 'America/Los_Angeles')).toBe('Nov 27, 2026');
    expect(formatDate(date, 'zh_CN', 'Asia/Tokyo')).toBe('2026年11月27日');
  });

  it('counts the date in the given time zone', () => {
    // 02:00 UTC on the 27th is still the 26th in Los Angeles.
    const early = Date.UTC(2026, 10, 27, 2);
    expect(formatDate(early, 'en', 'America/Los_Angeles')).toBe('Nov 26, 2026');
    expect(formatDate(early, 'en', 'Asia/Tokyo')).toBe('Nov 27, 2026');
  });
});
