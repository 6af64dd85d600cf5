import { afterEach, describe, expect, it } from 'vitest';
import { journalRow, journalStart } from '@/lib/background/journal';
import { deleteAllRecords, exportBackup, parseBackup, restoreBackup } from '@/lib/db/backup';
import { compactHistory } from '@/lib/db/compact';
import { marketplaceVelocities, SKUS_PER_CHUNK } from '@/lib/db/day-series';
import { salesHistory } from '@/lib/db/history';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import type { DaySeriesChunk, DaySeriesMarks } from '@/lib/db/schema';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import { computeVelocity, type Velocity, velocityContext } from '@/lib/velocity';
import { mulberry32 } from '../../fixtures/data/seeded';
import { listing, pageRead } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 6, 1, 17);
const ZONE = 'America/Los_Angeles';
const SETTINGS = { weights: { d7: 0.4, d14: 0.3, d30: 0.2, d90: 0.1 }, includeWorkingShipments: false };
let db: DB;

afterEach(() => db?.close());

const key = (sku: string) => skuKey({ account: 'Acme', marketplace: 'US', sku });

/** A small shop: fast, slow and FBA SKUs, sold at random between visits and restocked when low. */
class Shop {
  readonly stock = new Map<string, number>();
  readonly random: () => number;
  constructor(
    readonly skus: string[],
    seed: number,
  ) {
    this.random = mulberry32(seed);
    for (const sku of skus) this.stock.set(sku, 20 + Math.floor(this.random() * 40));
  }
  rate(sku: string): number {
    return sku.startsWith('FAST') ? 6 : sku.startsWith('SLOW') ? 0.3 : 2;
  }
  visit(hours: number, seen: readonly string[] = this.skus): Listing[] {
    return seen.map((sku) => {
      let available = this.stock.get(sku) as number;
      const expected = (this.rate(sku) * hours) / 24;
      let sold = 0;
      for (let k = 0; k < expected * 2; k++) if (this.random() < 0.5) sold++;
      available = Math.max(0, available - sold);
      if (available < 5 && this.random() < 0.3) available += 30;
      this.stock.set(sku, available);
      const fba = sku.startsWith('FBA');
      return listing(sku, fba ? { channel: 'fba', stock: { available, reserved: 1 } } : { stock: { available } });
    });
  }
}

async function expectedVelocities(skus: readonly string[], now: number): Promise<Map<string, Velocity>> {
  const context = velocityContext(ZONE, now, SETTINGS);
  const out = new Map<string, Velocity>();
  for (const sku of skus) {
    const history = await salesHistory(db, key(sku), now);
    if (history) out.set(sku, computeVelocity(history, context));
  }
  return out;
}

async function fromStore(now: number) {
  const result = await marketplaceVelocities(db, 'Acme', 'US', velocityContext(ZONE, now, SETTINGS));
  const bySku = new Map<string, Velocity>();
  result.skus.forEach((sku, i) => {
    const v = result.velocity(i);
    // The columns are the figures of the Velocity built on demand (NaN for null).
    expect([result.perDay[i], result.daysOfCover[i], result.stock[i]], sku).toEqual(
      [v.perDay, v.daysOfCover, v.stock].map((n) => n ?? Number.NaN),
    );
    bySku.set(sku, v);
  });
  return { ...result, bySku };
}

/**
 * Every figure equal to 1e-9 relative (sums in another order), everything else exactly; but history
 * days: salesHistory reads the last 92 days, so computeVelocity counts them from the last observation
 * before those at most, while a series remembers the first observation. They agree below 91 days.
 */
function expectSameVelocity(actual: Velocity | undefined, expected: Velocity | undefined, label: string): void {
  expect(actual, label).toBeDefined();
  const walk = (a: unknown, e: unknown, path: string) => {
    if (path === 'velocity.historyDays' && typeof e === 'number' && e >= 91) {
      expect(a, `${label} ${path}`).toBeGreaterThanOrEqual(e);
      return;
    }
    if (typeof e === 'number' && typeof a === 'number') {
      if (Math.abs(a - e) > 1e-9 * Math.max(1, Math.abs(e))) throw new Error(`${label} ${path}: ${a} ≠ ${e}`);
      return;
    }
    if (e && typeof e === 'object' && a && typeof a === 'object') {
      for (const k of new Set([...Object.keys(a), ...Object.keys(e)]))
        walk((a as never)[k], (e as never)[k], `${path}.${k}`);
      return;
    }
    if (a !== e) throw new Error(`${label} ${path}: ${String(a)} ≠ ${String(e)}`);
  };
  walk(actual, expected, 'velocity');
}

async function expectAllSame(skus: readonly string[], now: number, label: string) {
  const expected = await expectedVelocities(skus, now);
  const actual = await fromStore(now);
  for (const sku of skus) expectSameVelocity(actual.bySku.get(sku), expected.get(sku), `${label} ${sku}`);
  return actual;
}

const SKUS = [
  ...Array.from({ length: 6 }, (_, i) => `FAST-${i}`),
  ...Array.from({ length: 4 }, (_, i) => `SLOW-${i}`),
  ...Array.from({ length: 4 }, (_, i) => `FBA-${i}`),
];

/** `days` days of 1–3 visits a day, some seeing only part of the list. */
async function browse(shop: Shop, from: number, days: number): Promise<number> {
  let at = from;
  const end = from + days * DAY;
  while (at < end) {
    const hours = 4 + shop.random() * 20;
    at += hours * HOUR;
    const seen = shop.random() < 0.2 ? shop.skus.filter(() => shop.random() < 0.5) : shop.skus;
    await ingestPageRead(db, pageRead(shop.visit(hours, seen), at));
  }
  return at;
}

