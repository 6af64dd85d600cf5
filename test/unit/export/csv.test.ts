import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, plainNumber, toCsv } from '@/lib/export/csv';
import { COLUMNS, HARD_SKUS } from './hard-skus';

function parse(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV writer', () => {
  it('writes UTF-8 with a BOM, CRLF line ends and a header row', () => {
    const text = toCsv(COLUMNS, [{ sku: 'A', title: 'Mug', quantity: 3 }]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}SKU,Title,Quantity\r\n"A",Mug,3\r\n`);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('reads back every SKU exactly, whatever it contains', () => {
    const rows = HARD_SKUS.map((sku, i) => ({ sku, title: `Title ${i}`, quantity: i }));
    const [header, ...data] = parse(toCsv(COLUMNS, rows));
    expect(header).toEqual(['SKU', 'Title', 'Quantity']);
    expect(data.map((r) => r[0])).toEqual(HARD_SKUS);
    expect(data.map((r) => r[2])).toEqual(HARD_SKUS.map((_, i) => String(i)));
  });

  it('makes text cells that a spreadsheet would run as formulas safe, but never SKU cells', () => {
    const titles = ['=1+2', '+A1', '-A1', '@SUM(A1)', '\tx', '\rx', 'fine', '3 = 3', '－全角'];
    const rows = titles.map((title) => ({ sku: title, title, quantity: null }));
    const data = parse(toCsv(COLUMNS, rows)).slice(1);
    expect(data.map((r) => r[1])).toEqual([
      "'=1+2",
      "'+A1",
      "'-A1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'fine',
      '3 = 3',
      '－全角',
    ]);
    expect(data.map((r) => r[0])).toEqual(titles);
  });

  it('quotes per RFC 4180: commas, quotes and line breaks survive in text cells', () => {
    const titles = ['a,b', 'say "hi"', 'two\nlines', 'two\r\nlines', '保温杯，"特价"'];
    const rows = titles.map((title) => ({ sku: 'S', title, quantity: 1 }));
    const text = toCsv(COLUMNS, rows);
    expect(text).toContain('"say ""hi"""');
    expect(
      parse(text)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(titles);
  });

  it('writes numbers bare with a dot decimal, never an exponent, and leaves unknown cells empty', () => {
    expect(plainNumber(3.25)).toBe('3.25');
    expect(plainNumber(-4)).toBe('-4');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(Number.NaN)).toBe('');
    expect(plainNumber(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    // A negative number is a number, not a formula: no apostrophe.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3')).toBe("'-3");
    const data = parse(toCsv(COLUMNS, [{ sku: 'S', title: 'x', quantity: 1234.5 }])).slice(1);
    expect(data[0]).toEqual(['S', 'x', '1234.5']);
  });

  it('writes only the header for an empty table', () => {
    expect(toCsv(COLUMNS, [])).toBe(`${BOM}SKU,Title,Quantity\r\n`);
  });
});
