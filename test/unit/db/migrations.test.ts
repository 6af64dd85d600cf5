import { describe, expect, it } from 'vitest';
import { marketplaceVelocities, SERIES_FORMAT } from '@/lib/db/day-series';
import { salesHistory } from '@/lib/db/history';
import { ingestPageRead } from '@/lib/db/ingest';
import { STEPS } from '@/lib/db/migrations';
import { openStore } from '@/lib/db/open';
import { DB_VERSION } from '@/lib/db/schema';
import { computeVelocity, velocityContext } from '@/lib/velocity';
import { listing, pageRead } from './helpers';

const T0 = Date.UTC(2026, 10, 1, 12);
const SETTINGS = { weights: { d7: 0.4, d14: 0.3, d30: 0.2, d90: 0.1 }, includeWorkingShipments: false };

const BATCH = {
  id: 'b1',
  name: 'Set to 0',
  kind: 'bulk',
  account: 'Acme',
  marketplace: 'US',
  createdAt: T0,
  state: 'exported',
  summary: '1 SKU',
  rows: [{ key: 'Acme\u001fUS\u001fA', sku: 'A', field: 'quantity', before: 4, after: 0 }],
};

const PERIOD = {
  key: 'Acme\u001fUS\u001fA',
  account: 'Acme',
  marketplace: 'US',
  sku: 'A',
  from: '2026-10-01',
  to: '2026-10-30',
  units: 12,
  measure: 'ordered' as const,
  source: 'business-child' as const,
  importId: 'i1',
  importedAt: T0,
};

const RECONCILIATION = {
  id: 'r1',
  account: 'Acme',
  marketplace: 'US',
  createdAt: T0,
  fileName: 'stock.csv',
  tolerance: {},
  counts: { differs: 1, 'only-file': 0, 'only-amazon': 0, matches: 0, fba: 0 },
  differences: [{ id: 'd1', category: 'differs' as const, sku: 'A', fileQuantity: 3, amazonQuantity: 4, delta: -1 }],
  explained: { d1: { note: 'counted twice', at: T0 } },
};

