import { describe, expect, it } from 'vitest';
import type { BatchRecord, KnownListing, PageRow } from '@/components/bulk/host';
import {
  batchRecord,
  type Candidate,
  confirmationKey,
  exportPlan,
  fileFormatOf,
  filterCandidates,
  isLowStock,
  mergeKnown,
  NO_FILTERS,
  openHolidays,
  operationSummary,
  pageCandidates,
  planInputs,
  planSignature,
  stateOf,
  tickedCandidates,
  withReport,
} from '@/components/bulk/model';
import { ageText, panelTranslator, say } from '@/components/bulk/text';
import { planBatch } from '@/lib/bulk/plan';
import { importProcessingReport } from '@/lib/bulk/processing-report';
import { defaultSettings } from '@/lib/settings/schema';
import { ACCOUNT, context, key, listing } from '../bulk/fixtures';

const HOUR = 3_600_000;

function page(...rows: Array<Parameters<typeof listing>>): Candidate[] {
  const pageRows: PageRow[] = rows.map(([sku, overrides]) => ({ listing: listing(sku, overrides), readAgoMs: 0 }));
  return pageCandidates(pageRows);
}

describe('candidates', () => {
  it('puts the page first and takes a SKU on the page from the page, not from an older visit', () => {
    const onPage = page(['A', { available: 5 }], ['B', { available: 6 }]);
    const now = 10 * HOUR;
    const known: KnownListing[] = [
      { listing: listing('B', { available: 99 }), lastSeenAt: now - 3 * HOUR },
      { listing: listing('D', { available: 1 }), lastSeenAt: now - 2 * HOUR },
      { listing: listing('C', { available: 2 }), lastSeenAt: now - 30 * HOUR },
      { listing: listing('X', { marketplace: 'DE' }), lastSeenAt: now },
    ];
    const merged = mergeKnown(onPage, known, 'UK', now);
    expect(merged.map((c) => [c.listing.sku, c.listing.stock.available, c.onPage, c.ageMs])).toEqual([
      ['A', 5, true, 0],
      ['B', 6, true, 0],
      ['C', 2, false, 30 * HOUR],
      ['D', 1, false, 2 * HOUR],
    ]);
    expect(planInputs(merged).map((i) => i.beforeAgeMs)).toEqual([0, 0, 30 * HOUR, 2 * HOUR]);
  });

  it('ages page rows by the time since they were read', () => {
    const rows: PageRow[] = [{ listing: listing('A'), readAgoMs: 1000 }];
    expect(pageCandidates(rows, 60_000)[0]?.ageMs).toBe(61_000);
  });

  it('names ticked SKUs the reader did not recognise instead of dropping them', () => {
    const onPage = page(['A', {}], ['B', {}], ['C', {}]);
    const { rows, missing } = tickedCandidates(['C', 'A', 'GONE'], onPage);
    expect(rows.map((c) => c.listing.sku)).toEqual(['A', 'C']);
    expect(missing).toEqual(['GONE']);
  });
});

describe('filters', () => {
  const settings = defaultSettings();
  const rows = page(
    ['MUG-BLUE', { title: 'Ｃｅｒａｍｉｃ Mug', available: 40 }],
    ['MUG-RED', { channel: 'fba', quantityEditable: false, available: 3 }],
    ['PLATE', { state: 'inactive', available: 30 }],
    ['BOWL', { available: 25 }],
  );
  const store = {
    findings: { [key('PLATE')]: { issues: 2, severity: 'warn' as const } },
    unitsPerDay: { [key('BOWL')]: 5 },
  };
  const skus = (filters: Partial<typeof NO_FILTERS>) =>
    filterCandidates(rows, { ...NO_FILTERS, ...filters }, settings, store).map((c) => c.listing.sku);

  it('by channel, state and findings', () => {
    expect(skus({ channel: 'fba' })).toEqual(['MUG-RED']);
    expect(skus({ channel: 'mfn', state: 'active' })).toEqual(['MUG-BLUE', 'BOWL']);
    expect(skus({ findings: true })).toEqual(['PLATE']);
  });

  it('by text in SKU or title, ignoring case and full-width letters', () => {
    expect(skus({ text: 'ceramic' })).toEqual(['MUG-BLUE']);
    expect(skus({ text: ' mug-' })).toEqual(['MUG-BLUE', 'MUG-RED']);
  });

  it('low stock: below the units threshold, or under the days of cover at the current rate', () => {
    // MUG-RED: 3 < 10 units. BOWL: 25 units at 5/day is 5 days, under 21.
    expect(skus({ lowStock: true })).toEqual(['MUG-RED', 'BOWL']);
    const bowl = rows[3]!;
    const generous = { thresholds: { ...settings.thresholds, perSku: { [bowl.key]: { days: 4 } } } };
    expect(isLowStock(bowl, generous, store.unitsPerDay)).toBe(false);
  });
});

