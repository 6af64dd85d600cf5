import { ingestPageRead } from '../lib/db/ingest';
import { type DB, openStore } from '../lib/db/open';
import { marketplaceKeys, reconcileWithStore, saveReconciliation } from '../lib/db/sync';
import type { Listing } from '../lib/model/listing';
import { applyMapping, type SkuMapEntry } from '../lib/sync/mapping';
import type { StockRow } from '../lib/sync/stock-file';

/**
 * The page side of bench/reconcile-store.ts, evaluated inside the extension's options page (where
 * the dashboard runs a reconciliation), on the real IndexedDB of the extension origin with listings
 * written by the real ingest.
 */

const ACCOUNT = 'Bench Seller';
const MARKETPLACE = 'US';

function listing(i: number): Listing {
  const fba = i % 7 === 0;
  const available = (i * 37 + (i % 5 === 0 ? 3 : 0)) % 300;
  return {
    account: ACCOUNT,
    marketplace: MARKETPLACE,
    sku: i % 10 === 0 ? `AMZ-${i}` : `本地-${String(i).padStart(6, '0')}`,
    channel: fba ? 'fba' : 'mfn',
    quantityEditable: !fba,
    stock: i % 101 === 0 ? {} : fba ? { available, inbound: i % 11 } : { available },
    state: i % 97 === 0 ? 'closed' : 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
  };
}

/** 10,000 listings in the store, and the seller's file for them (some SKUs in two warehouses). */
export async function seed(options: { name: string; skus: number; now: number }) {
  const db = await openStore(options.name);
  const listings: Listing[] = [];
  for (let i = 0; i < options.skus; i++) if (i % 13 !== 5) listings.push(listing(i));
  for (let i = 0; i < 500; i++) {
    listings.push({ ...listing(1), sku: `ONLY-AMZ-${i}`, stock: { available: i }, channel: 'mfn' });
  }
  await ingestPageRead(db, {
    url: 'https://sellercentral.amazon.com/myinventory/inventory',
    generation: 'current',
    account: ACCOUNT,
    marketplace: MARKETPLACE,
    pageLanguage: 'en-US',
    loadedAt: options.now - 2_000,
    readAt: options.now,
    listings,
  });
  db.close();
  return { listings: listings.length };
}

function stockFile(skus: number): { rows: StockRow[]; entries: SkuMapEntry[] } {
  const rows: StockRow[] = [];
  const entries: SkuMapEntry[] = [];
  for (let i = 0; i < skus; i++) {
    const local = `本地-${String(i).padStart(6, '0')}`;
    rows.push({ sku: local, quantity: (i * 37) % 300, warehouse: '深圳仓', cost: 1 + (i % 9), line: rows.length + 2 });
    if (i % 4 === 0) rows.push({ sku: local, quantity: i % 17, warehouse: '美国仓', line: rows.length + 2 });
    if (i % 10 === 0) entries.push({ local, msku: `AMZ-${i}` });
  }
  return { rows, entries };
}

export interface Timing {
  /** Store read + mapping + reconciliation: what stands between "Reconcile" and the table. */
  run: number[];
  /** The same, plus keeping the run in the history. */
  saved: number[];
  /** A raw read of the same listings, the least any reconciliation must do. */
  baseline: number[];
  differences: number;
  staged: number;
}

export async function time(options: { name: string; skus: number; runs: number; now: number }): Promise<Timing> {
  const db: DB = await openStore(options.name);
  const { rows, entries } = stockFile(options.skus);
  const timing: Timing = { run: [], saved: [], baseline: [], differences: 0, staged: 0 };
  for (let run = 0; run < options.runs + 2; run++) {
    const t0 = performance.now();
    await db.getAll('skus', marketplaceKeys(ACCOUNT, MARKETPLACE));
    const t1 = performance.now();
    const { stock } = applyMapping(rows, entries, MARKETPLACE);
    const result = await reconcileWithStore(db, { account: ACCOUNT, marketplace: MARKETPLACE, stock });
    const t2 = performance.now();
    await saveReconciliation(db, {
      id: `bench-${run}`,
      account: ACCOUNT,
      marketplace: MARKETPLACE,
      fileName: 'bench.csv',
      tolerance: {},
      result,
      now: options.now + run,
    });
    const t3 = performance.now();
    // The first two runs warm the JIT and IndexedDB's caches.
    if (run >= 2) {
      timing.baseline.push(t1 - t0);
      timing.run.push(t2 - t1);
      timing.saved.push(t3 - t1);
    }
    timing.differences = result.differences.length;
    timing.staged = result.staged.length;
  }
  db.close();
  return timing;
}