describe('database migrations', () => {
  it('has a step for every version up to the current one', () => {
    for (let version = 1; version <= DB_VERSION; version++)
      expect(STEPS[version], `step ${version}`).toBeTypeOf('function');
    expect(STEPS[DB_VERSION + 1]).toBeUndefined();
  });

  it('creates the current schema from nothing', async () => {
    const db = await openStore('fresh');
    expect([...db.objectStoreNames].sort()).toEqual([
      'batches',
      'changes',
      'columnMappings',
      'daySeries',
      'fbaDetail',
      'imports',
      'meta',
      'observations',
      'orderCoverage',
      'orderDays',
      'orderLines',
      'periodSales',
      'reconciliations',
      'remembered',
      'reportListings',
      'skuMaps',
      'skus',
    ]);
    expect([...db.transaction('reconciliations').store.indexNames].sort()).toEqual(['by-created', 'by-marketplace']);
    expect(db.transaction('skuMaps').store.keyPath).toBe('account');
    expect(db.transaction('columnMappings').store.keyPath).toBe('signature');
    expect([...db.transaction('changes').store.indexNames].sort()).toEqual(['by-at', 'by-batch', 'by-key-at']);
    expect([...db.transaction('imports').store.indexNames]).toEqual(['by-at']);
    expect(db.transaction('periodSales').store.keyPath).toEqual(['key', 'measure', 'from', 'to']);
    db.close();
  });

  for (let from = 1; from < DB_VERSION; from++) {
    it(`upgrades a version ${from} database with data to version ${DB_VERSION}, keeping every record`, async () => {
      const old = await openStore('upgrade', undefined, from);
      await ingestPageRead(old as never, pageRead([listing('A', { stock: { available: 9 } }), listing('B')], T0));
      await ingestPageRead(
        old as never,
        pageRead([listing('A', { stock: { available: 4 } }), listing('B')], T0 + 3_600_000),
      );
      if (from >= 2) {
        // Version 2's own stores, with a record each.
        await old.put('remembered' as never, { key: 'r', quantity: 7, at: T0, batchId: 'b1' } as never);
        await old.put('batches' as never, BATCH as never);
      }
      if (from >= 3) {
        // Version 3's own stores.
        await old.put('periodSales' as never, PERIOD as never);
      }
      const before = {
        skus: await old.getAll('skus'),
        observations: await old.getAll('observations'),
        changes: await old.getAll('changes'),
        remembered: from >= 2 ? await old.getAll('remembered' as never) : [],
        batches: from >= 2 ? await old.getAll('batches' as never) : [],
        periodSales: from >= 3 ? await old.getAll('periodSales' as never) : [],
      };
      expect(before.changes.length).toBeGreaterThan(0);
      old.close();

      const db = await openStore('upgrade');
      expect(db.version).toBe(DB_VERSION);
      expect(await db.getAll('skus')).toEqual(before.skus);
      expect(await db.getAll('observations')).toEqual(before.observations);
      expect(await db.getAll('changes')).toEqual(before.changes);
      expect(await db.getAll('remembered')).toEqual(before.remembered);
      expect(await db.getAll('batches')).toEqual(before.batches);
      expect(await db.getAll('periodSales')).toEqual(before.periodSales);
      // The stores later versions added work.
      await db.put('remembered', { key: 'k', quantity: 5, at: T0, batchId: 'b' });
      expect(await db.get('remembered', 'k')).toMatchObject({ quantity: 5 });
      await db.put('orderCoverage', { key: 'Acme\u001fUS', account: 'Acme', marketplace: 'US', spans: [] });
      await db.put('periodSales', PERIOD);
      expect(await db.getAll('periodSales')).toEqual([PERIOD]);
      await db.put('skuMaps', { account: 'Acme', entries: [{ local: 'L1', msku: 'A' }], updatedAt: T0 });
      await db.put('columnMappings', {
        signature: '2-x',
        headers: ['a', 'b'],
        mapping: { sku: 0, quantity: 1 },
        at: T0,
      });
      await db.put('reconciliations', RECONCILIATION);
      expect(await db.getAllFromIndex('reconciliations', 'by-marketplace', ['Acme', 'US'])).toEqual([RECONCILIATION]);
      // Version 5's day series start empty and are built from the carried-over observations on first read.
      expect(await db.count('daySeries')).toBe(0);
      const now = T0 + 2 * 3_600_000;
      const context = velocityContext('America/Los_Angeles', now, SETTINGS);
      const read = await marketplaceVelocities(db, 'Acme', 'US', context);
      expect(read.skus.sort()).toEqual(['A', 'B']);
      const history = await salesHistory(db, 'Acme\u001fUS\u001fA', now);
      expect(read.velocity(read.skus.indexOf('A'))).toEqual(computeVelocity(history as never, context));
      expect(await db.count('daySeries')).toBe(2);
      db.close();
    });
  }

  it('upgrades a version 5 database with day series in it: the series are dropped, then rebuilt on read', async () => {
    const old = await openStore('upgrade-series', undefined, 5);
    await ingestPageRead(old as never, pageRead([listing('A', { stock: { available: 9 } }), listing('B')], T0));
    await ingestPageRead(
      old as never,
      pageRead([listing('A', { stock: { available: 4 } }), listing('B')], T0 + 3_600_000),
    );
    // Version 5's packing (format 1: 256 slots a chunk, two days arrays per slot), as it wrote them.
    const zone = 'America/Los_Angeles';
    await old.put(
      'daySeries' as never,
      {
        account: 'Acme',
        marketplace: 'US',
        chunk: -1,
        format: 1,
        timeZone: zone,
        skus: 'A\u0000B',
        count: 2,
        numbers: new Float64Array(2 * 14).fill(1),
      } as never,
    );
    await old.put(
      'daySeries' as never,
      {
        account: 'Acme',
        marketplace: 'US',
        chunk: 0,
        format: 1,
        count: 2,
        state: Uint8Array.of(1, 1),
        fixed: new Float64Array(2 * 5),
        days: new Float64Array(2 * 2 * 91).fill(0.5),
        layout: new Float64Array(2 * 4),
        extra: new Float64Array(0),
      } as never,
    );
    const skus = await old.getAll('skus');
    const observations = await old.getAll('observations');
    expect(await old.count('daySeries' as never)).toBe(2);
    old.close();

    const db = await openStore('upgrade-series');
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('daySeries')).toBe(0);
    expect(await db.getAll('skus')).toEqual(skus);
    expect(await db.getAll('observations')).toEqual(observations);
    const now = T0 + 2 * 3_600_000;
    const context = velocityContext(zone, now, SETTINGS);
    const read = await marketplaceVelocities(db, 'Acme', 'US', context);
    expect(read.rebuilt).toBe(2);
    expect(read.skus.sort()).toEqual(['A', 'B']);
    for (const sku of ['A', 'B']) {
      const history = await salesHistory(db, `Acme\u001fUS\u001f${sku}`, now);
      expect(read.velocity(read.skus.indexOf(sku))).toEqual(computeVelocity(history as never, context));
    }
    // Rebuilt in this version's packing, and read from it the next time.
    const chunk = (await db.get('daySeries', ['Acme', 'US', 0])) as { format: number; layout: unknown };
    expect(chunk.format).toBe(SERIES_FORMAT);
    expect(chunk.layout).toBeInstanceOf(Uint32Array);
    expect((await marketplaceVelocities(db, 'Acme', 'US', context)).rebuilt).toBe(0);
    db.close();
  });

  it('a connection that blocks a newer version closes itself', async () => {
    const older = await openStore('blocking', undefined, 1);
    // Opening the newer version would wait forever if the older connection did not step aside.
    const newer = await openStore('blocking');
    expect(newer.version).toBe(DB_VERSION);
    newer.close();
    older.close();
  });
});
