import { KEY_SEPARATOR } from '../model/keys';
import type { MappedStock, SkuMapEntry } from '../sync/mapping';
import { type AmazonStock, type Reconciliation, reconcile, type Tolerance } from '../sync/reconcile';
import type { ColumnMapping } from '../sync/stock-file';
import type { DB } from './open';
import type { ColumnMappingRecord, ReconciliationRecord, SkuMapRecord } from './schema';
import { readStockSnapshot, rebuildStockSnapshot } from './stock-snapshot';

/**
 * Stock sync in the store: Amazon's side of a reconciliation (each SKU's latest stored Listing),
 * the kept runs with their explained notes, the seller's SKU mapping and remembered column choices,
 * and the list "Stage as bulk edit" hands to the panel on Manage Inventory.
 */

/**
 * Every SKU key of one account and marketplace, as a range of the primary key (account␟marketplace␟sku):
 * read straight from the store, where the `by-marketplace` index would look each record up a second
 * time (about half the cost of a 10,000-SKU reconciliation). The upper bound is the prefix with the
 * separator's successor, so every SKU whatever its characters falls inside.
 */
export function marketplaceKeys(account: string, marketplace: string): IDBKeyRange {
  const prefix = `${account}${KEY_SEPARATOR}${marketplace}`;
  return IDBKeyRange.bound(`${prefix}${KEY_SEPARATOR}`, `${prefix}\u0020`, false, true);
}

/** Amazon's latest known state of every listing of one account and marketplace. */
export async function amazonStock(db: DB, account: string, marketplace: string): Promise<AmazonStock[]> {
  const records = await db.getAll('skus', marketplaceKeys(account, marketplace));
  return records.map((r) => {
    const { latest } = r;
    const stock: AmazonStock = { key: r.key, sku: r.sku, channel: latest.channel, state: latest.state };
    if (latest.stock.available !== undefined) stock.available = latest.stock.available;
    if (latest.stock.inbound !== undefined) stock.inbound = latest.stock.inbound;
    if (latest.isParent) stock.isParent = true;
    return stock;
  });
}

/**
 * The stock file (already mapped to MSKUs) against the store's latest state: the snapshot the ingest
 * keeps (stock-snapshot.ts), rebuilt from the SKU records when there is none yet.
 */
export async function reconcileWithStore(
  db: DB,
  input: { account: string; marketplace: string; stock: readonly MappedStock[]; tolerance?: Tolerance },
): Promise<Reconciliation> {
  const amazon =
    (await readStockSnapshot(db, input.account, input.marketplace)) ??
    (await rebuildStockSnapshot(db, input.account, input.marketplace));
  return reconcile({
    marketplace: input.marketplace,
    stock: input.stock,
    amazon,
    ...(input.tolerance ? { tolerance: input.tolerance } : {}),
  });
}

/**
 * Keeps a run. A difference the seller explained in the previous run of the same account and
 * marketplace keeps its note when it recurs unchanged (same id): the cause does not need finding twice.
 */
export async function saveReconciliation(
  db: DB,
  input: {
    id: string;
    account: string;
    marketplace: string;
    fileName: string;
    tolerance: Tolerance;
    result: Reconciliation;
    now: number;
  },
): Promise<ReconciliationRecord> {
  const previous = await latestReconciliation(db, input.account, input.marketplace);
  const explained: ReconciliationRecord['explained'] = {};
  if (previous) {
    for (const d of input.result.differences) {
      const note = previous.explained[d.id];
      if (note) explained[d.id] = note;
    }
  }
  const record: ReconciliationRecord = {
    id: input.id,
    account: input.account,
    marketplace: input.marketplace,
    createdAt: input.now,
    fileName: input.fileName,
    tolerance: input.tolerance,
    counts: input.result.counts,
    differences: input.result.differences.filter((d) => d.category !== 'matches'),
    explained,
  };
  await db.put('reconciliations', record);
  return record;
}

/** Runs of one account and marketplace (or all), newest first. */
export async function listReconciliations(db: DB, account?: string, marketplace?: string) {
  const all =
    account !== undefined && marketplace !== undefined
      ? await db.getAllFromIndex('reconciliations', 'by-marketplace', [account, marketplace])
      : await db.getAll('reconciliations');
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

export async function latestReconciliation(
  db: DB,
  account: string,
  marketplace: string,
): Promise<ReconciliationRecord | undefined> {
  return (await listReconciliations(db, account, marketplace))[0];
}

/** Marks a difference explained with a note, or (note null) open again. Answers the updated run. */
export async function setExplained(
  db: DB,
  reconciliationId: string,
  differenceId: string,
  note: string | null,
  now: number,
): Promise<ReconciliationRecord> {
  const tx = db.transaction('reconciliations', 'readwrite');
  const record = await tx.store.get(reconciliationId);
  if (!record) throw new Error(`No reconciliation ${reconciliationId}`);
  const explained = { ...record.explained };
  if (note === null) delete explained[differenceId];
  else explained[differenceId] = { note, at: now };
  const next = { ...record, explained };
  await tx.store.put(next);
  await tx.done;
  return next;
}

export async function loadSkuMap(db: DB, account: string): Promise<SkuMapRecord | undefined> {
  return db.get('skuMaps', account);
}

export async function saveSkuMap(
  db: DB,
  account: string,
  entries: readonly SkuMapEntry[],
  now: number,
  fileName?: string,
): Promise<SkuMapRecord> {
  const record: SkuMapRecord = { account, entries: [...entries], updatedAt: now };
  if (fileName !== undefined) record.fileName = fileName;
  await db.put('skuMaps', record);
  return record;
}

export async function rememberedColumns(db: DB, signature: string): Promise<ColumnMappingRecord | undefined> {
  return db.get('columnMappings', signature);
}

export async function rememberColumns(
  db: DB,
  signature: string,
  headers: readonly string[],
  mapping: ColumnMapping,
  now: number,
): Promise<void> {
  await db.put('columnMappings', { signature, headers: [...headers], mapping, at: now });
}

/** What "Stage as bulk edit" leaves for the panel: MSKUs and the quantity to set each to. */
export interface StagedRows {
  account: string;
  marketplace: string;
  reconciliationId: string;
  at: number;
  rows: Array<{ sku: string; setTo: number }>;
}

export function stagedKey(account: string, marketplace: string): string {
  return `sync-staged${KEY_SEPARATOR}${account}${KEY_SEPARATOR}${marketplace}`;
}

/** Replaces what was staged for the account and marketplace (one list at a time, the latest wins). */
export async function stageRows(db: DB, staged: StagedRows): Promise<void> {
  await db.put('meta', { key: stagedKey(staged.account, staged.marketplace), value: staged });
}

export async function stagedRows(db: DB, account: string, marketplace: string): Promise<StagedRows | undefined> {
  const record = await db.get('meta', stagedKey(account, marketplace));
  const value = record?.value as StagedRows | undefined;
  return value && Array.isArray(value.rows) ? value : undefined;
}

export async function clearStagedRows(db: DB, account: string, marketplace: string): Promise<void> {
  await db.delete('meta', stagedKey(account, marketplace));
}
