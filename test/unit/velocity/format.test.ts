import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { velocity as catalog } from '@/lib/i18n/catalog/velocity';
import { createTranslator } from '@/lib/i18n/core';
import { LANGUAGES, type Language } from '@/lib/i18n/types';
import { computeVelocity, velocityContext } from '@/lib/velocity';
import { attributeNumber, formatVelocity, rateText } from '@/lib/velocity/format';
import type { Velocity, WindowFigure } from '@/lib/velocity/types';
import { dailyVisits, LA, local, SETTINGS } from './helpers';

const NOW = local('2026-11-20', 15, LA);

function w(days: number, perDay: number | null, inStockDays: number): WindowFigure {
  return { days, units: (perDay ?? 0) * inStockDays, inStockDays, outOfStockDays: 0, perDay };
}

function sample(overrides: Partial<Velocity> = {}): Velocity {
  return {
    perDay: 3.24,
    gap: null,
    source: 'snapshots',
    method: 'blend',
    events: 0,
    windows: { d7: w(7, 3.4, 7), d14: w(14, 3.3, 14), d30: w(30, 3.1, 26), d90: w(90, 3, 60) },
    sourceDays: null,
    visits: 14,
    historyDays: 61,
    outOfStockDays30: 4,
    stock: 40,
    available: 30,
    inboundCounted: 10,
    inboundIncludesWorking: false,
    stockAt: NOW - 3_600_000,
    daysOfCover: 12.4,
    availableDays: 9.2,
    stockOutDay: '2026-12-02',
    trend: 'up',
    trendChange: 0.25,
    confidence: 'medium',
    timeZone: LA,
    ...overrides,
  };
}

function badge(v: Velocity, lang: Language = 'en') {
  return formatVelocity(v, createTranslator(catalog, lang), lang, NOW);
}

describe('compact badge text', () => {
  it('shows rate and days of cover in both languages', () => {
    expect(badge(sample()).text).toBe('3.2/day · 12 d');
    expect(badge(sample(), 'zh_CN').text).toBe('日均 3.2 · 可售 12 天');
    expect(badge(sample()).label).toBe('Sales velocity: 3.2/day · 12 d');
  });

  it('rounds cover down and shows less than a day as <1', () => {
    expect(badge(sample({ daysOfCover: 12.9 })).text).toBe('3.2/day · 12 d');
    expect(badge(sample({ daysOfCover: 0.4 })).text).toBe('3.2/day · <1 d');
  });

  it('says why there is no number instead of making one up', () => {
    expect(badge(sample({ perDay: null, gap: 'too-little-history', daysOfCover: null })).text).toBe(
      'Too little history',
    );
    expect(badge(sample({ perDay: null, gap: 'too-little-history', daysOfCover: null }), 'zh_CN').text).toBe(
      '历史数据不足',
    );
    expect(badge(sample({ perDay: null, gap: 'no-data', daysOfCover: null })).text).toBe('No sales data yet');
    expect(badge(sample({ perDay: 0, daysOfCover: null })).text).toBe('No sales');
    expect(badge(sample({ stock: 0, available: 0, daysOfCover: 0 }), 'zh_CN').text).toBe('日均 3.2 · 已断货');
    expect(
      badge(sample({ perDay: null, gap: 'too-little-history', stock: 0, available: 0, daysOfCover: 0 })).text,
    ).toBe('Out of stock');
  });

  it('writes slow and fast rates the way people read them', () => {
    expect(rateText(0.2857, 'en')).toBe('0.29');
    expect(rateText(0.05, 'en')).toBe('0.05');
    expect(rateText(12.34, 'en')).toBe('12.3');
    expect(rateText(1234.5, 'en')).toBe('1,235');
  });
});

describe('contract attributes', () => {
  it('dot decimals, empty when unknown', () => {
    expect(badge(sample()).perDay).toBe('3.24');
    expect(badge(sample()).daysOfCover).toBe('12.4');
    expect(badge(sample({ perDay: null, daysOfCover: null, gap: 'no-data' }))).toMatchObject({
      perDay: '',
      daysOfCover: '',
    });
  });

  it('never drops significant zeros or writes exponents', () => {
    expect(attributeNumber(10, 2)).toBe('10');
    expect(attributeNumber(100, 1)).toBe('100');
    expect(attributeNumber(3.2, 2)).toBe('3.2');
    expect(attributeNumber(0, 1)).toBe('0');
    expect(attributeNumber(-0.0001, 2)).toBe('0');
    expect(attributeNumber(0.000001, 2)).toBe('0');
    expect(attributeNumber(Number.NaN, 2)).toBe('');
  });

  it('uses a dot even in a language that might not', () => {
    expect(badge(sample({ perDay: 1234.5 }), 'zh_CN').perDay).toBe('1234.5');
  });
});

