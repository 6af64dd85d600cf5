import { describe, expect, it } from 'vitest';
import { ImportFailure } from '@/lib/reports/errors';
import { type AnyRow, parseReport, ReportParser } from '@/lib/reports/parse';
import { activeListings, allListings, allOrders, businessChild, businessWithTotal } from './fixtures/reports';

interface Parsed {
  parser: ReportParser;
  rows: Array<{ row: AnyRow; line: number }>;
}

/** Feeds `text` in pieces of `size` characters, as the decoder would. */
function parse(text: string, size = 7, options: ConstructorParameters<typeof ReportParser>[1] = {}): Parsed {
  const rows: Parsed['rows'] = [];
  const parser = new ReportParser(
    (row, line) => {
      rows.push({ row, line });
      return undefined;
    },
    { sampleChars: 16, ...options },
  );
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
  return { parser, rows };
}

function failure(run: () => unknown): ImportFailure['error'] {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFailure) return error.error;
    throw error;
  }
  throw new Error('no failure');
}

describe('ReportParser', () => {
  it('reads the Business Report: BOM, en dashes, quoted thousands, £ and %', () => {
    const { parser, rows } = parse(businessChild);
    expect(parser.header?.type).toBe('business-child');
    expect(parser.header?.numberLocale.locale).toBe('en');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]?.row).toMatchObject({
      asin: 'B0TESTCHD1',
      sku: 'BB-001 Prime',
      title: 'Bamboo Chopping Board, Large',
      sessions: 2584,
      unitsOrdered: 362,
      unitsOrderedB2B: 0,
      sales: 12894.53,
      salesCurrency: '£',
      unitSessionPercent: 14.01,
      buyBoxPercent: 67,
    });
    expect(parser.errors.count).toBe(0);
  });

  it('gives each row the file line it starts on, across quoted line breaks and CRLF', () => {
    const { parser, rows } = parse(activeListings, 5);
    expect(parser.header?.type).toBe('active-listings');
    expect(parser.header?.delimiter).toBe(',');
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0]?.row).toMatchObject({ sku: 'BB-001 Prime', price: 24.99, quantity: 40, businessPrice: 22.49 });
    expect(parser.line).toBe(5);
  });

  it('leaves quotes alone in Amazon’s tab-delimited files', () => {
    const { parser, rows } = parse(allListings, 11);
    expect(parser.header?.quoting).toBe(false);
    expect(rows.map((r) => (r.row as { title: string }).title)).toEqual([
      'Linen Apron "Chef" edition',
      '"Best" Oven Gloves',
      'Spice Rack',
    ]);
    expect(rows[2]?.row).toMatchObject({ sku: 'SR-03', quantity: undefined, status: 'Inactive' });
  });

  it('honours quoting in a tab-delimited file Excel re-saved', () => {
    const text = 'seller-sku\titem-name\tprice\tquantity\nA-1\t"Board\twith tab"\t1.50\t2\nA-2\t"Say ""hi"""\t2\t3\n';
    // The decision is taken on the first sample of the file, which must include a quoted field.
    const { parser, rows } = parse(text, 7, { sampleChars: 80 });
    expect(parser.header?.quoting).toBe(true);
    expect(rows.map((r) => (r.row as { title: string }).title)).toEqual(['Board\twith tab', 'Say "hi"']);
  });

  it('skips a trailing “Total” row and blank lines, and counts them', () => {
    const { parser, rows } = parse(`\r\n${businessWithTotal}\r\n\r\n`);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.line)).toEqual([3, 4]);
    expect(parser.stats).toMatchObject({ rows: 2, totalRows: 1, validRows: 2 });
    expect(parser.header?.headerLine).toBe(2);
  });

  it('reports each bad cell with its line and column, and keeps only the first N errors', () => {
    const lines = [
      'sku\tavailable\tsnapshot-date',
      ...Array.from({ length: 30 }, (_, i) => `S-${i}\t${i % 3 === 0 ? 'x' : i}\t2026-01-05`),
    ];
    const { parser, rows } = parse(`${lines.join('\n')}\n`, 13, { maxErrors: 4 });
    expect(rows).toHaveLength(20);
    expect(parser.stats.errorRows).toBe(10);
    expect(parser.errors.count).toBe(10);
    expect(parser.errors.errors).toHaveLength(4);
    expect(parser.errors.errors[0]).toEqual({
      line: 2,
      column: 'available',
      value: 'x',
      messageKey: 'reports.row.notNumber',
      params: { column: 'available', value: 'x' },
    });
    expect(parser.errors.errors.map((e) => e.line)).toEqual([2, 5, 8, 11]);
  });

  it('makes a cell in the other number convention an error, never a second guess', () => {
    const text = 'seller-sku,item-name,price,quantity\nA-1,Board,12.50,1\nA-2,Board,"1,234.00",2\nA-3,Board,"7,5",3\n';
    const { parser, rows } = parse(text);
    expect(rows).toHaveLength(2);
    expect(parser.errors.errors[0]).toMatchObject({
      line: 4,
      column: 'price',
      messageKey: 'reports.row.wrongLocale',
      params: { example: '1,234.56' },
    });
  });

  it('checks ranges with the row schema', () => {
    const text = 'sku\tavailable\tsnapshot-date\tasin\nA\t-3\t2026-01-05\tB0TESTCHD1\nB\t2\t2026-01-05\tnot-an-asin\n';
    const { parser } = parse(text);
    expect(parser.errors.errors.map((e) => [e.line, e.messageKey, e.column])).toEqual([
      [2, 'reports.row.negative', 'available'],
      [3, 'reports.row.badAsin', 'asin'],
    ]);
  });

  it('refuses a row with too few or too many fields, but allows trailing empty ones', () => {
    const text = 'sku\tavailable\tsnapshot-date\nA\t1\t2026-01-05\t\t\nB\t2\nC\t3\t2026-01-05\textra\n';
    const { parser, rows } = parse(text);
    expect(rows).toHaveLength(1);
    expect(parser.errors.errors.map((e) => [e.line, e.messageKey, e.params])).toEqual([
      [3, 'reports.row.fieldCount', { found: 2, expected: 3 }],
      [4, 'reports.row.fieldCount', { found: 4, expected: 3 }],
    ]);
  });

  it('flags a header repeated inside the file (two exports joined)', () => {
    const joined = allOrders([
      {
        id: '111-0000001-0000001',
        purchase: '2026-01-01T10:00:00+00:00',
        updated: '2026-01-01T10:00:00+00:00',
        status: 'Shipped',
        sku: 'A',
        quantity: 1,
      },
    ]);
    const { parser } = parse(`${joined}\uFEFF${joined}`, 50);
    expect(parser.errors.errors.map((e) => [e.line, e.messageKey])).toEqual([[3, 'reports.row.repeatedHeader']]);
  });

  it('stops at a quoted field that never closes (a cut-off file), naming its line', () => {
    const text = 'seller-sku,item-name,price,quantity\nA-1,Board,1.00,1\nA-2,"Board that never,2.00,2\nA-3,x,1,1\n';
    expect(failure(() => parse(text))).toEqual({
      code: 'unclosed-quote',
      messageKey: 'reports.error.unclosedQuote',
      params: { line: 3 },
    });
  });

  it('stops when one record grows past the limit instead of buffering the whole file', () => {
    const text = `seller-sku,item-name,price,quantity\nA-1,"${'x'.repeat(5000)}`;
    expect(failure(() => parse(text, 100, { maxRecordChars: 1000 }))).toMatchObject({
      code: 'record-too-long',
      params: { line: 2, size: 1000 },
    });
  });

  it('names the closest report type when the header is not one it knows', () => {
    expect(failure(() => parse('sku\tfoo\tbar\n1\t2\t3\n'))).toMatchObject({ code: 'unrecognised' });
    expect(failure(() => parse('amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\n'))).toEqual({
      code: 'missing-columns',
      messageKey: 'reports.error.missingColumns',
      params: { type: 'all-orders', columns: 'quantity' },
    });
  });

  it('calls a file of only blank lines empty', () => {
    expect(failure(() => parse('\r\n\n   \n'))).toMatchObject({ code: 'empty' });
  });
});

describe('parseReport', () => {
  it('yields the header with the first batch, then batches of rows per chunk', async () => {
    async function* text() {
      const all = businessChild;
      for (let at = 0; at < all.length; at += 100) yield all.slice(at, at + 100);
    }
    const batches = [];
    for await (const batch of parseReport(text(), { sampleChars: 64 })) batches.push(batch);
    expect(batches[0]?.header?.type).toBe('business-child');
    expect(batches.slice(1).every((b) => b.header === undefined)).toBe(true);
    expect(batches.flatMap((b) => b.rows.map((r) => r.line))).toEqual([2, 3, 4]);
  });
});
