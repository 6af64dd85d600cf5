import { describe, expect, it } from 'vitest';
import {
  FIELD_LABELS,
  fieldForLabel,
  isSaveAllLabel,
  normaliseLabel,
  readChannelText,
  readStatusText,
  salesLabelDays,
} from '@/lib/page/labels';

describe('label normalisation', () => {
  it('folds width, case, spaces and trailing colons', () => {
    expect(normaliseLabel('有货（亚马逊物流）')).toBe(normaliseLabel('有货(亚马逊物流)'));
    expect(normaliseLabel('Available  (FBA):')).toBe('available(fba)');
    expect(normaliseLabel('ＡＳＩＮ')).toBe('asin');
  });
});

describe('field labels in every language', () => {
  it.each([
    ['Available (FBA)', 'availableFba'],
    ['Available (FBM)', 'availableMfn'],
    ['Available', 'available'],
    ['Inbound', 'inbound'],
    ['Reserved', 'reserved'],
    ['有货（亚马逊物流）', 'availableFba'],
    ['有货（卖家自配送）', 'availableMfn'],
    ['预留', 'reserved'],
    ['有貨 (FBA)', 'availableFba'],
    ['入庫數量', 'inbound'],
    ['預留數量', 'reserved'],
    ['Preis', 'price'],
    ['Mindestpreis', 'minPrice'],
    ['Höchstpreis', 'maxPrice'],
    ['Maximalpreis', 'maxPrice'],
    ['价格', 'price'],
    ['SKU', 'sku'],
    ['ASIN:', 'asin'],
    ['FNSKU', 'fnsku'],
  ])('%s → %s', (label, field) => {
    expect(fieldForLabel(label)).toBe(field);
  });

  it('ignores labels it does not use', () => {
    expect(fieldForLabel('Estimated fees')).toBeUndefined();
    expect(fieldForLabel('总费用')).toBeUndefined();
  });

  it('no label means two different fields', () => {
    const seen = new Map<string, string>();
    for (const [field, byLanguage] of Object.entries(FIELD_LABELS)) {
      for (const word of Object.values(byLanguage).flat()) {
        const normal = normaliseLabel(word as string);
        const other = seen.get(normal);
        expect(other === undefined || other === field, `${word}: ${field} and ${other}`).toBe(true);
        seen.set(normal, field);
      }
    }
  });
});

describe('status text', () => {
  it.each([
    ['Active', 'active', []],
    ['Inactive', 'inactive', []],
    ['Inactive (Pricing Error)', 'inactive', ['pricing_error']],
    ['Inaktiv (Preisfehler)', 'inactive', ['pricing_error']],
    ['Inactive | Out of Stock', 'inactive', ['out_of_stock']],
    ['Closed', 'closed', []],
    ['在售', 'active', []],
    ['不可售 | 缺货', 'inactive', ['out_of_stock']],
    ['Active | Search Suppressed', 'active', ['search_suppressed']],
    ['Inactive | Approval required', 'inactive', ['approval_required']],
    ['Inactive (Incomplete)', 'inactive', ['missing_information']],
    ['Stranded', undefined, ['stranded']],
    ['出品中', 'active', []],
    ['Aktiv', 'active', []],
  ] as const)('%s', (text, state, reasons) => {
    const reading = readStatusText(text);
    expect(reading.state).toBe(state);
    expect(reading.reasons).toEqual(reasons);
  });

  it('never reads "inactive" as active, nor "reactivated" as active', () => {
    expect(readStatusText('INACTIVE').state).toBe('inactive');
    expect(readStatusText('reactivated').state).toBeUndefined();
  });
});

describe('channel text and Save all', () => {
  it('reads who ships', () => {
    expect(readChannelText('Amazon')).toBe('fba');
    expect(readChannelText('Merchant')).toBe('mfn');
    expect(readChannelText('卖家')).toBe('mfn');
    expect(readChannelText('unknown')).toBeUndefined();
  });

  it('knows the Save all button in English and Chinese', () => {
    expect(isSaveAllLabel('Save all')).toBe(true);
    expect(isSaveAllLabel('保存所有')).toBe(true);
    expect(isSaveAllLabel('Cancel')).toBe(false);
  });
});

describe('the sales column label', () => {
  it.each([
    ['Units sold (30 days)', 30],
    ['Units sold (last 7 days)', 7],
    ['已售商品数量（30 天）', 30],
    ['已售出數量（30 天）', 30],
    ['銷量（過去 7 天）', 7],
    ['Verkaufte Einheiten (30 Tage)', 30],
    ['Unités vendues (30 jours)', 30],
    ['Unidades vendidas (últimos 30 días)', 30],
    ['Unità vendute (30 giorni)', 30],
    ['販売数（30日間）', 30],
  ])('%s counts units over %i days', (label, days) => {
    expect(salesLabelDays(label)).toBe(days);
  });

  it('is not a sales amount', () => {
    expect(salesLabelDays('Sales (30 days)')).toBeUndefined();
    expect(salesLabelDays('銷售額（30 天）')).toBeUndefined();
  });
});
