import { skuKey } from '../model/keys';
import type { FbaDetail, ImportSuccess, OrderLineTable, PeriodSales } from '../reports';
import { orderIdAt } from '../reports/orders';
import { addDays, type DayKey } from '../time';
import type { DB } from './open';
import type {
  FbaDetailRecord,
  ImportLogRecord,
  OrderCoverageRecord,
  OrderDaysRecord,
  OrderLinesRecord,
  PeriodSalesRecord,
  ReportListingRecord,
} from './schema';

/**
 * Commits one import (lib/reports' ImportSuccess) to the store in a single transaction: the whole
 * import is stored or, when anything fails, nothing is. All Orders lines are merged per SKU with
 * the lines earlier imports stored, each (order, SKU) once at its latest state, and the SKU's
 * daily units are recomputed from the merged lines; the days the imports cover are kept per
 * account and marketplace.
 */

export interface ImportToCommit {
  /** The account every record is stored under (records are keyed by account, marketplace, SKU). */
  account: string;
  fileName: string;
  fileSize: number;
  /** The day a Restock report was downloaded, as the seller gave it (for the log). */
  reportDate?: DayKey;
  result: ImportSuccess;
}

export interface CommitOptions {
  now: number;
  /** The log record's id; a fresh one by default. */
  id?: string;
}

/** A result that cannot be stored as it is: a bug in the caller, not bad input (that never gets here). */
export class ImportCommitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportCommitError';
  }
}

/** SKUs whose stored order lines are read, merged and written back at a time, within the one transaction. */
const ORDER_BATCH = 500;

function coverageKey(account: string, marketplace: string): string {
  return `${account}\u001f${marketplace}`;
}

function marketplaceOf(record: { marketplace: string | null; sku: string }, what: string): string {
  if (record.marketplace === null) {
    throw new ImportCommitError(`${what} for SKU ${record.sku} has no marketplace: choose one before importing`);
  }
  return record.marketplace;
}

/** Spans in day order with `span` added; spans that overlap or touch become one. */
export function mergeSpans(
  spans: ReadonlyArray<{ from: DayKey; to: DayKey }>,
  span: { from: DayKey; to: DayKey },
): Array<{ from: DayKey; to: DayKey }> {
  const all = [...spans, span].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Array<{ from: DayKey; to: DayKey }> = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.from <= addDays(last.to, 1)) {
      if (s.to > last.to) last.to = s.to;
    } else out.push({ from: s.from, to: s.to });
  }
  return out;
}

function periodRecords(
  sales: readonly PeriodSales[],
  account: string,
  importId: string,
  now: number,
): PeriodSalesRecord[] {
  const byKey = new Map<string, PeriodSalesRecord>();
  for (const s of sales) {
    const marketplace = marketplaceOf(s, 'A sales figure');
    const key = skuKey({ account, marketplace, sku: s.sku });
    const id = `${key}\u001e${s.measure}\u001e${s.from}\u001e${s.to}`;
    const same = byKey.get(id);
    if (same) {
      // Two rows of one report for the same SKU and period (two ASINs mapped to it): both count.
      same.units += s.units;
      if (s.sales !== undefined) same.sales = (same.sales ?? 0) + s.sales;
      continue;
    }
    const record: PeriodSalesRecord = {
      key,
      account,
      marketplace,
      sku: s.sku,
      from: s.from,
      to: s.to,
      units: s.units,
      measure: s.measure,
      source: s.source,
      importId,
      importedAt: now,
    };
    if (s.asin !== undefined) record.asin = s.asin;
    if (s.sales !== undefined) record.sales = s.sales;
    if (s.currency !== undefined) record.currency = s.currency;
    byKey.set(id, record);
  }
  return [...byKey.values()];
}

const STOCK_FIELDS = [
  'available',
  'inbound',
  'inboundWorking',
  'inboundShipped',
  'inboundReceiving',
  'reserved',
  'unfulfillable',
] as const;

/** Reports whose rows carry Amazon's recommendation: a row without one means there is none now. */
const RECOMMENDING = new Set(['restock', 'fba-inventory']);

/** Whether `next` describes a day no earlier than `kept` (an undated figure counts as the day it was imported). */
function notOlder(next: { asOf?: DayKey }, kept: { asOf?: DayKey } | undefined): boolean {
  if (!kept?.asOf || !next.asOf) return true;
  return next.asOf >= kept.asOf;
}

/**
 * The stored FBA detail updated by one report row: stock and recommendation are each replaced by
 * the report's when it describes the same day or a later one; a report older than what is stored
 * changes nothing.
 */
