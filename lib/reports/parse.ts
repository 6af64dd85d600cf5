import Papa from 'papaparse';
import { marketplaceByCode } from '../marketplaces';
import {
  type DateOrder,
  type DateOrderDecision,
  dateOrderExample,
  decideDateOrder,
  parseDay,
  parseInstant,
} from './dates';
import { cellForMessage, ErrorLog, fail, type MessageParams, type RowError } from './errors';
import {
  type CellKind,
  detectReport,
  type HeaderLanguage,
  numberLocaleForLanguage,
  type ReportSpec,
  type ReportType,
  type SpecMatch,
} from './headers';
import {
  decideNumberLocale,
  type LocaleDecision,
  localeExample,
  type NumberFailure,
  type NumberKind,
  type NumberLocale,
  parseNumberCell,
} from './numbers';
import { type RowOf, type RowTuple, rowTuple } from './schemas';

/**
 * Decoded text → validated rows, streaming. Rows are split by papaparse's own parser (array rows,
 * no `header: true`, no function-valued config, so all of it runs inside a Web Worker), fed one
 * text chunk at a time: each call parses what is buffered and keeps the unfinished last row for
 * the next chunk, as papaparse's chunk streamer does internally. Columns are then read by header
 * index, each cell under the file's number locale and date order, and each row is checked by the
 * report type's zod schema.
 */

export type AnyRow = RowOf[ReportType];

/** A problem a row sink finds with a valid row (a duplicate SKU, an unknown marketplace). */
export type RowProblem = Omit<RowError, 'line'>;
export type RowSink = (row: AnyRow, line: number) => RowProblem | undefined;

export interface ParseOptions {
  /** Skip detection and read the file as this report type (the seller chose it). */
  type?: ReportType;
  numberLocale?: NumberLocale;
  dateOrder?: DateOrder;
  /** Marketplace code the seller chose: the fallback for a day/month order nothing else decides. */
  marketplace?: string;
  /** Row errors kept in full; further errors are only counted. */
  maxErrors?: number;
  /** Text gathered before the header, delimiter and number format are decided. */
  sampleChars?: number;
  /** Longest row accepted; a longer one is almost always a stray quote swallowing the file. */
  maxRecordChars?: number;
}

export interface HeaderInfo {
  type: ReportType;
  spec: ReportSpec;
  match: SpecMatch;
  headers: string[];
  /** File line of the header row (1 unless blank lines come first). */
  headerLine: number;
  delimiter: '\t' | ',' | ';';
  quoting: boolean;
  language: HeaderLanguage;
  numberLocale: LocaleDecision;
  dateOrder: DateOrderDecision;
  /** A cell that reads the same under both decimal marks, when the locale was not decided by the cells. */
  ambiguousNumber?: string;
}

export interface ParseStats {
  /** Data rows read (valid or not), not counting blank lines, summary rows and the header. */
  rows: number;
  validRows: number;
  errorRows: number;
  blankLines: number;
  totalRows: number;
  /** Characters of text received so far. */
  chars: number;
}

const DEFAULT_SAMPLE = 64 * 1024;
const DEFAULT_MAX_RECORD = 1024 * 1024;
const SAMPLE_ROWS = 2000;
/**
 * Text is parsed 64K characters at a time, whatever size the chunks arrive in: the rows of one
 * slice then die young, and the import of 100,000 order lines runs about 40 % faster than with
 * 1 MB slices (measured with bench/reports.ts; 16K slices are slower again).
 */
const PARSE_SLICE = 64 * 1024;
const NULL_MARKERS = new Set(['-', '--', '—', 'N/A', 'n/a', 'NA', '#N/A']);
const TOTAL_LABELS = new Set(['total', 'totals', 'gesamt', 'summe', 'totale', '合计', '总计', '合計', '総計']);
const NUMERIC: ReadonlySet<CellKind> = new Set(['int', 'decimal', 'money', 'percent']);

/**
 * A copy of a string that does not keep the text chunk it was cut from alive: V8 represents a
 * substring of 13+ characters as a view into its parent, so one kept SKU would pin a whole chunk.
 */
export function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function detectNewline(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

function detectDelimiter(headerLine: string): '\t' | ',' | ';' {
  let tabs = 0;
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      if (c === '\t') tabs++;
      else if (c === ',') commas++;
      else if (c === ';') semis++;
    }
  }
  if (tabs >= commas && tabs >= semis && tabs > 0) return '\t';
  if (semis > commas) return ';';
  return ',';
}

