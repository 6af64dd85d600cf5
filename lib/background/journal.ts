import { markSeriesStale } from '../db/day-series';
import type { DB } from '../db/open';
import type { BatchRecord, BatchRow, ChangeRecord } from '../db/schema';
import { parseSkuKey } from '../model/keys';

/**
 * The journal of batches applied through the page: the batch before its first write, each row as
 * it completes, and its end. A verified row is also a Shelfwise write in the change history, and
 * the SKU's last-write mark moves, so page reads loaded before it are discarded as stale.
 * Each call is one transaction: a worker stopped between two rows loses neither.
 */

export async function journalStart(db: DB, batch: BatchRecord): Promise<void> {
  await db.put('batches', batch);
}

export interface JournalRow {
  batchId: string;
  key: string;
  outcome: NonNullable<BatchRow['outcome']>;
  at: number;
}

export async function journalRow(db: DB, entry: JournalRow): Promise<void> {
  // A write between two visits is not something a day series can be extended by: its series is marked
  // stale in the same transaction (lib/db/day-series.ts; the store exists from schema version 5 on).
  const stores = ['batches', 'changes', 'skus', 'remembered', 'daySeries'] as const;
  const present = db.objectStoreNames.contains('daySeries') ? stores : stores.slice(0, 4);
  const tx = db.transaction(present as typeof stores, 'readwrite');
  const batch = await tx.objectStore('batches').get(entry.batchId);
  if (!batch) throw new Error(`No batch ${entry.batchId} in the journal`);
  const row = batch.rows.find((r) => r.key === entry.key);
  if (!row) throw new Error(`Batch ${entry.batchId} has no row ${entry.key}`);
  row.outcome = { ...entry.outcome, at: entry.at };
  const writes: Array<Promise<unknown>> = [tx.objectStore('batches').put(batch)];
  if (entry.outcome.status === 'verified' && row.before !== null) {
    const ref = parseSkuKey(entry.key);
    const change: ChangeRecord = {
      key: entry.key,
      account: ref?.account ?? batch.account,
      marketplace: ref?.marketplace ?? batch.marketplace,
      sku: row.sku,
      at: entry.at,
      from: entry.at,
      to: entry.at,
      kind: 'shelfwise',
      reason: 'shelfwise-write',
      origin: 'shelfwise',
      before: row.before,
      after: row.after,
      delta: row.after - row.before,
      batchId: batch.id,
      writeKind:
        batch.kind === 'undo'
          ? 'undo'
          : batch.kind === 'holiday'
            ? 'holiday'
            : batch.kind === 'restore'
              ? 'restore'
              : 'bulk',
    };
    writes.push(tx.objectStore('changes').add(change));
    const sku = await tx.objectStore('skus').get(entry.key);
    if (sku) writes.push(tx.objectStore('skus').put({ ...sku, lastWriteAt: entry.at }));
    writes.push(markSeriesStale(tx, change.account, change.marketplace, [row.sku]));
    if (row.remember) {
      writes.push(
        tx.objectStore('remembered').put({ key: entry.key, ...row.remember, at: entry.at, batchId: batch.id }),
      );
    }
  }
  await Promise.all(writes);
  await tx.done;
}

export async function journalFinish(db: DB, batchId: string, state: BatchRecord['state']): Promise<void> {
  const tx = db.transaction('batches', 'readwrite');
  const batch = await tx.store.get(batchId);
  if (batch) {
    const { tabId: _tabId, ...rest } = batch;
    await tx.store.put({ ...rest, state });
  }
  await tx.done;
}

/** A tab that closed or navigated away while applying leaves its batch interrupted. */
export async function interruptTab(db: DB, tabId: number): Promise<number> {
  const tx = db.transaction('batches', 'readwrite');
  let interrupted = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const batch = cursor.value;
    if (batch.state === 'applying' && batch.tabId === tabId) {
      const { tabId: _tabId, ...rest } = batch;
      await cursor.update({ ...rest, state: 'interrupted' });
      interrupted++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return interrupted;
}
