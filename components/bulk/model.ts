import { type FileError, fileRowsFromPlan, jsonListingsFeed, priceQuantityFile } from '@/lib/bulk/files';
import type { HolidayBatch } from '@/lib/bulk/holiday';
import type { Operation } from '@/lib/bulk/operations';
import { type BatchPlan, keyOf, type PlanRowInput } from '@/lib/bulk/plan';
import type { ReportImport } from '@/lib/bulk/processing-report';
import { marketplaceByCode } from '@/lib/marketplaces';
import type { Listing, ListingState } from '@/lib/model/listing';
import type { Settings } from '@/lib/settings/schema';
import type { BatchRecord, BatchRow, BatchState, KnownListing, PageRow, StoreContext } from './host';
import type { Say } from './text';

/**
 * The panel's decisions that are not drawing: which rows are candidates, how they are filtered,
 * what a file and its history record contain, and what Amazon's processing report makes of a
 * batch. Kept out of the components so they can be tested without a browser.
 */

/** A listing the panel can put in a batch, with where its figures come from and how old they are. */
export interface Candidate {
  key: string;
  listing: Listing;
  /** ms between reading the figures and now (page: read on the page; store: last seen on a page). */
  ageMs: number;
  /** Read on this page now, rather than remembered by Shelfwise from an earlier visit. */
  onPage: boolean;
}

export function pageCandidates(rows: readonly PageRow[], sinceReadMs = 0): Candidate[] {
  return rows.map((row) => ({
    key: keyOf(row.listing),
    listing: row.listing,
    ageMs: row.readAgoMs + sinceReadMs,
    onPage: true,
  }));
}

/**
 * The page's rows followed by every other SKU the store knows for the marketplace. A SKU on the
 * page is taken from the page: its figures are the ones just read.
 */
export function mergeKnown(
  page: readonly Candidate[],
  known: readonly KnownListing[],
  marketplace: string | null,
  now: number,
): Candidate[] {
  const out = [...page];
  const seen = new Set(page.map((c) => c.key));
  const rest: Candidate[] = [];
  for (const item of known) {
    if (marketplace !== null && item.listing.marketplace !== marketplace) continue;
    const key = keyOf(item.listing);
    if (seen.has(key)) continue;
    seen.add(key);
    rest.push({ key, listing: item.listing, ageMs: Math.max(0, now - item.lastSeenAt), onPage: false });
  }
  rest.sort((a, b) => (a.listing.sku < b.listing.sku ? -1 : a.listing.sku > b.listing.sku ? 1 : 0));
  return out.concat(rest);
}

export function planInputs(candidates: readonly Candidate[]): PlanRowInput[] {
  return candidates.map((c) => ({ listing: c.listing, beforeAgeMs: c.ageMs }));
}

/** Ticked SKUs as candidates, in page order; ticked SKUs the reader did not recognise are named. */
export function tickedCandidates(
  ticked: readonly string[],
  page: readonly Candidate[],
): { rows: Candidate[]; missing: string[] } {
  const wanted = new Set(ticked);
  const rows = page.filter((c) => wanted.has(c.listing.sku));
  const found = new Set(rows.map((c) => c.listing.sku));
  return { rows, missing: [...wanted].filter((sku) => !found.has(sku)) };
}

export interface RowFilters {
  channel: 'all' | 'fba' | 'mfn';
  state: 'all' | ListingState;
  text: string;
  lowStock: boolean;
  findings: boolean;
}

export const NO_FILTERS: RowFilters = { channel: 'all', state: 'all', text: '', lowStock: false, findings: false };

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Low stock as the badges and alerts judge it: below the units threshold, or too few days of cover. */
export function isLowStock(
  candidate: Candidate,
  settings: Pick<Settings, 'thresholds'>,
  unitsPerDay: Readonly<Record<string, number>>,
): boolean {
  const available = candidate.listing.stock.available;
  if (available === undefined || candidate.listing.isParent) return false;
  const override = settings.thresholds.perSku[candidate.key];
  if (available < (override?.units ?? settings.thresholds.lowStockUnits)) return true;
  const perDay = unitsPerDay[candidate.key];
  return (
    perDay !== undefined && perDay > 0 && available / perDay < (override?.days ?? settings.thresholds.lowStockDays)
  );
}

