import { afterEach, describe, expect, it } from 'vitest';
import { forEachSalesHistory } from '@/lib/db/histories';
import { salesHistory } from '@/lib/db/history';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import type { SkuRecord } from '@/lib/db/schema';
import { skuKey } from '@/lib/model/keys';
import type { SalesHistory } from '@/lib/velocity/types';
import { listing, pageRead } from './helpers';

/**
 * The batched reader must hand every SKU exactly what salesHistory reads for it: the alert basis's
 * rates come from it, the row badges from salesHistory, and the two must never disagree.
 */

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 20, 19);
const ACCOUNT = 'Acme';
const key = (sku: string, marketplace = 'US') => skuKey({ account: ACCOUNT, marketplace, sku });

let db: DB;
afterEach(() => db?.close());

/** 120 days of visits (some SKUs older than the 91-day window, some new), a write, imports in both shapes. */
async function seed(name: string): Promise<void> {
  db = await openStore(name);
  const skus = Array.from({ length: 40 }, (_, i) => `S-${String(i).padStart(3, '0')}`);
  for (let d = 120; d >= 1; d -= d > 95 ? 7 : 1) {
    for (const marketplace of ['US', 'UK']) {
      // SKUs 30+ appear only in the last 20 days; 20–29 vanish from the page after day 100.
      const seen = skus.filter((_, i) => (i < 30 || d <= 20) && (i < 20 || i >= 30 || d >= 100));
      const listings = seen.map((sku, i) =>
        listing(sku, {
          marketplace,
          channel: i % 2 ? 'fba' : 'mfn',
          stock: i % 2 ? { available: Math.max(0, 900 - d * (i % 7)), inbound: i % 5 } : { available: 500 - d },
          ...(i % 4 === 0 ? { pageSales: { units: 3 * i, days: 30 } } : {}),
        }),
      );
      await ingestPageRead(db, { ...pageRead(listings, NOW - d * DAY + i(d)), marketplace });
    }
  }
  // A Shelfwise write inside the window and one before it.
  for (const at of [NOW - 5 * DAY, NOW - 200 * DAY]) {
    await db.add('changes', {
      key: key('S-004'),
      account: ACCOUNT,
      marketplace: 'US',
      sku: 'S-004',
      at,
      from: at,
      to: at,
      kind: 'shelfwise',
      reason: 'bulk',
      origin: 'shelfwise',
      before: 10,
      after: 40,
      delta: 30,
      batchId: `b-${at}`,
    });
  }
  await db.put('orderCoverage', {
    key: `${ACCOUNT}\u001fUS`,
    account: ACCOUNT,
    marketplace: 'US',
    spans: [
      { from: '2025-10-01', to: '2025-10-20' },
      { from: '2026-02-01', to: '2026-03-19' },
    ],
  });
  for (const sku of ['S-001', 'S-006', 'S-033']) {
    await db.put('orderDays', {
      key: key(sku),
      account: ACCOUNT,
      marketplace: 'US',
      sku,
      days: [
        { day: '2025-10-05', units: 9 },
        { day: '2026-01-30', units: 4 },
        { day: '2026-02-03', units: 2 },
        { day: '2026-03-18', units: 5 },
      ],
    });
  }
  for (const [sku, from, to, units] of [
    ['S-002', '2026-03-12', '2026-03-18', 70],
    ['S-002', '2025-11-01', '2025-11-07', 5],
    ['S-011', '2026-02-01', '2026-02-28', 280],
  ] as const) {
    for (const marketplace of ['US', 'UK']) {
      await db.put('periodSales', {
        key: key(sku, marketplace),
        account: ACCOUNT,
        marketplace,
        sku,
        from,
        to,
        units,
        measure: 'ordered',
        source: 'business-child',
        importId: 'i1',
        importedAt: NOW - DAY,
      });
    }
  }
}

/** A few minutes' jitter so visits are not all at the same time of day. */
function i(d: number): number {
  return (d * 7919) % 3_600_000;
}

async function batched(skus: SkuRecord[], dense: boolean, days?: number): Promise<Map<string, SalesHistory>> {
  const out = new Map<string, SalesHistory>();
  await forEachSalesHistory(db, skus, NOW, (sku, history) => out.set(sku.key, history), {
    dense,
    ...(days ? { days } : {}),
  });
  return out;
}

describe('forEachSalesHistory', () => {
  it('hands a whole marketplace the same histories salesHistory reads one by one', async () => {
    await seed('histories-dense');
    for (const marketplace of ['US', 'UK']) {
      const skus = await db.getAllFromIndex('skus', 'by-marketplace', [ACCOUNT, marketplace]);
      expect(skus.length).toBe(40);
      const got = await batched(skus, true);
      expect([...got.keys()]).toEqual(skus.map((s) => s.key));
      for (const sku of skus) expect(got.get(sku.key), sku.key).toEqual(await salesHistory(db, sku.key, NOW));
    }
    // The seed reaches every branch the comparison is meant to cover.
    const us = await batched(await db.getAllFromIndex('skus', 'by-marketplace', [ACCOUNT, 'US']), true);
    expect(us.get(key('S-004'))?.writes).toHaveLength(1);
    expect(us.get(key('S-001'))?.orders?.days).toEqual([
      { day: '2026-02-03', units: 2 },
      { day: '2026-03-18', units: 5 },
    ]);
    expect(us.get(key('S-002'))?.periods).toEqual([{ from: '2026-03-12', to: '2026-03-18', units: 70 }]);
    expect(us.get(key('S-000'))?.pageSales).toBeDefined();
    // The observation before the window is carried in as the state the window starts in.
    const observations = us.get(key('S-000'))?.observations ?? [];
    expect(observations[0]?.at).toBeLessThan(NOW - 92 * DAY);
  });

  it('hands scattered SKUs, in any order and over a shorter window, what salesHistory reads', async () => {
    await seed('histories-sparse');
    const keys = ['S-033', 'S-002', 'S-025', 'S-004', 'S-011', 'S-001'].map((s) => key(s));
    const skus = (await Promise.all(keys.map((k) => db.get('skus', k)))) as SkuRecord[];
    for (const days of [91, 30]) {
      const got = await batched(skus, false, days);
      expect([...got.keys()]).toEqual(keys);
      for (const k of keys) expect(got.get(k), k).toEqual(await salesHistory(db, k, NOW, days));
    }
  });

  it('reads more SKUs than one transaction carries', async () => {
    db = await openStore('histories-chunks');
    const listings = Array.from({ length: 1100 }, (_, n) => listing(`C-${String(n).padStart(5, '0')}`));
    await ingestPageRead(db, pageRead(listings, NOW - 2 * DAY));
    await ingestPageRead(
      db,
      pageRead(
        listings.map((l, n) => ({ ...l, stock: { available: 9 - (n % 3) } })),
        NOW - DAY,
      ),
    );
    const skus = await db.getAllFromIndex('skus', 'by-marketplace', [ACCOUNT, 'US']);
    const got = await batched(skus, true);
    expect(got.size).toBe(1100);
    for (const sku of [skus[0], skus[499], skus[500], skus[1099]] as SkuRecord[]) {
      expect(got.get(sku.key)).toEqual(await salesHistory(db, sku.key, NOW));
      expect(got.get(sku.key)?.observations).toHaveLength(2);
    }
  });
});
