import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ShelfwiseDB } from './schema';

type UpgradeDB = IDBPDatabase<ShelfwiseDB>;
type UpgradeTx = IDBPTransaction<ShelfwiseDB, StoreNames<ShelfwiseDB>[], 'versionchange'>;

/**
 * Explicit steps from each older version; a database at any earlier version (or none) runs every
 * step after it, in order, inside the one upgrade transaction: a failed step leaves the old
 * database untouched.
 */
export function upgrade(db: UpgradeDB, oldVersion: number, _newVersion: number | null, _tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const skus = db.createObjectStore('skus', { keyPath: 'key' });
    skus.createIndex('by-marketplace', ['account', 'marketplace']);
    skus.createIndex('by-asin', 'asin');
    db.createObjectStore('observations', { keyPath: ['key', 'at'] });
    const changes = db.createObjectStore('changes', { keyPath: 'id', autoIncrement: true });
    changes.createIndex('by-key-at', ['key', 'at']);
    changes.createIndex('by-at', 'at');
    changes.createIndex('by-batch', 'batchId');
    db.createObjectStore('meta', { keyPath: 'key' });
  }
}
