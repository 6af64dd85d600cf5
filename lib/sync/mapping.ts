import * as z from 'zod/mini';
import { marketplaceByCode } from '../marketplaces';
import { cellForMessage } from '../reports/errors';
import { normalizeHeader } from '../reports/headers';
import type { StockRow } from './stock-file';
import { readTable, type SyncError, type SyncRowError, type TableOptions } from './table';

/**
 * The seller's own SKU (本地SKU) → the Amazon seller SKUs (MSKU) it supplies. One local SKU often
 * feeds several listings: the same item in two conditions, a bundle of one, an FBA and a merchant
 * SKU, a relisted SKU. The reverse is not allowed: an MSKU fed by two local SKUs would make its
 * expected quantity a guess, so validateMapping reports it with both lines.
 *
 * Shared stock, decided: the seller's stock of a local SKU is one pool that every mapped listing
 * sells from, so each MSKU is compared with the whole pool, not a share of it (splitting 10 units
 * 5/5 would invent a number the seller never chose). Each such row is flagged `shared` with the
 * other MSKUs, and the reconciliation shows it (`sync.reconcile.sharedStock`).
 *
 * An entry may name a marketplace; without one it applies in every marketplace. A local SKU with no
 * entry for the marketplace is taken to be its own MSKU, the common case of a seller who uses the
 * same codes in both systems.
 */

export const SkuMapEntrySchema = z.object({
  local: z.string().check(z.minLength(1)),
  msku: z.string().check(z.minLength(1)),
  /** Marketplace code (UK, US …); absent = every marketplace. */
  marketplace: z.optional(z.string()),
  /** File line it was imported from, for messages. */
  line: z.optional(z.int()),
});
export type SkuMapEntry = z.infer<typeof SkuMapEntrySchema>;

export interface MappingColumns {
  local: number;
  msku: number;
  marketplace?: number;
}

export type MappingFileResult =
  | { ok: true; entries: SkuMapEntry[]; headers: string[] }
  | { ok: false; error: SyncError; errors: SyncRowError[]; errorRows: number; headers?: string[] };

const LOCAL = ['本地sku', 'localsku', 'erpsku', 'sku', '商品编码', '产品编码', '货号', 'itemcode'].map(normalizeHeader);
const MSKU = ['msku', 'sellersku', 'amazonsku', '亚马逊sku', '平台sku', '卖家sku', 'merchantsku', 'listingsku'].map(
  normalizeHeader,
);
const MARKETPLACE = ['marketplace', 'site', 'country', '站点', '国家', '市场'].map(normalizeHeader);

