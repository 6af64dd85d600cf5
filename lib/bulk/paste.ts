import type { Listing } from '../model/listing';
import { type BulkMessage, message } from './message';
import { parseWholeNumber } from './operations';
import type { PlanRowInput } from './plan';

/**
 * SKUs and quantities pasted from Excel (or Numbers, WPS, Google Sheets): two tab-separated
 * columns, one row per line, an optional header row. Nothing the seller pasted is dropped
 * silently: every line ends up as a row, an unknown SKU, or an error that names the line.
 */

export interface PastedRow {
  sku: string;
  quantity: number;
  /** 1-based line of the pasted text where the row starts. */
  line: number;
}

export interface PasteError {
  line: number;
  message: BulkMessage;
}

export interface PasteResult {
  rows: PastedRow[];
  unknownSkus: Array<{ sku: string; line: number }>;
  errors: PasteError[];
  /** Whether the first line was taken as a header row and skipped. */
  header: boolean;
}

export interface PasteOptions {
  maxQuantity: number;
}

interface Cells {
  line: number;
  cells: string[];
}

/**
 * Splits clipboard text as Excel writes it: cells by tab, rows by CRLF or LF, and a cell that holds
 * a tab, line break or quote wrapped in quotes with inner quotes doubled. A quote anywhere else is
 * an ordinary character (SKUs may contain one).
 */
export function splitCells(text: string): Cells[] {
  const records: Cells[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      const close = findClosingQuote(text, i + 1);
      if (close !== -1) {
        const inner = text.slice(i + 1, close);
        cell = inner.replaceAll('""', '"');
        for (const c of inner) if (c === '\n') line += 1;
        i = close + 1;
        continue;
      }
      // Not a quoted cell after all (a lone quote in a SKU): read it as it is.
    }
    if (ch === '\t') {
      endCell();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** Index of the quote that closes a quoted cell opened before `from`, or -1 if it is not one. */
function findClosingQuote(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const q = text.indexOf('"', i);
    if (q === -1) return -1;
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    const next = text[q + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? q : -1;
  }
  return -1;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') end -= 1;
  return cells.slice(0, end);
}

/**
 * Parses pasted SKU/quantity pairs against the SKUs the page shows. A first line whose quantity is
 * not a number and whose SKU is not a known SKU is a header. SKUs are matched exactly, then with
 * surrounding spaces removed (Excel cells often carry them); a SKU pasted twice with the same
 * quantity is used once, with different quantities it is left out, and either way it is reported.
 */
export function parsePaste(text: string, knownSkus: ReadonlySet<string>, options: PasteOptions): PasteResult {
  const result: PasteResult = { rows: [], unknownSkus: [], errors: [], header: false };
  const records = splitCells(text)
    .map((record) => ({ line: record.line, cells: trimTrailingEmpty(record.cells) }))
    .filter((record) => record.cells.length > 0);

  const first = records[0];
  if (first) {
    const [sku = '', quantity = ''] = first.cells;
    const known = knownSkus.has(sku) || knownSkus.has(sku.trim());
    if (!known && !parseWholeNumber(quantity).ok) {
      records.shift();
      result.header = true;
    }
  }

  const seen = new Map<string, { quantity: number; lines: number[]; conflict: boolean }>();
  const accepted: PastedRow[] = [];
  for (const { line, cells } of records) {
    if (cells.length > 2) {
      result.errors.push({ line, message: message('bulk.paste.columns', { columns: cells.length }) });
      continue;
    }
    const rawSku = cells[0] ?? '';
    if (rawSku.trim() === '') {
      result.errors.push({ line, message: message('bulk.paste.missingSku') });
      continue;
    }
    const sku = knownSkus.has(rawSku) ? rawSku : rawSku.trim();
    const quantityText = cells[1] ?? '';
    if (quantityText.trim() === '') {
      result.errors.push({ line, message: message('bulk.paste.missingQuantity', { sku }) });
      continue;
    }
    const parsed = parseWholeNumber(quantityText);
    if (!parsed.ok) {
      result.errors.push({ line, message: parsed.error });
      continue;
    }
    if (parsed.value > options.maxQuantity) {
      result.errors.push({
        line,
        message: message('bulk.amount.aboveMaximum', { text: parsed.value, max: options.maxQuantity }),
      });
      continue;
    }
    if (!knownSkus.has(sku)) {
      result.unknownSkus.push({ sku, line });
      continue;
    }
    const previous = seen.get(sku);
    if (previous) {
      previous.lines.push(line);
      if (previous.quantity !== parsed.value) previous.conflict = true;
      continue;
    }
    seen.set(sku, { quantity: parsed.value, lines: [line], conflict: false });
    accepted.push({ sku, quantity: parsed.value, line });
  }

  for (const [sku, entry] of seen) {
    if (entry.lines.length < 2) continue;
    const [firstLine = 0, ...later] = entry.lines;
    if (entry.conflict) {
      result.errors.push({
        line: firstLine,
        message: message('bulk.paste.duplicateConflict', { sku, lines: entry.lines.join(', ') }),
      });
    } else {
      for (const line of later) {
        result.errors.push({ line, message: message('bulk.paste.duplicateSame', { sku, first: firstLine }) });
      }
    }
  }
  result.rows = accepted.filter((row) => !seen.get(row.sku)?.conflict);
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

/**
 * The pasted rows as plan inputs: each listing with its own "set quantity" operation. Listings are
 * looked up by SKU among the rows of one marketplace, as read from the page.
 */
export function pastedPlanInputs(
  rows: readonly PastedRow[],
  listings: readonly (PlanRowInput | Listing)[],
): PlanRowInput[] {
  const bySku = new Map<string, PlanRowInput>();
  for (const item of listings) {
    const input: PlanRowInput = 'listing' in item ? item : { listing: item };
    if (!bySku.has(input.listing.sku)) bySku.set(input.listing.sku, input);
  }
  const inputs: PlanRowInput[] = [];
  for (const row of rows) {
    const input = bySku.get(row.sku);
    if (input) inputs.push({ ...input, operation: { kind: 'set', amount: row.quantity } });
  }
  return inputs;
}
