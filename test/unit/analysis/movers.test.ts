import { describe, expect, it } from 'vitest';
import { classifyAbc } from '@/lib/analysis/abc';
import { abcColumns, moverColumns, stockValueColumns } from '@/lib/analysis/columns';
import { deadStock, fastMovers, sellThrough, slowMovers, stockValue } from '@/lib/analysis/movers';
import type { SkuPerformance } from '@/lib/analysis/types';
import { toCsv } from '@/lib/export/csv';
import { sync } from '@/lib/i18n/catalog/sync';
import { createTranslator } from '@/lib/i18n/core';

const TODAY = '2026-06-30';

function rec(sku: string, fields: Partial<SkuPerformance>): SkuPerformance {
  return { key: `k-${sku}`, sku, units: 0, periodDays: 30, ...fields };
}

const records: SkuPerformance[] = [
  rec('FAST', { units: 300, stock: 100, lastSaleDay: '2026-06-30', cost: 2 }),
  rec('MID', { units: 60, stock: 60, lastSaleDay: '2026-06-29' }),
  rec('SLOW', { units: 3, stock: 200, lastSaleDay: '2026-06-10', cost: 1.5 }),
  rec('DEAD', { units: 0, stock: 40, lastSaleDay: '2026-02-01', cost: 10 }),
  rec('NEVER', { units: 0, stock: 5 }),
  rec('GONE', { units: 0, stock: 0, lastSaleDay: '2025-01-01' }),
  rec('RECENT-ZERO', { units: 0, stock: 8, lastSaleDay: '2026-05-30' }),
];

describe('movers', () => {
  it('fast movers: top N by units per day', () => {
    expect(fastMovers(records, 2, TODAY).map((e) => [e.sku, e.perDay, e.daysOfCover])).toEqual([
      ['FAST', 10, 10],
      ['MID', 2, 30],
    ]);
    expect(fastMovers(records, 10, TODAY).map((e) => e.sku)).toEqual(['FAST', 'MID', 'SLOW']);
  });

  it('dead stock: stock on hand and no sale in N days (or none known); the boundary day is not dead', () => {
    expect(deadStock(records, { today: TODAY }).map((e) => [e.sku, e.daysSinceSale])).toEqual([
      ['NEVER', undefined],
      ['DEAD', 149],
    ]);
    // RECENT-ZERO last sold 31 days ago: dead at 30 days, not at 31.
    expect(deadStock(records, { today: TODAY, deadDays: 30 }).map((e) => e.sku)).toContain('RECENT-ZERO');
    expect(deadStock(records, { today: TODAY, deadDays: 31 }).map((e) => e.sku)).not.toContain('RECENT-ZERO');
  });

  it('slow movers: selling but with more cover than the limit; dead stock not repeated', () => {
    // SLOW: 0.1/day, 200 in stock = 2000 days of cover.
    expect(slowMovers(records, { today: TODAY }).map((e) => [e.sku, e.daysOfCover])).toEqual([['SLOW', 2000]]);
    expect(slowMovers(records, { today: TODAY, slowCoverDays: 20 }).map((e) => e.sku)).toEqual(['SLOW', 'MID']);
    expect(slowMovers(records, { today: TODAY, deadDays: 10, slowCoverDays: 20 }).map((e) => e.sku)).toEqual(['MID']);
  });

  it('sell-through: sold ÷ (sold + left)', () => {
    expect(sellThrough({ units: 300, stock: 100 })).toBe(0.75);
    expect(sellThrough({ units: 0, stock: 40 })).toBe(0);
    expect(sellThrough({ units: 5, stock: 0 })).toBe(1);
    expect(sellThrough({ units: 0, stock: 0 })).toBeUndefined();
    expect(sellThrough({ units: 5 })).toBeUndefined();
  });

  it('stock value where the cost is known; the others counted apart', () => {
    expect(stockValue(records)).toEqual({
      entries: [
        { key: 'k-DEAD', sku: 'DEAD', stock: 40, cost: 10, value: 400 },
        { key: 'k-SLOW', sku: 'SLOW', stock: 200, cost: 1.5, value: 300 },
        { key: 'k-FAST', sku: 'FAST', stock: 100, cost: 2, value: 200 },
      ],
      total: 900,
      withoutCost: 3,
    });
  });
});

describe('analysis exports', () => {
  it('every list exports with translated headers and SKUs kept exact', () => {
    const zh = createTranslator(sync, 'zh_CN');
    const odd = [rec('-00123', { units: 5, stock: 1, lastSaleDay: '2026-06-01', cost: 1 })];
    const abc = toCsv(abcColumns(zh, 'units'), classifyAbc(odd, 'units'));
    expect(abc).toContain('SKU,类别,销量,占比,累计占比\r\n"-00123",A,5,1,1\r\n');
    const movers = toCsv(moverColumns(zh), fastMovers(odd, 5, TODAY));
    expect(movers.split('\r\n')[1]).toBe('"-00123",5,0.2,1,6,2026-06-01,29');
    expect(toCsv(stockValueColumns(zh), stockValue(odd).entries).split('\r\n')[0]).toBe(
      '\uFEFFSKU,现有库存,单位成本,库存货值',
    );
  });
});