export function filterCandidates(
  candidates: readonly Candidate[],
  filters: RowFilters,
  settings: Pick<Settings, 'thresholds'>,
  store: Pick<StoreContext, 'findings' | 'unitsPerDay'>,
): Candidate[] {
  const needle = fold(filters.text.trim());
  return candidates.filter((c) => {
    const l = c.listing;
    if (filters.channel !== 'all' && l.channel !== filters.channel) return false;
    if (filters.state !== 'all' && l.state !== filters.state) return false;
    if (filters.findings && !((store.findings[c.key]?.issues ?? 0) > 0)) return false;
    if (filters.lowStock && !isLowStock(c, settings, store.unitsPerDay)) return false;
    if (needle === '') return true;
    return [l.sku, l.title, l.asin, l.fnsku].some((field) => field !== undefined && fold(field).includes(needle));
  });
}

export type ExportFormat = 'priceQuantity' | 'jsonListingsFeed';

export interface ExportOptions {
  format: ExportFormat;
  marketplace: string;
  /** The merchant token; the feed's header needs it. */
  sellerId?: string;
  issueLocale?: string;
  now: number;
}

export interface ExportedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  /** SKU of each record in written order. */
  records: string[];
  headerRows: number;
  encoding: 'UTF-8' | 'Windows-31J';
}

export type ExportResult = { ok: true; file: ExportedFile } | { ok: false; errors: FileError[] };

/** The file for a plan's changed rows, in the chosen format; problems come back per SKU, all at once. */
export function exportPlan(plan: BatchPlan, options: ExportOptions): ExportResult {
  const rows = fileRowsFromPlan(plan.rows);
  if (options.format === 'priceQuantity') {
    const result = priceQuantityFile(rows, { marketplace: options.marketplace, now: options.now });
    if (!result.ok) return result;
    const { filename, mimeType, bytes, records, headerRows, encoding } = result.file;
    return { ok: true, file: { filename, mimeType, bytes, records, headerRows, encoding } };
  }
  const marketplace = marketplaceByCode(options.marketplace);
  if (!marketplace) {
    return {
      ok: false,
      errors: [
        {
          sku: '',
          message: { key: 'bulk.file.unknownMarketplace', params: { marketplace: options.marketplace } },
        },
      ],
    };
  }
  const result = jsonListingsFeed(rows, {
    sellerId: options.sellerId ?? '',
    marketplaceId: marketplace.id,
    now: options.now,
    ...(options.issueLocale ? { issueLocale: options.issueLocale } : {}),
  });
  if (!result.ok) return result;
  const { filename, mimeType, bytes, records } = result.file;
  return { ok: true, file: { filename, mimeType, bytes, records, headerRows: 0, encoding: 'UTF-8' } };
}

/** The rows a batch record keeps: what the file changes, with what must be remembered to undo it. */
export function batchRows(plan: BatchPlan): BatchRow[] {
  const rows: BatchRow[] = [];
  for (const row of plan.rows) {
    if (row.action !== 'change' || row.after === null) continue;
    const out: BatchRow = { key: row.key, sku: row.sku, field: row.field, before: row.before, after: row.after };
    if (row.remember) out.remember = { ...row.remember };
    rows.push(out);
  }
  return rows;
}

export interface RecordInput {
  id: string;
  name: string;
  kind: BatchRecord['kind'];
  account: string;
  marketplace: string;
  summary: string;
  plan: BatchPlan;
  file: ExportedFile;
  createdAt: number;
  holiday?: HolidayBatch;
}

export function batchRecord(input: RecordInput): BatchRecord {
  const record: BatchRecord = {
    id: input.id,
    name: input.name,
    kind: input.kind,
    account: input.account,
    marketplace: input.marketplace,
    createdAt: input.createdAt,
    state: 'exported',
    summary: input.summary,
    rows: batchRows(input.plan),
    file: {
      filename: input.file.filename,
      records: input.file.records.length,
      headerRows: input.file.headerRows,
      skus: [...input.file.records],
    },
  };
  if (input.holiday) record.holiday = input.holiday;
  return record;
}

