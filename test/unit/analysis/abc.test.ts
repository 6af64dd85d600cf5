import { describe, expect, it } from 'vitest';
import { abcSummary, classifyAbc } from '@/lib/analysis/abc';
import type { SkuPerformance } from '@/lib/analysis/types';

function rec(sku: string, units: number, revenue?: number): SkuPerformance {
  return { key: `k-${sku}`, sku, units, periodDays: 30, ...(revenue !== undefined ? { revenue } : {}) };
}

const classes = (entries: ReturnType<typeof classifyAbc>) => Object.fromEntries(entries.map((e) => [e.sku, e.class]));

describe('ABC classification', () => {
  it('classes by the cumulative share before each SKU: under 80 % A, under 95 % B, else C', () => {
    // Shares 50, 30, 10, 6, 4: before = 0, 50, 80, 90, 96.
    const entries = classifyAbc([rec('c', 10), rec('a', 50), rec('e', 4), rec('b', 30), rec('d', 6)], 'units');
    expect(entries.map((e) => [e.sku, e.class, e.rank])).toEqual([
      ['a', 'A', 1],
      ['b', 'A', 2],
      ['c', 'B', 3],
      ['d', 'B', 4],
      ['e', 'C', 5],
    ]);
    expect(entries.map((e) => e.cumulative)).toEqual([0.5, 0.8, 0.9, 0.96, 1]);
  });

  it('the SKU that crosses the boundary stays in the class it started in; the top SKU is always A', () => {
    expect(classes(classifyAbc([rec('x', 79), rec('y', 2), rec('z', 19)], 'units'))).toEqual({
      x: 'A',
      z: 'A',
      y: 'C',
    });
    expect(classes(classifyAbc([rec('only', 99), rec('tiny', 1)], 'units'))).toEqual({ only: 'A', tiny: 'C' });
  });

  it('gives tied SKUs the class of the first of them, so a boundary never splits a tie', () => {
    // 40, 40 → before 0, 40: A, A. Then 10, 10 → before 80: B for both although the second starts at 90.
    // Then 0.
    const entries = classifyAbc([rec('t1', 40), rec('t2', 40), rec('u2', 10), rec('u1', 10), rec('zero', 0)], 'units');
    expect(entries.map((e) => [e.sku, e.class])).toEqual([
      ['t1', 'A'],
      ['t2', 'A'],
      ['u1', 'B'],
      ['u2', 'B'],
      ['zero', 'C'],
    ]);
  });

  it('zero-sales SKUs are C, and with no sales at all every SKU is C', () => {
    expect(classes(classifyAbc([rec('a', 0), rec('b', 0)], 'units'))).toEqual({ a: 'C', b: 'C' });
    const e = classifyAbc([rec('a', 0)], 'units')[0];
    expect([e?.share, e?.cumulative]).toEqual([0, 0]);
  });

  it('by revenue, unknown revenue gets no class and is not in the total', () => {
    const entries = classifyAbc([rec('a', 1, 900), rec('b', 50, 100), rec('c', 99)], 'revenue');
    expect(entries.map((e) => [e.sku, e.class, e.share])).toEqual([
      ['a', 'A', 0.9],
      ['b', 'B', 0.1],
      ['c', null, 0],
    ]);
    expect(entries[2]?.rank).toBeUndefined();
  });

  it('takes configurable boundaries', () => {
    const records = [rec('a', 50), rec('b', 30), rec('c', 10), rec('d', 6), rec('e', 4)];
    expect(classes(classifyAbc(records, 'units', { a: 0.5, b: 0.4 }))).toEqual({
      a: 'A',
      b: 'B',
      c: 'B',
      d: 'C',
      e: 'C',
    });
    expect(abcSummary(classifyAbc(records, 'units'))).toEqual({
      A: { skus: 2, share: 0.8 },
      B: { skus: 2, share: 0.16 },
      C: { skus: 1, share: 0.04 },
    });
  });
});
