import { afterEach, describe, expect, it } from 'vitest';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import { marketplaceSummaries, type SkuChoice, skuChoices, suggestSkus } from '@/lib/history/overview';
import type { Listing } from '@/lib/model/listing';
import { listing, pageRead } from '../db/helpers';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 18);
let db: DB;
afterEach(() => db?.close());

async function visit(listings: Listing[], when: number, marketplace: string) {
  const read = pageRead(
    listings.map((l) => ({ ...l, marketplace })),
    when,
  );
  read.marketplace = marketplace;
  await ingestPageRead(db, read);
}

describe('overview', () => {
  it('summarises each account and marketplace: SKUs, last visit, changes of the last 7 days by kind', async () => {
    db = await openStore('overview');
    await visit([listing('A', { stock: { available: 10 } }), listing('B')], NOW - 20 * DAY, 'US');
    // A sale 19 days ago is outside the 7 days.
    await visit([listing('A', { stock: { available: 8 } })], NOW - 19 * DAY, 'US');
    await visit(
      [listing('A', { stock: { available: 5 } }), listing('B', { stock: { available: 30 } })],
      NOW - DAY,
      'US',
    );
    await visit([listing('A', { stock: { available: 4 } })], NOW - 2 * DAY, 'UK');
    await visit([listing('A', { stock: { available: 2 } })], NOW - DAY / 2, 'UK');

    expect(await marketplaceSummaries(db, NOW)).toEqual([
      { account: 'Acme', marketplace: 'UK', skus: 1, lastVisit: NOW - DAY / 2, changes: { sale: 1 } },
      { account: 'Acme', marketplace: 'US', skus: 2, lastVisit: NOW - DAY, changes: { sale: 1, external: 1 } },
    ]);
  });

  it('is empty for an empty store', async () => {
    db = await openStore('empty');
    expect(await marketplaceSummaries(db, NOW)).toEqual([]);
    expect(await skuChoices(db)).toEqual([]);
  });
});

describe('SKU suggestions', () => {
  const choices: SkuChoice[] = [
    { key: '1', sku: 'LUM-MUG-350-BLU', account: 'a', marketplace: 'US', channel: 'mfn', title: 'Blue mug' },
    { key: '2', sku: 'BLUE MUG 350ML', account: 'a', marketplace: 'US', channel: 'mfn' },
    { key: '3', sku: 'MUG', account: 'a', marketplace: 'UK', channel: 'fba', asin: 'B000TEST01' },
    { key: '4', sku: '保温杯-500ML-黑色', account: 'a', marketplace: 'US', channel: 'fba', title: 'Vacuum flask' },
  ];

  it('ranks an exact SKU, then prefixes, then substrings, then ASIN and title matches', () => {
    expect(suggestSkus(choices, 'mug').map((c) => c.key)).toEqual(['3', '2', '1']);
    expect(suggestSkus(choices, 'blue').map((c) => c.key)).toEqual(['2', '1']);
    expect(suggestSkus(choices, 'b000test01').map((c) => c.key)).toEqual(['3']);
    expect(suggestSkus(choices, 'flask').map((c) => c.key)).toEqual(['4']);
    expect(suggestSkus(choices, '保温').map((c) => c.key)).toEqual(['4']);
  });

  it('suggests nothing for an empty query and respects the limit', () => {
    expect(suggestSkus(choices, '  ')).toEqual([]);
    expect(suggestSkus(choices, 'u', 2)).toHaveLength(2);
  });
});
