import { type BulkMessage, message } from './message';

/**
 * Amazon's processing report for an uploaded inventory file: a summary block (records processed,
 * records successful; labels in the account's language), then a tab-delimited table
 * `original-record-number, sku, error-code, error-type, error-message` listing only the records
 * with errors or warnings. Importing it marks each row of the batch accepted or rejected, with
 * Amazon's own message.
 *
 * "Accepted" is Amazon's word, not proof: uploads are known to report success without applying
 * every row, so the caller still reads the page back.
 */

export type ReportMessageType = 'error' | 'warning';

export interface ReportMessage {
  /** Amazon's original-record-number; null when the cell is empty or not a number. */
  recordNumber: number | null;
  sku: string;
  code: string;
  type: ReportMessageType;
  /** error-type exactly as Amazon wrote it (localised in some marketplaces). */
  typeText: string;
  message: string;
  /** Line of the report the message is on (1-based). */
  line: number;
}

export interface ProcessingReport {
  processed: number | null;
  successful: number | null;
  messages: ReportMessage[];
}

export type ParsedReport = { ok: true; report: ProcessingReport } | { ok: false; error: BulkMessage };

const COLUMNS = {
  record: 'original-record-number',
  sku: 'sku',
  code: 'error-code',
  type: 'error-type',
  message: 'error-message',
} as const;

/** error-type values seen in Amazon's reports by marketplace language; anything else counts as an error. */
const WARNING_WORDS = new Set([
  'warning',
  'warnung',
  'avertissement',
  'advertencia',
  'avviso',
  'waarschuwing',
  'ostrzeżenie',
  'varning',
  'uyarı',
  '警告',
]);

/** Reports are UTF-8 in most marketplaces and Shift_JIS from Amazon.co.jp. */
export function decodeReport(input: string | Uint8Array): string | undefined {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('shift_jis', { fatal: true }).decode(input);
    } catch {
      return undefined;
    }
  }
}

export function parseProcessingReport(input: string | Uint8Array): ParsedReport {
  const text = decodeReport(input);
  if (text === undefined) return { ok: false, error: message('bulk.report.unreadable') };
  const lines = text.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) =>
    line.split('\t').some((cell) => cell.trim().toLowerCase() === COLUMNS.record),
  );

  // The summary labels are localised ("Number of records processed", "Número de registros
  // procesados" …) but always in this order, each an indented label then its number.
  const numbers: number[] = [];
  for (const line of headerIndex === -1 ? lines : lines.slice(0, headerIndex)) {
    const match = /^\t[^\t]+\t+(\d+)\s*$/.exec(line);
    if (match) numbers.push(Number(match[1]));
  }
  // A report without problems is only the summary: Amazon leaves the table out.
  if (headerIndex === -1) {
    if (numbers.length < 2) return { ok: false, error: message('bulk.report.notReport') };
    return { ok: true, report: { processed: numbers[0] ?? null, successful: numbers[1] ?? null, messages: [] } };
  }

  const header = (lines[headerIndex] ?? '').split('\t').map((cell) => cell.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const index = {
    record: at(COLUMNS.record),
    sku: at(COLUMNS.sku),
    code: at(COLUMNS.code),
    type: at(COLUMNS.type),
    message: at(COLUMNS.message),
  };

  const messages: ReportMessage[] = [];
  for (let i = headerIndex + 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const cell = (position: number) => (position >= 0 ? (cells[position] ?? '') : '');
    const recordText = cell(index.record).trim();
    const typeText = cell(index.type).trim();
    // The message is the last column and may itself contain a tab: keep all of it.
    const text = index.message >= 0 ? cells.slice(index.message).join('\t').trim() : '';
    messages.push({
      recordNumber: /^\d+$/.test(recordText) ? Number(recordText) : null,
      sku: cell(index.sku),
      code: cell(index.code).trim(),
      type: WARNING_WORDS.has(typeText.toLowerCase()) ? 'warning' : 'error',
      typeText,
      message: text,
      line: i + 1,
    });
  }
  return { ok: true, report: { processed: numbers[0] ?? null, successful: numbers[1] ?? null, messages } };
}

export type RowStatus = 'applied' | 'failed' | 'unknown';

export interface ReportNote {
  code: string;
  message: string;
}

export interface RowOutcome {
  /** Record number in the written file (1-based). */
  record: number;
  sku: string;
  status: RowStatus;
  errors: ReportNote[];
  warnings: ReportNote[];
}