describe('stored day series (schema version 6)', () => {
  it('builds on first read, then ingest keeps them in step: the answers are computeVelocity’s', async () => {
    db = await openStore('series');
    const shop = new Shop(SKUS, 3);
    let at = await browse(shop, T0, 40);
    // Nothing is built before the first read.
    expect(await db.count('daySeries')).toBe(0);
    const first = await expectAllSame(SKUS, at + HOUR, 'first read');
    expect(first.rebuilt).toBe(SKUS.length);
    expect(await db.count('daySeries')).toBe(2);

    at = await browse(shop, at, 70);
    const later = await expectAllSame(SKUS, at + 2 * HOUR, 'after 70 more days');
    // Kept in step by ingest: nothing rebuilt; only slow sellers (no event spans kept) may be computed.
    expect(later.rebuilt).toBe(0);
    expect(later.fromObservations).toBeLessThanOrEqual(4);
    // A day later without a visit, and a week later.
    await expectAllSame(SKUS, at + DAY, 'a day later');
    await expectAllSame(SKUS, at + 7 * DAY, 'a week later');
  }, 60_000);

  it('moves only the marks on a visit that changes nothing', async () => {
    db = await openStore('series-unchanged');
    await ingestPageRead(db, pageRead([listing('A', { stock: { available: 9 } })], T0));
    await ingestPageRead(db, pageRead([listing('A', { stock: { available: 7 } })], T0 + DAY));
    await fromStore(T0 + DAY + HOUR);
    const chunkBefore = (await db.get('daySeries', ['Acme', 'US', 0])) as DaySeriesChunk;
    await ingestPageRead(db, pageRead([listing('A', { stock: { available: 7 } })], T0 + 2 * DAY));
    expect(await db.get('daySeries', ['Acme', 'US', 0])).toEqual(chunkBefore);
    const marks = (await db.get('daySeries', ['Acme', 'US', -1])) as DaySeriesMarks;
    expect(marks.numbers[0]).toBe(T0 + 2 * DAY);
    expect(marks.numbers[1]).toBe(3);
    await expectAllSame(['A'], T0 + 2 * DAY + HOUR, 'unchanged visit');
  });

  it('gives SKUs first seen after the build, and many chunks of them, their series on the next read', async () => {
    db = await openStore('series-new');
    const many = Array.from({ length: SKUS_PER_CHUNK + 40 }, (_, i) => `N-${String(i).padStart(4, '0')}`);
    const shop = new Shop(many, 8);
    let at = await browse(shop, T0, 3);
    await fromStore(at + HOUR);
    const more = new Shop(['LATE-1', 'LATE-2'], 9);
    at += HOUR;
    await ingestPageRead(db, pageRead([...shop.visit(1), ...more.visit(1)], at));
    const read = await expectAllSame([...many.slice(0, 5), ...many.slice(-5), 'LATE-1', 'LATE-2'], at + HOUR, 'new');
    expect(read.rebuilt).toBe(2);
    expect(read.skus.length).toBe(many.length + 2);
    expect((await fromStore(at + HOUR)).rebuilt).toBe(0);
    // Two thousand SKUs in fake-indexeddb: seconds, not the default five.
  }, 60_000);

  it('rebuilds a SKU written by Shelfwise between two visits, and after compaction', async () => {
    db = await openStore('series-write');
    const shop = new Shop(['W-1', 'W-2'], 4);
    let at = await browse(shop, T0, 30);
    await fromStore(at + HOUR);
    const batch = {
      id: 'b1',
      name: 'Set',
      kind: 'bulk' as const,
      account: 'Acme',
      marketplace: 'US',
      createdAt: at + HOUR,
      state: 'applying' as const,
      summary: '1 SKU',
      rows: [
        { key: key('W-1'), sku: 'W-1', field: 'quantity' as const, before: shop.stock.get('W-1') ?? 0, after: 50 },
      ],
    };
    await journalStart(db, batch as never);
    await journalRow(db, { batchId: 'b1', key: key('W-1'), outcome: { status: 'verified' } as never, at: at + HOUR });
    shop.stock.set('W-1', 50);
    at += 3 * HOUR;
    await ingestPageRead(db, pageRead(shop.visit(2), at));
    const afterWrite = await expectAllSame(['W-1', 'W-2'], at + HOUR, 'after a write');
    expect(afterWrite.rebuilt).toBe(1);

    at = await browse(shop, at, 20);
    await fromStore(at + HOUR);
    const compacted = await compactHistory(db, { now: at, fullResolutionDays: 7 });
    expect(compacted.merged).toBeGreaterThan(0);
    const afterCompaction = await expectAllSame(['W-1', 'W-2'], at + HOUR, 'after compaction');
    expect(afterCompaction.rebuilt).toBe(2);
  });

  it('is dropped by "Delete all data" and by a restore, and rebuilt from what was restored', async () => {
    db = await openStore('series-backup');
    const shop = new Shop(['B-1', 'FAST-B'], 5);
    const at = await browse(shop, T0, 20);
    await fromStore(at + HOUR);
    const parsed = parseBackup((await exportBackup(db, null, at)).parts.join(''));
    if (!parsed.ok) throw new Error('backup did not parse');
    await deleteAllRecords(db);
    expect(await db.count('daySeries')).toBe(0);
    await fromStore(at + HOUR);
    expect(await db.count('daySeries')).toBe(0);
    await browse(new Shop(['OTHER'], 6), T0, 2);
    await fromStore(at + HOUR);
    expect(await db.count('daySeries')).toBeGreaterThan(0);
    await restoreBackup(db, parsed.backup);
    expect(await db.count('daySeries')).toBe(0);
    await expectAllSame(['B-1', 'FAST-B'], at + HOUR, 'restored');
  });
});
