import { describe, expect, it } from 'vitest';
import { applyMapping, mappingColumns, readMappingFile, type SkuMapEntry, validateMapping } from '@/lib/sync/mapping';
import type { StockRow } from '@/lib/sync/stock-file';
import { legacy, utf8 } from '../reports/helpers';

describe('mapping file', () => {
  it('reads local SKU → MSKU pairs; a repeated local SKU maps to several MSKUs (GB18030)', async () => {
    const text = '本地SKU,MSKU,站点\r\nCUP-01,CUP-01-UK,UK\r\nCUP-01,CUP-01-FBA,\r\nMUG,00123,gb\r\n';
    const result = await readMappingFile(legacy(text, 'gb18030'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries).toEqual([
      { local: 'CUP-01', msku: 'CUP-01-UK', marketplace: 'UK', line: 2 },
      { local: 'CUP-01', msku: 'CUP-01-FBA', line: 3 },
      { local: 'MUG', msku: '00123', marketplace: 'UK', line: 4 },
    ]);
  });

  it('takes the first two columns when the headers are not recognised; MSKU first when they are', () => {
    expect(mappingColumns(['ours', 'theirs'])).toEqual({ local: 0, msku: 1 });
    expect(mappingColumns(['MSKU', 'SKU'])).toEqual({ local: 1, msku: 0 });
    expect(mappingColumns(['Seller SKU', '本地SKU', 'Marketplace'])).toEqual({ local: 1, msku: 0, marketplace: 2 });
    expect(mappingColumns(['only'])).toBeUndefined();
  });

  it('rejects an MSKU mapped from two local SKUs, naming both lines, and imports nothing', async () => {
    const text = 'local,msku\nA,X\nB,Y\nC,X\nA,X\n';
    const result = await readMappingFile(utf8(text));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('mapping-conflicts');
    expect(result.errors).toEqual([
      {
        line: 4,
        value: 'X',
        messageKey: 'sync.row.mappingConflict',
        params: { line: 4, msku: 'X', local: 'C', otherLine: 2, otherLocal: 'A' },
      },
    ]);
  });

  it('allows the same MSKU code from different local SKUs in different marketplaces only', () => {
    const entries: SkuMapEntry[] = [
      { local: 'A', msku: 'X', marketplace: 'UK', line: 2 },
      { local: 'B', msku: 'X', marketplace: 'DE', line: 3 },
    ];
    expect(validateMapping(entries)).toEqual([]);
    expect(validateMapping([...entries, { local: 'C', msku: 'X', line: 4 }]).map((e) => e.line)).toEqual([4]);
  });

  it('rejects empty cells and unknown marketplace codes with their lines', async () => {
    const result = await readMappingFile(utf8('local,msku,marketplace\nA,,\n,B,\nC,D,Atlantis\nE,F,US\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.messageKey])).toEqual([
      [2, 'sync.row.noMsku'],
      [3, 'sync.row.noLocal'],
      [4, 'sync.row.badMarketplace'],
    ]);
  });
});

describe('applying the mapping to stock rows', () => {
  const rows: StockRow[] = [
    { sku: 'CUP-01', quantity: 7, warehouse: 'SZ', cost: 2, line: 2 },
    { sku: 'CUP-01', quantity: 3, warehouse: 'US', cost: 4, line: 3 },
    { sku: 'PLAIN', quantity: 5, line: 4 },
  ];
  const entries: SkuMapEntry[] = [
    { local: 'CUP-01', msku: 'CUP-UK-NEW', marketplace: 'UK' },
    { local: 'CUP-01', msku: 'CUP-UK-USED', marketplace: 'UK' },
    { local: 'CUP-01', msku: 'CUP-DE', marketplace: 'DE' },
  ];

  it('gives each MSKU of a local SKU the whole pool (warehouses added), flagged as shared', () => {
    const { stock, merged } = applyMapping(rows, entries, 'UK');
    expect(merged).toEqual([]);
    const pool = {
      quantity: 10,
      localSkus: ['CUP-01'],
      mapped: true,
      warehouses: ['SZ', 'US'],
      cost: 2.6,
      lines: [2, 3],
    };
    expect(stock).toEqual([
      { sku: 'CUP-UK-NEW', sharedWith: ['CUP-UK-USED'], ...pool },
      { sku: 'CUP-UK-USED', sharedWith: ['CUP-UK-NEW'], ...pool },
      { sku: 'PLAIN', quantity: 5, localSkus: ['PLAIN'], sharedWith: [], mapped: false, warehouses: [], lines: [4] },
    ]);
  });

  it('uses only the entries for the marketplace (and those for every marketplace)', () => {
    const de = applyMapping(rows, [...entries, { local: 'PLAIN', msku: 'PLAIN-ALL' }], 'DE').stock;
    expect(de.map((s) => [s.sku, s.quantity, s.sharedWith])).toEqual([
      ['CUP-DE', 10, []],
      ['PLAIN-ALL', 5, []],
    ]);
  });

  it('adds up and reports an MSKU reached from two local SKUs', () => {
    const { stock, merged } = applyMapping(
      [...rows, { sku: 'OLD', quantity: 2, line: 5 }],
      [{ local: 'OLD', msku: 'PLAIN' }],
      'UK',
    );
    expect(merged).toEqual(['PLAIN']);
    expect(stock.find((s) => s.sku === 'PLAIN')).toMatchObject({ quantity: 7, localSkus: ['PLAIN', 'OLD'] });
  });
});
