import { skuKey } from '../lib/model/keys';
import { applyMapping, type SkuMapEntry } from '../lib/sync/mapping';
import { type AmazonStock, reconcile } from '../lib/sync/reconcile';
import type { StockRow } from '../lib/sync/stock-file';
import { type FigureInput, median } from './types';

/**
 * Reconciliation of 10,000 SKUs, pure: the stock file's rows (two warehouses for some SKUs, a
 * mapping with one-to-many entries) mapped to MSKUs and compared with 10,000 Amazon listings
 * (FBA, closed, parents, unknown quantities mixed in). Reading the store's latest listings is not
 * included: the end-to-end figure from the store comes with the dashboard step. The 200 ms
 * is for that whole path, so the pure part must be a small share of it.
 */

const SKUS = 10_000;
const RUNS = 9;

function fixture(): { rows: StockRow[]; entries: SkuMapEntry[]; amazon: AmazonStock[] } {
  const rows: StockRow[] = [];
  const entries: SkuMapEntry[] = [];
  const amazon: AmazonStock[] = [];
  for (let i = 0; i < SKUS; i++) {
    const local = `本地-${String(i).padStart(6, '0')}`;
    const msku = i % 10 === 0 ? `AMZ-${i}` : local;
    rows.push({ sku: local, quantity: (i * 37) % 300, warehouse: '深圳仓', cost: 1 + (i % 9), line: rows.length + 2 });
    if (i % 4 === 0) rows.push({ sku: local, quantity: i % 17, warehouse: '美国仓', line: rows.length + 2 });
    if (i % 10 === 0) {
      entries.push({ local, msku });
      if (i % 20 === 0) entries.push({ local, msku: `${msku}-B` });
    }
    if (i % 13 === 5) continue; // only in the file
    amazon.push({
      key: skuKey({ account: 'A1', marketplace: 'UK', sku: msku }),
      sku: msku,
      channel: i % 7 === 0 ? 'fba' : 'mfn',
      ...(i % 101 === 0 ? {} : { available: (i * 37 + (i % 5 === 0 ? 3 : 0)) % 300 }),
      state: i % 97 === 0 ? 'closed' : 'active',
      isParent: i % 211 === 0,
    });
  }
  for (let i = 0; i < 500; i++) {
    const sku = `ONLY-AMZ-${i}`;
    amazon.push({
      key: skuKey({ account: 'A1', marketplace: 'UK', sku }),
      sku,
      channel: 'mfn',
      available: i,
      state: 'active',
    });
  }
  return { rows, entries, amazon };
}

export async function benchReconcile(): Promise<FigureInput[]> {
  const { rows, entries, amazon } = fixture();
  const times: number[] = [];
  let differs = 0;
  for (let run = 0; run < RUNS + 2; run++) {
    const started = performance.now();
    const { stock } = applyMapping(rows, entries, 'UK');
    const result = reconcile({ marketplace: 'UK', stock, amazon, tolerance: { units: 1 } });
    const ms = performance.now() - started;
    differs = result.counts.differs;
    if (run >= 2) times.push(ms);
  }
  return [
    {
      name: 'reconcile 10,000 SKUs (pure: mapping + reconciliation, no store)',
      value: Math.round(median(times) * 10) / 10,
      unit: 'ms',
      budget: 200,
      note: `${rows.length} file rows, ${amazon.length} listings, ${differs} differences; median of ${RUNS}, fastest ${Math.min(...times).toFixed(1)} ms`,
    },
  ];
}