function find(normalised: readonly string[], aliases: readonly string[], used: ReadonlySet<number>): number {
  for (const alias of aliases) {
    const i = normalised.findIndex((h, at) => h === alias && !used.has(at));
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Columns of a mapping file: by header where recognised (MSKU first, so that `SKU` beside `MSKU`
 * is the local one), else the first two columns in the order local, MSKU.
 */
export function mappingColumns(headers: readonly string[]): MappingColumns | undefined {
  const normalised = headers.map(normalizeHeader);
  const used = new Set<number>();
  const msku = find(normalised, MSKU, used);
  if (msku >= 0) used.add(msku);
  const local = find(normalised, LOCAL, used);
  if (local >= 0) used.add(local);
  const marketplace = find(normalised, MARKETPLACE, used);
  const columns: MappingColumns =
    msku >= 0 && local >= 0 ? { local, msku } : headers.length >= 2 ? { local: 0, msku: 1 } : { local: -1, msku: -1 };
  if (columns.local < 0) return undefined;
  if (marketplace >= 0 && marketplace !== columns.local && marketplace !== columns.msku)
    columns.marketplace = marketplace;
  return columns;
}

/**
 * Problems with a set of entries: an MSKU mapped from two different local SKUs where their
 * marketplaces overlap (the same one, or one of them for every marketplace). Repeating the same
 * pair is harmless and not reported.
 */
export function validateMapping(entries: readonly SkuMapEntry[]): SyncRowError[] {
  const byMsku = new Map<string, SkuMapEntry[]>();
  for (const e of entries) {
    const list = byMsku.get(e.msku);
    if (list) list.push(e);
    else byMsku.set(e.msku, [e]);
  }
  const errors: SyncRowError[] = [];
  for (const list of byMsku.values()) {
    if (list.length < 2) continue;
    for (let i = 1; i < list.length; i++) {
      const e = list[i] as SkuMapEntry;
      // The first entry for the MSKU in an overlapping scope owns it; repeating that pair is fine.
      const other = list
        .slice(0, i)
        .find((o) => o.marketplace === undefined || e.marketplace === undefined || o.marketplace === e.marketplace);
      if (!other || other.local === e.local) continue;
      const line = e.line ?? 0;
      errors.push({
        line,
        value: cellForMessage(e.msku),
        messageKey: 'sync.row.mappingConflict',
        params: { line, msku: e.msku, local: e.local, otherLine: other.line ?? 0, otherLocal: other.local },
      });
    }
  }
  return errors;
}

/** Reads a mapping file (local SKU, MSKU, optional marketplace). All or nothing. */
export async function readMappingFile(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  options: TableOptions & { columns?: MappingColumns; maxErrors?: number } = {},
): Promise<MappingFileResult> {
  const table = await readTable(source, options);
  if (!table.ok) return { ok: false, error: table.error, errors: [], errorRows: 0 };
  const { headers } = table;
  const columns = options.columns ?? mappingColumns(headers);
  const width = headers.length;
  if (
    !columns ||
    columns.local === columns.msku ||
    [columns.local, columns.msku, columns.marketplace ?? 0].some((c) => c < 0 || c >= width)
  ) {
    return {
      ok: false,
      error: { code: 'bad-mapping', messageKey: 'sync.error.mappingColumns', params: {} },
      errors: [],
      errorRows: 0,
      headers,
    };
  }
  const max = options.maxErrors ?? 100;
  const errors: SyncRowError[] = [];
  const bad = new Set<number>();
  const entries: SkuMapEntry[] = [];
  const problem = (e: SyncRowError) => {
    bad.add(e.line);
    if (errors.length < max) errors.push(e);
  };
  for (const { cells, line } of table.rows) {
    const local = (cells[columns.local] ?? '').trim();
    const msku = (cells[columns.msku] ?? '').trim();
    const code = columns.marketplace === undefined ? '' : (cells[columns.marketplace] ?? '').trim();
    if (local === '') problem({ line, messageKey: 'sync.row.noLocal', params: { line } });
    if (msku === '') problem({ line, messageKey: 'sync.row.noMsku', params: { line } });
    const marketplace = code === '' ? undefined : marketplaceByCode(code)?.code;
    if (code !== '' && !marketplace) {
      const value = cellForMessage(code);
      problem({ line, value, messageKey: 'sync.row.badMarketplace', params: { line, value } });
    }
    if (local === '' || msku === '' || bad.has(line)) continue;
    const entry: SkuMapEntry = { local, msku, line };
    if (marketplace) entry.marketplace = marketplace;
    entries.push(entry);
  }
  if (bad.size > 0) {
    return {
      ok: false,
      error: { code: 'rows', messageKey: 'sync.error.rows', params: { count: bad.size } },
      errors,
      errorRows: bad.size,
      headers,
    };
  }
  const conflicts = validateMapping(entries);
  if (conflicts.length > 0) {
    return {
      ok: false,
      error: {
        code: 'mapping-conflicts',
        messageKey: 'sync.error.mappingConflicts',
        params: { count: conflicts.length },
      },
      errors: conflicts.slice(0, max),
      errorRows: conflicts.length,
      headers,
    };
  }
  return { ok: true, entries, headers };
}

/** The file's stock as Amazon SKUs see it, for one marketplace. */
export interface MappedStock {
  /** The Amazon seller SKU (MSKU). */
  sku: string;
  /** Units the file says are available to this MSKU: its local SKU's whole pool (see above). */
  quantity: number;
  /** The local SKUs that supply it (more than one only when two sources collide; see `merged`). */
  localSkus: string[];
  /** Other MSKUs selling from the same pool; empty when the stock is this MSKU's alone. */
  sharedWith: string[];
  /** Whether a mapping entry produced it (false: the local SKU is used as the MSKU). */
  mapped: boolean;
  warehouses: string[];
  /** Quantity-weighted unit cost of the rows that give one. */
  cost?: number;
  /** File lines behind it. */
  lines: number[];
}

interface Pool {
  local: string;
  quantity: number;
  warehouses: Set<string>;
  costUnits: number;
  costTotal: number;
  lines: number[];
}

function pools(rows: readonly StockRow[]): Map<string, Pool> {
  const out = new Map<string, Pool>();
  for (const r of rows) {
    let pool = out.get(r.sku);
    if (!pool) {
      pool = { local: r.sku, quantity: 0, warehouses: new Set(), costUnits: 0, costTotal: 0, lines: [] };
      out.set(r.sku, pool);
    }
    pool.quantity += r.quantity;
    if (r.warehouse !== undefined) pool.warehouses.add(r.warehouse);
    if (r.cost !== undefined) {
      // A row with 0 units still tells the cost: weigh it as one unit.
      const weight = Math.max(r.quantity, 1);
      pool.costUnits += weight;
      pool.costTotal += r.cost * weight;
    }
    pool.lines.push(r.line);
  }
  return out;
}

/**
 * Stock rows (any number of warehouses per local SKU) → one record per MSKU for a marketplace:
 * warehouses are added up per local SKU, then each local SKU's pool goes to every MSKU it maps to.
 * `merged` lists MSKUs that more than one local SKU reached (only possible when an unmapped local
 * SKU has the same code as another's MSKU); their quantities are added and the row says so.
 */
export function applyMapping(
  rows: readonly StockRow[],
  entries: readonly SkuMapEntry[],
  marketplace?: string,
): { stock: MappedStock[]; merged: string[] } {
  const targets = new Map<string, string[]>();
  for (const e of entries) {
    if (e.marketplace !== undefined && marketplace !== undefined && e.marketplace !== marketplace) continue;
    if (e.marketplace !== undefined && marketplace === undefined) continue;
    const list = targets.get(e.local);
    if (!list) targets.set(e.local, [e.msku]);
    else if (!list.includes(e.msku)) list.push(e.msku);
  }
  const out = new Map<string, MappedStock>();
  const merged = new Set<string>();
  for (const pool of pools(rows).values()) {
    const mapped = targets.get(pool.local);
    const mskus = mapped ?? [pool.local];
    for (const msku of mskus) {
      const existing = out.get(msku);
      if (existing) {
        merged.add(msku);
        existing.quantity += pool.quantity;
        existing.localSkus.push(pool.local);
        for (const w of pool.warehouses) if (!existing.warehouses.includes(w)) existing.warehouses.push(w);
        existing.lines.push(...pool.lines);
        continue;
      }
      const stock: MappedStock = {
        sku: msku,
        quantity: pool.quantity,
        localSkus: [pool.local],
        sharedWith: mskus.filter((m) => m !== msku),
        mapped: mapped !== undefined,
        warehouses: [...pool.warehouses],
        lines: [...pool.lines],
      };
      if (pool.costUnits > 0) stock.cost = pool.costTotal / pool.costUnits;
      out.set(msku, stock);
    }
  }
  return { stock: [...out.values()], merged: [...merged].sort() };
}