describe('export and record', () => {
  const rows = [
    { listing: listing('A', { available: 4 }) },
    { listing: listing('B', { channel: 'fba', quantityEditable: false }) },
    { listing: listing('C', { available: 0 }) },
  ];

  it('writes only the changed rows and records before, after and what to remember', () => {
    const plan = planBatch(rows, { kind: 'outOfStock' }, context({ marketplace: 'UK' }));
    const result = exportPlan(plan, { format: 'priceQuantity', marketplace: 'UK', now: 0 });
    if (!result.ok) throw new Error('export failed');
    expect(result.file.records).toEqual(['A']);
    expect(result.file.encoding).toBe('UTF-8');
    const record = batchRecord({
      id: 'b1',
      name: 'Out of stock',
      kind: 'bulk',
      account: ACCOUNT,
      marketplace: 'UK',
      summary: 'Mark out of stock',
      plan,
      file: result.file,
      createdAt: 5,
    });
    expect(record).toMatchObject({ state: 'exported', file: { records: 1, headerRows: 3, skus: ['A'] } });
    expect(record.rows).toEqual([
      { key: key('A'), sku: 'A', field: 'quantity', before: 4, after: 0, remember: { quantity: 4 } },
    ]);
    expect(fileFormatOf(record)).toBe('priceQuantity');
  });

  it('Japan gets Windows-31J; the feed needs the marketplace id and says which file it was', () => {
    const jp = [{ listing: listing('和柄-1', { marketplace: 'JP', account: ACCOUNT }) }];
    const plan = planBatch(jp, { kind: 'set', amount: 3 }, context({ marketplace: 'JP' }));
    const file = exportPlan(plan, { format: 'priceQuantity', marketplace: 'JP', now: 0 });
    expect(file.ok && file.file.encoding).toBe('Windows-31J');
    const feed = exportPlan(plan, { format: 'jsonListingsFeed', marketplace: 'JP', sellerId: 'A1SELLER99', now: 0 });
    if (!feed.ok) throw new Error('feed failed');
    expect(feed.file.headerRows).toBe(0);
    expect(JSON.parse(new TextDecoder().decode(feed.file.bytes)).messages[0].sku).toBe('和柄-1');
    const unknown = exportPlan(plan, { format: 'jsonListingsFeed', marketplace: 'XX', sellerId: 'A1', now: 0 });
    expect(unknown.ok).toBe(false);
    expect(fileFormatOf({ file: { filename: 'x.json' } } as BatchRecord)).toBe('jsonListingsFeed');
  });

  it('refuses an empty file with the reason instead of writing one', () => {
    const plan = planBatch([rows[1]!], { kind: 'set', amount: 1 }, context());
    const result = exportPlan(plan, { format: 'priceQuantity', marketplace: 'UK', now: 0 });
    expect(result.ok ? [] : result.errors.map((e) => e.message.key)).toEqual(['bulk.file.empty']);
  });

  it('a plan remade with older ages has the same signature; another value does not', () => {
    const a = planBatch([{ listing: listing('A'), beforeAgeMs: 0 }], { kind: 'add', amount: 1 }, context());
    const b = planBatch([{ listing: listing('A'), beforeAgeMs: 20 * 60_000 }], { kind: 'add', amount: 1 }, context());
    const c = planBatch([{ listing: listing('A') }], { kind: 'add', amount: 2 }, context());
    expect(b.rows[0]?.notices.map((n) => n.kind)).toContain('staleRead');
    expect(planSignature(a)).toBe(planSignature(b));
    expect(planSignature(a)).not.toBe(planSignature(c));
    expect(confirmationKey(a)).toBeNull();
  });
});

