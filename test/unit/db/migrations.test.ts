import { describe, expect, it } from 'vitest';
import { ingestPageRead } from '@/lib/db/ingest';
import { STEPS } from '@/lib/db/migrations';
import { openStore } from '@/lib/db/open';
import { DB_VERSION } from '@/lib/db/schema';
import { listing, pageRead } from './helpers';

const T0 = Date.UTC(2026, 10, 1, 12);

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
      'meta',
      'observations',
      'remembered',
      'skus',
    ]);
    expect([...db.transaction('changes').store.indexNames].sort()).toEqual(['by-at', 'by-batch', 'by-key-at']);
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
      const before = {
        skus: await old.getAll('skus'),
        observations: await old.getAll('observations'),
        changes: await old.getAll('changes'),
      };
      old.close();

      const db = await openStore('upgrade');
      expect(db.version).toBe(DB_VERSION);
      expect(await db.getAll('skus')).toEqual(before.skus);
      expect(await db.getAll('observations')).toEqual(before.observations);
      expect(await db.getAll('changes')).toEqual(before.changes);
      // The new stores work.
      await db.put('remembered', { key: 'k', quantity: 5, at: T0, batchId: 'b' });
      expect(await db.get('remembered', 'k')).toMatchObject({ quantity: 5 });
      db.close();
    });
  }

  it('a connection that blocks a newer version closes itself', async () => {
    const older = await openStore('blocking', undefined, 1);
    // Opening the newer version would wait forever if the older connection did not step aside.
    const newer = await openStore('blocking');
    expect(newer.version).toBe(DB_VERSION);
    newer.close();
    older.close();
  });
});