describe('popover', () => {
  it('has the window figures, cover, stock-out date, trend, source and confidence', () => {
    const lines = badge(sample()).lines;
    expect(lines).toEqual([
      'Units per day: 3.2',
      'Weighted over the last 7, 14, 30 and 90 days; days out of stock are left out',
      'Last 7 days: 3.4/day (24 units in 7 days in stock)',
      'Last 14 days: 3.3/day (46 units in 14 days in stock)',
      'Last 30 days: 3.1/day (81 units in 26 days in stock)',
      'Last 90 days: 3/day (180 units in 60 days in stock)',
      'Out of stock 4 days of the last 30, left out of the rate',
      'Days of cover: 12',
      'Stock counted: 30 available + 10 inbound',
      'Available alone lasts 9 days',
      'Stock-out date: Dec 2, 2026',
      'Trend: rising (+25%)',
      'Source: estimated from 14 visits to this page',
      'Confidence: medium',
    ]);
  });

  it('in Chinese, with the terms sellers use', () => {
    const lines = badge(sample(), 'zh_CN').lines.join('\n');
    expect(lines).toContain('日均销量：3.2');
    expect(lines).toContain('可售天数：12');
    expect(lines).toContain('断货日期：2026年12月2日');
    expect(lines).toContain('在途 10');
    expect(lines).toContain('近 30 天断货 4 天');
    expect(lines).toContain('根据 14 次浏览本页面的库存记录估算');
  });

  it('says a window has too few days in stock rather than giving its noise', () => {
    const lines = badge(sample({ windows: { ...sample().windows, d7: w(7, null, 2) } })).lines;
    expect(lines).toContain('Last 7 days: too few days in stock to count (2)');
  });

  it('too little history: how many visits, and what to do', () => {
    const lines = badge(sample({ perDay: null, gap: 'too-little-history', visits: 1 })).lines;
    expect(lines[0]).toMatch(/^Too little history for an estimate \(1 visit so far\)\. Open Manage Inventory/);
  });

  it('names each source', () => {
    expect(badge(sample({ source: 'page', method: 'period', sourceDays: 30 })).lines).toContain(
      'Source: units sold shown on this page (30 days)',
    );
    expect(badge(sample({ source: 'orders' })).lines).toContain('Source: imported order report');
    expect(badge(sample({ source: 'reports', sourceDays: 30 })).lines).toContain(
      'Source: imported sales report (30 days)',
    );
    expect(badge(sample({ method: 'intermittent', events: 12 })).lines).toContain(
      'Sells now and then: rate from the size and spacing of 12 sales (Croston)',
    );
  });

  it('says how old the stock figure is when the last visit was more than a day ago', () => {
    const stale = badge(sample({ stockAt: NOW - 3 * 86_400_000 })).lines;
    expect(stale.at(-1)).toMatch(/^Stock as last seen: Nov 17, 2026/);
    expect(badge(sample()).lines.some((line) => line.startsWith('Stock as last seen'))).toBe(false);
  });

  it('flags an inbound total that may include working shipments', () => {
    expect(badge(sample({ inboundIncludesWorking: true })).lines).toContain(
      'The inbound figure may include shipments still being prepared',
    );
  });

  it('formats a computed result end to end', () => {
    const history = dailyVisits({ today: '2026-11-20', days: 20, timeZone: LA, start: 100, perDay: () => 2 });
    const v = computeVelocity(history, velocityContext(LA, NOW, SETTINGS));
    const b = badge(v);
    expect(b.perDay).toBe('2');
    expect(b.text).toBe('2/day · 30 d');
  });
});

describe('velocity catalog', () => {
  function placeholders(text: string): string[] {
    return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
  }

  it('every key has text in every language with the same placeholders', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      expect(key.startsWith('velocity.'), key).toBe(true);
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

  it('uses the terms Chinese sellers use', () => {
    expect(catalog['velocity.popover.rate'].zh_CN).toContain('日均销量');
    expect(catalog['velocity.popover.cover'].zh_CN).toContain('可售天数');
    expect(catalog['velocity.popover.stockOut'].zh_CN).toContain('断货日期');
    expect(catalog['velocity.popover.stock'].zh_CN).toContain('在途');
  });
});

describe('content-script weight', () => {
  it('format.ts bundles without zod and stays small', async () => {
    const out = await build({
      entryPoints: ['lib/velocity/format.ts'],
      bundle: true,
      write: false,
      minify: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/zod/i);
    expect(code.length).toBeLessThan(8_000);
  });
});