describe('processing report', () => {
  function exported(): BatchRecord {
    const plan = planBatch(
      [{ listing: listing('A') }, { listing: listing('B') }, { listing: listing('C') }],
      { kind: 'set', amount: 7 },
      context(),
    );
    const result = exportPlan(plan, { format: 'priceQuantity', marketplace: 'UK', now: 0 });
    if (!result.ok) throw new Error('export failed');
    return batchRecord({
      id: 'b',
      name: 'n',
      kind: 'bulk',
      account: ACCOUNT,
      marketplace: 'UK',
      summary: 's',
      plan,
      file: result.file,
      createdAt: 0,
    });
  }
  const report = (lines: string[]) =>
    [
      'Feed Processing Summary:',
      '\tNumber of records processed\t\t3',
      '\tNumber of records successful\t\t2',
      '',
      ...lines,
    ].join('\n');

  it('marks rows accepted or rejected with Amazon’s message; the batch is partly applied', () => {
    const batch = exported();
    const text = report([
      'original-record-number\tsku\terror-code\terror-type\terror-message',
      '3\tC\t8541\tError\tConflicts with the catalog.',
      '1\tA\t99001\tWarning\tRounded the price.',
    ]);
    const imported = importProcessingReport(text, { records: batch.file!.skus, headerRows: 3 });
    if (!imported.ok) throw new Error('import failed');
    const updated = withReport(batch, imported.result);
    expect(updated.state).toBe('partial');
    expect(updated.rows.map((r) => [r.sku, r.outcome])).toEqual([
      ['A', { status: 'applied', message: '99001: Rounded the price.' }],
      ['B', { status: 'applied' }],
      ['C', { status: 'failed', message: '8541: Conflicts with the catalog.' }],
    ]);
    expect(batch.state).toBe('exported');
  });

  it('states: all applied, all failed, or still waiting', () => {
    const row = { key: 'k', sku: 's', field: 'quantity' as const, before: 1, after: 2 };
    expect(stateOf([{ ...row, outcome: { status: 'applied' } }])).toBe('applied');
    expect(stateOf([{ ...row, outcome: { status: 'failed' } }])).toBe('failed');
    expect(
      stateOf([
        { ...row, outcome: { status: 'applied' } },
        { ...row, outcome: { status: 'unknown' } },
      ]),
    ).toBe('partial');
    expect(stateOf([row])).toBe('exported');
  });
});

describe('open holidays', () => {
  const holiday = (id: string) => ({
    id,
    name: id,
    marketplace: 'UK',
    mode: { kind: 'zero' as const },
    createdAt: 0,
    entries: [],
  });
  const batch = (
    id: string,
    kind: BatchRecord['kind'],
    state: BatchRecord['state'],
    of: string,
    at = 0,
  ): BatchRecord => ({
    id,
    name: id,
    kind,
    account: ACCOUNT,
    marketplace: 'UK',
    createdAt: at,
    state,
    summary: '',
    rows: [],
    holiday: holiday(of),
  });

  it('lists holidays without a restore that Amazon took, newest first', () => {
    const open = openHolidays([
      batch('h1', 'holiday', 'applied', 'h1', 1),
      batch('h2', 'holiday', 'exported', 'h2', 2),
      batch('r2', 'restore', 'applied', 'h2', 3),
      batch('h3', 'holiday', 'exported', 'h3', 4),
      batch('r3', 'restore', 'failed', 'h3', 5),
      batch('h4', 'holiday', 'failed', 'h4', 6),
    ]);
    expect(open.map((b) => b.id)).toEqual(['h3', 'h1']);
  });
});

describe('words', () => {
  it('says the operation and the age of a value in both languages', () => {
    const en = panelTranslator('en');
    const zh = panelTranslator('zh_CN');
    expect(say(en, operationSummary({ kind: 'percent', percent: 50, rounding: 'up' }))).toBe(
      'Set to 50% of current stock, rounded up',
    );
    expect(say(zh, operationSummary({ kind: 'handlingTime', days: 5 }))).toBe('处理时间设为 5 天');
    expect(ageText(en, 10_000, true)).toBe('read on the page just now');
    expect(ageText(en, 3 * 60_000, true)).toBe('read on the page 3 minutes ago');
    expect(ageText(en, 5 * HOUR, false)).toBe('last seen 5 hours ago');
    expect(ageText(en, 72 * HOUR, false)).toBe('last seen 3 days ago');
    expect(ageText(zh, 5 * HOUR, false)).toBe('最后一次看到是 5 小时前');
    expect(zh('panel.title')).toBe('批量编辑');
    expect(en('panel.title')).toBe('Bulk edit');
  });
});
