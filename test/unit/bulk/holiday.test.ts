import { describe, expect, it } from 'vitest';
import { HolidayBatchSchema, type HolidayOptions, planHoliday, planHolidayRestore } from '@/lib/bulk/holiday';
import type { PlanRowInput } from '@/lib/bulk/plan';
import type { Listing } from '@/lib/model/listing';
import { defaultSettings } from '@/lib/settings/schema';
import { key, listing } from './fixtures';

const settings = defaultSettings();

function rows(...listings: Listing[]): PlanRowInput[] {
  return listings.map((l) => ({ listing: l }));
}

function options(overrides: Partial<HolidayOptions> = {}): HolidayOptions {
  return {
    id: 'holiday-1',
    name: '春节 2027',
    marketplace: 'UK',
    mode: { kind: 'zero' },
    now: 1_800_000_000_000,
    context: { settings },
    ...overrides,
  };
}

const shop = [
  listing('MUG-1', { available: 12, handlingTime: 2 }),
  listing('MUG-2', { available: 0, handlingTime: 2 }),
  listing('LAMP-1', { available: 5, handlingTime: 10 }),
  listing('FBA-1', { channel: 'fba', quantityEditable: false, available: 300 }),
  listing('PARENT', { isParent: true, quantityEditable: false, available: null }),
  listing('OLD', { state: 'closed', available: 4 }),
  listing('DE-1', { marketplace: 'DE', available: 8 }),
];

describe('planHoliday: quantity to 0', () => {
  const { plan, batch, excluded } = planHoliday(rows(...shop), options());

  it('covers every merchant-fulfilled SKU of the marketplace and says what it left out', () => {
    expect(plan.rows.map((r) => r.sku)).toEqual(['MUG-1', 'MUG-2', 'LAMP-1']);
    expect(excluded).toEqual({ fba: 1, parent: 1, closed: 1 });
  });

  it('sets 0 and remembers each previous quantity in a named batch', () => {
    expect(plan.rows.map((r) => [r.sku, r.before, r.after, r.action])).toEqual([
      ['MUG-1', 12, 0, 'change'],
      ['MUG-2', 0, 0, 'unchanged'],
      ['LAMP-1', 5, 0, 'change'],
    ]);
    expect(batch).toEqual({
      id: 'holiday-1',
      name: '春节 2027',
      marketplace: 'UK',
      mode: { kind: 'zero' },
      createdAt: 1_800_000_000_000,
      entries: [
        { key: key('MUG-1'), sku: 'MUG-1', previous: 12, applied: 0 },
        { key: key('LAMP-1'), sku: 'LAMP-1', previous: 5, applied: 0 },
      ],
    });
    expect(HolidayBatchSchema.safeParse(batch).success).toBe(true);
  });

  it('shows chosen FBA SKUs as refused rather than setting them', () => {
    const chosen = planHoliday(rows(...shop), options({ skus: ['MUG-1', 'FBA-1', 'DE-1'] }));
    expect(chosen.plan.rows.map((r) => [r.sku, r.action, r.reason?.key])).toEqual([
      ['MUG-1', 'change', undefined],
      ['FBA-1', 'refused', 'bulk.refused.fba'],
    ]);
    expect(chosen.batch.entries.map((e) => e.sku)).toEqual(['MUG-1']);
  });

  it('still warns about ERP-managed SKUs', () => {
    const erp = defaultSettings();
    erp.erp = { allManaged: true, managedSkus: [], name: 'ERP' };
    const withErp = planHoliday(rows(...shop), options({ context: { settings: erp } }));
    expect(withErp.plan.rows[0]!.notices.map((n) => n.kind)).toContain('erp');
  });
});

