import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reports } from '@/lib/i18n/catalog/reports';
import { createTranslator } from '@/lib/i18n/core';
import { LANGUAGES } from '@/lib/i18n/types';
import { formatReportMessage } from '@/lib/reports/errors';
import { REPORT_TYPES } from '@/lib/reports/headers';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('reports catalog', () => {
  it('has every key in every language with the same placeholders', () => {
    for (const [key, entry] of Object.entries(reports)) {
      expect(key.startsWith('reports.'), key).toBe(true);
      const en = typeof entry.en === 'string' ? entry.en : entry.en.other;
      for (const lang of LANGUAGES) {
        const text = entry[lang];
        const forms = typeof text === 'string' ? [text] : [text.one, text.other];
        for (const form of forms) {
          expect(form.trim(), `${key} ${lang}`).not.toBe('');
          expect(
            placeholders(form).filter((p) => p !== 'count'),
            `${key} ${lang}`,
          ).toEqual(placeholders(en).filter((p) => p !== 'count'));
        }
      }
    }
  });

  it('has a message for every key the library uses, and a name for every report type', () => {
    const dir = join(process.cwd(), 'lib/reports');
    const used = new Set<string>();
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/'(reports\.(?:error|row|warning|unmapped)\.[\w.-]+)'/g))
        used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(reports, key).toHaveProperty([key]);
    for (const type of REPORT_TYPES) expect(reports).toHaveProperty([`reports.type.${type}`]);
  });

  it('fills in report names and date orders in the seller’s language', () => {
    const zh = createTranslator(reports, 'zh_CN');
    expect(formatReportMessage(zh, 'reports.error.periodRequired', { type: 'business-child' })).toContain('业务报告');
    const en = createTranslator(reports, 'en');
    expect(
      formatReportMessage(en, 'reports.warning.dateOrderAssumed', { value: '04/07/2026', order: 'mdy' }),
    ).toContain('month/day/year');
    expect(formatReportMessage(en, 'reports.error.rows', { count: 1 })).toMatch(/^1 row could not/);
  });
});
