import { afterEach, describe, expect, it } from 'vitest';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import {
  readStockSnapshot,
  rebuildStockSnapshot,
  STOCK_SNAPSHOT_PREFIX,
  stockSnapshotKey,
} from '@/lib/db/stock-snapshot';
import { amazonStock, reconcileWithStore } from '@/lib/db/sync';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import { applyMapping } from '@/lib/sync/mapping';
import { reconcile } from '@/lib/sync/reconcile';
import type { StockRow } from '@/lib/sync/stock-file';
import { listing, pageRead } from './helpers';

/**
 * The latest-stock snapshot stock sync reconciles against: kept by the ingest in its own transaction,
 * it must always equal what the SKU records say (amazonStock, the slow path), and a reconciliation
 * from it must equal one from the records, on varied data and after every kind of ingest.
 */

const T0 = Date.UTC(2026, 10, 1, 12);
const HOUR = 3_600_000;
let db: DB;
let n = 0;
afterEach(() => db?.close());

async function fresh(): Promise<DB> {
  db = await openStore(`stock-snapshot-${n++}`);
  return db;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** A page of `count` listings from SKU `from` on: FBA, closed, parents, unknown quantities, odd SKUs. */
function page(from: number, count: number, next: () => number): Listing[] {
  return Array.from({ length: count }, (_, j) => {
    const i = from + j;
    const fba = next() < 0.3;
    const known = next() < 0.9;
    return listing(i % 17 === 0 ? `-=本地 ${i}` : `SKU-${String(i).padStart(4, '0')}`, {
      channel: fba ? 'fba' : 'mfn',
      quantityEditable: !fba,
      stock: known ? { available: Math.floor(next() * 50), ...(fba ? { inbound: Math.floor(next() * 9) } : {}) } : {},
      state: next() < 0.05 ? 'closed' : next() < 0.1 ? 'inactive' : 'active',
      isParent: next() < 0.03,
    });
  });
}

async function expectCurrent(): Promise<void> {
  expect(await readStockSnapshot(db, 'Acme', 'US')).toEqual(await amazonStock(db, 'Acme', 'US'));
}

describe('the latest-stock snapshot', () => {
  it('is rebuilt from the records when missing, then kept equal to them by every ingest', async () => {
    await fresh();
    const next = random(7);
    await ingestPageRead(db, pageRead(page(0, 300, next), T0));
    // Written before the snapshot existed: none yet, and an ingest does not write a partial one.
    await ingestPageRead(db, pageRead(page(0, 20, next), T0 + HOUR));
    expect(await readStockSnapshot(db, 'Acme', 'US')).toBeUndefined();
    expect(await rebuildStockSnapshot(db, 'Acme', 'US')).toEqual(await amazonStock(db, 'Acme', 'US'));
    await expectCurrent();

    // Revisits of scattered pages, new SKUs in between, the same SKU twice in one read.
    for (let visit = 1; visit <= 6; visit++) {
      const rows = page(Math.floor(next() * 320), 40, next);
      rows.push({ ...(rows[0] as Listing), stock: { available: 999 } });
      await ingestPageRead(db, pageRead(rows, T0 + (visit + 1) * HOUR));
      await expectCurrent();
    }

    // An older tab's read arriving late changes neither.
    await ingestPageRead(db, pageRead(page(0, 50, next), T0 + HOUR / 2));
    await expectCurrent();

    // A read from a page loaded before Shelfwise wrote a SKU is discarded for that SKU.
    const written = await db.get('skus', skuKey({ account: 'Acme', marketplace: 'US', sku: 'SKU-0001' }));
    await db.put('skus', { ...written!, lastWriteAt: T0 + 20 * HOUR });
    await ingestPageRead(db, pageRead(page(0, 5, next), T0 + 21 * HOUR, T0 + 19 * HOUR));
    await expectCurrent();

    // Another marketplace has its own snapshot; this one is untouched by its ingest.
    const before = await db.get('meta', stockSnapshotKey('Acme', 'US'));
    await ingestPageRead(db, { ...pageRead(page(0, 10, next), T0 + 22 * HOUR), marketplace: 'UK' });
    expect(await db.get('meta', stockSnapshotKey('Acme', 'US'))).toEqual(before);
    expect(await readStockSnapshot(db, 'Acme', 'UK')).toBeUndefined();
  });

  it('is stored as columns in one meta record per account and marketplace', async () => {
    await fresh();
    await ingestPageRead(db, pageRead(page(0, 30, random(3)), T0));
    await rebuildStockSnapshot(db, 'Acme', 'US');
    const stored = await db.getAll('meta', IDBKeyRange.bound(STOCK_SNAPSHOT_PREFIX, `${STOCK_SNAPSHOT_PREFIX}\uffff`));
    expect(stored.map((r) => r.key)).toEqual([stockSnapshotKey('Acme', 'US')]);
    const value = stored[0]?.value as { numbers: unknown; codes: unknown; count: number };
    expect(value.numbers).toBeInstanceOf(Float64Array);
    expect(value.codes).toBeInstanceOf(Uint8Array);
    expect(value.count).toBe(30);
  });

  it('reads as none when it cannot be read whole, and the reconciliation rebuilds it', async () => {
    await fresh();
    await ingestPageRead(db, pageRead(page(0, 30, random(4)), T0));
    await rebuildStockSnapshot(db, 'Acme', 'US');
    const key = stockSnapshotKey('Acme', 'US');
    const value = (await db.get('meta', key))?.value as { count: number };
    await db.put('meta', { key, value: { ...value, count: value.count + 1 } });
    expect(await readStockSnapshot(db, 'Acme', 'US')).toBeUndefined();
    await reconcileWithStore(db, { account: 'Acme', marketplace: 'US', stock: [] });
    await expectCurrent();
  });

  it('does not move when the ingest around it fails (one transaction)', async () => {
    await fresh();
    const next = random(5);
    await ingestPageRead(db, pageRead(page(0, 30, next), T0));
    await rebuildStockSnapshot(db, 'Acme', 'US');
    const before = await db.get('meta', stockSnapshotKey('Acme', 'US'));
    // A listing the store cannot clone makes the ingest fail after other rows were written.
    const broken = { ...listing('SKU-0002'), extra: () => undefined } as unknown as Listing;
    const rows = [...page(0, 10, next).map((l) => ({ ...l, stock: { available: 1234 } })), broken];
    await expect(ingestPageRead(db, pageRead(rows, T0 + HOUR))).rejects.toThrow();
    expect(await db.get('meta', stockSnapshotKey('Acme', 'US'))).toEqual(before);
    await expectCurrent();
  });

  it('gives the same reconciliation as the SKU records, on varied files and tolerances', async () => {
    await fresh();
    const next = random(11);
    await ingestPageRead(db, pageRead(page(0, 400, next), T0));
    await rebuildStockSnapshot(db, 'Acme', 'US');
    for (let visit = 1; visit <= 3; visit++) {
      await ingestPageRead(db, pageRead(page(Math.floor(next() * 380), 60, next), T0 + visit * HOUR));
    }
    const amazon = await amazonStock(db, 'Acme', 'US');
    for (const tolerance of [undefined, { units: 2 }, { percent: 10 }]) {
      const rows: StockRow[] = [];
      for (let i = 0; i < 450; i++) {
        if (next() < 0.2) continue;
        const sku = i % 17 === 0 ? `-=本地 ${i}` : `SKU-${String(i).padStart(4, '0')}`;
        rows.push({ sku, quantity: Math.floor(next() * 50), line: rows.length + 2 });
      }
      const { stock } = applyMapping(rows, [], 'US');
      const input = { account: 'Acme', marketplace: 'US', stock, ...(tolerance ? { tolerance } : {}) };
      const fast = await reconcileWithStore(db, input);
      const slow = reconcile({ marketplace: 'US', stock, amazon, ...(tolerance ? { tolerance } : {}) });
      expect(fast).toEqual(slow);
      expect(fast.differences.length).toBeGreaterThan(100);
    }
  });
});