/**
 * Which kind of file a batch wrote. The stored record keeps only the file name, whose extension the
 * file library sets: .txt for Price & Quantity, .json for the listings feed.
 */
export function fileFormatOf(batch: BatchRecord): ExportFormat | null {
  if (!batch.file) return null;
  return batch.file.filename.toLowerCase().endsWith('.json') ? 'jsonListingsFeed' : 'priceQuantity';
}

/** A batch's state from its rows' outcomes: all accepted, all rejected, or some of each (or unconfirmed). */
export function stateOf(rows: readonly BatchRow[]): BatchState {
  if (rows.length === 0 || rows.some((row) => !row.outcome)) return 'exported';
  if (rows.every((row) => row.outcome?.status === 'applied')) return 'applied';
  if (rows.every((row) => row.outcome?.status === 'failed')) return 'failed';
  return 'partial';
}

function notes(list: ReadonlyArray<{ code: string; message: string }>): string {
  return list.map((n) => (n.code ? `${n.code}: ${n.message}` : n.message)).join('; ');
}

/**
 * The batch with Amazon's verdict on each row. Record n of the report is the file's record n, which
 * is the batch's SKU `file.skus[n - 1]`; a row's message is Amazon's own text (errors, or the
 * warnings of an accepted row).
 */
export function withReport(batch: BatchRecord, report: ReportImport): BatchRecord {
  const bySku = new Map<string, ReportImport['rows'][number]>();
  for (const outcome of report.rows) if (!bySku.has(outcome.sku)) bySku.set(outcome.sku, outcome);
  const rows = batch.rows.map((row): BatchRow => {
    const outcome = bySku.get(row.sku);
    if (!outcome) return { ...row, outcome: { status: 'unknown' } };
    const message = outcome.errors.length > 0 ? notes(outcome.errors) : notes(outcome.warnings);
    return { ...row, outcome: message ? { status: outcome.status, message } : { status: outcome.status } };
  });
  return { ...batch, rows, state: stateOf(rows) };
}

/**
 * Holiday batches still waiting for their restore. A restore batch refers to its holiday by carrying
 * the same `holiday` record; a restore Amazon rejected entirely does not count, and neither does a
 * holiday Amazon rejected entirely (nothing was changed, so nothing needs restoring).
 */
export function openHolidays(batches: readonly BatchRecord[]): BatchRecord[] {
  const restored = new Set(
    batches.filter((b) => b.kind === 'restore' && b.holiday && b.state !== 'failed').map((b) => b.holiday?.id),
  );
  return batches
    .filter((b) => b.kind === 'holiday' && b.holiday && b.state !== 'failed' && !restored.has(b.holiday.id))
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** The operation in words, for the preview's heading and the history (the panel translates it). */
export function operationSummary(operation: Operation): Say {
  switch (operation.kind) {
    case 'set':
      return { key: 'panel.summary.set', params: { amount: operation.amount } };
    case 'add':
      return { key: 'panel.summary.add', params: { amount: operation.amount } };
    case 'subtract':
      return { key: 'panel.summary.subtract', params: { amount: operation.amount } };
    case 'percent':
      return { key: `panel.summary.percent.${operation.rounding}`, params: { percent: operation.percent } };
    case 'outOfStock':
      return { key: 'panel.summary.outOfStock' };
    case 'restore':
      return { key: 'panel.summary.restore' };
    case 'handlingTime':
      return { key: 'panel.summary.handlingTime', params: { count: operation.days } };
  }
}

/** What the seller confirmed having seen: the flagged SKUs (null when nothing needs confirming). */
export function confirmationKey(plan: BatchPlan): string | null {
  return plan.confirmation ? plan.confirmation.skus.join('\n') : null;
}

/**
 * What a file made from the plan would contain. Plans are remade as values age, which changes
 * nothing written; an outcome ("downloaded …") stays shown until this changes.
 */
export function planSignature(plan: BatchPlan): string {
  let text = '';
  for (const row of plan.rows) if (row.action === 'change') text += `${row.key}\u0000${row.field}\u0000${row.after}\n`;
  return text;
}
