import { afterEach, describe, expect, it } from 'vitest';
import { compactHistory, compactStoredHistory } from '@/lib/db/compact';
import { salesHistory } from '@/lib/db/history';
import { ingestPageRead } from '@/lib/db/ingest';
import { closeStore, type DB, openStore, store } from '@/lib/db/open';
import type { ObservationRecord } from '@/lib/db/schema';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import { defaultSettings, saveSettings } from '@/lib/settings';
import { addDays, DAY_MS, dayKey, startOfDay } from '@/lib/time';
import { buildDaily, dayGrid } from '@/lib/velocity';
import { listing, pageRead } from './helpers';

const LA = 'America/Los_Angeles';
const HOUR = 3_600_000;
/** "Today" for every test: 2026-11-20, noon in Los Angeles. */
const TODAY = '2026-11-20';
const NOW = startOfDay(TODAY, LA) + 12 * HOUR;
const at = (daysAgo: number, hour: number, timeZone = LA) =>
  startOfDay(addDays(TODAY, -daysAgo), timeZone) + hour * HOUR;
const key = (sku: string, marketplace = 'US') => skuKey({ account: 'Acme', marketplace, sku });

let db: DB;
afterEach(async () => {
  db?.close();
  await closeStore();
});

async function fresh(name = 'compact'): Promise<DB> {
  db = await openStore(name);
  return db;
}

async function visit(listings: Listing[], when: number) {
  const read = pageRead(listings, when);
  if (listings[0]) read.marketplace = listings[0].marketplace;
  await ingestPageRead(db, read);
}

/**
 * A merchant SKU seen three times a day (09:00, 13:00, 17:00 local) for `days` days, selling one unit
 * between most visits, so every visit stores an observation.
 */
async function sellingDaily(sku: string, days: number, start = 500) {
  let stock = start;
  for (let d = days - 1; d >= 0; d--) {
    for (const hour of [9, 13, 17]) {
      if ((d + hour) % 5 !== 0) stock--;
      await visit([listing(sku, { stock: { available: stock } })], at(d, hour));
    }
  }
}

const all = (sku: string, marketplace = 'US') =>
  db.getAll('observations', IDBKeyRange.bound([key(sku, marketplace), -Infinity], [key(sku, marketplace), Infinity]));

const cutoff = (days: number) => startOfDay(dayKey(NOW - days * DAY_MS, LA), LA);

