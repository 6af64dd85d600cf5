import { afterEach, describe, expect, it } from 'vitest';
import { deleteAllRecords, exportBackup, parseBackup, restoreBackup } from '@/lib/db/backup';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import { defaultSettings } from '@/lib/settings';
import { listing, pageRead } from './helpers';

const T0 = Date.UTC(2026, 10, 1, 12);
let db: DB;
afterEach(() => db?.close());

async function seeded(name: string): Promise<DB> {
  db = await openStore(name);
  await ingestPageRead(db, pageRead([listing('A', { stock: { available: 10 } }), listing('B/"odd" 日本')], T0));
  await ingestPageRead(
    db,
    pageRead([listing('A', { stock: { available: 6 } }), listing('B/"odd" 日本')], T0 + 3_600_000),
  );
  return db;
}

async function snapshot(db: DB) {
  return {
    skus: await db.getAll('skus'),
    observations: await db.getAll('observations'),
    changes: await db.getAll('changes'),
  };
}

/** Points the first record of one store at a SKU that does not exist. */
function replaceInStore(text: string, store: string): string {
  const backup = JSON.parse(text);
  const record = backup.stores[store][0];
  if (store === 'skus') record.lastObservation.key = 'ghost';
  else record.key = 'ghost';
  return JSON.stringify(backup);
}

describe('backup', () => {
  it('round-trips every record and the settings', async () => {
    const source = await seeded('source');
    const settings = { ...defaultSettings(), language: 'zh_CN' };
    const { parts, counts } = await exportBackup(source, settings, T0 + 7_200_000);
    expect(counts).toEqual({ skus: 2, observations: 3, changes: 1 });
    const before = await snapshot(source);
    source.close();

    const target = await openStore('target');
    db = target;
    const parsed = parseBackup(parts.join(''));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.settings).toMatchObject({ language: 'zh_CN' });
    expect(parsed.backup.stores.batches).toEqual([]);
    await restoreBackup(target, parsed.backup);
    expect(await snapshot(target)).toEqual(before);
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2), 'not-json'],
    ['another file', () => '{"hello":"world"}', 'not-a-backup'],
    ['a newer database version', (text: string) => text.replace(/"dbVersion":\d+/, '"dbVersion":99'), 'newer-version'],
    ['a record of the wrong shape', (text: string) => text.replace('"visits":2', '"visits":"two"'), 'invalid'],
    ['an observation of an unknown SKU', (text: string) => replaceInStore(text, 'observations'), 'invalid'],
    ['a change of an unknown SKU', (text: string) => replaceInStore(text, 'changes'), 'invalid'],
    ["a SKU whose last observation is another SKU's", (text: string) => replaceInStore(text, 'skus'), 'invalid'],
  ])('rejects %s and changes nothing', async (_label, corrupt, code) => {
    const source = await seeded('corrupt-source');
    const { parts } = await exportBackup(source, defaultSettings(), T0);
    const before = await snapshot(source);
    const parsed = parseBackup(corrupt(parts.join('')));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.code).toBe(code);
    expect(await snapshot(source)).toEqual(before);
  });

  it('deletes everything on request', async () => {
    const source = await seeded('delete');
    await deleteAllRecords(source);
    expect(await snapshot(source)).toEqual({ skus: [], observations: [], changes: [] });
  });
});

it('restores a backup written by database version 1 (no batches or remembered values yet)', async () => {
  const source = await seeded('v1-source');
  const { parts } = await exportBackup(source, defaultSettings(), T0);
  source.close();
  const old = JSON.parse(parts.join(''));
  old.dbVersion = 1;
  delete old.stores.batches;
  delete old.stores.remembered;
  const parsed = parseBackup(JSON.stringify(old));
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  db = await openStore('v1-target');
  await restoreBackup(db, parsed.backup);
  expect(await db.count('skus')).toBe(2);
  expect(await db.count('batches')).toBe(0);
});