export function mergeFbaDetail(
  existing: FbaDetailRecord | undefined,
  detail: FbaDetail,
  ref: { key: string; account: string; marketplace: string },
  now: number,
): FbaDetailRecord {
  const record: FbaDetailRecord = existing
    ? { ...existing, updatedAt: now }
    : { ...ref, sku: detail.sku, updatedAt: now };
  if (detail.asin !== undefined) record.asin = detail.asin;
  if (detail.fnsku !== undefined) record.fnsku = detail.fnsku;
  const stock: NonNullable<FbaDetailRecord['stock']> = { source: detail.source, importedAt: now };
  let hasStock = false;
  for (const field of STOCK_FIELDS) {
    const value = detail[field];
    if (value !== undefined) {
      stock[field] = value;
      hasStock = true;
    }
  }
  if (detail.asOf !== undefined) stock.asOf = detail.asOf;
  if (hasStock && notOlder(stock, existing?.stock)) record.stock = stock;
  if (RECOMMENDING.has(detail.source) && notOlder(detail, existing?.recommendation)) {
    if (detail.recommendedQuantity === undefined) delete record.recommendation;
    else {
      record.recommendation = { quantity: detail.recommendedQuantity, source: detail.source, importedAt: now };
      if (detail.recommendedShipDate !== undefined) record.recommendation.shipDate = detail.recommendedShipDate;
      if (detail.asOf !== undefined) record.recommendation.asOf = detail.asOf;
    }
  }
  return record;
}

/** The line indexes of a table grouped by (marketplace, SKU), in file order within each group. */
function groupLines(table: OrderLineTable): Map<number, number[]> {
  const markets = Math.max(1, table.marketplaces.length);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < table.size; i++) {
    const group = (table.sku[i] as number) * markets + (table.marketplace[i] as number);
    const list = groups.get(group);
    if (list) list.push(i);
    else groups.set(group, [i]);
  }
  return groups;
}

export interface MergeCounts {
  added: number;
  updated: number;
}

function emptyLines(ref: { key: string; account: string; marketplace: string; sku: string }): OrderLinesRecord {
  return {
    ...ref,
    orderIds: [],
    days: [],
    purchasedAt: [],
    lastUpdatedAt: [],
    units: [],
    cancelled: [],
  };
}

/**
 * A SKU's stored lines with the lines of a new import: an order not stored is added; a stored one
 * is replaced by a state last updated at the same time or later, and kept against an older one.
 */
export function mergeOrderLines(
  existing: OrderLinesRecord | undefined,
  table: OrderLineTable,
  lines: readonly number[],
  ref: { key: string; account: string; marketplace: string; sku: string },
  counts: MergeCounts,
): OrderLinesRecord {
  const record = existing
    ? {
        ...existing,
        orderIds: [...existing.orderIds],
        days: [...existing.days],
        purchasedAt: [...existing.purchasedAt],
        lastUpdatedAt: [...existing.lastUpdatedAt],
        units: [...existing.units],
        cancelled: [...existing.cancelled],
      }
    : emptyLines(ref);
  const at = new Map<string, number>();
  record.orderIds.forEach((id, i) => {
    at.set(id, i);
  });
  for (const i of lines) {
    const orderId = orderIdAt(table, i);
    const day = table.days[table.day[i] as number] as DayKey;
    const purchasedAt = table.purchasedAt[i] as number;
    const lastUpdatedAt = table.lastUpdatedAt[i] as number;
    const units = table.units[i] as number;
    const cancelled = table.cancelled[i] as number;
    const j = at.get(orderId);
    if (j === undefined) {
      at.set(orderId, record.orderIds.length);
      record.orderIds.push(orderId);
      record.days.push(day);
      record.purchasedAt.push(purchasedAt);
      record.lastUpdatedAt.push(lastUpdatedAt);
      record.units.push(units);
      record.cancelled.push(cancelled);
      counts.added++;
      continue;
    }
    if (lastUpdatedAt < (record.lastUpdatedAt[j] as number)) continue;
    const changed =
      lastUpdatedAt !== record.lastUpdatedAt[j] ||
      units !== record.units[j] ||
      cancelled !== record.cancelled[j] ||
      day !== record.days[j];
    if (!changed) continue;
    record.days[j] = day;
    record.purchasedAt[j] = purchasedAt;
    record.lastUpdatedAt[j] = lastUpdatedAt;
    record.units[j] = units;
    record.cancelled[j] = cancelled;
    counts.updated++;
  }
  return record;
}

