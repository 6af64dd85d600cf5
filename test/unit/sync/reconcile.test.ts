import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { sync } from '@/lib/i18n/catalog/sync';
import { createTranslator } from '@/lib/i18n/core';
import { differenceColumns } from '@/lib/sync/columns';
import { applyMapping } from '@/lib/sync/mapping';
import { type AmazonStock, CATEGORIES, reconcile, withinTolerance } from '@/lib/sync/reconcile';

const K = (sku: string) => `acct\u001fUK\u001f${sku}`;

function amazon(sku: string, available: number | undefined, extra: Partial<AmazonStock> = {}): AmazonStock {
  return {
    key: K(sku),
    sku,
    channel: 'mfn',
    state: 'active',
    ...(available !== undefined ? { available } : {}),
    ...extra,
  };
}

function stock(...pairs: Array<[string, number]>) {
  return applyMapping(
    pairs.map(([sku, quantity], i) => ({ sku, quantity, line: i + 2 })),
    [],
    'UK',
  ).stock;
}

describe('reconciliation categories', () => {
  const result = reconcile({
    marketplace: 'UK',
    stock: stock(['SAME', 5], ['DIFF', 10], ['FILE', 4], ['FBA-1', 30], ['UNKNOWN', 6], ['CLOSED', 2], ['BIG', 100]),
    amazon: [
      amazon('SAME', 5),
      amazon('DIFF', 7),
      amazon('BIG', 40),
      amazon('AMZ', 3),
      amazon('AMZ-ZERO', 0),
      amazon('FBA-1', 12, { channel: 'fba', inbound: 20 }),
      amazon('FBA-2', 9, { channel: 'fba' }),
      amazon('UNKNOWN', undefined),
      amazon('CLOSED', 2, { state: 'closed' }),
      amazon('PARENT', undefined, { isParent: true }),
      amazon('CLOSED-ONLY', 1, { state: 'closed' }),
    ],
  });
  const bySku = new Map(result.differences.map((d) => [d.sku, d]));

  it('sorts each SKU into one category', () => {
    expect(Object.fromEntries([...bySku].map(([sku, d]) => [sku, d.category]))).toEqual({
      SAME: 'matches',
      DIFF: 'differs',
      BIG: 'differs',
      UNKNOWN: 'differs',
      FILE: 'only-file',
      CLOSED: 'only-file',
      AMZ: 'only-amazon',
      'AMZ-ZERO': 'only-amazon',
      'FBA-1': 'fba',
      'FBA-2': 'fba',
    });
    expect(result.counts).toEqual({ differs: 3, 'only-file': 2, 'only-amazon': 2, matches: 1, fba: 2 });
  });

  it('orders most significant first: category, then size of the gap', () => {
    expect(result.differences.map((d) => d.sku)).toEqual([
      'BIG',
      'UNKNOWN',
      'DIFF',
      'FILE',
      'CLOSED',
      'AMZ',
      'AMZ-ZERO',
      'FBA-1',
      'FBA-2',
      'SAME',
    ]);
  });

  it('proposes set-quantity changes for merchant-fulfilled differences only, never for FBA', () => {
    expect(result.staged).toEqual([
      { key: K('BIG'), sku: 'BIG', current: 40, setTo: 100 },
      { key: K('UNKNOWN'), sku: 'UNKNOWN', setTo: 6 },
      { key: K('DIFF'), sku: 'DIFF', current: 7, setTo: 10 },
    ]);
    const fba = bySku.get('FBA-1');
    expect(fba).toMatchObject({ fileQuantity: 30, amazonQuantity: 12, inbound: 20, delta: 18 });
    expect(fba?.proposal).toBeUndefined();
    expect(bySku.get('CLOSED')).toMatchObject({ closed: true, key: K('CLOSED') });
    expect(bySku.get('DIFF')).toMatchObject({ fileQuantity: 10, amazonQuantity: 7, delta: 3, channel: 'mfn' });
  });

  it('gives each difference an id that is stable for the same data and new when the gap changes', () => {
    const again = reconcile({
      marketplace: 'UK',
      stock: stock(['DIFF', 10]),
      amazon: [amazon('DIFF', 7)],
    });
    expect(again.differences[0]?.id).toBe(bySku.get('DIFF')?.id);
    const changed = reconcile({ marketplace: 'UK', stock: stock(['DIFF', 50]), amazon: [amazon('DIFF', 7)] });
    expect(changed.differences[0]?.id).not.toBe(bySku.get('DIFF')?.id);
    const otherMarket = reconcile({ marketplace: 'DE', stock: stock(['DIFF', 10]), amazon: [amazon('DIFF', 7)] });
    expect(otherMarket.differences[0]?.id).not.toBe(bySku.get('DIFF')?.id);
    expect(new Set(result.differences.map((d) => d.id)).size).toBe(result.differences.length);
  });

  it('keeps the shared-stock details of a mapped row', () => {
    const shared = applyMapping(
      [{ sku: 'LOCAL', quantity: 10, line: 2 }],
      [
        { local: 'LOCAL', msku: 'M1' },
        { local: 'LOCAL', msku: 'M2' },
      ],
      'UK',
    ).stock;
    const r = reconcile({ marketplace: 'UK', stock: shared, amazon: [amazon('M1', 10), amazon('M2', 4)] });
    expect(r.differences.map((d) => [d.sku, d.category, d.stock?.sharedWith])).toEqual([
      ['M2', 'differs', ['M1']],
      ['M1', 'matches', ['M2']],
    ]);
  });
});

