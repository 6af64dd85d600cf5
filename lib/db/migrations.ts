import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ShelfwiseDB } from './schema';

type UpgradeDB = IDBPDatabase<ShelfwiseDB>;
type UpgradeTx = IDBPTransaction<ShelfwiseDB, StoreNames<ShelfwiseDB>[], 'versionchange'>;
type Step = (db: UpgradeDB, tx: UpgradeTx) => void;

/**
 * One step per version: STEPS[n] upgrades a version n−1 database to version n. A database at any
 * earlier version (or none) runs every later step in order, inside the one upgrade transaction:
 * a failed step leaves the old database untouched. Each version's shapes are in schemas/vN.ts.
 */
export const STEPS: Record<number, Step> = {
  1: (db) => {
    const skus = db.createObjectStore('skus', { keyPath: 'key' });
    skus.createIndex('by-marketplace', ['account', 'marketplace']);
    skus.createIndex('by-asin', 'asin');
    db.createObjectStore('observations', { keyPath: ['key', 'at'] });
    const changes = db.createObjectStore('changes', { keyPath: 'id', autoIncrement: true });
    changes.createIndex('by-key-at', ['key', 'at']);
    changes.createIndex('by-at', 'at');
    changes.createIndex('by-batch', 'batchId');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  2: (db) => {
    const batches = db.createObjectStore('batches', { keyPath: 'id' });
    batches.createIndex('by-marketplace', ['account', 'marketplace']);
    batches.createIndex('by-created', 'createdAt');
    db.createObjectStore('remembered', { keyPath: 'key' });
  },
  3: (db) => {
    db.createObjectStore('orderLines', { keyPath: 'key' });
    db.createObjectStore('orderDays', { keyPath: 'key' });
    db.createObjectStore('orderCoverage', { keyPath: 'key' });
    // One figure per SKU, measure and period: importing the same period again replaces it.
    db.createObjectStore('periodSales', { keyPath: ['key', 'measure', 'from', 'to'] });
    db.createObjectStore('fbaDetail', { keyPath: 'key' });
    db.createObjectStore('reportListings', { keyPath: 'key' });
    const imports = db.createObjectStore('imports', { keyPath: 'id' });
    imports.createIndex('by-at', 'at');
  },
  4: (db) => {
    const reconciliations = db.createObjectStore('reconciliations', { keyPath: 'id' });
    reconciliations.createIndex('by-marketplace', ['account', 'marketplace']);
    reconciliations.createIndex('by-created', 'createdAt');
    db.createObjectStore('skuMaps', { keyPath: 'account' });
    db.createObjectStore('columnMappings', { keyPath: 'signature' });
  },
  5: (db) => {
    // Derived from observations only: nothing to carry over, every series is built on first read.
    db.createObjectStore('daySeries', { keyPath: ['account', 'marketplace', 'chunk'] });
  },
  6: (_db, tx) => {
    // The series in larger chunks (schemas/v6.ts): derived, so dropped and rebuilt on each
    // marketplace's first velocity read rather than repacked here.
    tx.objectStore('daySeries').clear();
  },
};

export function upgrade(db: UpgradeDB, oldVersion: number, newVersion: number | null, tx: UpgradeTx): void {
  const target = newVersion ?? Math.max(...Object.keys(STEPS).map(Number));
  for (let version = oldVersion + 1; version <= target; version++) {
    const step = STEPS[version];
    if (!step) throw new Error(`No migration step to database version ${version}`);
    step(db, tx);
  }
}
