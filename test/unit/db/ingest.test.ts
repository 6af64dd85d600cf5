import { afterEach, describe, expect, it } from 'vitest';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import { skuKey } from '@/lib/model/keys';
import { listing, pageRead } from './helpers';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 12);
let db: DB;

afterEach(() => db?.close());

async function fresh(): Promise<DB> {
  db = await openStore('test');
  return db;
}

const key = (sku: string) => skuKey({ account: 'Acme', marketplace: 'US', sku });

describe('ingesting page reads', () => {
  it('stores a first visit as one observation per SKU and no change', async () => {
    const db = await fresh();
    const result = await ingestPageRead(
      db,
      pageRead([listing('A'), listing('B', { channel: 'fba', stock: { available: 5 } })], T0),
    );
    expect(result).toMatchObject({ stored: 2, unchanged: 0, discarded: 0, changes: [] });
    expect(await db.count('observations')).toBe(2);
    const a = await db.get('skus', key('A'));
    expect(a).toMatchObject({ sku: 'A', firstSeenAt: T0, lastSeenAt: T0, lastChangedAt: T0, visits: 1 });
  });

  it('is idempotent: a revisit with nothing changed only moves the last-seen mark', async () => {
    const db = await fresh();
    await ingestPageRead(db, pageRead([listing('A')], T0));
    const again = await ingestPageRead(db, pageRead([listing('A')], T0 + HOUR));
    expect(again).toMatchObject({ stored: 0, unchanged: 1, changes: [] });
    expect(await db.count('observations')).toBe(1);
    expect(await db.count('changes')).toBe(0);
    expect(await db.get('skus', key('A'))).toMatchObject({ lastSeenAt: T0 + HOUR, lastChangedAt: T0, visits: 2 });
    // The same read delivered twice (a retry) changes nothing at all.
    const retry = await ingestPageRead(db, pageRead([listing('A')], T0 + HOUR));
    expect(retry).toMatchObject({ stored: 0, unchanged: 1 });
    expect(await db.get('skus', key('A'))).toMatchObject({ visits: 2 });
  });

  it('records a fall in a merchant quantity as a sale, and a rise as an external change', async () => {
    const db = await fresh();
    await ingestPageRead(db, pageRead([listing('A', { stock: { available: 10 } })], T0));
    const sold = await ingestPageRead(db, pageRead([listing('A', { stock: { available: 7 } })], T0 + 2 * HOUR));
    expect(sold.changes).toEqual([
      expect.objectContaining({ kind: 'sale', before: 10, after: 7, delta: -3, origin: 'page', sku: 'A' }),
    ]);
    const raised = await ingestPageRead(db, pageRead([listing('A', { stock: { available: 50 } })], T0 + 4 * HOUR));
    expect(raised.changes).toEqual([expect.objectContaining({ kind: 'external', before: 7, after: 50, delta: 43 })]);
    expect(await db.count('observations')).toBe(3);
    // The previous observation learns until when it was still seen.
    const first = await db.get('observations', [key('A'), T0]);
    expect(first?.seenUntil).toBe(T0);
  });

  it('records an FBA rise while inbound falls as a receipt', async () => {
    const db = await fresh();
    const fba = (available: number, inbound: number) =>
      listing('F', { channel: 'fba', quantityEditable: false, stock: { available, inbound, reserved: 2 } });
    await ingestPageRead(db, pageRead([fba(5, 40)], T0));
    const received = await ingestPageRead(db, pageRead([fba(45, 0)], T0 + 24 * HOUR));
    expect(received.changes).toEqual([expect.objectContaining({ kind: 'receipt', delta: 40 })]);
  });

  it('discards, per SKU, a read from a page loaded before Shelfwise last wrote that SKU', async () => {
    const db = await fresh();
    await ingestPageRead(db, pageRead([listing('A'), listing('B')], T0));
    const record = await db.get('skus', key('A'));
    await db.put('skus', { ...record!, lastWriteAt: T0 + HOUR });
    // A tab loaded before the write reports the old quantity after it.
    const stale = await ingestPageRead(
      db,
      pageRead(
        [listing('A', { stock: { available: 3 } }), listing('B', { stock: { available: 3 } })],
        T0 + 2 * HOUR,
        T0 + HOUR / 2,
      ),
    );
    expect(stale).toMatchObject({ discarded: 1, stored: 1 });
    expect((await db.get('skus', key('A')))?.latest.stock.available).toBe(10);
    expect((await db.get('skus', key('B')))?.latest.stock.available).toBe(3);
  });

  it('ignores a read older than what is stored (two tabs reporting out of order)', async () => {
    const db = await fresh();
    await ingestPageRead(db, pageRead([listing('A', { stock: { available: 4 } })], T0 + HOUR));
    const late = await ingestPageRead(db, pageRead([listing('A', { stock: { available: 9 } })], T0));
    expect(late).toMatchObject({ stored: 0, unchanged: 1, changes: [] });
    expect((await db.get('skus', key('A')))?.latest.stock.available).toBe(4);
  });

  it('stores nothing for a page whose marketplace is unknown', async () => {
    const db = await fresh();
    const read = { ...pageRead([listing('A')], T0), marketplace: null };
    expect(await ingestPageRead(db, read)).toMatchObject({ stored: 0, keys: [] });
    expect(await db.count('skus')).toBe(0);
  });

  it('reads a large page with one range read and gets the same answer', async () => {
    const db = await fresh();
    const many = Array.from({ length: 300 }, (_, i) =>
      listing(`S-${String(i).padStart(4, '0')}`, { stock: { available: 20 } }),
    );
    await ingestPageRead(db, pageRead(many, T0));
    const later = many.map((l, i) => (i % 3 === 0 ? { ...l, stock: { available: 15 } } : l));
    const result = await ingestPageRead(db, pageRead(later, T0 + HOUR));
    expect(result).toMatchObject({ stored: 100, unchanged: 200 });
    expect(result.changes.every((c) => c.kind === 'sale' && c.delta === -5)).toBe(true);
  });

  it('is all or nothing: a failure in the middle leaves the previous state', async () => {
    const db = await fresh();
    await ingestPageRead(db, pageRead([listing('A'), listing('B'), listing('C')], T0));
    const before = await db.getAll('skus');
    const original = IDBObjectStore.prototype.put;
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      puts++;
      if (puts === 4) throw new DOMException('The worker was stopped', 'AbortError');
      return original.apply(this, args);
    };
    try {
      const next = [
        listing('A', { stock: { available: 1 } }),
        listing('B', { stock: { available: 2 } }),
        listing('C', { stock: { available: 3 } }),
      ];
      await expect(ingestPageRead(db, pageRead(next, T0 + HOUR))).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await db.getAll('skus')).toEqual(before);
    expect(await db.count('observations')).toBe(3);
    expect(await db.count('changes')).toBe(0);
  });
});