describe('tolerance', () => {
  it('absolute units: a gap equal to the tolerance matches, one more differs', () => {
    expect(withinTolerance(10, 8, { units: 2 })).toBe(true);
    expect(withinTolerance(10, 7, { units: 2 })).toBe(false);
    expect(withinTolerance(7, 10, { units: 2 })).toBe(false);
    expect(withinTolerance(3, 3)).toBe(true);
    expect(withinTolerance(3, 4)).toBe(false);
  });

  it('percent of the larger quantity: the edge matches, beyond it differs', () => {
    expect(withinTolerance(100, 95, { percent: 5 })).toBe(true);
    expect(withinTolerance(95, 100, { percent: 5 })).toBe(true);
    expect(withinTolerance(100, 94, { percent: 5 })).toBe(false);
    expect(withinTolerance(0, 1, { percent: 50 })).toBe(false);
  });

  it('with both, within either limit matches', () => {
    const t = { units: 1, percent: 10 };
    expect(withinTolerance(5, 4, t)).toBe(true); // 1 unit
    expect(withinTolerance(100, 90, t)).toBe(true); // 10 %
    expect(withinTolerance(5, 3, t)).toBe(false); // 2 units, 40 %
    expect(withinTolerance(100, 89, t)).toBe(false); // 11 units, 11 %
  });

  it('applies in reconcile', () => {
    const r = reconcile({
      marketplace: 'UK',
      stock: stock(['A', 10], ['B', 10]),
      amazon: [amazon('A', 8), amazon('B', 7)],
      tolerance: { units: 2 },
    });
    expect(r.differences.map((d) => [d.sku, d.category])).toEqual([
      ['B', 'differs'],
      ['A', 'matches'],
    ]);
  });
});

describe('the differences list as an export', () => {
  it('has a translated name for every category and keeps MSKU and local SKUs exact', () => {
    const zh = createTranslator(sync, 'zh_CN');
    for (const c of CATEGORIES) expect(sync[`sync.category.${c}`].zh_CN).not.toBe('');
    const mapped = applyMapping(
      [{ sku: '00123', quantity: 4, warehouse: '深圳仓', line: 2 }],
      [{ local: '00123', msku: '=M' }],
      'UK',
    );
    const r = reconcile({ marketplace: 'UK', stock: mapped.stock, amazon: [amazon('=M', 1)] });
    const lines = toCsv(differenceColumns(zh), r.differences).split('\r\n');
    expect(lines[0]).toBe('\uFEFFSKU,本地SKU,类别,文件库存,亚马逊库存,差异,在途,仓库');
    expect(lines[1]).toBe('"=M","00123",数量差异,4,1,3,,深圳仓');
  });
});