/** Units per day from a SKU's lines: days with units only, in day order. */
export function daysOf(lines: OrderLinesRecord): OrderDaysRecord {
  const totals = new Map<string, number>();
  for (let i = 0; i < lines.orderIds.length; i++) {
    const units = lines.units[i] as number;
    if (units > 0) totals.set(lines.days[i] as string, (totals.get(lines.days[i] as string) ?? 0) + units);
  }
  const days = [...totals]
    .map(([day, units]) => ({ day, units }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { key: lines.key, account: lines.account, marketplace: lines.marketplace, sku: lines.sku, days };
}

/** First and last purchase day of a table, per marketplace code. */
function tableSpans(table: OrderLineTable): Map<string, { from: DayKey; to: DayKey }> {
  const spans = new Map<string, { from: DayKey; to: DayKey }>();
  for (let i = 0; i < table.size; i++) {
    const code = table.marketplaces[table.marketplace[i] as number] as string;
    const day = table.days[table.day[i] as number] as DayKey;
    const span = spans.get(code);
    if (!span) spans.set(code, { from: day, to: day });
    else if (day < span.from) span.from = day;
    else if (day > span.to) span.to = day;
  }
  return spans;
}

/** The days all of an import's order lines cover, across marketplaces. */
function spanOf(spans: Map<string, { from: DayKey; to: DayKey }>): { from: DayKey; to: DayKey } | undefined {
  let out: { from: DayKey; to: DayKey } | undefined;
  for (const s of spans.values()) {
    if (!out) out = { ...s };
    else {
      if (s.from < out.from) out.from = s.from;
      if (s.to > out.to) out.to = s.to;
    }
  }
  return out;
}

/** A Restock report's "last 30 days": the 30 days before the day it was downloaded. */
function restockWindow(reportDate: DayKey): { from: DayKey; to: DayKey } {
  return { from: addDays(reportDate, -30), to: addDays(reportDate, -1) };
}

type CommitTx = ReturnType<typeof openCommitTx>;
function openCommitTx(db: DB) {
  return db.transaction(
    ['orderLines', 'orderDays', 'orderCoverage', 'periodSales', 'fbaDetail', 'reportListings', 'imports'],
    'readwrite',
    { durability: 'strict' },
  );
}

/**
 * Stores one successful import and its log record, all in one transaction. Returns the log
 * record. Throws (and stores nothing) when the store refuses any write, or when a record has no
 * marketplace (the dashboard always passes one to importReport, so that is a caller bug).
 */
export async function commitImport(db: DB, input: ImportToCommit, options: CommitOptions): Promise<ImportLogRecord> {
  const { result, account } = input;
  const now = options.now;
  const id = options.id ?? `import:${now}:${crypto.randomUUID()}`;
  // Everything that can be worked out before the transaction is: a transaction must not wait on
  // anything but its own requests, or it commits early.
  const periods = periodRecords(result.sales, account, id, now);
  const listings: ReportListingRecord[] = result.listings.map((l) => {
    const marketplace = marketplaceOf(l, 'A listing');
    const record: ReportListingRecord = {
      key: skuKey({ account, marketplace, sku: l.sku }),
      account,
      marketplace,
      sku: l.sku,
      source: result.type,
      importedAt: now,
    };
    if (l.asin !== undefined) record.asin = l.asin;
    if (l.title !== undefined) record.title = l.title;
    if (l.price !== undefined) record.price = l.price;
    if (l.quantity !== undefined) record.quantity = l.quantity;
    if (l.status !== undefined) record.status = l.status;
    if (l.fulfillmentChannel !== undefined) record.fulfillmentChannel = l.fulfillmentChannel;
    return record;
  });
  const fba = result.fba.map((detail) => {
    const marketplace = marketplaceOf(detail, 'An FBA stock row');
    return { detail, ref: { key: skuKey({ account, marketplace, sku: detail.sku }), account, marketplace } };
  });
  const table = result.orders?.lines;
  const groups = table ? groupLines(table) : new Map<number, number[]>();
  const orderRefs = [...groups].map(([group, lines]) => {
    const t = table as OrderLineTable;
    const markets = Math.max(1, t.marketplaces.length);
    const marketplace = t.marketplaces[group % markets] as string;
    const sku = t.skus[Math.floor(group / markets)] as string;
    return { ref: { key: skuKey({ account, marketplace, sku }), account, marketplace, sku }, lines };
  });
  const spans = table ? tableSpans(table) : new Map<string, { from: DayKey; to: DayKey }>();

  const keys = new Set<string>();
  for (const p of periods) keys.add(p.key);
  for (const l of listings) keys.add(l.key);
  for (const f of fba) keys.add(f.ref.key);
  for (const o of orderRefs) keys.add(o.ref.key);
  const counts: MergeCounts = { added: 0, updated: 0 };

  const log: ImportLogRecord = {
    id,
    at: now,
    account,
    fileName: input.fileName,
    fileSize: input.fileSize,
    type: result.type,
    encoding: result.encoding,
    numberLocale: result.numberLocale,
    marketplaces: result.marketplaces,
    rows: result.stats.rows,
    counts: {
      skus: keys.size,
      periodSales: periods.length,
      fba: fba.length,
      listings: listings.length,
      unmapped: result.unmapped.length,
      orderLines: table?.size ?? 0,
      orderLinesAdded: 0,
      orderLinesUpdated: 0,
    },
    warnings: result.warnings.map((w) => ({ messageKey: w.messageKey, params: w.params })),
  };
  const covered = result.period ?? spanOf(spans) ?? (input.reportDate ? restockWindow(input.reportDate) : undefined);
  if (covered) log.period = covered;
  if (input.reportDate) log.reportDate = input.reportDate;

  const tx = openCommitTx(db);
  try {
    await writeAll(tx, { periods, listings, fba, orderRefs, spans, account, now, table, counts });
    log.counts.orderLinesAdded = counts.added;
    log.counts.orderLinesUpdated = counts.updated;
    // Added, not put: the same import committed twice is refused, and with it everything above.
    await tx.objectStore('imports').add(log);
  } catch (error) {
    // Requests already issued would otherwise commit when the transaction runs dry: abort them.
    try {
      tx.abort();
    } catch {}
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  return log;
}

interface Prepared {
  periods: PeriodSalesRecord[];
  listings: ReportListingRecord[];
  fba: Array<{ detail: FbaDetail; ref: { key: string; account: string; marketplace: string } }>;
  orderRefs: Array<{ ref: { key: string; account: string; marketplace: string; sku: string }; lines: number[] }>;
  spans: Map<string, { from: DayKey; to: DayKey }>;
  account: string;
  now: number;
  table: OrderLineTable | undefined;
  counts: MergeCounts;
}

async function writeAll(tx: CommitTx, p: Prepared): Promise<void> {
  const pending: Array<Promise<unknown>> = [];
  // Marked handled at once: after an abort each of them rejects, and only the first error matters.
  const keep = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    pending.push(request);
  };
  for (const record of p.periods) keep(tx.objectStore('periodSales').put(record));
  for (const record of p.listings) keep(tx.objectStore('reportListings').put(record));

  if (p.fba.length > 0) {
    const details = tx.objectStore('fbaDetail');
    const existing = await Promise.all(p.fba.map((f) => details.get(f.ref.key)));
    // One report names a SKU once, but a merged record must see the previous row's result.
    const merged = new Map<string, FbaDetailRecord>();
    p.fba.forEach((f, i) => {
      const record = mergeFbaDetail(merged.get(f.ref.key) ?? existing[i], f.detail, f.ref, p.now);
      merged.set(f.ref.key, record);
    });
    for (const record of merged.values()) keep(details.put(record));
  }

  if (p.table) {
    const table = p.table;
    const lineStore = tx.objectStore('orderLines');
    const dayStore = tx.objectStore('orderDays');
    for (let start = 0; start < p.orderRefs.length; start += ORDER_BATCH) {
      const batch = p.orderRefs.slice(start, start + ORDER_BATCH);
      const existing = await Promise.all(batch.map((o) => lineStore.get(o.ref.key)));
      batch.forEach((o, i) => {
        const merged = mergeOrderLines(existing[i], table, o.lines, o.ref, p.counts);
        keep(lineStore.put(merged));
        keep(dayStore.put(daysOf(merged)));
      });
    }
    const coverage = tx.objectStore('orderCoverage');
    const codes = [...p.spans.keys()];
    const stored = await Promise.all(codes.map((code) => coverage.get(coverageKey(p.account, code))));
    codes.forEach((code, i) => {
      const span = p.spans.get(code) as { from: DayKey; to: DayKey };
      const record: OrderCoverageRecord = {
        key: coverageKey(p.account, code),
        account: p.account,
        marketplace: code,
        spans: mergeSpans(stored[i]?.spans ?? [], span),
      };
      keep(coverage.put(record));
    });
  }
  await Promise.all(pending);
}
