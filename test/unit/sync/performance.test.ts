import { afterEach, describe, expect, it } from 'vitest';
import { storePerformance } from '@/components/dashboard/sync/performance';
import { salesHistory } from '@/lib/db/history';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import { defaultSettings } from '@/lib/settings/schema';
import type { DayKey } from '@/lib/time';
import { buildDaily, velocityContext } from '@/lib/velocity';
import { listing, pageRead } from '../db/helpers';

/**
 * The analysis reads every SKU's history of a marketplace in one batched pass (forEachSalesHistory);
 * its figures must be those of the per-SKU salesHistory it replaced, on a store with sales, receipts,
 * SKUs that never sell, a variation parent and a price or none.
 */

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 18);
let db: DB;
afterEach(() => db?.close());

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

describe('the analysis from the store', () => {
  it('gives each SKU the units, last sale and stock the per-SKU history gives', async () => {
    db = await openStore('performance-batched');
    const next = random(3);
    const stock = Array.from({ length: 60 }, () => Math.floor(next() * 200));
    const rate = stock.map(() => (next() < 0.3 ? 0 : next() * 6));
    for (let day = 0; day < 35; day++) {
      const rows = stock.map((available, i) =>
        listing(`SKU-${String(i).padStart(3, '0')}`, {
          stock: { available },
          ...(i % 3 === 0 ? { price: 9.99 + i } : {}),
        }),
      );
      rows.push(listing('PARENT', { isParent: true, stock: {} }));
      await ingestPageRead(db, pageRead(rows, T0 + day * DAY));
      for (let i = 0; i < stock.length; i++) {
        const sold = Math.floor((rate[i] as number) * (0.5 + next()));
        // Now and then a receipt, so stock-outs and restocks are in the history.
        stock[i] = next() < 0.05 ? (stock[i] as number) + 80 : Math.max(0, (stock[i] as number) - sold);
      }
    }
    const settings = defaultSettings();
    const now = T0 + 35 * DAY;
    const scope = { account: 'Acme', marketplace: 'US' };
    const { records } = await storePerformance(db, { scope, settings, now, periodDays: 30, costs: new Map() });

    // The reference: the per-SKU reads the analysis used before.
    const context = velocityContext('America/Los_Angeles', now, settings.velocity);
    const { grid } = context;
    const skus = await db.getAllFromIndex('skus', 'by-marketplace', ['Acme', 'US']);
    const expected = [];
    for (const sku of skus) {
      if (sku.latest.isParent) continue;
      const history = await salesHistory(db, sku.key, now);
      const series = buildDaily(history!, grid, context.scratch);
      let units = 0;
      let lastSaleDay: DayKey | undefined;
      for (let i = 0; i < grid.length; i++) {
        const sold = series.units[i] as number;
        if (sold <= 0) continue;
        if (i >= grid.length - 30) units += sold;
        lastSaleDay = grid.days[i];
      }
      expected.push({
        key: sku.key,
        sku: sku.sku,
        units: Math.round(units * 10) / 10,
        periodDays: 30,
        ...(lastSaleDay !== undefined ? { lastSaleDay } : {}),
        ...(sku.latest.price !== undefined ? { revenue: Math.round(units * sku.latest.price * 100) / 100 } : {}),
        ...(sku.latest.stock.available !== undefined ? { stock: sku.latest.stock.available } : {}),
      });
    }
    expect(records).toEqual(expected);
    expect(records).toHaveLength(60);
    expect(records.filter((r) => r.units > 0).length).toBeGreaterThan(25);
    expect(records.some((r) => r.lastSaleDay === undefined)).toBe(true);
    // A store of a few thousand records under fake-indexeddb: more than the default 5 s on a loaded machine.
  }, 30_000);
});
