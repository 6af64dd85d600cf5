import * as z from 'zod/mini';
import { dropDaySeries } from './day-series';
import type { DB } from './open';
import { DB_VERSION } from './schema';
import {
  BatchRecordSchema,
  ChangeRecordSchema,
  MetaRecordSchema,
  ObservationRecordSchema,
  RememberedRecordSchema,
  SkuRecordSchema,
} from './validate';
import {
  FbaDetailRecordSchema,
  ImportLogRecordSchema,
  OrderCoverageRecordSchema,
  OrderDaysRecordSchema,
  OrderLinesRecordSchema,
  PeriodSalesRecordSchema,
  ReportListingRecordSchema,
} from './validate-reports';
import { ColumnMappingRecordSchema, ReconciliationRecordSchema, SkuMapRecordSchema } from './validate-sync';

/**
 * One file with everything: settings and every stored record. Derived data (none yet) is left
 * out and rebuilt. A restore validates the whole file first and replaces the store in one
 * transaction, so a bad or truncated file changes nothing.
 */

export const BACKUP_FORMAT = 'shelfwise-backup';

const STORES = [
  'skus',
  'observations',
  'changes',
  'meta',
  'batches',
  'remembered',
  'orderLines',
  'orderDays',
  'orderCoverage',
  'periodSales',
  'fbaDetail',
  'reportListings',
  'imports',
  'reconciliations',
  'skuMaps',
  'columnMappings',
] as const;
type BackedUpStore = (typeof STORES)[number];

/**
 * The backed-up stores and the derived ones (not exported: rebuilt from the others), which a restore or
 * "Delete all data" empties with them. `daySeries` exists from schema version 5 on.
 */
function withDerived(db: DB) {
  const stores = [...STORES, 'daySeries'] as const;
  return (db.objectStoreNames.contains('daySeries') ? stores : STORES) as unknown as typeof stores;
}

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** The database version the records were written by; older ones are migrated on restore. */
  dbVersion: z.int().check(z.minimum(1)),
  exportedAt: z.number(),
  settings: z.unknown(),
  stores: z.object({
    skus: z.array(SkuRecordSchema),
    observations: z.array(ObservationRecordSchema),
    changes: z.array(ChangeRecordSchema),
    meta: z.array(MetaRecordSchema),
    // Added in database version 2: a version 1 backup has none.
    batches: z._default(z.array(BatchRecordSchema), []),
    remembered: z._default(z.array(RememberedRecordSchema), []),
    // Added in database version 3 (imported reports): older backups have none.
    orderLines: z._default(z.array(OrderLinesRecordSchema), []),
    orderDays: z._default(z.array(OrderDaysRecordSchema), []),
    orderCoverage: z._default(z.array(OrderCoverageRecordSchema), []),
    periodSales: z._default(z.array(PeriodSalesRecordSchema), []),
    fbaDetail: z._default(z.array(FbaDetailRecordSchema), []),
    reportListings: z._default(z.array(ReportListingRecordSchema), []),
    imports: z._default(z.array(ImportLogRecordSchema), []),
    // Added in database version 4 (stock sync).
    reconciliations: z._default(z.array(ReconciliationRecordSchema), []),
    skuMaps: z._default(z.array(SkuMapRecordSchema), []),
    columnMappings: z._default(z.array(ColumnMappingRecordSchema), []),
  }),
});
export type Backup = z.infer<typeof BackupSchema>;

export interface BackupCounts {
  skus: number;
  observations: number;
  changes: number;
}

/**
 * The backup as a list of text parts (for a Blob): written store by store, record by record,
 * so a large history is never one giant string.
 */
