/**
 * CSV for any table, as spreadsheets read it: UTF-8 with a byte-order mark (without one, Excel opens
 * UTF-8 as the ANSI code page and every Chinese title turns to mojibake), CRLF line ends, RFC 4180
 * quoting.
 *
 * Formula injection: a text cell that starts with = + - @ (or a tab or CR) is run as a formula by
 * Excel, LibreOffice and Sheets; such cells get a leading apostrophe (OWASP's advice), which the
 * spreadsheet shows as text. SKU columns are the exception: a SKU is an identifier that must match
 * Amazon's byte for byte when the file is read back, so it is written exactly, and always quoted, which
 * tells importers that honour quoting (LibreOffice's "quoted field as text") to keep `000123` as text.
 * Numbers are written bare with a dot decimal, whatever the seller's locale, so they stay numbers.
 */

export type CsvValue = string | number | null | undefined;

export interface TableColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
  /** An identifier to be kept exactly (SKU, ASIN): never prefixed, always quoted. */
  sku?: boolean;
}

export const BOM = '\uFEFF';
const EOL = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** A number in plain dot-decimal notation: never an exponent, never locale digits; empty when not finite. */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // 1e21 and 1e-7 print with an exponent, which a spreadsheet may read as text.
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** One cell, quoted and made safe as its column requires. */
export function csvCell(value: CsvValue, sku = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return plainNumber(value);
  if (sku) return quote(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? quote(safe) : safe;
}

/** The whole file: BOM, header row, one row per record, every line ending in CRLF. */
export function toCsv<Row>(columns: readonly TableColumn<Row>[], rows: Iterable<Row>): string {
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row), column.sku)).join(','));
  return `${BOM}${lines.join(EOL)}${EOL}`;
}

export const CSV_TYPE = 'text/csv;charset=utf-8';
