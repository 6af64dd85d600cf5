import { describe, expect, it } from 'vitest';
import { parsePaste } from '@/lib/bulk/paste';
import { manageInventoryUrl, sellerCentralHostFor, stagedPasteText } from '@/lib/sync/stage';

describe('staged rows for the bulk-edit panel', () => {
  it('round-trips through the paste parser with every SKU exact, odd characters included', () => {
    const rows = [
      { sku: '00123', setTo: 5 },
      { sku: '123456789012345678', setTo: 0 },
      { sku: '-neg', setTo: 12 },
      { sku: '=SUM(A1)', setTo: 3 },
      { sku: '"quoted" SKU', setTo: 7 },
      { sku: 'with\ttab', setTo: 1 },
      { sku: '本地 蓝色-L', setTo: 40 },
    ];
    const text = stagedPasteText(rows);
    const known = new Set(rows.map((r) => r.sku));
    const parsed = parsePaste(text, known, { maxQuantity: 100_000 });
    expect(parsed.errors).toEqual([]);
    expect(parsed.unknownSkus).toEqual([]);
    expect(parsed.header).toBe(false);
    expect(parsed.rows.map((r) => ({ sku: r.sku, setTo: r.quantity }))).toEqual(rows);
  });

  it('leaves SKUs the page does not show as unknown, not silently dropped', () => {
    const parsed = parsePaste(
      stagedPasteText([
        { sku: 'GONE', setTo: 2 },
        { sku: 'A', setTo: 1 },
      ]),
      new Set(['A']),
      {
        maxQuantity: 100,
      },
    );
    expect(parsed.rows.map((r) => r.sku)).toEqual(['A']);
    expect(parsed.unknownSkus).toEqual([{ sku: 'GONE', line: 1 }]);
  });

  it('opens Manage Inventory on the marketplace’s own host', () => {
    expect(manageInventoryUrl('US')).toBe('https://sellercentral.amazon.com/myinventory/inventory');
    expect(manageInventoryUrl('GB')).toBe('https://sellercentral.amazon.co.uk/myinventory/inventory');
    expect(sellerCentralHostFor('JP')).toBe('sellercentral.amazon.co.jp');
    expect(manageInventoryUrl('XX')).toBeUndefined();
  });
});