export async function exportBackup(
  db: DB,
  settings: unknown,
  now: number,
): Promise<{ parts: string[]; counts: BackupCounts }> {
  const parts: string[] = [
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"dbVersion":${DB_VERSION},"exportedAt":${now},"settings":${JSON.stringify(settings ?? null)},"stores":{`,
  ];
  const counts: BackupCounts = { skus: 0, observations: 0, changes: 0 };
  const tx = db.transaction([...STORES], 'readonly');
  for (const [index, name] of STORES.entries()) {
    parts.push(`${index ? ',' : ''}${JSON.stringify(name)}:[`);
    let first = true;
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      parts.push(`${first ? '' : ','}${JSON.stringify(cursor.value)}`);
      first = false;
      if (name === 'skus' || name === 'observations' || name === 'changes') counts[name]++;
      cursor = await cursor.continue();
    }
    parts.push(']');
  }
  parts.push('}}\n');
  await tx.done;
  return { parts, counts };
}

export type RestoreProblem =
  | { code: 'not-json'; message: string }
  | { code: 'not-a-backup' }
  | { code: 'newer-version'; dbVersion: number }
  | { code: 'invalid'; path: string; message: string };

export type ParsedBackup = { ok: true; backup: Backup; counts: BackupCounts } | { ok: false; problem: RestoreProblem };

export function parseBackup(text: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'not-json', message: error instanceof Error ? error.message : String(error) },
    };
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: { code: 'not-a-backup' } };
  }
  const version = (raw as { dbVersion?: unknown }).dbVersion;
  if (typeof version === 'number' && version > DB_VERSION) {
    return { ok: false, problem: { code: 'newer-version', dbVersion: version } };
  }
  const parsed = BackupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: { code: 'invalid', path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' },
    };
  }
  const { stores } = parsed.data;
  // Records must hang together the way the store writes them, or a restore would mislead later reads.
  const keys = new Set(stores.skus.map((s) => s.key));
  const orphan = (store: 'observations' | 'changes', i: number): ParsedBackup => ({
    ok: false,
    problem: { code: 'invalid', path: `stores.${store}.${i}.key`, message: 'no such SKU' },
  });
  for (const [i, sku] of stores.skus.entries()) {
    if (sku.lastObservation.key !== sku.key) {
      return {
        ok: false,
        problem: { code: 'invalid', path: `stores.skus.${i}.lastObservation.key`, message: 'not this SKU' },
      };
    }
  }
  for (const [i, observation] of stores.observations.entries())
    if (!keys.has(observation.key)) return orphan('observations', i);
  for (const [i, change] of stores.changes.entries()) if (!keys.has(change.key)) return orphan('changes', i);
  return {
    ok: true,
    backup: parsed.data,
    counts: { skus: stores.skus.length, observations: stores.observations.length, changes: stores.changes.length },
  };
}

/** Replaces every stored record with the backup's, in one transaction. */
export async function restoreBackup(db: DB, backup: Backup): Promise<void> {
  const tx = db.transaction(withDerived(db), 'readwrite');
  const requests: Array<Promise<unknown>> = [];
  const keep = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    requests.push(request);
  };
  try {
    for (const name of STORES) keep(tx.objectStore(name).clear());
    // Velocity's day series are derived from what is replaced: dropped, rebuilt on the next read.
    keep(dropDaySeries(tx));
    for (const record of backup.stores.skus) keep(tx.objectStore('skus').put(record));
    for (const record of backup.stores.observations) keep(tx.objectStore('observations').put(record));
    for (const record of backup.stores.changes) keep(tx.objectStore('changes').put(record));
    for (const record of backup.stores.meta) keep(tx.objectStore('meta').put(record));
    for (const record of backup.stores.batches) keep(tx.objectStore('batches').put(record));
    for (const record of backup.stores.remembered) keep(tx.objectStore('remembered').put(record));
    for (const record of backup.stores.orderLines) keep(tx.objectStore('orderLines').put(record));
    for (const record of backup.stores.orderDays) keep(tx.objectStore('orderDays').put(record));
    for (const record of backup.stores.orderCoverage) keep(tx.objectStore('orderCoverage').put(record));
    for (const record of backup.stores.periodSales) keep(tx.objectStore('periodSales').put(record));
    for (const record of backup.stores.fbaDetail) keep(tx.objectStore('fbaDetail').put(record));
    for (const record of backup.stores.reportListings) keep(tx.objectStore('reportListings').put(record));
    for (const record of backup.stores.imports) keep(tx.objectStore('imports').put(record));
    for (const record of backup.stores.reconciliations) keep(tx.objectStore('reconciliations').put(record));
    for (const record of backup.stores.skuMaps) keep(tx.objectStore('skuMaps').put(record));
    for (const record of backup.stores.columnMappings) keep(tx.objectStore('columnMappings').put(record));
    await Promise.all(requests);
  } catch (error) {
    try {
      tx.abort();
    } catch {}
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}

/** "Delete all data": every store emptied in one transaction. */
export async function deleteAllRecords(db: DB): Promise<void> {
  const tx = db.transaction(withDerived(db), 'readwrite');
  await Promise.all([...STORES.map((name: BackedUpStore) => tx.objectStore(name).clear()), dropDaySeries(tx)]);
  await tx.done;
}
