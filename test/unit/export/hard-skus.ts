import type { TableColumn } from '@/lib/export/csv';

export interface Row {
  sku: string;
  title: string;
  quantity: number | null;
}

/** A SKU column, a text column and a number column: the three kinds of cell an export writes. */
export const COLUMNS: TableColumn<Row>[] = [
  { header: 'SKU', value: (r) => r.sku, sku: true },
  { header: 'Title', value: (r) => r.title },
  { header: 'Quantity', value: (r) => r.quantity },
];

/**
 * SKUs a seller really has, and the ones that break naive CSV and spreadsheet writers: leading
 * zeros and 15+ digits (Excel's numbers), - = + @ first (formulas), quotes, separators, line
 * breaks, XML's special characters and OOXML's own `_xHHHH_` escapes. Shared by the CSV and .xlsx
 * export tests, which both read every one of them back.
 */
export const HARD_SKUS = [
  '000123',
  '0012345678901234567',
  '123456789012345',
  '9780306406157',
  '1.50',
  '1e5',
  '-x',
  '-12',
  '=x',
  '=HYPERLINK("http://evil","x")',
  '+1',
  '@SUM(A1)',
  '\tTAB',
  ' padded ',
  'say "hi"',
  'a,b',
  'line\nbreak',
  'line\r\nbreak',
  '保温杯-500ML-黑色',
  '水杯,"特价"',
  'emoji-🙂',
  "'already",
  '00123',
  '1234567890123456789',
  '3/4',
  'a<b>&"c\'',
  '_x0041_',
  'cr\rmid',
];
