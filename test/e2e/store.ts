import type { Worker } from '@playwright/test';
import type { Listing } from '../../lib/model/listing';

/**
 * Reads the extension's IndexedDB from inside its service worker (the store lives in the extension
 * origin). Never creates the database: opening a missing one without a version would create an
 * empty version 1 that the extension's own upgrade would then skip.
 */
export async function storedRecords<T = unknown>(worker: Worker, storeName: string): Promise<T[]> {
  return (await worker.evaluate(async (name) => {
    const names = (await indexedDB.databases()).map((db) => db.name);
    if (!names.includes('shelfwise')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('shelfwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains(name)) return [];
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, storeName)) as T[];
}

export interface StoredSku {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  latest: Listing;
  visits: number;
  lastSeenAt: number;
}

export async function storedListings(worker: Worker): Promise<Listing[]> {
  return (await storedRecords<StoredSku>(worker, 'skus')).map((record) => record.latest);
}
