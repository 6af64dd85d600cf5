import Papa from 'papaparse';
import type { SyncKey } from '../i18n/catalog/sync';
import {
  chooseEncoding,
  DecodeError,
  decodeStream,
  type Encoding,
  type EncodingBasis,
  sniffBinary,
} from '../reports/decode';
import type { MessageParams } from '../reports/errors';
import { readXlsx, XlsxError } from './xlsx';

/**
 * Any file a seller's own system exports (CSV, TSV, TXT, `.xlsx`) → a header row and rows of text
 * cells with their file line numbers. Text goes through the report import's encoding machinery
 * (BOM, GB18030/Shift_JIS/Windows-1252 detection, one fatal streaming decoder that names the bad
 * byte); `.xlsx` through the worksheet reader. Stock and mapping files are small (one row per SKU)
 * and are read whole, unlike the streaming report import built for million-line order files.
 */

export const SYNC_ERROR_CODES = [
  'empty',
  'binary',
  'encoding',
  'truncated',
  'unclosed-quote',
  'xlsx-invalid',
  'xlsx-no-sheet',
  'no-header',
  'mapping-required',
  'bad-mapping',
  'no-rows',
  'rows',
  'mapping-conflicts',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** A whole-file problem, as a message key of the `sync` catalog and its parameters. */
export interface SyncError {
  code: SyncErrorCode;
  messageKey: SyncKey;
  params: MessageParams;
}

/** One row that could not be read: `line` is the file line (Excel's row number for `.xlsx`). */
export interface SyncRowError {
  line: number;
  column?: string;
  value?: string;
  messageKey: SyncKey;
  params: MessageParams;
}

export interface TableRow {
  cells: string[];
  line: number;
}

export interface Table {
  format: 'text' | 'xlsx';
  /** Header cells as written, trimmed. */
  headers: string[];
  headerLine: number;
  /** Data rows after the header; blank rows are left out. */
  rows: TableRow[];
  encoding?: Encoding;
  encodingBasis?: EncodingBasis;
  delimiter?: string;
}

export type TableResult = ({ ok: true } & Table) | { ok: false; error: SyncError };

export interface TableOptions {
  /** The seller's choice of encoding for a text file; detected when absent. */
  encoding?: Encoding;
}

const SAMPLE_BYTES = 256 * 1024;
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const BINARY_KEYS = {
  image: 'sync.error.image',
  pdf: 'sync.error.pdf',
  archive: 'sync.error.archive',
  binary: 'sync.error.binary',
} as const satisfies Record<string, SyncKey>;

function failure(code: SyncErrorCode, messageKey: SyncKey, params: MessageParams = {}): TableResult {
  return { ok: false, error: { code, messageKey, params } };
}

async function collect(source: Uint8Array | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    length += chunk.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.includes('\n') || c.includes('\r')) n += c.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

function fromRows(rows: readonly TableRow[], base: Omit<Table, 'headers' | 'headerLine' | 'rows'>): TableResult {
  let at = 0;
  while (at < rows.length && isBlank((rows[at] as TableRow).cells)) at++;
  const header = rows[at];
  if (!header) return failure('empty', 'sync.error.empty');
  const headers = header.cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
  const data = rows.slice(at + 1).filter((r) => !isBlank(r.cells));
  return { ok: true, ...base, headers, headerLine: header.line, rows: data };
}

function readText(text: string, decision: { encoding: Encoding; basis: EncodingBasis }): TableResult {
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: ['\t', ',', ';', '|'], skipEmptyLines: false });
  const rows: TableRow[] = [];
  let line = 1;
  for (let i = 0; i < parsed.data.length; i++) {
    const cells = parsed.data[i] as string[];
    rows.push({ cells, line });
    line += 1 + lineBreaks(cells);
  }
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const row = rows[unclosed.row ?? rows.length - 1];
    return failure('unclosed-quote', 'sync.error.unclosedQuote', { line: row?.line ?? line });
  }
  return fromRows(rows, {
    format: 'text',
    encoding: decision.encoding,
    encodingBasis: decision.basis,
    delimiter: parsed.meta.delimiter,
  });
}

/** Reads a stock or mapping file. Never throws for bad input. */
export async function readTable(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  options: TableOptions = {},
): Promise<TableResult> {
  const bytes = await collect(source);
  if (bytes.length === 0) return failure('empty', 'sync.error.empty');
  if (ZIP.every((b, i) => bytes[i] === b)) {
    try {
      const sheet = readXlsx(bytes);
      return fromRows(sheet.rows, { format: 'xlsx' });
    } catch (error) {
      if (!(error instanceof XlsxError)) throw error;
      return error.reason === 'no-sheet'
        ? failure('xlsx-no-sheet', 'sync.error.xlsxNoSheet')
        : failure('xlsx-invalid', 'sync.error.xlsxInvalid', { detail: error.detail });
    }
  }
  const head = bytes.subarray(0, SAMPLE_BYTES);
  const decision = chooseEncoding(head, options.encoding);
  const binary = sniffBinary(head, decision.encoding.startsWith('utf-16'));
  if (binary) {
    if (binary.format === 'XLS') return failure('binary', 'sync.error.xls');
    const key = binary.kind === 'spreadsheet' ? 'sync.error.binary' : BINARY_KEYS[binary.kind];
    return failure('binary', key, { format: binary.format ?? '' });
  }
  let text = '';
  try {
    for await (const piece of decodeStream(
      (async function* () {
        yield bytes;
      })(),
      decision.encoding,
    )) {
      text += piece;
    }
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    if (error.truncated) return failure('truncated', 'sync.error.truncated', { offset: error.offset });
    let line = 1 + error.lineFeeds;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return failure('encoding', 'sync.error.encoding', {
      encoding: error.encoding.toUpperCase(),
      offset: error.offset,
      line,
    });
  }
  if (text.trim() === '') return failure('empty', 'sync.error.empty');
  return readText(text, decision);
}
