import * as z from 'zod/mini';
import type { SyncKey } from '../i18n/catalog/sync';
import { cellForMessage, type MessageParams } from '../reports/errors';
import { normalizeHeader } from '../reports/headers';
import {
  decideNumberLocale,
  localeExample,
  type NumberKind,
  type NumberLocale,
  parseNumberCell,
} from '../reports/numbers';
import { readTable, type SyncError, type SyncRowError, type TableOptions, type TableRow } from './table';

/**
 * The seller's own stock file (an ERP, WMS or spreadsheet export) → one row per SKU and warehouse:
 * `{ sku, quantity, warehouse?, cost?, line }`. All or nothing, like the report import: one bad row
 * and nothing is returned but the list of row errors with their line numbers, because reconciling
 * against a half-read file would call every skipped SKU "only on Amazon".
 *
 * Columns are found by their headers in English and Chinese (SKU / 本地SKU / 商品编码 / 货号,
 * quantity / 库存 / 可用库存 / 数量, warehouse / 仓库, cost / 成本 / 采购价 …, compared after
 * normalizeHeader: case, spaces, dashes and full-width forms do not matter). When they are not
 * found, the caller supplies a ColumnMapping, which the dashboard remembers per headerSignature.
 */

export interface StockRow {
  sku: string;
  quantity: number;
  warehouse?: string;
  /** Unit cost in the seller's own currency, where the file has one. */
  cost?: number;
  line: number;
}

/** 0-based column indexes. */
export const ColumnMappingSchema = z.object({
  sku: z.int().check(z.minimum(0)),
  quantity: z.int().check(z.minimum(0)),
  warehouse: z.optional(z.int().check(z.minimum(0))),
  cost: z.optional(z.int().check(z.minimum(0))),
});
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;
type Field = keyof ColumnMapping;

export interface StockFileOptions extends TableOptions {
  /** Columns chosen by the seller; overrides header recognition. */
  mapping?: ColumnMapping;
  /** Decimal mark, when the seller overrides what the file's numbers suggest. */
  numberLocale?: NumberLocale;
  /** Row errors listed in full (default 100); the rest are counted. */
  maxErrors?: number;
}

export interface StockWarning {
  messageKey: SyncKey;
  params: MessageParams;
}

export interface StockFileSuccess {
  ok: true;
  rows: StockRow[];
  headers: string[];
  /** The columns used, recognised or supplied: what the dashboard remembers for this signature. */
  mapping: ColumnMapping;
  /** True when the headers were recognised without a supplied mapping. */
  recognised: boolean;
  signature: string;
  format: 'text' | 'xlsx';
  encoding?: string;
  numberLocale: NumberLocale;
  warnings: StockWarning[];
}

export interface StockFileRejection {
  ok: false;
  error: SyncError;
  errors: SyncRowError[];
  errorRows: number;
  /** Present once the header was read: the mapping step shows these. */
  headers?: string[];
  signature?: string;
  /** What header recognition found (possibly only some columns), to preselect in the mapping step. */
  suggested?: Partial<ColumnMapping>;
}

export type StockFileResult = StockFileSuccess | StockFileRejection;

/**
 * Header names per field, normalised, most specific first: when two columns match (`SKU` and
 * `本地SKU`), the one whose name comes first here wins.
 */
const ALIASES: Record<Field, readonly string[]> = {
  sku: [
    '本地sku',
    'localsku',
    'sku',
    'sellersku',
    'merchantsku',
    'msku',
    'sku编码',
    '商品编码',
    '产品编码',
    '商品sku',
    '货号',
    '商品货号',
    'itemcode',
    'productcode',
    'itemno',
    'itemnumber',
    'partnumber',
  ].map(normalizeHeader),
  quantity: [
    '可用库存',
    '可用数量',
    '可售库存',
    '可用量',
    '可售数量',
    '可用库存量',
    'availablequantity',
    'available',
    'quantity',
    'qty',
    '库存',
    '库存数量',
    '库存量',
    '现有库存',
    '在库数量',
    '实际库存',
    '数量',
    'stock',
    'onhand',
    'quantityonhand',
    'inventory',
  ].map(normalizeHeader),
  warehouse: ['warehouse', 'warehousename', '仓库', '仓库名称', '仓库名', '发货仓', 'location'].map(normalizeHeader),
  cost: ['unitcost', 'cost', 'costprice', 'purchaseprice', '成本', '成本价', '单位成本', '采购价', '采购单价'].map(
    normalizeHeader,
  ),
};

