import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TableColumn } from '@/lib/export/csv';
import { toXlsx } from '@/lib/export/xlsx';
import { headerSignature, readStockFile, recogniseColumns, type StockFileResult } from '@/lib/sync/stock-file';
import { chunks, concat, legacy, utf8, utf16le } from '../reports/helpers';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

function ok(result: StockFileResult) {
  if (!result.ok)
    throw new Error(`expected success, got ${JSON.stringify(result.error)} ${JSON.stringify(result.errors)}`);
  return result;
}

function rejected(result: StockFileResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result;
}

describe('stock file: text', () => {
  it('reads UTF-8 with a BOM and Chinese headers, warehouses and costs', async () => {
    const text =
      '本地SKU,可用库存,仓库,采购价\r\n00123,12,深圳仓,3.50\r\n00123,3,美国海外仓,4.00\r\nMUG-BLK,0,深圳仓,\r\n';
    const result = ok(await readStockFile(concat(BOM, utf8(text))));
    expect(result.recognised).toBe(true);
    expect(result.mapping).toEqual({ sku: 0, quantity: 1, warehouse: 2, cost: 3 });
    expect(result.encoding).toBe('utf-8');
    expect(result.rows).toEqual([
      { sku: '00123', quantity: 12, warehouse: '深圳仓', cost: 3.5, line: 2 },
      { sku: '00123', quantity: 3, warehouse: '美国海外仓', cost: 4, line: 3 },
      { sku: 'MUG-BLK', quantity: 0, warehouse: '深圳仓', line: 4 },
    ]);
  });

  it('reads GB18030 (Chinese Excel) in chunks that split characters', async () => {
    const text = '商品编码,库存数量,仓库\r\n保温杯-黑,1200,义乌仓\r\n保温杯-白,"1,300",义乌仓\r\n';
    const bytes = legacy(text, 'gb18030');
    // The encoder is the platform's table: spot-check the bytes of 商 (C9CC in GB2312).
    expect([...legacy('商', 'gb18030')]).toEqual([0xc9, 0xcc]);
    const result = ok(await readStockFile(chunks(bytes, 7)));
    expect(result.encoding).toBe('gb18030');
    expect(result.rows.map((r) => [r.sku, r.quantity, r.warehouse])).toEqual([
      ['保温杯-黑', 1200, '义乌仓'],
      ['保温杯-白', 1300, '义乌仓'],
    ]);
  });

  it('reads TSV with English headers in any case and spacing, and UTF-16 text', async () => {
    const text = 'Seller-SKU\tQTY\tUnit Cost\nA-1\t5\t1.25\nB-2\t7\t\n';
    const tsv = ok(await readStockFile(utf8(text)));
    expect(tsv.mapping).toEqual({ sku: 0, quantity: 1, cost: 2 });
    expect(tsv.rows.map((r) => [r.sku, r.quantity, r.cost])).toEqual([
      ['A-1', 5, 1.25],
      ['B-2', 7, undefined],
    ]);
    const u16 = ok(await readStockFile(utf16le(text)));
    expect(u16.rows).toEqual(tsv.rows);
  });

  it('reads decimal-comma files (1.234 units, 12,50 cost) by the file’s evidence', async () => {
    const text = 'SKU;Quantity;Cost\nA;1.234;12,50\nB;3;0,99\n';
    const result = ok(await readStockFile(utf8(text)));
    expect(result.numberLocale).toBe('eu');
    expect(result.rows.map((r) => [r.quantity, r.cost])).toEqual([
      [1234, 12.5],
      [3, 0.99],
    ]);
  });

  it('skips total rows and blank lines, with a warning', async () => {
    const text = 'SKU,Quantity\n\nA,1\n\nB,2\n合计,3\n';
    const result = ok(await readStockFile(utf8(text)));
    expect(result.rows.map((r) => [r.sku, r.line])).toEqual([
      ['A', 3],
      ['B', 5],
    ]);
    expect(result.warnings).toEqual([{ messageKey: 'sync.warning.totalRows', params: { count: 1 } }]);
  });
});

describe('stock file: column mapping', () => {
  const text = 'Code produit,Stock dispo,Entrepôt\nX-1,4,Paris\nX-2,9,Lyon\n';

  it('asks for a mapping when the headers are not recognised, with a signature and what it found', async () => {
    const result = rejected(await readStockFile(utf8(text)));
    expect(result.error.code).toBe('mapping-required');
    expect(result.error.messageKey).toBe('sync.error.mappingRequired');
    expect(result.headers).toEqual(['Code produit', 'Stock dispo', 'Entrepôt']);
    expect(result.signature).toBe(headerSignature(['Code produit', 'Stock dispo', 'Entrepôt']));
    expect(result.suggested).toEqual({});
  });

  it('reads the file with the supplied mapping', async () => {
    const result = ok(await readStockFile(utf8(text), { mapping: { sku: 0, quantity: 1, warehouse: 2 } }));
    expect(result.recognised).toBe(false);
    expect(result.rows.map((r) => [r.sku, r.quantity, r.warehouse])).toEqual([
      ['X-1', 4, 'Paris'],
      ['X-2', 9, 'Lyon'],
    ]);
  });

  it('rejects a mapping that does not fit the file', async () => {
    for (const mapping of [
      { sku: 0, quantity: 3 },
      { sku: 1, quantity: 1 },
    ]) {
      const result = rejected(await readStockFile(utf8(text), { mapping }));
      expect(result.error.code).toBe('bad-mapping');
      expect(result.error.params.columns).toBe(3);
    }
  });

  it('signatures ignore case, spaces and dashes but not the columns', () => {
    expect(headerSignature(['Seller SKU', 'Qty'])).toBe(headerSignature([' seller-sku', 'QTY ']));
    expect(headerSignature(['Seller SKU', 'Qty'])).not.toBe(headerSignature(['Qty', 'Seller SKU']));
    expect(headerSignature(['a'])).toMatch(/^1-[0-9a-f]{8}$/);
  });

  it('prefers the most specific header when two match, and uses a column once', () => {
    expect(recogniseColumns(['SKU', '本地SKU', '数量', '可用库存'])).toEqual({ sku: 1, quantity: 3 });
    expect(recogniseColumns(['货号', '库存', '仓库名称', '成本价'])).toEqual({
      sku: 0,
      quantity: 1,
      warehouse: 2,
      cost: 3,
    });
  });
});