export interface ReportImport {
  rows: RowOutcome[];
  /** Messages about the whole file (no record, no SKU): e.g. a wrong template. */
  fileMessages: ReportMessage[];
  /** Messages that match no row of the batch, kept so nothing Amazon said is lost. */
  unmatched: ReportMessage[];
  /** What the seller should know about the import as a whole. */
  notes: BulkMessage[];
  processed: number | null;
  successful: number | null;
}

/** What the batch wrote: the file's records in order and how many header rows came before them. */
export interface WrittenFile {
  records: readonly string[];
  headerRows: number;
}

/** Amazon truncates a SKU it rejects for length, so a reported SKU may be a prefix of the written one. */
function sameSku(written: string, reported: string): boolean {
  return (
    written === reported || (reported.length > 0 && reported.length < written.length && written.startsWith(reported))
  );
}

/**
 * Amazon's help says record 1 is the first data line; reports seen in the wild sometimes count file
 * lines instead. Of the two readings, the one whose record numbers point at the SKUs the report
 * names is used; without SKUs to check, record 1 is the first data line.
 */
function recordOffset(report: ProcessingReport, written: WrittenFile): number {
  const candidates = [0, written.headerRows];
  let best = 0;
  let bestScore = -1;
  for (const offset of candidates) {
    let score = 0;
    for (const m of report.messages) {
      if (m.recordNumber === null || m.sku === '') continue;
      const sku = written.records[m.recordNumber - 1 - offset];
      if (sku !== undefined && sameSku(sku, m.sku)) score += 1;
    }
    if (score > bestScore) {
      best = offset;
      bestScore = score;
    }
  }
  return best;
}

function locate(
  m: ReportMessage,
  written: WrittenFile,
  offset: number,
  bySku: Map<string, number>,
): number | undefined {
  if (m.recordNumber !== null) {
    const index = m.recordNumber - 1 - offset;
    const sku = written.records[index];
    if (sku !== undefined && (m.sku === '' || sameSku(sku, m.sku))) return index;
  }
  if (m.sku === '') return undefined;
  const exact = bySku.get(m.sku);
  if (exact !== undefined) return exact;
  const prefixed = written.records.flatMap((sku, i) => (sameSku(sku, m.sku) ? [i] : []));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Matches a parsed report to the file the batch wrote: every written record gets a status. */
export function matchProcessingReport(report: ProcessingReport, written: WrittenFile): ReportImport {
  const rows: RowOutcome[] = written.records.map((sku, i) => ({
    record: i + 1,
    sku,
    status: 'applied',
    errors: [],
    warnings: [],
  }));
  const bySku = new Map<string, number>();
  written.records.forEach((sku, i) => {
    if (!bySku.has(sku)) bySku.set(sku, i);
  });
  const offset = recordOffset(report, written);

  const fileMessages: ReportMessage[] = [];
  const unmatched: ReportMessage[] = [];
  for (const m of report.messages) {
    if ((m.recordNumber === null || m.recordNumber === 0) && m.sku === '') {
      fileMessages.push(m);
      continue;
    }
    const index = locate(m, written, offset, bySku);
    const row = index === undefined ? undefined : rows[index];
    if (!row) {
      unmatched.push(m);
      continue;
    }
    (m.type === 'error' ? row.errors : row.warnings).push({ code: m.code, message: m.message });
  }

  const notes: BulkMessage[] = [];
  const fileErrors = fileMessages.filter((m) => m.type === 'error');
  const nothingProcessed = report.processed === 0;
  const short = report.processed !== null && report.processed < written.records.length;
  if (nothingProcessed) notes.push(message('bulk.report.nothingProcessed'));
  else if (short) {
    notes.push(
      message('bulk.report.countMismatch', { processed: report.processed ?? 0, written: written.records.length }),
    );
  }
  if (unmatched.length > 0) notes.push(message('bulk.report.unmatched', { count: unmatched.length }));

  for (const row of rows) {
    if (row.errors.length > 0) row.status = 'failed';
    else if (fileErrors.length > 0 || nothingProcessed) {
      row.status = 'failed';
      row.errors.push(...fileErrors.map((m) => ({ code: m.code, message: m.message })));
    } else if (short) row.status = 'unknown';
  }

  return { rows, fileMessages, unmatched, notes, processed: report.processed, successful: report.successful };
}

/** Parses a processing report and matches it to what the batch wrote, in one step. */
export function importProcessingReport(
  input: string | Uint8Array,
  written: WrittenFile,
): { ok: true; result: ReportImport } | { ok: false; error: BulkMessage } {
  const parsed = parseProcessingReport(input);
  if (!parsed.ok) return parsed;
  return { ok: true, result: matchProcessingReport(parsed.report, written) };
}