const FIELDS: readonly Field[] = ['sku', 'quantity', 'warehouse', 'cost'];
const TOTAL_LABELS = new Set(['total', 'totals', 'subtotal', '合计', '总计', '小计', '合計']);
const MAX_SKU = 200;

/** Columns found by header; each column is used for one field at most. */
export function recogniseColumns(headers: readonly string[]): Partial<ColumnMapping> {
  const normalised = headers.map(normalizeHeader);
  const used = new Set<number>();
  const found: Partial<ColumnMapping> = {};
  for (const field of FIELDS) {
    for (const alias of ALIASES[field]) {
      const index = normalised.findIndex((h, i) => h === alias && !used.has(i));
      if (index >= 0) {
        found[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return found;
}

/**
 * A short stable key for a header row, for remembering the seller's column mapping: the same
 * export from the same system always has the same headers. Normalised, so a re-save that changes
 * case or spacing still finds the mapping.
 */
export function headerSignature(headers: readonly string[]): string {
  const text = headers.map(normalizeHeader).join('\u001f');
  // FNV-1a over UTF-16 code units: short, deterministic, no crypto API needed in a worker.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

function badMapping(mapping: ColumnMapping, columns: number): SyncError | undefined {
  const seen = new Set<number>();
  for (const field of FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0 || index >= columns || seen.has(index)) {
      return { code: 'bad-mapping', messageKey: 'sync.error.badMapping', params: { column: field, columns } };
    }
    seen.add(index);
  }
  return undefined;
}

function numberReason(
  reason: 'not-number' | 'not-whole' | 'wrong-locale',
  kind: NumberKind,
): { key: SyncKey; example: boolean } {
  if (reason === 'wrong-locale') return { key: 'sync.row.wrongLocale', example: true };
  if (kind === 'money') return { key: 'sync.row.badCost', example: false };
  return { key: reason === 'not-whole' ? 'sync.row.notWhole' : 'sync.row.badQuantity', example: false };
}

class RowReader {
  readonly rows: StockRow[] = [];
  readonly errors: SyncRowError[] = [];
  errorRows = 0;
  totalRows = 0;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: ColumnMapping,
    private readonly locale: NumberLocale,
    private readonly maxErrors: number,
  ) {}

  private problem(line: number, field: Field, messageKey: SyncKey, cell: string, extra: MessageParams = {}) {
    const column = this.headers[this.mapping[field] as number] ?? field;
    const value = cellForMessage(cell);
    return { line, column, value, messageKey, params: { line, column, value, ...extra } };
  }

  private number(line: number, field: Field, cell: string, kind: NumberKind, problems: SyncRowError[]) {
    const parsed = parseNumberCell(cell, this.locale, kind);
    if (!parsed.ok) {
      const { key, example } = numberReason(parsed.reason, kind);
      problems.push(this.problem(line, field, key, cell, example ? { example: localeExample(this.locale) } : {}));
      return undefined;
    }
    if (parsed.number.value < 0) {
      problems.push(this.problem(line, field, kind === 'money' ? 'sync.row.badCost' : 'sync.row.negative', cell));
      return undefined;
    }
    return parsed.number.value;
  }

  read({ cells, line }: TableRow): void {
    const cell = (field: Field) => {
      const index = this.mapping[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const sku = cell('sku');
    const quantityCell = cell('quantity');
    if (
      TOTAL_LABELS.has(sku.toLowerCase()) ||
      (sku === '' && TOTAL_LABELS.has((cells[0] ?? '').trim().toLowerCase()))
    ) {
      this.totalRows++;
      return;
    }
    const problems: SyncRowError[] = [];
    if (sku === '') problems.push({ line, messageKey: 'sync.row.noSku', params: { line } });
    else if (sku.length > MAX_SKU) problems.push(this.problem(line, 'sku', 'sync.row.skuTooLong', sku));
    let quantity: number | undefined;
    if (quantityCell === '') problems.push({ line, messageKey: 'sync.row.noQuantity', params: { line } });
    else quantity = this.number(line, 'quantity', quantityCell, 'int', problems);
    const costCell = cell('cost');
    const cost = costCell === '' ? undefined : this.number(line, 'cost', costCell, 'money', problems);
    const warehouse = cell('warehouse');
    if (problems.length === 0) {
      const id = `${warehouse}\u001f${sku}`;
      const first = this.seen.get(id);
      if (first !== undefined) {
        problems.push({ line, messageKey: 'sync.row.duplicate', params: { line, sku, first } });
      } else this.seen.set(id, line);
    }
    if (problems.length > 0) {
      this.errorRows++;
      for (const p of problems) if (this.errors.length < this.maxErrors) this.errors.push(p);
      return;
    }
    const row: StockRow = { sku, quantity: quantity as number, line };
    if (warehouse !== '') row.warehouse = warehouse;
    if (cost !== undefined) row.cost = cost;
    this.rows.push(row);
  }
}

function decideLocale(rows: readonly TableRow[], mapping: ColumnMapping, override?: NumberLocale): NumberLocale {
  if (override) return override;
  const cells: Array<{ cell: string; kind: NumberKind }> = [];
  for (const { cells: row } of rows.slice(0, 2000)) {
    const q = row[mapping.quantity]?.trim();
    if (q) cells.push({ cell: q, kind: 'int' });
    const c = mapping.cost === undefined ? undefined : row[mapping.cost]?.trim();
    if (c) cells.push({ cell: c, kind: 'money' });
  }
  return decideNumberLocale(cells, 'en').locale;
}

/** Reads a stock file. Never throws for bad input. */
export async function readStockFile(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  options: StockFileOptions = {},
): Promise<StockFileResult> {
  const table = await readTable(source, options);
  if (!table.ok) return { ok: false, error: table.error, errors: [], errorRows: 0 };
  const { headers } = table;
  const signature = headerSignature(headers);
  const suggested = recogniseColumns(headers);
  const reject = (error: SyncError, errors: SyncRowError[] = [], errorRows = 0): StockFileRejection => ({
    ok: false,
    error,
    errors,
    errorRows,
    headers,
    signature,
    suggested,
  });
  let mapping: ColumnMapping;
  if (options.mapping) mapping = options.mapping;
  else if (suggested.sku !== undefined && suggested.quantity !== undefined) mapping = suggested as ColumnMapping;
  else return reject({ code: 'mapping-required', messageKey: 'sync.error.mappingRequired', params: {} });
  const wrong = badMapping(mapping, headers.length);
  if (wrong) return reject(wrong);

  const locale = decideLocale(table.rows, mapping, options.numberLocale);
  const reader = new RowReader(headers, mapping, locale, options.maxErrors ?? 100);
  for (const row of table.rows) reader.read(row);
  if (reader.errorRows > 0) {
    return reject(
      { code: 'rows', messageKey: 'sync.error.rows', params: { count: reader.errorRows } },
      reader.errors,
      reader.errorRows,
    );
  }
  if (reader.rows.length === 0) return reject({ code: 'no-rows', messageKey: 'sync.error.noRows', params: {} });
  const warnings: StockWarning[] = [];
  if (table.encodingBasis === 'guess') {
    warnings.push({
      messageKey: 'sync.warning.encodingGuessed',
      params: { encoding: String(table.encoding).toUpperCase() },
    });
  }
  if (reader.totalRows > 0)
    warnings.push({ messageKey: 'sync.warning.totalRows', params: { count: reader.totalRows } });
  const result: StockFileSuccess = {
    ok: true,
    rows: reader.rows,
    headers,
    mapping,
    recognised: options.mapping === undefined,
    signature,
    format: table.format,
    numberLocale: locale,
    warnings,
  };
  if (table.encoding) result.encoding = table.encoding;
  return result;
}
