import { describe, expect, it } from 'vitest';
import type { Operation } from '@/lib/bulk/operations';
import { type PlannedRow, planBatch, STALE_AFTER_MS } from '@/lib/bulk/plan';
import { defaultSettings } from '@/lib/settings/schema';
import { context, key, listing } from './fixtures';

function only(rows: PlannedRow[]): PlannedRow {
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

function planOne(operation: Operation, l = listing('SKU-1'), ctx = context()): PlannedRow {
  return only(planBatch([{ listing: l }], operation, ctx).rows);
}

function kinds(row: PlannedRow): string[] {
  return row.notices.map((n) => n.kind);
}

describe('planBatch: operations', () => {
  it('sets, adds, subtracts', () => {
    expect(planOne({ kind: 'set', amount: 4 })).toMatchObject({ before: 10, after: 4, action: 'change' });
    expect(planOne({ kind: 'add', amount: 5 })).toMatchObject({ before: 10, after: 15, action: 'change' });
    expect(planOne({ kind: 'subtract', amount: 10 })).toMatchObject({ before: 10, after: 0, action: 'change' });
  });

  it('marks a row whose value would not move as unchanged, without notices', () => {
    const row = planOne(
      { kind: 'set', amount: 10 },
      listing('SKU-1'),
      context({ findings: { [key('SKU-1')]: { issues: 2, severity: 'warn' } } }),
    );
    expect(row).toMatchObject({ before: 10, after: 10, action: 'unchanged', notices: [] });
    expect(planOne({ kind: 'add', amount: 0 }).action).toBe('unchanged');
  });

  it('refuses a subtraction below 0 with the numbers, never clamping', () => {
    const row = planOne({ kind: 'subtract', amount: 12 });
    expect(row).toMatchObject({ action: 'refused', after: null });
    expect(row.reason).toEqual({ key: 'bulk.refused.belowZero', params: { before: 10, amount: 12, result: -2 } });
  });

  it('refuses a result above the maximum', () => {
    const settings = defaultSettings();
    settings.bulk.maxQuantity = 100;
    const row = planOne({ kind: 'add', amount: 95 }, listing('SKU-1'), context({ settings }));
    expect(row.reason).toEqual({ key: 'bulk.refused.aboveMaximum', params: { result: 105, max: 100 } });
    const percent = planOne(
      { kind: 'percent', percent: 1000, rounding: 'down' },
      listing('SKU-1', { available: 11 }),
      context({ settings }),
    );
    expect(percent.reason?.key).toBe('bulk.refused.aboveMaximum');
    const set = planOne({ kind: 'set', amount: 101 }, listing('SKU-1'), context({ settings }));
    expect(set.reason?.key).toBe('bulk.refused.aboveMaximum');
  });

  it('sets a percentage of current stock with the stated rounding', () => {
    const l = listing('SKU-1', { available: 7 });
    expect(planOne({ kind: 'percent', percent: 50, rounding: 'down' }, l).after).toBe(3);
    expect(planOne({ kind: 'percent', percent: 50, rounding: 'nearest' }, l).after).toBe(4);
    expect(planOne({ kind: 'percent', percent: 150, rounding: 'up' }, l).after).toBe(11);
  });

  it('needs the current quantity for relative operations, not for "set"', () => {
    const unknown = listing('SKU-1', { available: null });
    for (const operation of [
      { kind: 'add', amount: 1 },
      { kind: 'subtract', amount: 1 },
      { kind: 'percent', percent: 50, rounding: 'down' },
      { kind: 'outOfStock' },
    ] as Operation[]) {
      expect(planOne(operation, unknown).reason?.key, operation.kind).toBe('bulk.refused.unknownBefore');
    }
    expect(planOne({ kind: 'set', amount: 3 }, unknown)).toMatchObject({ before: null, after: 3, action: 'change' });
  });

  it('marks out of stock and remembers the quantity; an empty row is left alone and remembers nothing', () => {
    expect(planOne({ kind: 'outOfStock' })).toMatchObject({ after: 0, action: 'change', remember: { quantity: 10 } });
    const empty = planOne({ kind: 'outOfStock' }, listing('SKU-1', { available: 0 }));
    expect(empty).toMatchObject({ action: 'unchanged', after: 0 });
    expect(empty.remember).toBeUndefined();
  });

  it('restores the remembered quantity, and refuses when nothing was remembered', () => {
    const remembered = { [key('SKU-1')]: { quantity: 42 } };
    const restored = planOne({ kind: 'restore' }, listing('SKU-1', { available: 0 }), context({ remembered }));
    expect(restored).toMatchObject({ before: 0, after: 42, action: 'change' });
    expect(planOne({ kind: 'restore' }).reason?.key).toBe('bulk.refused.nothingRemembered');
    const otherOnly = context({ remembered: { [key('SKU-1')]: { handlingTime: 3 } } });
    expect(planOne({ kind: 'restore' }, listing('SKU-1'), otherOnly).reason?.key).toBe(
      'bulk.refused.nothingRemembered',
    );
  });

  it('plans handling time as file-only, from the page’s handling time', () => {
    const plan = planBatch(
      [{ listing: listing('SKU-1', { handlingTime: 2 }) }],
      { kind: 'handlingTime', days: 5 },
      context(),
    );
    expect(plan.fileOnly).toBe(true);
    const row = only(plan.rows);
    expect(row).toMatchObject({ field: 'handlingTime', before: 2, after: 5, action: 'change', fileOnly: true });
    expect(kinds(row)).toContain('fileOnly');
    const quantity = planBatch([{ listing: listing('SKU-1') }], { kind: 'set', amount: 1 }, context());
    expect(quantity.fileOnly).toBe(false);
    expect(only(quantity.rows).fileOnly).toBe(false);
  });

  it('uses a per-row operation where one is given (pasted quantities)', () => {
    const plan = planBatch(
      [{ listing: listing('A'), operation: { kind: 'set', amount: 3 } }, { listing: listing('B') }],
      { kind: 'add', amount: 1 },
      context(),
    );
    expect(plan.rows.map((r) => r.after)).toEqual([3, 11]);
  });
});

describe('planBatch: rows that are never changed', () => {
  it('refuses FBA rows with the stranding reason, for quantity and for handling time', () => {
    const fba = listing('FBA-1', { channel: 'fba', quantityEditable: false, available: 50 });
    for (const operation of [{ kind: 'set', amount: 5 }, { kind: 'outOfStock' }, { kind: 'restore' }] as Operation[]) {
      const row = planOne(operation, fba, context({ remembered: { [key('FBA-1')]: { quantity: 9 } } }));
      expect(row).toMatchObject({ action: 'refused', after: null, reason: { key: 'bulk.refused.fba' } });
      expect(row.remember).toBeUndefined();
    }
    expect(planOne({ kind: 'handlingTime', days: 3 }, fba).reason?.key).toBe('bulk.refused.fbaHandling');
  });

  it('refuses parents, closed listings and rows without a quantity editor', () => {
    expect(planOne({ kind: 'set', amount: 1 }, listing('P', { isParent: true })).reason?.key).toBe(
      'bulk.refused.parent',
    );
    expect(planOne({ kind: 'set', amount: 1 }, listing('C', { state: 'closed' })).reason?.key).toBe(
      'bulk.refused.closed',
    );
    expect(planOne({ kind: 'set', amount: 1 }, listing('N', { quantityEditable: false })).reason?.key).toBe(
      'bulk.refused.notEditable',
    );
    // Handling time does not go through the quantity editor, so that guard does not apply to it.
    expect(planOne({ kind: 'handlingTime', days: 3 }, listing('N', { quantityEditable: false })).action).toBe('change');
  });

  it('keeps a batch to one marketplace', () => {
    const plan = planBatch(
      [
        { listing: listing('A') },
        { listing: listing('B', { marketplace: 'DE' }) },
        { listing: listing('C', { marketplace: null }) },
      ],
      { kind: 'set', amount: 1 },
      context({ marketplace: 'UK' }),
    );
    expect(plan.rows.map((r) => r.reason?.key)).toEqual([
      undefined,
      'bulk.refused.otherMarketplace',
      'bulk.refused.noMarketplace',
    ]);
    expect(plan.rows[1]!.reason?.params).toEqual({ marketplace: 'DE' });
  });

  it('uses a SKU once per batch', () => {
    const plan = planBatch(
      [{ listing: listing('A') }, { listing: listing('A') }],
      { kind: 'add', amount: 1 },
      context(),
    );
    expect(plan.rows.map((r) => r.action)).toEqual(['change', 'refused']);
    expect(plan.rows[1]!.reason?.key).toBe('bulk.refused.duplicate');
    expect(plan.counts).toEqual({ change: 1, unchanged: 0, refused: 1 });
  });
});

describe('planBatch: notices', () => {
  it('warns that an ERP will overwrite SKUs it manages, by tag or for all', () => {
    const settings = defaultSettings();
    settings.erp = { allManaged: false, managedSkus: [key('A')], name: '领星' };
    const plan = planBatch(
      [{ listing: listing('A') }, { listing: listing('B') }],
      { kind: 'set', amount: 1 },
      context({ settings }),
    );
    expect(plan.rows[0]!.notices).toContainEqual({
      kind: 'erp',
      level: 'warning',
      message: { key: 'bulk.notice.erp', params: { name: '领星' } },
    });
    expect(kinds(plan.rows[1]!)).not.toContain('erp');

    settings.erp = { allManaged: true, managedSkus: [], name: '' };
    const all = planOne({ kind: 'set', amount: 1 }, listing('B'), context({ settings }));
    expect(all.notices.find((n) => n.kind === 'erp')?.message.key).toBe('bulk.notice.erpUnnamed');
  });

  it('flags changes larger than the set percentage of current stock', () => {
    const l = listing('A', { available: 100 });
    expect(kinds(planOne({ kind: 'set', amount: 40 }, l))).toContain('largeChange');
    expect(kinds(planOne({ kind: 'set', amount: 160 }, l))).toContain('largeChange');
    expect(kinds(planOne({ kind: 'set', amount: 50 }, l))).not.toContain('largeChange');
    expect(kinds(planOne({ kind: 'subtract', amount: 30 }, l))).not.toContain('largeChange');
    const row = planOne({ kind: 'percent', percent: 10, rounding: 'down' }, l);
    expect(row.notices.find((n) => n.kind === 'largeChange')?.message.params).toEqual({ percent: 90, limit: 50 });
    // From 0 there is no baseline to measure against; marking out of stock is deliberate.
    expect(kinds(planOne({ kind: 'set', amount: 500 }, listing('Z', { available: 0 })))).not.toContain('largeChange');
    expect(kinds(planOne({ kind: 'outOfStock' }, l))).not.toContain('largeChange');
  });

  it('flags a result below the low-stock threshold, with per-SKU overrides and days of cover', () => {
    expect(planOne({ kind: 'set', amount: 9 }).notices.find((n) => n.kind === 'belowThreshold')?.message).toEqual({
      key: 'bulk.notice.belowThreshold',
      params: { after: 9, threshold: 10 },
    });
    expect(kinds(planOne({ kind: 'set', amount: 10 }, listing('A', { available: 12 })))).not.toContain(
      'belowThreshold',
    );

    const settings = defaultSettings();
    settings.thresholds.perSku[key('A')] = { units: 3 };
    expect(kinds(planOne({ kind: 'set', amount: 5 }, listing('A'), context({ settings })))).not.toContain(
      'belowThreshold',
    );

    const byDays = planOne(
      { kind: 'set', amount: 40 },
      listing('A', { available: 30 }),
      context({ unitsPerDay: { [key('A')]: 4 } }),
    );
    expect(byDays.notices.find((n) => n.kind === 'belowThreshold')?.message).toEqual({
      key: 'bulk.notice.belowThresholdDays',
      params: { days: 10, threshold: 21 },
    });
    // Marking out of stock means 0 on purpose.
    expect(kinds(planOne({ kind: 'outOfStock' }))).not.toContain('belowThreshold');
  });

  it('notes SKUs changed more than the set number of times in 7 days, as information', () => {
    const four = planOne({ kind: 'set', amount: 20 }, listing('A'), context({ changesLast7Days: { [key('A')]: 4 } }));
    expect(four.notices.find((n) => n.kind === 'frequentChanges')).toEqual({
      kind: 'frequentChanges',
      level: 'info',
      message: { key: 'bulk.notice.frequent', params: { count: 4 } },
    });
    const three = planOne({ kind: 'set', amount: 20 }, listing('A'), context({ changesLast7Days: { [key('A')]: 3 } }));
    expect(kinds(three)).not.toContain('frequentChanges');
  });

  it('summarises compliance findings per row and asks for one confirmation per batch', () => {
    const findings = {
      [key('A')]: { issues: 2, severity: 'warn' as const },
      [key('B')]: { issues: 0, severity: 'ok' as const },
      [key('C')]: { issues: 1, severity: 'block' as const },
    };
    const plan = planBatch(
      ['A', 'B', 'C', 'D'].map((sku) => ({ listing: listing(sku) })),
      { kind: 'set', amount: 20 },
      context({ findings }),
    );
    expect(plan.rows[0]!.notices).toContainEqual({
      kind: 'compliance',
      level: 'confirm',
      message: { key: 'bulk.notice.compliance', params: { count: 2 } },
    });
    expect(kinds(plan.rows[1]!)).not.toContain('compliance');
    expect(plan.confirmation).toEqual({
      message: { key: 'bulk.confirm.compliance', params: { count: 2 } },
      skus: ['A', 'C'],
    });
    expect(
      planBatch([{ listing: listing('B') }], { kind: 'set', amount: 20 }, context({ findings })).confirmation,
    ).toBeNull();
  });

  it('warns when a relative change is computed from an old reading', () => {
    const old = { listing: listing('A'), beforeAgeMs: STALE_AFTER_MS + 5 * 60_000 };
    const add = only(planBatch([old], { kind: 'add', amount: 1 }, context()).rows);
    expect(add.notices.find((n) => n.kind === 'staleRead')?.message.params).toEqual({ minutes: 15 });
    const set = only(planBatch([old], { kind: 'set', amount: 20 }, context()).rows);
    expect(kinds(set)).not.toContain('staleRead');
    const fresh = only(planBatch([{ ...old, beforeAgeMs: 1000 }], { kind: 'add', amount: 1 }, context()).rows);
    expect(kinds(fresh)).not.toContain('staleRead');
  });
});
