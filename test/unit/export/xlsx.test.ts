import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type TableColumn, toCsv } from '@/lib/export/csv';
import { columnLetters, safeSheetName, toXlsx, xmlEscape } from '@/lib/export/xlsx';
import { readStockFile } from '@/lib/sync/stock-file';
import { readXlsx } from '@/lib/sync/xlsx';
import { COLUMNS, HARD_SKUS } from './hard-skus';

function sheetXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
}

describe('xlsx writer', () => {
  const rows = HARD_SKUS.map((sku, i) => ({ sku, title: sku, quantity: i * 1.5 }));
  const bytes = toXlsx(COLUMNS, rows, { sheetName: '库存对账 [UK]' });

  it('is a package with the minimal SpreadsheetML parts', () => {
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
    expect(types).toContain('PartName="/xl/worksheets/sheet1.xml"');
    expect(types).toContain('PartName="/xl/styles.xml"');
    expect(strFromU8(files['xl/workbook.xml'] as Uint8Array)).toContain('name="库存对账 UK"');
  });

  it('reads back every SKU exactly, with numbers as numbers', () => {
    const sheet = readXlsx(bytes);
    expect(sheet.rows[0]?.cells).toEqual(['SKU', 'Title', 'Quantity']);
    const data = sheet.rows.slice(1);
    expect(data.map((r) => r.cells[0])).toEqual(HARD_SKUS);
    expect(data.map((r) => r.cells[1])).toEqual(HARD_SKUS);
    expect(data.map((r) => r.cells[2])).toEqual(HARD_SKUS.map((_, i) => String(i * 1.5)));
    expect(data.map((r) => r.line)).toEqual(HARD_SKUS.map((_, i) => i + 2));
  });

  it('stores SKU cells as inline strings with the Text format, never as numbers or formulas', () => {
    const xml = sheetXml(bytes);
    expect(xml).not.toContain('<f>');
    const row = (sku: string) => HARD_SKUS.indexOf(sku) + 2;
    const inline = (ref: string, text: string, style = ' s="1"') =>
      `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${text}</t></is></c>`;
    expect(xml).toContain(inline(`A${row('00123')}`, '00123'));
    expect(xml).toContain(inline(`A${row('123456789012345')}`, '123456789012345'));
    expect(xml).toContain(inline(`A${row('=x')}`, '=x'));
    expect(xml).toContain(inline(`A${row('-12')}`, '-12'));
    // Text that is not a SKU is also an inline string, without an apostrophe in front.
    expect(xml).toContain(inline(`B${row('=x')}`, '=x', ''));
    expect(xml).toContain(`<c r="C${row('000123')}"><v>0</v></c><`);
    expect(xml).toContain(`<c r="C3"><v>1.5</v></c>`);
    const skuCells = [...xml.matchAll(/<c r="A(\d+)"([^>]*)>/g)];
    expect(skuCells).toHaveLength(HARD_SKUS.length + 1);
    for (const m of skuCells) expect(m[2]).toContain('t="inlineStr"');
    expect(xml).toContain("a&lt;b&gt;&amp;&quot;c'");
    expect(xml).toContain('_x005F_x0041_');
    // A carriage return written raw would become a line feed in any XML parser.
    expect(xml).toContain('cr_x000D_mid');
    expect(xml).not.toContain('\r');
  });

  it('writes a number given for a SKU column as text, and leaves empty values out', () => {
    const cols: TableColumn<{ sku: number; n: number | null }>[] = [
      { header: 'SKU', value: (r) => r.sku, sku: true },
      { header: 'N', value: (r) => r.n },
    ];
    const out = toXlsx(cols, [
      { sku: 123456789012345680000, n: null },
      { sku: 7, n: Number.NaN },
    ]);
    const xml = sheetXml(out);
    expect(xml).toContain('<c r="A2" t="inlineStr" s="1"><is><t xml:space="preserve">123456789012345680000</t>');
    expect(xml).not.toContain('r="B2"');
    expect(xml).not.toContain('r="B3"');
    expect(readXlsx(out).rows[1]?.cells).toEqual(['123456789012345680000']);
  });

  it('drops characters XML 1.0 forbids instead of writing a file Excel refuses', () => {
    const out = toXlsx(COLUMNS, [{ sku: 'A\u0001B\u0008C\uFFFF\uD800', title: 'tab\there\nline', quantity: 1 }]);
    expect(readXlsx(out).rows[1]?.cells).toEqual(['ABC', 'tab\there\nline', '1']);
    expect(xmlEscape('x\u000by')).toBe('xy');
    expect(xmlEscape('🙂')).toBe('🙂');
  });

  it('names the sheet as Excel allows', () => {
    expect(safeSheetName('a/b:c*d?[e]')).toBe('a b c d e');
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName('')).toBe('Sheet1');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
  });
});

