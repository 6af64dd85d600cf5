import type { DB } from './open';
import type { BatchRecord } from './schema';

/**
 * Recorded batches, newest first: one account's (the panel's history) or every account's (the
 * dashboard). Each batch is small (its rows), and a seller records a few a day.
 */
export async function listBatches(
  db: DB,
  filter: { account?: string; marketplace?: string; kind?: BatchRecord['kind'] } = {},
): Promise<BatchRecord[]> {
  const all =
    filter.account !== undefined && filter.marketplace
      ? await db.getAllFromIndex('batches', 'by-marketplace', [filter.account, filter.marketplace])
      : (await db.getAll('batches')).filter(
          (b) =>
            (filter.account === undefined || b.account === filter.account) &&
            (!filter.marketplace || b.marketplace === filter.marketplace),
        );
  const now = Date.now();
  const batches = all.filter((b) => !filter.kind || b.kind === filter.kind).sort((a, b) => b.createdAt - a.createdAt);
  // A batch still "applying" with no row written for a while lost its tab (closed, navigated, the
  // extension updated): it is interrupted, and the history says so with what was done.
  for (const batch of batches) {
    if (batch.state !== 'applying') continue;
    const last = Math.max(batch.createdAt, ...batch.rows.map((r) => r.outcome?.at ?? 0));
    if (now - last > STALE_APPLY_MS) {
      batch.state = 'interrupted';
      await db.put('batches', batch);
    }
  }
  return batches;
}

/** Longer than any paced save and back-off step of one row. */
const STALE_APPLY_MS = 10 * 60_000;
