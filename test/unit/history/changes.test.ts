import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import type { ChangeRecord } from '@/lib/db/schema';
import { toCsv } from '@/lib/export/csv';
import { allChanges, type ChangeQuery, type PageCursor, queryChanges } from '@/lib/history/changes';
import { changeColumns, localStamp } from '@/lib/history/export';
import { history } from '@/lib/i18n/catalog/history';
import { createTranslator } from '@/lib/i18n/core';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import { startOfDay } from '@/lib/time';
import { listing, pageRead } from '../db/helpers';

const LA = 'America/Los_Angeles';
const HOUR = 3_600_000;
let db: DB;
afterEach(() => db?.close());

async function visit(listings: Listing[], when: number, marketplace = 'US') {
  const read = pageRead(listings, when);
  read.marketplace = marketplace;
  await ingestPageRead(db, read);
}

const SKUS = Array.from({ length: 25 }, (_, i) => `SKU-${String(i).padStart(2, '0')}`);

/** 25 merchant SKUs: first seen, then one visit where each sold a unit, then one where SKU-03 was raised. */
async function seed() {
  db = await openStore('changes');
  const t0 = startOfDay('2026-11-18', LA) + 10 * HOUR;
  await visit(
    SKUS.map((sku) => listing(sku, { stock: { available: 10 } })),
    t0,
  );
  await visit(
    SKUS.map((sku) => listing(sku, { stock: { available: 9 } })),
    t0 + 24 * HOUR,
  );
  // 23:00 in Los Angeles on the 19th is already the 20th in UTC.
  await visit([listing('SKU-03', { stock: { available: 40 } })], startOfDay('2026-11-19', LA) + 23 * HOUR);
}

async function pages(query: ChangeQuery, limit: number): Promise<ChangeRecord[][]> {
  const result: ChangeRecord[][] = [];
  let after: PageCursor | undefined;
  for (;;) {
    const page = await queryChanges(db, query, after ? { after, limit } : { limit });
    result.push(page.rows);
    if (!page.next) return result;
    after = page.next;
  }
}

describe('the changes table queries', () => {
  it('lists changes newest first and pages through equal times without gaps or repeats', async () => {
    await seed();
    const all = await allChanges(db, {});
    expect(all).toHaveLength(26);
    expect(all[0]).toMatchObject({ sku: 'SKU-03', kind: 'external' });
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.at > b.at || (a.at === b.at && (a.id ?? 0) > (b.id ?? 0))).toBe(true);
    }
    const paged = await pages({}, 10);
    expect(paged.map((p) => p.length)).toEqual([10, 10, 6]);
    expect(paged.flat()).toEqual(all);
  });

  it('filters by SKU substring, origin, kind and one SKU key', async () => {
    await seed();
    expect((await allChanges(db, { sku: 'sku-0' })).map((c) => c.sku)).toEqual([
      'SKU-03',
      ...SKUS.slice(0, 10).reverse(),
    ]);
    expect((await allChanges(db, { kind: 'external' })).map((c) => c.sku)).toEqual(['SKU-03']);
    expect(await allChanges(db, { origin: 'shelfwise' })).toEqual([]);
    expect((await allChanges(db, { origin: 'page', kind: 'sale' })).length).toBe(25);
    const one = await allChanges(db, { key: skuKey({ account: 'Acme', marketplace: 'US', sku: 'SKU-03' }) });
    expect(one.map((c) => c.kind)).toEqual(['external', 'sale']);
    expect((await pages({ key: one[0]!.key }, 1)).flat()).toEqual(one);
  });

  it('filters dates by marketplace day, not by UTC or the computer clock', async () => {
    await seed();
    const day19 = await allChanges(db, { fromDay: '2026-11-19', toDay: '2026-11-19' });
    expect(day19).toHaveLength(26);
    expect(await allChanges(db, { fromDay: '2026-11-20' })).toEqual([]);
    expect(await allChanges(db, { toDay: '2026-11-18' })).toEqual([]);
    expect((await pages({ fromDay: '2026-11-19', kind: 'sale' }, 7)).flat()).toHaveLength(25);
  });

  it('exports the filtered rows as CSV that reads back exactly', async () => {
    db = await openStore('export');
    const skus = ['000123', '-x', '=x', '保温杯-500ML-黑色', 'a,"b"', '12345678901234567'];
    const when = startOfDay('2026-11-19', LA) + 9 * HOUR;
    await visit(
      skus.map((sku) => listing(sku, { stock: { available: 5 } })),
      when,
    );
    await visit(
      skus.map((sku) => listing(sku, { stock: { available: 3 } })),
      when + 2 * HOUR,
    );
    const t = createTranslator(history, 'en');
    const rows = await allChanges(db, {});
    const parsed = Papa.parse<string[]>(toCsv(changeColumns(t), rows), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...data] = parsed.data;
    expect(header).toEqual([
      'SKU',
      'Marketplace',
      'When (marketplace time)',
      'Kind',
      'Recorded by',
      'Before',
      'After',
      'Change',
      'In-transit change',
      'Batch',
    ]);
    expect(new Set(data.map((r) => r[0]))).toEqual(new Set(skus));
    for (const row of data) {
      expect(row.slice(1, 8)).toEqual(['US', '2026-11-19 11:00:00', 'Sale', 'Page visit', '5', '3', '-2']);
      expect(row[9]).toBe(`visit:${when + 2 * HOUR}`);
    }
  });

  it('writes times in the marketplace zone', () => {
    const instant = Date.UTC(2026, 10, 20, 3, 4, 5);
    expect(localStamp(instant, LA)).toBe('2026-11-19 19:04:05');
    expect(localStamp(instant, 'Asia/Tokyo')).toBe('2026-11-20 12:04:05');
  });
});
