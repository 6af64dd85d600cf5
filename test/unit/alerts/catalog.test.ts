import { describe, expect, it } from 'vitest';
import { ALERT_REASONS, ALERT_STATES } from '@/lib/alerts/types';
import { alerts } from '@/lib/i18n/catalog/alerts';
import { bulk } from '@/lib/i18n/catalog/bulk';
import { common } from '@/lib/i18n/catalog/common';
import { compliance } from '@/lib/i18n/catalog/compliance';
import { dashboard } from '@/lib/i18n/catalog/dashboard';
import { page } from '@/lib/i18n/catalog/page';
import { popup } from '@/lib/i18n/catalog/popup';
import { velocity } from '@/lib/i18n/catalog/velocity';
import { createTranslator } from '@/lib/i18n/core';
import { LANGUAGES } from '@/lib/i18n/types';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('alerts catalog', () => {
  it('has every key in every language, non-empty, with the same placeholders, under its own prefix', () => {
    for (const [key, entry] of Object.entries(alerts)) {
      expect(key.startsWith('alerts.'), key).toBe(true);
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
    const others = new Set([common, page, popup, dashboard, bulk, compliance, velocity].flatMap((c) => Object.keys(c)));
    for (const key of Object.keys(alerts)) expect(others.has(key), key).toBe(false);
  });

  it('names every state (and every state and reason the library produces has its text)', () => {
    for (const state of ALERT_STATES) expect(alerts).toHaveProperty([`alerts.state.${state}`]);
    for (const reason of ALERT_REASONS) expect(alerts).toHaveProperty([`alerts.reason.${reason}`]);
  });

  it('speaks the sellers’ own terms', () => {
    const zh = createTranslator(alerts, 'zh_CN');
    expect(zh('alerts.column.daysOfCover')).toBe('可售天数');
    expect(zh('alerts.column.perDay')).toBe('日均销量');
    expect(zh('alerts.column.stockOutDay')).toBe('断货日期');
    expect(zh('alerts.column.suggested')).toBe('建议补货量');
    expect(zh('alerts.column.reorderBy')).toBe('最晚补货日');
    expect(zh('alerts.column.inTransit')).toBe('在途');
    expect(zh('alerts.backup.raise', { fbaSku: 'A', amount: 5 })).toContain('亚马逊物流');
    expect(zh('alerts.backup.raise', { fbaSku: 'A', amount: 5 })).toContain('自发货');
    expect(zh('alerts.state.out')).toBe('已断货');
    const en = createTranslator(alerts, 'en');
    expect(en('alerts.notify.group.title', { count: 1 })).toBe('1 SKU needs attention');
    expect(en('alerts.badge.title', { count: 3 })).toBe('3 SKUs low or running out');
  });
});
