import { type Marketplace, marketplaceByCode } from '../marketplaces';
import type { DayKey } from '../time';
import {
  type Collected,
  createCollector,
  type FbaDetail,
  type PeriodSales,
  type ReportListing,
  type UnmappedAsin,
} from './aggregate';
import type { DateOrder } from './dates';
import {
  chooseEncoding,
  DecodeError,
  decodeStream,
  type Encoding,
  type EncodingBasis,
  peekBytes,
  sniffBinary,
} from './decode';
import { fail, type ImportError, ImportFailure, type MessageParams, type RowError, type Warning } from './errors';
import type { HeaderLanguage, ReportType } from './headers';
import { localeExample, type NumberLocale } from './numbers';
import { dailyFromTable, type OrderLineTable, type SkuDailySales } from './orders';
import { type HeaderInfo, ReportParser } from './parse';

/**
 * One report file → everything Shelfwise takes from it, or nothing: decode (one streaming
 * decoder), recognise the report by its header, parse and validate every row, aggregate. The
 * answer is `ok: true` only when every row was read; otherwise `ok: false` with the reason and the
 * row errors, and the caller stores nothing. Runs anywhere (Web Worker, extension page, Node): the
 * source is any async iterable of byte chunks — `File.stream()`, a Node stream, an array in a test.
 */

export interface ImportOptions {
  /** The seller's choice of encoding; detected from the first bytes when absent. */
  encoding?: Encoding;
  /** Read the file as this report type instead of recognising it. */
  type?: ReportType;
  /** Decimal mark, when the seller overrides what the file's numbers suggest. */
  numberLocale?: NumberLocale;
  /** Order of `04/07/2026`-style dates, when the seller overrides the file's evidence. */
  dateOrder?: DateOrder;
  /** Marketplace code (UK, US, DE …) for files that do not say theirs. */
  marketplace?: string;
  /** Business Report period as the seller requested it, both days included. */
  period?: { from: DayKey; to: DayKey };
  /** The day a Restock report was downloaded: its "last 30 days" end the day before. */
  reportDate?: DayKey;
  /** For the by-ASIN Business Report: the seller's SKUs for each ASIN, from what Shelfwise knows. */
  asinToSku?: Readonly<Record<string, readonly string[]>>;
  /** Row errors reported in full (default 100); the rest are counted. */
  maxErrors?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  bytes: number;
  rows: number;
  line: number;
}

export interface ImportStats {
  bytes: number;
  rows: number;
  blankLines: number;
  totalRows: number;
  lines: number;
  /** Distinct (order, SKU) lines kept, for All Orders. */
  orderLines?: number;
  ms: number;
}

export interface ImportSuccess {
  ok: true;
  type: ReportType;
  encoding: Encoding;
  encodingBasis: EncodingBasis;
  delimiter: '\t' | ',' | ';';
  numberLocale: NumberLocale;
  dateOrder: DateOrder;
  headerLanguage: HeaderLanguage;
  /** Marketplace codes the data belongs to (from the file, or the one chosen). */
  marketplaces: string[];
  period?: { from: DayKey; to: DayKey };
  /** Units over periods: Business Report, Restock (last 30 days), FBA Inventory (shipped t7…t90). */
  sales: PeriodSales[];
  /** FBA stock per SKU: FBA Inventory, Restock, Manage FBA Inventory. */
  fba: FbaDetail[];
  /** All Listings / Active Listings rows. */
  listings: ReportListing[];
  /** By-ASIN Business Report rows that no single SKU could take. */
  unmapped: UnmappedAsin[];
  /**
   * All Orders: each (order, SKU) at its latest state (as a table: orderLines() reads it as
   * objects, OrderBook merges it with lines already stored), and daily units per SKU.
   */
  orders?: { lines: OrderLineTable; daily: SkuDailySales[] };
  warnings: Warning[];
  stats: ImportStats;
}