/**
 * Whether a tab-delimited file quotes its fields. Amazon's own .txt reports never do, and a title
 * such as `"Best" tea` must then stay as written; a file re-saved by Excel quotes fields that hold
 * a tab, a line break or a quote. Quoting is on only when every field in the sample that starts
 * with a quote is a well-formed quoted field.
 */
function tsvQuoting(sample: string): boolean {
  let wellFormed = 0;
  const fieldStart = /(^|[\t\n\r])"/g;
  for (let m = fieldStart.exec(sample); m; m = fieldStart.exec(sample)) {
    let i = m.index + m[0].length;
    for (;;) {
      const q = sample.indexOf('"', i);
      if (q < 0) return wellFormed > 0; // runs past the sample: cannot tell; trust what was seen
      if (sample[q + 1] === '"') {
        i = q + 2;
        continue;
      }
      const next = sample[q + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') {
        wellFormed++;
        fieldStart.lastIndex = q + 1;
        break;
      }
      return false;
    }
  }
  return wellFormed > 0;
}

interface Reader {
  key: string;
  /** Column in the file. */
  index: number;
  /** Element of the row tuple. */
  position: number;
  kind: CellKind;
  header: string;
  numberKind?: NumberKind;
  /** Element of the row tuple for a money cell's currency symbol (`salesCurrency`), or -1. */
  currencyPosition: number;
}

export class ReportParser {
  readonly errors: ErrorLog;
  readonly stats: ParseStats = {
    rows: 0,
    validRows: 0,
    errorRows: 0,
    blankLines: 0,
    totalRows: 0,
    chars: 0,
  };
  header: HeaderInfo | undefined;
  /** Called once the header is known, before any row: may throw ImportFailure to stop early. */
  onHeader: ((info: HeaderInfo) => void) | undefined;

  private buffer = '';
  private papa: Papa.Parser | undefined;
  private quoting = false;
  private readers: Reader[] = [];
  private tuple: RowTuple | undefined;
  /** A row tuple of undefineds, copied for each row (a packed array, unlike `new Array(n)`). */
  private blank: unknown[] = [];
  private headerCells: string[] = [];
  private keyIndex = -1;
  private locale: NumberLocale = 'en';
  private order: DateOrder = 'dmy';
  private nextLine = 1;
  private readonly sampleChars: number;
  private readonly maxRecordChars: number;

  constructor(
    private readonly sink: RowSink,
    private readonly options: ParseOptions = {},
  ) {
    this.errors = new ErrorLog(options.maxErrors ?? 100);
    this.sampleChars = options.sampleChars ?? DEFAULT_SAMPLE;
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD;
  }

  /** The file line the parser has reached (for messages about a failure further on). */
  get line(): number {
    return this.nextLine + lineBreaks(this.buffer);
  }

  push(text: string): void {
    if (text.length > PARSE_SLICE) {
      for (let at = 0; at < text.length; at += PARSE_SLICE) this.push(text.slice(at, at + PARSE_SLICE));
      return;
    }
    if (!text) return;
    this.stats.chars += text.length;
    this.buffer = this.buffer ? this.buffer + text : text;
    if (!this.papa) {
      if (this.buffer.length < this.sampleChars) return;
      this.start(false);
    } else this.parse(false);
  }

  end(): void {
    if (!this.papa) this.start(true);
    else this.parse(true);
  }

  private start(final: boolean): void {
    const text = this.buffer;
    if (text.trim() === '') fail('empty', 'reports.error.empty');
    if (text.length > this.maxRecordChars && !/[\r\n]/.test(text.slice(0, this.maxRecordChars))) {
      // No line break in the first megabyte: there is no header row to recognise.
      fail('unrecognised', 'reports.error.noHeader', { size: this.maxRecordChars });
    }
    const newline = detectNewline(text);
    const firstText = text.search(/[^\r\n]/);
    const rest = text.slice(firstText, firstText + this.maxRecordChars);
    const end = rest.search(/[\r\n]/);
    const delimiter = detectDelimiter(end >= 0 ? rest.slice(0, end) : rest);
    this.quoting = delimiter !== '\t' || tsvQuoting(text);
    // Quoting off: papaparse's fast mode splits on delimiters only, so a quote is ordinary text.
    this.papa = new Papa.Parser(this.quoting ? { delimiter, newline } : { delimiter, newline, fastMode: true });
    const { rows, lines, bad } = this.split(final);

    let at = 0;
    while (at < rows.length && isBlank(rows[at] as string[])) {
      this.nextLine += lines[at] as number;
      this.stats.blankLines++;
      at++;
    }
    const headerRow = rows[at];
    if (!headerRow) {
      if (final) fail('empty', 'reports.error.empty');
      // Only blank lines so far and more to come: keep waiting for the header.
      this.papa = undefined;
      return;
    }
    const headerLine = this.nextLine;
    this.nextLine += lines[at] as number;
    at++;
    this.setHeader(headerRow, headerLine, delimiter, rows.slice(at, at + SAMPLE_ROWS));
    for (; at < rows.length; at++) this.row(rows[at] as string[], lines[at] as number, bad.has(at));
  }

