import { type IDBPDatabase, openDB } from 'idb';
import { upgrade } from './migrations';
import { DB_NAME, DB_VERSION, type ShelfwiseDB } from './schema';

export type DB = IDBPDatabase<ShelfwiseDB>;

/**
 * Opens the store in the extension's own origin (background and extension pages only: a database
 * opened by the content script would belong to Seller Central's origin, where the page can read it).
 * A connection that blocks a newer version closes itself, so an update never waits on an old tab.
 */
export function openStore(name: string = DB_NAME, onClosed?: () => void, version: number = DB_VERSION): Promise<DB> {
  return openDB<ShelfwiseDB>(name, version, {
    upgrade,
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
  });
}

let shared: Promise<DB> | undefined;

/**
 * One connection per extension context, opened on first use. It is a cache, not state: a restarted
 * worker simply opens it again, and a connection closed for a newer version is reopened on next use.
 */
export function store(): Promise<DB> {
  if (!shared) {
    const opening = openStore(DB_NAME, () => {
      if (shared === opening) shared = undefined;
    });
    shared = opening;
    opening.catch(() => {
      if (shared === opening) shared = undefined;
    });
  }
  return shared;
}

/** Closes and forgets the cached connection (tests, "Delete all data"). */
export async function closeStore(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) (await current.catch(() => undefined))?.close();
}
