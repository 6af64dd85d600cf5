import { describe, expect, it } from 'vitest';
import { evaluateAll } from '@/lib/alerts/evaluate';
import {
  inventoryLink,
  methodNotes,
  PopupGroupSchema,
  popupCsv,
  popupGroups,
  popupRow,
  suggestionNotes,
} from '@/lib/alerts/popup';
import type { FeeSeries } from '@/lib/alerts/types';
import { alerts as catalog } from '@/lib/i18n/catalog/alerts';
import { createTranslator } from '@/lib/i18n/core';
import { ACCOUNT, BERLIN, event, input, LA, local, settingsWith } from './helpers';

const now = local('2026-09-01', 10, LA);
const settings = settingsWith();
const en = createTranslator(catalog, 'en');
const zh = createTranslator(catalog, 'zh_CN');

const lowFee: FeeSeries = {
  lastDay: '2026-08-31',
  onHand: new Float64Array(90).fill(10),
  shipped: new Float64Array(90).fill(1),
};

function sample() {
  return evaluateAll(
    [
      input('OK', { perDay: 1, stock: 500 }, { asin: 'B0OK000001', available: 500 }),
      input('FEE', { perDay: 1, stock: 500 }, { asin: 'B0FEE00001', available: 500, fee: lowFee }),
      input('LOW', { perDay: 0.1, stock: 5 }, { asin: 'B0BOARD001', available: 5, title: 'Bamboo board' }),
      input(
        'CRIT',
        { perDay: 2, stock: 30 },
        {
          asin: 'B0BOARD001',
          marketplace: 'UK',
          available: 20,
          inboundShipped: 6,
          inboundReceiving: 4,
          amazon: { quantity: 90, shipDate: '2026-09-03' },
        },
      ),
      input('SNOOZED', { perDay: 3, stock: 0 }, { asin: 'B0SNOOZE01', available: 0, snoozedUntil: now + 1 }),
      input('OUT', { perDay: 1, stock: 0 }, { asin: 'B0OUT00001', available: 0, title: '=cmd|x, "quoted"' }),
    ],
    settings,
    now,
  );
}

describe('the low-stock list', () => {
  it('lists SKUs needing attention by product, most urgent first, snoozed last', () => {
    const groups = popupGroups(sample());
    expect(groups.map((g) => g.rows.map((r) => r.sku))).toEqual([['OUT'], ['CRIT', 'LOW'], ['FEE'], ['SNOOZED']]);
    expect(groups[1]).toMatchObject({ asin: 'B0BOARD001', title: 'Bamboo board' });
    expect(popupGroups(sample(), { includeOk: true }).flatMap((g) => g.rows.map((r) => r.sku))).toContain('OK');
    for (const group of groups) expect(PopupGroupSchema.safeParse(group).success).toBe(true);
  });

  it('carries every figure the popup shows', () => {
    const crit = popupGroups(sample())[1]!.rows[0]!;
    expect(crit).toMatchObject({
      sku: 'CRIT',
      marketplace: 'UK',
      marketplaces: ['UK'],
      channel: 'fba',
      state: 'critical',
      available: 20,
      inTransit: 10,
      perDay: 2,
      daysOfCover: 15,
      stockOutDay: '2026-09-16',
      method: 'Express',
      late: true,
      amazonSuggested: 90,
      amazonShipDate: '2026-09-03',
      link: 'https://sellercentral.amazon.co.uk/myinventory/inventory?searchField=sku&searchTerm=CRIT',
    });
    expect(crit.suggested).toBeGreaterThan(0);
    expect(crit.reorderBy).toBe('2026-08-11');
    expect(crit.methods.map((m) => m.methodId)).toEqual(['sea', 'air', 'express']);
    expect(crit.messages.map((m) => en(m.key, m.params))).toEqual([
      'Runs out 2026-09-16, before stock ordered today can arrive even by Express (2026-09-30)',
      '15 days of cover, below your threshold of 21',
      'Every shipping method is late: the last one (Express) had to be ordered by 2026-08-11',
    ]);
  });

  it('says why in the seller’s language, including the fee note', () => {
    const fee = popupGroups(sample()).find((g) => g.asin === 'B0FEE00001')!.rows[0]!;
    expect(fee.state).toBe('ok');
    expect(fee.messages.map((m) => zh(m.key, m.params))).toEqual([
      '低库存水平费风险：父 ASIN 历史供货天数近 30 天 10 天、近 90 天 10 天，均低于 28 天',
    ]);
    const low = popupGroups(sample())[1]!.rows[1]!;
    expect(zh(low.messages[0]!.key, low.messages[0]!.params)).toBe('可售 5 件，低于您设置的 10 件');
  });
});

