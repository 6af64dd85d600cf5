import { fileRowsFromPlan, jsonListingsFeed, priceQuantityFile } from '../lib/bulk/files';
import type { Operation } from '../lib/bulk/operations';
import { type FindingsSummary, type PlanContext, type PlanRowInput, planBatch } from '../lib/bulk/plan';
import { skuKey } from '../lib/model/keys';
import type { Listing } from '../lib/model/listing';
import { defaultSettings } from '../lib/settings/schema';

/**
 * Bulk-edit figures: planning the preview of a 250-row page, and planning plus writing the Price &
 * Quantity file (and the JSON feed) for 10,000 SKUs. Pure computation; the panel's React render of
 * the preview is measured separately. Each figure is the median of several runs after a warm-up.
 */

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

const ACCOUNT = 'A1BENCH';

function makeRows(count: number, marketplace: string, japanese: boolean): PlanRowInput[] {
  const rows: PlanRowInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const fba = i % 7 === 0;
    const parent = i % 50 === 1;
    const sku = japanese ? `和柄タオル-${i}-青` : `SKU-${String(i).padStart(6, '0')}-BLUE`;
    const listing: Listing = {
      account: ACCOUNT,
      marketplace,
      sku,
      channel: fba ? 'fba' : 'mfn',
      quantityEditable: !fba && !parent,
      stock: { available: (i * 37) % 500 },
      handlingTime: 1 + (i % 5),
      state: i % 40 === 3 ? 'inactive' : 'active',
      reasons: [],
      statusText: 'Active',
      isParent: parent,
    };
    rows.push({ listing, beforeAgeMs: (i % 30) * 60_000 });
  }
  return rows;
}

function makeContext(rows: readonly PlanRowInput[], marketplace: string): PlanContext {
  const settings = defaultSettings();
  const keys = rows.map((row) => skuKey({ account: ACCOUNT, marketplace, sku: row.listing.sku }));
  settings.erp = { allManaged: false, managedSkus: keys.filter((_, i) => i % 5 === 0), name: 'ERP' };
  const changesLast7Days: Record<string, number> = {};
  const findings: Record<string, FindingsSummary> = {};
  const unitsPerDay: Record<string, number> = {};
  keys.forEach((key, i) => {
    changesLast7Days[key] = i % 6;
    if (i % 9 === 0) findings[key] = { issues: 1 + (i % 3), severity: 'warn' };
    unitsPerDay[key] = (i % 13) / 2;
    if (i % 11 === 0) settings.thresholds.perSku[key] = { units: 25 };
  });
  return { settings, marketplace, changesLast7Days, findings, unitsPerDay };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function measure(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 100) / 100;
}

function check(ok: boolean, what: string): void {
  // A benchmark of a path that fails would measure the wrong thing.
  if (!ok) throw new Error(`bench/bulk: ${what} failed`);
}

export async function benchBulkPlanning(): Promise<BenchResult[]> {
  const operation: Operation = { kind: 'percent', percent: 80, rounding: 'down' };

  const page = makeRows(250, 'UK', false);
  const pageContext = makeContext(page, 'UK');
  const planPage = measure(30, () => {
    check(planBatch(page, operation, pageContext).counts.change > 0, 'planning 250 rows');
  });

  const uk = makeRows(10_000, 'UK', false);
  const ukContext = makeContext(uk, 'UK');
  const fileUk = measure(5, () => {
    const plan = planBatch(uk, operation, ukContext);
    check(priceQuantityFile(fileRowsFromPlan(plan.rows), { marketplace: 'UK', now: 0 }).ok, 'UK file');
  });

  const jp = makeRows(10_000, 'JP', true);
  const jpContext = makeContext(jp, 'JP');
  const fileJp = measure(5, () => {
    const plan = planBatch(jp, operation, jpContext);
    check(priceQuantityFile(fileRowsFromPlan(plan.rows), { marketplace: 'JP', now: 0 }).ok, 'JP file');
  });

  const feed = measure(5, () => {
    const plan = planBatch(uk, operation, ukContext);
    const options = { sellerId: ACCOUNT, marketplaceId: 'A1F83G8C2ARO7P', now: 0 };
    check(jsonListingsFeed(fileRowsFromPlan(plan.rows), options).ok, 'JSON feed');
  });

  return [
    { name: 'bulk: plan 250 rows (preview, without render)', value: planPage, unit: 'ms', budget: 100 },
    { name: 'bulk: plan + P&Q file, 10,000 SKUs, UTF-8', value: fileUk, unit: 'ms', budget: 1000 },
    { name: 'bulk: plan + P&Q file, 10,000 SKUs, Windows-31J', value: fileJp, unit: 'ms', budget: 1000 },
    { name: 'bulk: plan + JSON_LISTINGS_FEED, 10,000 SKUs', value: feed, unit: 'ms', budget: 1000 },
  ];
}
