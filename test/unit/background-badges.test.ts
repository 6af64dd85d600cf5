import { afterEach, describe, expect, it } from 'vitest';
import { computeBadges } from '@/lib/background/badges';
import { salesHistory } from '@/lib/db/history';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import { skuKey } from '@/lib/model/keys';
import type { Listing } from '@/lib/model/listing';
import { defaultSettings } from '@/lib/settings';
import { startOfDay } from '@/lib/time';
import { listing, pageRead } from './db/helpers';

/**
 * The page stores its reads once it is quiet and asks for their badges at once (`reads`): those
 * badges must say what the badges of the stored read say, or a row would show "stock OK" and turn
 * "low" a moment later.
 */

const LA = 'America/Los_Angeles';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = startOfDay('2026-11-10', LA) + 10 * HOUR;

let db: DB;
afterEach(() => db?.close());

const request = (listings: Listing[], reads?: boolean) => ({
  account: 'Acme',
  marketplace: 'US',
  listings,
  ...(reads ? { reads } : {}),
});

async function badgesBeforeAndAfterStoring(read: Listing, at: number) {
  const settings = defaultSettings();
  const asRead = await computeBadges(db, request([read], true), settings, 'en', at);
  const plain = await computeBadges(db, request([read]), settings, 'en', at);
  await ingestPageRead(db, pageRead([read], at));
  const stored = await computeBadges(db, request([read]), settings, 'en', at);
  return { asRead, plain, stored };
}

describe('badges of a read not stored yet', () => {
  it('a SKU seen for the first time: days of cover and level as once stored', async () => {
    db = await openStore('badges-first-read');
    const read = listing('MUG-1', { stock: { available: 40 }, pageSales: { units: 90, days: 30 } });
    const { asRead, plain, stored } = await badgesBeforeAndAfterStoring(read, T0);
    expect(asRead).toEqual(stored);
    // 3 a day for 40 units: under the default days-of-cover threshold, which the plain answer misses.
    expect(stored[0]?.velocity.daysOfCover).not.toBe('');
    expect(plain).not.toEqual(stored);
  });

  it('a SKU with history whose stock fell since: the new observation counts', async () => {
    db = await openStore('badges-later-read');
    const days = [0, 3, 6, 9];
    const stock = [600, 570, 540, 510];
    for (const [i, d] of days.entries()) {
      await ingestPageRead(
        db,
        pageRead([listing('MUG-2', { stock: { available: stock[i] as number } })], T0 + d * DAY),
      );
    }
    const at = T0 + 12 * DAY;
    const read = listing('MUG-2', { stock: { available: 150 } });
    const { asRead, plain, stored } = await badgesBeforeAndAfterStoring(read, at);
    expect(asRead).toEqual(stored);
    expect(stored[0]?.velocity.level).toBe('low');
    expect(plain[0]?.velocity.level).not.toBe('low');
  });

  it('a read that changes nothing adds no observation, only the visit', async () => {
    db = await openStore('badges-same-read');
    await ingestPageRead(db, pageRead([listing('MUG-3', { stock: { available: 50 } })], T0));
    const at = T0 + 2 * DAY;
    const key = skuKey({ account: 'Acme', marketplace: 'US', sku: 'MUG-3' });
    const before = await salesHistory(db, key, at);
    const { asRead, stored } = await badgesBeforeAndAfterStoring(listing('MUG-3', { stock: { available: 50 } }), at);
    expect(asRead).toEqual(stored);
    expect((await salesHistory(db, key, at))?.observations).toHaveLength(before?.observations.length ?? -1);
  });
});