describe('notes beside the figures', () => {
  it('explains what moved each method’s date, with the event names the seller typed', () => {
    const bfcm = event({
      id: 'bfcm',
      name: '黑五网一',
      kind: 'demand',
      start: '2026-11-20',
      end: '2026-12-01',
      uplift: 2,
      inboundCutoff: '2026-10-30',
    });
    const cny = event({
      id: 'cny',
      name: '春节',
      kind: 'supply',
      start: '2027-01-27',
      end: '2027-02-21',
      extraLeadDays: 21,
    });
    const plan = {
      methodId: 'air',
      name: 'Air',
      leadDays: 37,
      arrivesBy: '2026-10-08',
      reorderBy: '2026-09-23',
      late: false,
      constraint: 'cut-off' as const,
      eventId: 'bfcm',
      supplyDelayDays: 0,
      supplyEventId: null,
    };
    expect(methodNotes(plan, [bfcm, cny]).map((m) => zh(m.key, m.params))).toEqual([
      '须在 黑五网一 入仓截止日（2026-10-30）前完成入库',
    ]);
    expect(
      methodNotes(
        { ...plan, constraint: 'stock-out', eventId: null, supplyEventId: 'cny', supplyDelayDays: 21, late: true },
        [bfcm, cny],
      ).map((m) => en(m.key, m.params)),
    ).toEqual(['春节 adds 21 days to production', 'Late']);
    expect(
      methodNotes({ ...plan, constraint: 'stock-out', eventId: null, supplyEventId: 'cny' }, [cny]).map((m) => m.key),
    ).toEqual(['alerts.method.supplyAhead']);
  });

  it('shows Amazon’s suggestion and the capacity cap beside the quantity', () => {
    const crit = sample().find((a) => a.sku === 'CRIT')!;
    expect(suggestionNotes(crit).map((m) => en(m.key, m.params))).toEqual(['Amazon suggests 90, ship by 2026-09-03']);
    const capped = {
      ...crit,
      suggestion: { ...crit.suggestion!, beforeCap: 1200, quantity: 500, capApplied: true },
      amazon: null,
    };
    expect(suggestionNotes(capped).map((m) => zh(m.key, m.params))).toEqual([
      '受每月补货上限限制（实际需要 1,200 件）',
    ]);
  });
});

describe('Manage Inventory links', () => {
  it('opens the marketplace’s own country host, the SKU encoded', () => {
    expect(inventoryLink('US', 'A B+1/č')).toBe(
      'https://sellercentral.amazon.com/myinventory/inventory?searchField=sku&searchTerm=A%20B%2B1%2F%C4%8D',
    );
    expect(inventoryLink('DE', 'X')).toMatch(/^https:\/\/sellercentral\.amazon\.de\//);
    expect(inventoryLink('gb', 'X')).toMatch(/^https:\/\/sellercentral\.amazon\.co\.uk\//);
    expect(inventoryLink('JP', 'X')).toMatch(/^https:\/\/sellercentral\.amazon\.co\.jp\//);
    expect(inventoryLink('XX', 'X')).toBeNull();
  });

  it('a pool links to its first member’s marketplace and SKU', () => {
    const eu = (m: string) =>
      input(
        `BOARD-${m}`,
        { perDay: 2, stock: 3, timeZone: BERLIN },
        { marketplace: m, asin: 'B0POOL0001', available: 3 },
      );
    const [pool] = evaluateAll([eu('FR'), eu('DE')], settings, now, {
      pools: [{ account: ACCOUNT, asins: [], marketplaces: [], stock: 'sum' }],
    });
    const row = popupRow(pool!);
    expect(row.marketplaces).toEqual(['DE', 'FR']);
    expect(zh(row.poolName!.key, row.poolName!.params)).toBe('泛欧库存池（2 个站点）');
    expect(row.link).toBe('https://sellercentral.amazon.de/myinventory/inventory?searchField=sku&searchTerm=BOARD-DE');
  });
});

describe('CSV', () => {
  it('has a BOM, a header in the seller’s language, plain numbers and ISO dates', () => {
    const csv = popupCsv(popupGroups(sample()), zh);
    expect(
      csv.startsWith(
        '\uFEFF状态,ASIN,SKU,商品名称,站点,配送方式,可售,在途,日均销量,可售天数,断货日期,运输方式,最晚补货日,建议补货量,',
      ),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toBe('');
    const crit = lines.find((l) => l.includes(',CRIT,'))!;
    expect(crit).toContain(',UK,FBA,20,10,2,15,2026-09-16,Express,2026-08-11,');
  });

  it('quotes commas and quotes, and keeps a spreadsheet from running a title as a formula', () => {
    const csv = popupCsv(popupGroups(sample()), en);
    expect(csv).toContain(`,"'=cmd|x, ""quoted""",`);
  });
});