describe('planHoliday: longer handling time', () => {
  const withUnknown = [...shop, listing('NOHT', { available: 3 })];
  const { plan, batch } = planHoliday(rows(...withUnknown), options({ mode: { kind: 'handlingTime', days: 7 } }));

  it('lengthens shorter handling times, keeps longer ones, refuses unknown ones', () => {
    expect(plan.rows.map((r) => [r.sku, r.before, r.after, r.action, r.reason?.key])).toEqual([
      ['MUG-1', 2, 7, 'change', undefined],
      ['MUG-2', 2, 7, 'change', undefined],
      ['LAMP-1', 10, 10, 'unchanged', undefined],
      ['NOHT', null, null, 'refused', 'bulk.refused.unknownHandlingTime'],
    ]);
    expect(plan.fileOnly).toBe(true);
    expect(plan.counts).toEqual({ change: 2, unchanged: 1, refused: 1 });
    expect(plan.rows[0]!.remember).toEqual({ handlingTime: 2 });
  });

  it('remembers previous handling times', () => {
    expect(batch.entries).toEqual([
      { key: key('MUG-1'), sku: 'MUG-1', previous: 2, applied: 7 },
      { key: key('MUG-2'), sku: 'MUG-2', previous: 2, applied: 7 },
    ]);
  });
});

describe('planHolidayRestore', () => {
  const { batch } = planHoliday(rows(...shop), options());

  it('restores every remembered value exactly', () => {
    const after = [listing('MUG-1', { available: 0 }), listing('LAMP-1', { available: 0 })];
    const plan = planHolidayRestore(batch, rows(...after), { settings });
    expect(plan.rows.map((r) => [r.sku, r.before, r.after, r.action])).toEqual([
      ['MUG-1', 0, 12, 'change'],
      ['LAMP-1', 0, 5, 'change'],
    ]);
    expect(plan.rows.flatMap((r) => r.notices.map((n) => n.kind))).not.toContain('drifted');
    expect(plan.fileOnly).toBe(false);
  });

  it('restores a value that moved since, and says so', () => {
    const after = [listing('MUG-1', { available: 3 }), listing('LAMP-1', { available: 5 })];
    const plan = planHolidayRestore(batch, rows(...after), { settings });
    const mug = plan.rows[0]!;
    expect(mug).toMatchObject({ before: 3, after: 12, action: 'change' });
    expect(mug.notices[0]).toEqual({
      kind: 'drifted',
      level: 'warning',
      message: { key: 'bulk.notice.drifted', params: { expected: 0, current: 3, restored: 12 } },
    });
    // Someone already put LAMP-1 back: nothing to write.
    expect(plan.rows[1]).toMatchObject({ before: 5, after: 5, action: 'unchanged' });
  });

  it('refuses rows it cannot see now, and rows that became FBA', () => {
    const after = [listing('MUG-1', { channel: 'fba', quantityEditable: false, available: 0 })];
    const plan = planHolidayRestore(batch, rows(...after), { settings });
    expect(plan.rows.map((r) => r.reason?.key)).toEqual(['bulk.refused.fba', 'bulk.refused.notSeen']);
  });

  it('restores handling time as a file-only batch', () => {
    const holiday = planHoliday(rows(...shop), options({ mode: { kind: 'handlingTime', days: 7 } }));
    const after = [listing('MUG-1', { handlingTime: 7 }), listing('MUG-2', { handlingTime: 9 })];
    const plan = planHolidayRestore(holiday.batch, rows(...after), { settings });
    expect(plan.fileOnly).toBe(true);
    expect(plan.rows.map((r) => [r.sku, r.field, r.before, r.after, r.notices.map((n) => n.kind)])).toEqual([
      ['MUG-1', 'handlingTime', 7, 2, ['fileOnly']],
      ['MUG-2', 'handlingTime', 9, 2, ['drifted', 'fileOnly']],
    ]);
  });

  it('a stored batch survives a round trip through its schema and still restores', () => {
    const stored = HolidayBatchSchema.parse(JSON.parse(JSON.stringify(batch)));
    const plan = planHolidayRestore(stored, rows(listing('MUG-1', { available: 0 })), { settings });
    expect(plan.rows[0]).toMatchObject({ after: 12, action: 'change' });
    expect(
      HolidayBatchSchema.safeParse({ ...batch, entries: [{ key: 'k', sku: 'S', previous: -1, applied: 0 }] }).success,
    ).toBe(false);
  });
});