export interface ImportRejection {
  ok: false;
  error: ImportError;
  /** The first `maxErrors` row errors, in file order. */
  errors: RowError[];
  /** Rows with at least one error (all of them, not only those listed). */
  errorRows: number;
  type?: ReportType;
  stats?: ImportStats;
}

export type ImportResult = ImportSuccess | ImportRejection;

/** Bytes read before the encoding and binary checks. */
const SAMPLE_BYTES = 256 * 1024;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const BINARY_KEYS = {
  image: 'reports.error.image',
  pdf: 'reports.error.pdf',
  spreadsheet: 'reports.error.spreadsheet',
  archive: 'reports.error.archive',
  binary: 'reports.error.binary',
} as const;

function validDay(day: string): boolean {
  return DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

function checkOptions(options: ImportOptions): Marketplace | undefined {
  if (options.period) {
    const { from, to } = options.period;
    if (!validDay(from) || !validDay(to) || from > to) fail('bad-period', 'reports.error.badPeriod', { from, to });
  }
  if (options.reportDate !== undefined && !validDay(options.reportDate)) {
    fail('bad-period', 'reports.error.badPeriod', { from: options.reportDate, to: options.reportDate });
  }
  if (options.marketplace === undefined) return undefined;
  const marketplace = marketplaceByCode(options.marketplace);
  // The dashboard offers marketplaces from lib/marketplaces; anything else is a bug, not bad input.
  if (!marketplace) throw new RangeError(`Unknown marketplace code: ${options.marketplace}`);
  return marketplace;
}

/** Whether the seller must supply dates before this report can be imported. */
export function periodNeeded(type: ReportType, options: ImportOptions): ImportError | undefined {
  if ((type === 'business-child' || type === 'business-asin') && !options.period) {
    return { code: 'period-required', messageKey: 'reports.error.periodRequired', params: { type } };
  }
  if (type === 'restock' && !options.reportDate) {
    return { code: 'report-date-required', messageKey: 'reports.error.reportDateRequired', params: { type } };
  }
  return undefined;
}

function decodeFailure(error: DecodeError, line: number): ImportError {
  if (error.truncated) {
    return { code: 'truncated', messageKey: 'reports.error.truncated', params: { offset: error.offset } };
  }
  return {
    code: 'encoding',
    messageKey: 'reports.error.encoding',
    params: { encoding: error.encoding.toUpperCase(), offset: error.offset, line },
  };
}

function warningsFor(
  info: HeaderInfo,
  basis: EncodingBasis,
  encoding: Encoding,
  collected: Collected,
  parser: ReportParser,
) {
  const warnings: Warning[] = [];
  const add = (messageKey: Warning['messageKey'], params: MessageParams = {}) => warnings.push({ messageKey, params });
  if (basis === 'guess') add('reports.warning.encodingGuessed', { encoding: encoding.toUpperCase() });
  if (info.ambiguousNumber !== undefined) {
    add('reports.warning.numberLocaleAssumed', {
      value: info.ambiguousNumber,
      example: localeExample(info.numberLocale.locale),
    });
  }
  if (!info.dateOrder.decided && info.dateOrder.ambiguousExample !== undefined) {
    add('reports.warning.dateOrderAssumed', { value: info.dateOrder.ambiguousExample, order: info.dateOrder.order });
  }
  if (parser.stats.totalRows > 0) add('reports.warning.totalRows', { count: parser.stats.totalRows });
  if (parser.stats.validRows === 0) add('reports.warning.noRows');
  if (collected.unmapped.length > 0) add('reports.warning.unmapped', { count: collected.unmapped.length });
  const nonAmazon = collected.orders?.nonAmazonLines ?? 0;
  if (nonAmazon > 0)
    add('reports.warning.nonAmazon', { count: nonAmazon, marketplace: collected.orders?.fallbackCode ?? '' });
  return warnings;
}

function statsOf(parser: ReportParser | undefined, bytes: number, started: number, collected?: Collected): ImportStats {
  const stats: ImportStats = {
    bytes,
    rows: parser?.stats.rows ?? 0,
    blankLines: parser?.stats.blankLines ?? 0,
    totalRows: parser?.stats.totalRows ?? 0,
    lines: parser ? parser.line - 1 : 0,
    ms: Date.now() - started,
  };
  if (collected?.orders) stats.orderLines = collected.orders.size;
  return stats;
}

function marketplacesOf(
  collected: Collected,
  lines: OrderLineTable | undefined,
  fallback: Marketplace | undefined,
): string[] {
  const codes = new Set<string>(lines?.marketplaces);
  for (const s of collected.sales) if (s.marketplace) codes.add(s.marketplace);
  for (const f of collected.fba) if (f.marketplace) codes.add(f.marketplace);
  if (codes.size === 0 && fallback) codes.add(fallback.code);
  return [...codes].sort();
}

/** Imports one report file. Never throws for bad input; a caller bug (unknown marketplace code) throws. */
export async function importReport(
  source: AsyncIterable<Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = Date.now();
  let parser: ReportParser | undefined;
  let collected: Collected | undefined;
  let bytes = 0;
  const reject = (error: ImportError): ImportRejection => {
    const rejection: ImportRejection = {
      ok: false,
      error,
      errors: parser?.errors.errors ?? [],
      errorRows: parser?.stats.errorRows ?? 0,
      stats: statsOf(parser, bytes, started, collected),
    };
    if (parser?.header) rejection.type = parser.header.type;
    return rejection;
  };
  let close: (() => Promise<void>) | undefined;
  try {
    const marketplace = checkOptions(options);
    const peeked = await peekBytes(source, SAMPLE_BYTES);
    const { head, chunks } = peeked;
    close = peeked.close;
    if (head.length === 0) fail('empty', 'reports.error.empty');
    const decision = chooseEncoding(head, options.encoding);
    const binary = sniffBinary(head, decision.encoding.startsWith('utf-16'));
    if (binary) fail('binary', BINARY_KEYS[binary.kind], { format: binary.format ?? '' });

    let sink: ReturnType<typeof createCollector>['sink'] = () => undefined;
    const p = new ReportParser((row, line) => sink(row, line), {
      type: options.type,
      numberLocale: options.numberLocale,
      dateOrder: options.dateOrder,
      marketplace: marketplace?.code,
      maxErrors: options.maxErrors,
    });
    parser = p;
    p.onHeader = (info) => {
      const needed = periodNeeded(info.type, options);
      if (needed) throw new ImportFailure(needed);
      const created = createCollector(info.type, {
        marketplace,
        period: options.period,
        reportDate: options.reportDate,
        asinToSku: options.asinToSku,
      });
      collected = created.collected;
      sink = created.sink;
    };
    try {
      for await (const text of decodeStream(chunks, decision.encoding, (progress) => {
        bytes = progress.bytes;
      })) {
        if (options.signal?.aborted) fail('cancelled', 'reports.error.cancelled');
        p.push(text);
        options.onProgress?.({ bytes, rows: p.stats.rows, line: p.line });
      }
      if (options.signal?.aborted) fail('cancelled', 'reports.error.cancelled');
      p.end();
    } catch (error) {
      if (error instanceof DecodeError) return reject(decodeFailure(error, p.line + error.lineFeeds));
      throw error;
    }
    const info = p.header as HeaderInfo;
    const got = collected as Collected;
    if (p.errors.count > 0) {
      return reject({ code: 'rows', messageKey: 'reports.error.rows', params: { count: p.stats.errorRows } });
    }
    const lines = got.orders?.table();
    const result: ImportSuccess = {
      ok: true,
      type: info.type,
      encoding: decision.encoding,
      encodingBasis: decision.basis,
      delimiter: info.delimiter,
      numberLocale: info.numberLocale.locale,
      dateOrder: info.dateOrder.order,
      headerLanguage: info.language,
      marketplaces: marketplacesOf(got, lines, marketplace),
      sales: got.sales,
      fba: got.fba,
      listings: got.listings,
      unmapped: got.unmapped,
      warnings: warningsFor(info, decision.basis, decision.encoding, got, p),
      stats: statsOf(p, bytes, started, got),
    };
    if (lines) result.orders = { lines, daily: dailyFromTable(lines) };
    if (options.period && (info.type === 'business-child' || info.type === 'business-asin'))
      result.period = options.period;
    return result;
  } catch (error) {
    if (error instanceof ImportFailure) return reject(error.error);
    throw error;
  } finally {
    await close?.();
  }
}

export interface Inspection {
  ok: true;
  type: ReportType;
  encoding: Encoding;
  encodingBasis: EncodingBasis;
  delimiter: '\t' | ',' | ';';
  headerLanguage: HeaderLanguage;
  numberLocale: NumberLocale;
  /** What the seller must supply before importReport can succeed. */
  needs: 'period' | 'report-date' | null;
  /** The header row as written. */
  headers: string[];
}

const STOP = Symbol('stop');

/** Where the first bytes stop being valid: the streaming decoder knows how to find the byte. */
async function locate(head: Uint8Array, encoding: Encoding): Promise<DecodeError> {
  async function* once(): AsyncGenerator<Uint8Array> {
    yield head;
  }
  try {
    for await (const _ of decodeStream(once(), encoding)) {
      // only the error matters
    }
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  return new DecodeError(encoding, head.length, true);
}

/**
 * Reads only the start of a file: its encoding, report type and what must be asked of the seller
 * (a Business Report's period, a Restock report's date) before importing it.
 */
export async function inspectReport(
  source: AsyncIterable<Uint8Array>,
  options: Pick<ImportOptions, 'encoding' | 'type' | 'marketplace'> = {},
): Promise<Inspection | ImportRejection> {
  const started = Date.now();
  let close: (() => Promise<void>) | undefined;
  try {
    const peeked = await peekBytes(source, SAMPLE_BYTES);
    const { head, ended } = peeked;
    close = peeked.close;
    if (head.length === 0) fail('empty', 'reports.error.empty');
    const decision = chooseEncoding(head, options.encoding);
    const binary = sniffBinary(head, decision.encoding.startsWith('utf-16'));
    if (binary) fail('binary', BINARY_KEYS[binary.kind], { format: binary.format ?? '' });
    let text: string;
    try {
      text = new TextDecoder(decision.encoding, { fatal: true }).decode(head, { stream: !ended });
    } catch {
      // Fatal errors in the first bytes are located by the streaming decoder.
      const located = await locate(head, decision.encoding);
      return { ok: false, error: decodeFailure(located, 1 + located.lineFeeds), errors: [], errorRows: 0 };
    }
    let info: HeaderInfo | undefined;
    const parser = new ReportParser(() => undefined, {
      type: options.type,
      marketplace: options.marketplace,
      sampleChars: 1,
    });
    parser.onHeader = (header) => {
      info = header;
      throw STOP;
    };
    try {
      parser.push(text);
      if (!info && ended) parser.end();
    } catch (error) {
      if (error !== STOP) throw error;
    }
    if (!info) {
      if (text.trim() === '') fail('empty', 'reports.error.empty');
      // The first line runs past everything read: no header row to recognise.
      fail('unrecognised', 'reports.error.noHeader', { size: text.length });
    }
    const needed = periodNeeded(info.type, {});
    return {
      ok: true,
      type: info.type,
      encoding: decision.encoding,
      encodingBasis: decision.basis,
      delimiter: info.delimiter,
      headerLanguage: info.language,
      numberLocale: info.numberLocale.locale,
      needs: needed ? (needed.code === 'period-required' ? 'period' : 'report-date') : null,
      headers: info.headers,
    };
  } catch (error) {
    if (error instanceof ImportFailure) {
      return { ok: false, error: error.error, errors: [], errorRows: 0, stats: statsOf(undefined, 0, started) };
    }
    throw error;
  } finally {
    await close?.();
  }
}
