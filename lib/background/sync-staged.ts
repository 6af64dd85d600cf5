import type { DB } from '../db/open';
import { clearStagedRows, stagedRows } from '../db/sync';

/** The staged list as the panel receives it: only what it needs to build its paste rows. */
export async function readStaged(db: DB, account: string, marketplace: string) {
  const staged = await stagedRows(db, account, marketplace);
  if (!staged) return null;
  return { reconciliationId: staged.reconciliationId, at: staged.at, rows: staged.rows };
}

export async function clearStaged(db: DB, account: string, marketplace: string): Promise<void> {
  await clearStagedRows(db, account, marketplace);
}