describe('compaction of old observations', () => {
  it('keeps the first observation and the last of each old day, marks them, and leaves recent days alone', async () => {
    await fresh();
    await sellingDaily('A', 40);
    const before = await all('A');
    const limit = cutoff(30);
    const recentBefore = before.filter((o) => o.at >= limit);

    const result = await compactHistory(db, { now: NOW, fullResolutionDays: 30 });

    const after = await all('A');
    const [first, ...oldAfter] = after.filter((o) => o.at < limit);
    // The state history starts in stays as it was.
    expect(first).toEqual(before[0]);
    const oldDays = [...new Set(before.filter((o) => o.at < limit).map((o) => dayKey(o.at, LA)))];
    expect(oldAfter.map((o) => dayKey(o.at, LA))).toEqual(oldDays);
    for (const kept of oldAfter) {
      const sameDay = before.filter((o) => dayKey(o.at, LA) === dayKey(kept.at, LA));
      const last = sameDay[sameDay.length - 1] as ObservationRecord;
      // The day's last state, with the span it was seen for, flagged as merged.
      expect(kept).toEqual({ ...last, compacted: true });
    }
    expect(after.filter((o) => o.at >= limit)).toEqual(recentBefore);
    expect(result.merged).toBe(before.length - after.length);
    expect(result.merged).toBeGreaterThan(0);
    expect(result).toMatchObject({ skus: 1, rewritten: oldAfter.length });
  });

  it('is idempotent: a second run changes nothing', async () => {
    await fresh();
    await sellingDaily('A', 20);
    await sellingDaily('B', 12, 80);
    await compactHistory(db, { now: NOW, fullResolutionDays: 7 });
    const once = { a: await all('A'), b: await all('B'), skus: await db.getAll('skus') };
    const again = await compactHistory(db, { now: NOW, fullResolutionDays: 7 });
    expect(again).toMatchObject({ skus: 2, merged: 0, rewritten: 0 });
    expect({ a: await all('A'), b: await all('B'), skus: await db.getAll('skus') }).toEqual(once);
  });

  it('never touches the newest observation, even when it is older than the window', async () => {
    await fresh();
    // First seen 51 days ago; sold three times on one day 50 days ago, then seen unchanged every day since.
    await visit([listing('A', { stock: { available: 11 } })], at(51, 9));
    await visit([listing('A', { stock: { available: 10 } })], at(50, 9));
    await visit([listing('A', { stock: { available: 9 } })], at(50, 12));
    await visit([listing('A', { stock: { available: 8 } })], at(50, 15));
    for (let d = 49; d >= 1; d--) await visit([listing('A', { stock: { available: 8 } })], at(d, 10));
    const sku = await db.get('skus', key('A'));
    const newest = sku?.lastObservation as ObservationRecord;

    const result = await compactHistory(db, { now: NOW, fullResolutionDays: 30 });

    const after = await all('A');
    expect(after.map((o) => o.available)).toEqual([11, 8]);
    expect(after[1]).toEqual(newest);
    expect(after[1]?.compacted).toBeUndefined();
    expect(result).toMatchObject({ merged: 2, rewritten: 0 });
    expect(await db.get('skus', key('A'))).toEqual(sku);
    // The next visit still finds its previous state and records the sale against it.
    const next = await ingestPageRead(db, pageRead([listing('A', { stock: { available: 5 } })], NOW));
    expect(next.changes).toEqual([expect.objectContaining({ kind: 'sale', before: 8, after: 5 })]);
  });

  it('folds a day that ended where the previous one did into it, carrying seenUntil forward', async () => {
    await fresh();
    await visit([listing('A', { stock: { available: 12 } })], at(46, 9));
    // Day 45: 10 (seen twice). Day 44: raised to 50 elsewhere, then sold back down to 10.
    await visit([listing('A', { stock: { available: 10 } })], at(45, 9));
    await visit([listing('A', { stock: { available: 10 } })], at(45, 18));
    await visit([listing('A', { stock: { available: 50 } })], at(44, 9));
    await visit([listing('A', { stock: { available: 10 } })], at(44, 12));
    await visit([listing('A', { stock: { available: 10 } })], at(44, 20));
    await visit([listing('A', { stock: { available: 7 } })], at(3, 9));

    const result = await compactHistory(db, { now: NOW, fullResolutionDays: 30 });

    const after = await all('A');
    expect(after.map((o) => [o.at, o.available, o.seenUntil, o.compacted])).toEqual([
      [at(46, 9), 12, at(46, 9), undefined],
      [at(45, 9), 10, at(44, 20), true],
      [at(3, 9), 7, undefined, undefined],
    ]);
    expect(result).toMatchObject({ merged: 2, rewritten: 1 });
    // Changes are history, not observations: all of them survive.
    expect((await db.getAll('changes')).map((c) => c.kind)).toEqual(['sale', 'external', 'sale', 'sale']);
  });

  it('counts days in the marketplace time zone', async () => {
    await fresh();
    const tokyo = 'Asia/Tokyo';
    const jp = (sku: string, available: number): Listing => listing(sku, { marketplace: 'JP', stock: { available } });
    await visit([jp('J', 11)], at(41, 12, tokyo));
    // 23:30 and 00:30 Tokyo time: the same UTC day, two Japanese days, so both stay.
    await visit([jp('J', 10)], at(40, 23.5, tokyo));
    await visit([jp('J', 9)], at(39, 0.5, tokyo));
    // 01:00 and 22:00 Tokyo time on one Japanese day (two UTC days): one stays.
    await visit([jp('J', 8)], at(38, 1, tokyo));
    await visit([jp('J', 7)], at(38, 22, tokyo));
    await visit([jp('J', 6)], at(1, 12, tokyo));

    await compactHistory(db, { now: NOW, fullResolutionDays: 30 });

    expect((await all('J', 'JP')).map((o) => o.available)).toEqual([11, 10, 9, 7, 6]);
  });

  it('works in bounded chunks with the same outcome as one transaction', async () => {
    const skus = ['A', 'B', 'C', 'D', 'E'];
    const build = async (name: string) => {
      await fresh(name);
      for (const [i, sku] of skus.entries()) await sellingDaily(sku, 10, 100 + i);
    };
    await build('one');
    const whole = await compactHistory(db, { now: NOW, fullResolutionDays: 7 });
    const expected = await Promise.all(skus.map((sku) => all(sku)));
    db.close();

    await build('chunked');
    const chunked = await compactHistory(db, { now: NOW, fullResolutionDays: 7, chunkSize: 1 });
    expect(await Promise.all(skus.map((sku) => all(sku)))).toEqual(expected);
    expect(chunked.transactions).toBe(skus.length);
    expect(whole.transactions).toBe(1);
    expect({ ...chunked, transactions: 0 }).toEqual({ ...whole, transactions: 0 });
  });

  it('loses no sale: a selling SKU sells as many units over the compacted days as before', async () => {
    await fresh();
    await sellingDaily('A', 60);
    const grid = dayGrid(LA, addDays(TODAY, -59), TODAY);
    const unitsSold = async () => {
      const history = await salesHistory(db, key('A'), NOW, 70);
      const series = buildDaily(history!, grid);
      return series.units.reduce((sum, u) => sum + u, 0);
    };
    const before = await unitsSold();
    const result = await compactHistory(db, { now: NOW, fullResolutionDays: 14 });
    expect(result.merged).toBeGreaterThan(60);
    expect(await unitsSold()).toBeCloseTo(before, 6);
  });

  it('runs on the extension store with the retention setting', async () => {
    db = await store();
    await sellingDaily('A', 20);
    await saveSettings({ ...defaultSettings(), history: { fullResolutionDays: 10 } });
    const result = await compactStoredHistory(NOW);
    const [, ...old] = (await all('A')).filter((o) => o.at < cutoff(10));
    // Days 19 to 11 ago are older than the 10 days kept in full: one observation each.
    expect(old.length).toBe(9);
    expect(new Set(old.map((o) => dayKey(o.at, LA))).size).toBe(9);
    expect(result.merged).toBeGreaterThan(0);
  });
});
