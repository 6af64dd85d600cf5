import type { SkuPerformance } from '@/lib/analysis/types';
import { forEachSalesHistory } from '@/lib/db/histories';
import type { DB } from '@/lib/db/open';
import { marketplaceByCode } from '@/lib/marketplaces';
import type { Settings } from '@/lib/settings/schema';
import type { DayKey } from '@/lib/time';
import { buildDaily, velocityContext } from '@/lib/velocity';
import type { Scope } from './model';

/**
 * The analysis's input from the store: each SKU's units per marketplace day as velocity estimates
 * them (page visits and imported orders, stock-outs excluded; lib/db/histories.ts forEachSalesHistory,
 * read only), summed over the period; revenue where the listing has a price (units × the latest price:
 * page reads carry no order prices); stock on hand as Amazon last showed it; the unit cost from
 * the stock file when one is loaded.
 */
export async function storePerformance(
  db: DB,
  input: { scope: Scope; settings: Settings; now: number; periodDays: number; costs: ReadonlyMap<string, number> },
): Promise<{ records: SkuPerformance[]; today: DayKey }> {
  const { scope, settings, now, periodDays } = input;
  const zone = marketplaceByCode(scope.marketplace)?.timeZone ?? 'UTC';
  const context = velocityContext(zone, now, settings.velocity);
  const { grid } = context;
  const today = grid.days[grid.length - 1] as DayKey;
  const skus = (await db.getAllFromIndex('skus', 'by-marketplace', [scope.account, scope.marketplace])).filter(
    (sku) => !sku.latest.isParent,
  );
  const records: SkuPerformance[] = [];
  const from = Math.max(0, grid.length - periodDays);
  // The histories of the whole marketplace by key range (the alert basis's daily read), not six
  // requests per SKU: the same history salesHistory gives each SKU.
  await forEachSalesHistory(
    db,
    skus,
    now,
    (sku, history) => {
      let units = 0;
      let lastSaleDay: DayKey | undefined;
      const series = buildDaily(history, grid, context.scratch);
      for (let i = 0; i < grid.length; i++) {
        const sold = series.units[i] as number;
        if (sold <= 0) continue;
        if (i >= from) units += sold;
        lastSaleDay = grid.days[i];
      }
      const record: SkuPerformance = { key: sku.key, sku: sku.sku, units: Math.round(units * 10) / 10, periodDays };
      if (lastSaleDay !== undefined) record.lastSaleDay = lastSaleDay;
      if (sku.latest.price !== undefined) record.revenue = Math.round(units * sku.latest.price * 100) / 100;
      if (sku.latest.stock.available !== undefined) record.stock = sku.latest.stock.available;
      const cost = input.costs.get(sku.sku);
      if (cost !== undefined) record.cost = cost;
      records.push(record);
    },
    { dense: true },
  );
  return { records, today };
}