describe('exports read back through the stock-file import', () => {
  const stockColumns: TableColumn<{ sku: string; qty: number }>[] = [
    { header: 'SKU', value: (r) => r.sku, sku: true },
    { header: '数量', value: (r) => r.qty },
  ];
  const rows = HARD_SKUS.filter((s) => s.trim() === s).map((sku, i) => ({ sku, qty: i }));

  it('CSV: SKUs intact (leading zeros, 15+ digits, - and = first)', async () => {
    const text = toCsv(stockColumns, rows);
    const result = await readStockFile(new TextEncoder().encode(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.sku)).toEqual(rows.map((r) => r.sku));
    expect(result.rows.map((r) => r.quantity)).toEqual(rows.map((r) => r.qty));
  });

  it('xlsx: SKUs intact', async () => {
    const result = await readStockFile(toXlsx(stockColumns, rows));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('xlsx');
    expect(result.rows.map((r) => r.sku)).toEqual(rows.map((r) => r.sku));
  });
});

describe('xlsx reader on workbooks as Excel and other tools write them', () => {
  const wb = (sheet: string, extra: Record<string, string> = {}) =>
    zipSync(
      Object.fromEntries(
        Object.entries({
          '[Content_Types].xml': '<Types/>',
          'xl/workbook.xml':
            '<workbook xmlns:r="r"><sheets><sheet name="库存" sheetId="1" r:id="rId3"/><sheet name="Other" sheetId="2" r:id="rId1"/></sheets></workbook>',
          'xl/_rels/workbook.xml.rels':
            '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
          'xl/worksheets/sheet1.xml':
            '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>WRONG</t></is></c></row></sheetData></worksheet>',
          'xl/worksheets/sheet2.xml': sheet,
          ...extra,
        }).map(([k, v]) => [k, strToU8(v)]),
      ),
    );

  it('reads the first sheet in tab order, shared strings, rich text, numbers without exponent', () => {
    const shared =
      '<sst><si><t>SKU</t></si><si><t>数量</t></si><si><t xml:space="preserve">00123</t></si><si><r><t>AB</t></r><r><rPr/><t>-1</t></r><rPh><t>ふりがな</t></rPh></si><si><t>line_x000D_break &amp; more</t></si></sst>';
    const sheet =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>12</v></c></row>' +
      '<row r="4"><c r="A4"><v>1.23456789012345E+14</v></c><c r="B4"><f>1+1</f><v>2</v></c></row>' +
      '<row r="5"><c r="A5" t="s"><v>3</v></c><c r="C5" t="b"><v>1</v></c></row>' +
      '<row r="6"><c r="A6" t="s"><v>4</v></c><c r="B6" t="str"><v>7</v></c></row>' +
      '</sheetData></worksheet>';
    const read = readXlsx(wb(sheet, { 'xl/sharedStrings.xml': shared }));
    expect(read.name).toBe('库存');
    expect(read.rows).toEqual([
      { cells: ['SKU', '数量'], line: 1 },
      { cells: ['00123', '12'], line: 3 },
      { cells: ['123456789012345', '2'], line: 4 },
      { cells: ['AB-1', '', 'TRUE'], line: 5 },
      { cells: ['line\rbreak & more', '7'], line: 6 },
    ]);
  });

  it('reads prefixed elements and cells without references', () => {
    const sheet =
      '<x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>SKU</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Qty</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>A-1</x:t></x:is></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(readXlsx(wb(sheet)).rows).toEqual([
      { cells: ['SKU', 'Qty'], line: 1 },
      { cells: ['A-1', '4'], line: 2 },
    ]);
  });
});