  private setHeader(cells: string[], headerLine: number, delimiter: HeaderInfo['delimiter'], sample: string[][]): void {
    const headers = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
    const detection = detectReport(headers, this.options.type);
    if (!detection.ok) {
      const { closest } = detection;
      if (detection.duplicate) {
        const d = closest.duplicates[0] as SpecMatch['duplicates'][number];
        fail('duplicate-column', 'reports.error.duplicateColumn', {
          column: d.header,
          first: d.first + 1,
          second: d.second + 1,
        });
      }
      const params = { type: closest.spec.type, columns: closest.missing.join(', ') };
      if (detection.recognisable) fail('missing-columns', 'reports.error.missingColumns', params);
      const required = closest.spec.fields.filter((f) => f.required).map((f) => f.names[0] as string);
      fail('unrecognised', 'reports.error.unrecognised', { type: closest.spec.type, columns: required.join(', ') });
    }
    const { match } = detection;
    this.headerCells = headers;
    const tuple = rowTuple(match.spec.type);
    this.tuple = tuple;
    this.blank = tuple.keys.map(() => undefined);
    this.readers = match.columns.map((c) => {
      const reader: Reader = {
        key: c.field.key,
        index: c.index,
        position: tuple.keys.indexOf(c.field.key),
        kind: c.field.kind,
        header: c.header,
        currencyPosition: c.field.kind === 'money' ? tuple.keys.indexOf(`${c.field.key}Currency`) : -1,
      };
      if (NUMERIC.has(c.field.kind)) reader.numberKind = c.field.kind as NumberKind;
      return reader;
    });
    const key = match.columns.find((c) => c.field.key === 'sku') ?? match.columns.find((c) => c.field.key === 'asin');
    this.keyIndex = key ? key.index : -1;

    const numericCells: Array<{ cell: string; kind: NumberKind }> = [];
    const dayCells: string[] = [];
    let ambiguousNumber: string | undefined;
    // A report that names its marketplace per row (Restock's Country, FBA's marketplace) says
    // whose date order to fall back on when the seller has not chosen a marketplace.
    let marketplace = this.options.marketplace;
    for (const row of sample) {
      for (const r of this.readers) {
        const cell = row[r.index]?.trim();
        if (!cell) continue;
        if (r.numberKind) {
          numericCells.push({ cell, kind: r.numberKind });
          if (ambiguousNumber === undefined && /\d[.,]\d{3}(?!\d)/.test(cell)) ambiguousNumber = cell;
        } else if (r.kind === 'day') dayCells.push(cell);
        else if (marketplace === undefined && (r.key === 'country' || r.key === 'marketplace')) {
          marketplace = marketplaceByCode(cell)?.code;
        }
      }
    }
    const fallback = numberLocaleForLanguage(match.language);
    const numberLocale: LocaleDecision = this.options.numberLocale
      ? { locale: this.options.numberLocale, evidence: { en: 0, eu: 0 }, decided: true }
      : decideNumberLocale(numericCells, fallback);
    const dateOrder: DateOrderDecision = this.options.dateOrder
      ? { order: this.options.dateOrder, decided: true }
      : decideDateOrder(dayCells, marketplace);
    this.locale = numberLocale.locale;
    this.order = dateOrder.order;
    this.header = {
      type: match.spec.type,
      spec: match.spec,
      match,
      headers,
      headerLine,
      delimiter,
      quoting: this.quoting,
      language: match.language,
      numberLocale,
      dateOrder,
      ...(!numberLocale.decided && ambiguousNumber !== undefined ? { ambiguousNumber } : {}),
    };
    this.onHeader?.(this.header);
  }

  private parse(final: boolean): void {
    const { rows, lines, bad } = this.split(final);
    for (let i = 0; i < rows.length; i++) this.row(rows[i] as string[], lines[i] as number, bad.has(i));
  }