describe('stock file: xlsx', () => {
  it('reads SKUs as stored, with a mapping when needed', async () => {
    const columns: TableColumn<{ sku: string; qty: number; wh: string }>[] = [
      { header: '编号', value: (r) => r.sku, sku: true },
      { header: '现存', value: (r) => r.qty },
      { header: '仓库', value: (r) => r.wh },
    ];
    const bytes = toXlsx(columns, [
      { sku: '00123', qty: 5, wh: 'A' },
      { sku: '123456789012345678', qty: 0, wh: 'A' },
    ]);
    const first = rejected(await readStockFile(bytes));
    expect(first.error.code).toBe('mapping-required');
    expect(first.suggested).toEqual({ warehouse: 2 });
    const result = ok(await readStockFile(bytes, { mapping: { sku: 0, quantity: 1, warehouse: 2 } }));
    expect(result.format).toBe('xlsx');
    expect(result.rows).toEqual([
      { sku: '00123', quantity: 5, warehouse: 'A', line: 2 },
      { sku: '123456789012345678', quantity: 0, warehouse: 'A', line: 3 },
    ]);
  });
});

describe('stock file: bad input loses nothing and says what and where', () => {
  it('rejects the whole file over one bad row, listing every bad row with its line', async () => {
    const text =
      'SKU,Quantity,Warehouse,Cost\nA,1,W,\n,2,W,\nB,-3,W,\nC,1.5,W,\nD,abc,W,\nE,,W,\nA,4,W,\nA,4,X,\nF,1,W,free\n';
    const result = rejected(await readStockFile(utf8(text)));
    expect(result.error).toEqual({ code: 'rows', messageKey: 'sync.error.rows', params: { count: 7 } });
    expect(result.errorRows).toBe(7);
    expect(result.errors.map((e) => [e.line, e.messageKey])).toEqual([
      [3, 'sync.row.noSku'],
      [4, 'sync.row.negative'],
      [5, 'sync.row.notWhole'],
      [6, 'sync.row.badQuantity'],
      [7, 'sync.row.noQuantity'],
      [8, 'sync.row.duplicate'],
      [10, 'sync.row.badCost'],
    ]);
    expect(result.errors[5]?.params).toEqual({ line: 8, sku: 'A', first: 2 });
    expect(result.errors[1]?.params).toMatchObject({ column: 'Quantity', value: '-3' });
  });

  it('rejects a header with no rows', async () => {
    expect(rejected(await readStockFile(utf8('SKU,Qty\n'))).error.code).toBe('no-rows');
  });

  it('names empty, image, PDF, old .xls and archive files', async () => {
    const cases: Array<[Uint8Array, string, string]> = [
      [new Uint8Array(0), 'empty', 'sync.error.empty'],
      [utf8('  \n\n'), 'empty', 'sync.error.empty'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary', 'sync.error.image'],
      [utf8('%PDF-1.7\n...'), 'binary', 'sync.error.pdf'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'binary', 'sync.error.xls'],
      [new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), 'binary', 'sync.error.archive'],
    ];
    for (const [bytes, code, key] of cases) {
      const result = rejected(await readStockFile(bytes));
      expect([result.error.code, result.error.messageKey]).toEqual([code, key]);
    }
  });

  it('names a broken zip, a zip that is no workbook, and a workbook with no sheet', async () => {
    const broken = rejected(await readStockFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(broken.error.code).toBe('xlsx-invalid');
    expect(String(broken.error.params.detail)).not.toBe('');
    const docx = rejected(await readStockFile(zipSync({ 'word/document.xml': strToU8('<w:document/>') })));
    expect(docx.error).toMatchObject({ code: 'xlsx-invalid', params: { detail: 'no workbook inside' } });
    const noSheet = rejected(
      await readStockFile(zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>') })),
    );
    expect(noSheet.error.code).toBe('xlsx-no-sheet');
  });

  it('gives the byte and line of an encoding error, and an unclosed quote’s line', async () => {
    const bad = concat(utf8('SKU,Qty\nA,1\nB'), new Uint8Array([0xff]), utf8(',2\n'));
    const enc = rejected(await readStockFile(bad, { encoding: 'utf-8' }));
    expect(enc.error).toEqual({
      code: 'encoding',
      messageKey: 'sync.error.encoding',
      params: { encoding: 'UTF-8', offset: 13, line: 3 },
    });
    const quote = rejected(await readStockFile(utf8('SKU,Qty\nA,1\n"B,2\nC,3\n')));
    expect(quote.error).toMatchObject({ code: 'unclosed-quote', params: { line: 3 } });
  });
});
