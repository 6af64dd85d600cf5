import { batchRecord, exportPlan } from '@/components/bulk/model';
import { pastedPlanInputs } from '@/lib/bulk/paste';
import { type PlanRowInput, planBatch } from '@/lib/bulk/plan';
import type { DB } from '@/lib/db/open';
import type { ReconciliationRecord } from '@/lib/db/schema';
import { reconcileWithStore, saveReconciliation } from '@/lib/db/sync';
import type { MessageParams } from '@/lib/reports/errors';
import type { Settings } from '@/lib/settings/schema';
import { applyMapping, type SkuMapEntry } from '@/lib/sync/mapping';
import type { Tolerance } from '@/lib/sync/reconcile';
import type { StockRow } from '@/lib/sync/stock-file';
import type { SyncRowError } from '@/lib/sync/table';
import type { T } from '../labels';

/** The stock sync section's work that is not drawing: scopes, a run, the file export. */

export interface Scope {
  account: string;
  marketplace: string;
}

export function scopeId(scope: Scope): string {
  return `${scope.account}\u001f${scope.marketplace}`;
}

/** Every account and marketplace the store has listings for, in key order. */
export async function knownScopes(db: DB): Promise<Scope[]> {
  const scopes: Scope[] = [];
  let cursor = await db.transaction('skus').store.index('by-marketplace').openKeyCursor(null, 'nextunique');
  while (cursor) {
    const [account, marketplace] = cursor.key as [string, string];
    scopes.push({ account, marketplace });
    cursor = await cursor.continue();
  }
  return scopes;
}

/** A stock file once read: what a run needs of it. */
export interface StockFile {
  name: string;
  rows: StockRow[];
  /** The encoding as read, or 'xlsx'. */
  encoding: string;
}

export async function runReconciliation(
  db: DB,
  input: { scope: Scope; file: StockFile; entries: readonly SkuMapEntry[]; tolerance: Tolerance; now: number },
): Promise<{ record: ReconciliationRecord; merged: string[] }> {
  const { scope, file } = input;
  const { stock, merged } = applyMapping(file.rows, input.entries, scope.marketplace);
  const result = await reconcileWithStore(db, { ...scope, stock, tolerance: input.tolerance });
  const record = await saveReconciliation(db, {
    id: crypto.randomUUID(),
    ...scope,
    fileName: file.name,
    tolerance: input.tolerance,
    result,
    now: input.now,
  });
  return { record, merged };
}

/** A library message (sync catalog key and parameters) in the seller's language. */
export function sayMessage(t: T, messageKey: string, params: MessageParams): string {
  return t(messageKey as Parameters<T>[0], params);
}

/** A row error's text; `lineOffset` maps file lines to what the seller sees (a typed mapping's lines). */
export function rowErrorText(t: T, error: SyncRowError, lineOffset = 0): string {
  const params: MessageParams = { ...error.params };
  for (const name of ['line', 'otherLine', 'first'] as const) {
    const value = params[name];
    if (typeof value === 'number') params[name] = value + lineOffset;
  }
  return sayMessage(t, error.messageKey, params);
}

export type FileExport =
  | { ok: true; filename: string; mimeType: string; bytes: Uint8Array; records: number; refused: string[] }
  | { ok: false; errors: string[] };

/**
 * "Export file": the differing merchant rows as Amazon's Price & Quantity file, planned through the
 * bulk-edit planner over the store's latest listings (so its refusals apply: closed, not editable,
 * above the maximum quantity), and recorded as a batch before it is downloaded, as the panel does.
 */
export async function exportDifferences(
  db: DB,
  input: {
    record: ReconciliationRecord;
    settings: Settings;
    name: string;
    /** Says a bulk message key with its parameters. */
    sayBulk: (key: string, params?: MessageParams) => string;
    now: number;
  },
): Promise<FileExport> {
  const { record, settings, now } = input;
  const proposals = record.differences.flatMap((d) => (d.proposal ? [d.proposal] : []));
  const stored = await db.getAllFromIndex('skus', 'by-marketplace', [record.account, record.marketplace]);
  const listings: PlanRowInput[] = stored.map((s) => ({ listing: s.latest, beforeAgeMs: now - s.lastSeenAt }));
  const rows = proposals.map((p, i) => ({ sku: p.sku, quantity: p.setTo, line: i + 1 }));
  const inputs = pastedPlanInputs(rows, listings);
  const plan = planBatch(inputs, { kind: 'set', amount: 0 }, { settings, marketplace: record.marketplace });
  const refused = plan.rows.flatMap((r) =>
    r.action === 'refused' && r.reason ? [`${r.sku}: ${input.sayBulk(r.reason.key, r.reason.params)}`] : [],
  );
  const result = exportPlan(plan, { format: 'priceQuantity', marketplace: record.marketplace, now });
  if (!result.ok) {
    return { ok: false, errors: result.errors.map((e) => input.sayBulk(e.message.key, e.message.params)) };
  }
  const batch = batchRecord({
    id: crypto.randomUUID(),
    name: input.name,
    kind: 'bulk',
    account: record.account,
    marketplace: record.marketplace,
    summary: input.name,
    plan,
    file: result.file,
    createdAt: now,
  });
  await db.put('batches', batch);
  return {
    ok: true,
    filename: result.file.filename,
    mimeType: result.file.mimeType,
    bytes: result.file.bytes,
    records: result.file.records.length,
    refused,
  };
}