  /** Complete rows out of the buffer, with the number of file lines each spans. */
  private split(final: boolean): { rows: string[][]; lines: number[]; bad: Set<number> } {
    const papa = this.papa as Papa.Parser;
    const input = this.buffer;
    const result = papa.parse(input, 0, !final) as Papa.ParseResult<string[]>;
    const rows = result.data;
    // A final line break ends the last row; it does not begin an empty one.
    if (final && rows.length > 0 && /[\r\n]$/.test(input)) {
      const last = rows[rows.length - 1] as string[];
      if (last.length === 1 && last[0] === '') rows.pop();
    }
    const bad = new Set<number>();
    for (const e of result.errors) {
      if (e.code === 'MissingQuotes') {
        const line = this.nextLine + linesBefore(rows, e.row ?? rows.length, this.quoting);
        fail('unclosed-quote', 'reports.error.unclosedQuote', { line });
      }
      if (e.row !== undefined) bad.add(e.row);
    }
    this.buffer = final ? '' : input.slice(result.meta.cursor);
    if (this.buffer.length > this.maxRecordChars) {
      fail('record-too-long', 'reports.error.recordTooLong', {
        line: this.nextLine + linesBefore(rows, rows.length, this.quoting),
        size: this.maxRecordChars,
      });
    }
    const hasQuotes = this.quoting && input.includes('"');
    const lines = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) lines[i] = hasQuotes ? rowLines(rows[i] as string[]) : 1;
    return { rows, lines, bad };
  }

  private row(cells: string[], lines: number, badQuotes: boolean): void {
    const line = this.nextLine;
    this.nextLine += lines;
    if (isBlank(cells)) {
      this.stats.blankLines++;
      return;
    }
    this.stats.rows++;
    if (badQuotes) {
      this.reject(line, [{ messageKey: 'reports.row.badQuotes', params: {} }]);
      return;
    }
    const expected = this.headerCells.length;
    if (
      cells.length !== expected &&
      !(cells.length > expected && cells.slice(expected).every((c) => c.trim() === ''))
    ) {
      this.reject(line, [{ messageKey: 'reports.row.fieldCount', params: { found: cells.length, expected } }]);
      return;
    }
    let first = (cells[0] as string).trim();
    if (first.charCodeAt(0) === 0xfeff) first = first.slice(1);
    if (first === this.headerCells[0] && (cells[1] ?? '').trim() === this.headerCells[1]) {
      this.reject(line, [{ messageKey: 'reports.row.repeatedHeader', params: {} }]);
      return;
    }
    if (this.isTotal(cells)) {
      this.stats.rows--;
      this.stats.totalRows++;
      return;
    }
    let problems: RowProblem[] | undefined;
    const tuple = this.tuple as RowTuple;
    const values = this.blank.slice();
    for (const r of this.readers) {
      const raw = cells[r.index] as string;
      const cell =
        raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
      let value: string | number | undefined;
      let currency: string | undefined;
      if (cell !== '') {
        switch (r.kind) {
          case 'text':
            // Not copied here: the sinks copy (own) the strings they keep.
            value = cell;
            break;
          case 'instant':
            value = parseInstant(cell);
            if (value === undefined) problems = withProblem(problems, cellProblem('reports.row.badInstant', r, cell));
            break;
          case 'day':
            if (NULL_MARKERS.has(cell)) break;
            value = parseDay(cell, this.order);
            if (value === undefined)
              problems = withProblem(
                problems,
                cellProblem('reports.row.badDay', r, cell, { example: dateOrderExample(this.order) }),
              );
            break;
          default: {
            // Plain digits read the same under every locale: most numeric cells, no allocation.
            if (cell.length <= 15 && isDigits(cell)) {
              value = Number(cell);
              break;
            }
            if (NULL_MARKERS.has(cell)) break;
            const parsed = parseNumberCell(cell, this.locale, r.numberKind as NumberKind);
            if (parsed.ok) {
              value = parsed.number.value;
              currency = parsed.number.currency;
            } else {
              problems = withProblem(problems, numberProblem(parsed.reason, r, cell, this.locale));
            }
          }
        }
      }
      values[r.position] = value;
      if (r.currencyPosition >= 0) values[r.currencyPosition] = currency;
    }
    if (!problems) {
      const checked = tuple.schema.safeParse(values);
      if (!checked.success) {
        problems = checked.error.issues.map((issue) => this.issueProblem(issue, values, cells));
      } else {
        // Every key on every row, in the same order: one object shape for all rows keeps the
        // sinks monomorphic.
        const data = checked.data;
        const row: Record<string, unknown> = {};
        for (let i = 0; i < tuple.keys.length; i++) row[tuple.keys[i] as string] = data[i];
        const problem = this.sink(row as AnyRow, line);
        if (problem) problems = [problem];
      }
    }
    if (problems) this.reject(line, problems);
    else this.stats.validRows++;
  }

  private issueProblem(issue: { code: string; path: PropertyKey[] }, values: unknown[], cells: string[]): RowProblem {
    const position = Number(issue.path[0]);
    const key = (this.tuple as RowTuple).keys[position] ?? '';
    const reader = this.readers.find((r) => r.position === position);
    const column = reader?.header ?? key;
    const value = reader ? cellForMessage((cells[reader.index] ?? '').trim()) : '';
    if (values[position] === undefined) return { column, messageKey: 'reports.row.required', params: { column } };
    const params: MessageParams = { column, value };
    if (issue.code === 'too_small') return { column, value, messageKey: 'reports.row.negative', params };
    if (issue.code === 'too_big') return { column, value, messageKey: 'reports.row.tooLarge', params };
    if (key === 'asin' || key === 'parentAsin') return { column, value, messageKey: 'reports.row.badAsin', params };
    return { column, value, messageKey: 'reports.row.invalid', params };
  }

  /** A summary row: a "Total" label where the SKU (or ASIN) belongs, or in the first cells with no key. */
  private isTotal(cells: string[]): boolean {
    const key = this.keyIndex >= 0 ? (cells[this.keyIndex] as string).trim() : '';
    if (key !== '') return isTotalLabel(key);
    for (let i = 0; i < Math.min(3, cells.length); i++) if (isTotalLabel((cells[i] as string).trim())) return true;
    return false;
  }

  private reject(line: number, problems: RowProblem[]): void {
    this.stats.errorRows++;
    for (const p of problems) this.errors.add({ line, ...p });
  }
}

function cellProblem(
  messageKey: RowProblem['messageKey'],
  reader: Reader,
  cell: string,
  extra: MessageParams = {},
): RowProblem {
  const value = cellForMessage(cell);
  return { column: reader.header, value, messageKey, params: { column: reader.header, value, ...extra } };
}

function withProblem(list: RowProblem[] | undefined, problem: RowProblem): RowProblem[] {
  if (!list) return [problem];
  list.push(problem);
  return list;
}

function numberProblem(reason: NumberFailure, reader: Reader, cell: string, locale: NumberLocale): RowProblem {
  if (reason === 'not-whole') return cellProblem('reports.row.notWhole', reader, cell);
  if (reason === 'wrong-locale')
    return cellProblem('reports.row.wrongLocale', reader, cell, { example: localeExample(locale) });
  return cellProblem('reports.row.notNumber', reader, cell);
}

function isDigits(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isTotalLabel(cell: string): boolean {
  return cell.length >= 2 && cell.length <= 6 && TOTAL_LABELS.has(cell.toLowerCase());
}

function isBlank(cells: string[]): boolean {
  if (cells.length === 1) return (cells[0] as string).trim() === '';
  if ((cells[0] as string) !== '') return false;
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

function rowLines(cells: string[]): number {
  let n = 1;
  for (const c of cells) if (c.includes('\n') || c.includes('\r')) n += lineBreaks(c);
  return n;
}

function linesBefore(rows: string[][], end: number, quoting: boolean): number {
  let n = 0;
  for (let i = 0; i < Math.min(end, rows.length); i++) n += quoting ? rowLines(rows[i] as string[]) : 1;
  return n;
}

export interface ParsedBatch {
  /** Present on the first batch that follows the header. */
  header?: HeaderInfo;
  rows: Array<{ row: AnyRow; line: number }>;
}

/**
 * The streaming parser as an async generator: text chunks in, batches of validated rows out (one
 * batch per chunk, so a consumer can report progress and stop early). Row errors are collected on
 * the returned parser's `errors`; fatal problems throw ImportFailure.
 */
export async function* parseReport(
  text: AsyncIterable<string>,
  options: ParseOptions = {},
): AsyncGenerator<ParsedBatch, ReportParser, undefined> {
  let batch: ParsedBatch['rows'] = [];
  const parser = new ReportParser((row, line) => {
    batch.push({ row, line });
    return undefined;
  }, options);
  let headerSent = false;
  const flush = (): ParsedBatch | undefined => {
    if (!parser.header) return undefined;
    const out: ParsedBatch = headerSent ? { rows: batch } : { header: parser.header, rows: batch };
    headerSent = true;
    batch = [];
    return out;
  };
  for await (const chunk of text) {
    parser.push(chunk);
    const out = flush();
    if (out && (out.header || out.rows.length > 0)) yield out;
  }
  parser.end();
  const out = flush();
  if (out && (out.header || out.rows.length > 0)) yield out;
  return parser;
}
