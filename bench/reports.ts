/**
 * Report import throughput: a 100,000-row All Orders TSV, generated in memory, read by
 * (a) papaparse alone, parsing the same string to arrays — the baseline — and
 * (b) Shelfwise's whole path: bytes → streaming decode → papaparse → per-cell reading → zod per
 *     row → (order, SKU) de-duplication → daily units per SKU in the marketplace's time zone.
 * The budget is (b) at no less than half of (a)'s rows per second, measured in the same run.
 * Memory: live memory (heap and typed-array buffers, after a full collection) at every chunk of
 * (b), against the size of the file; and what the result itself keeps. That memory does not grow
 * with the number of rows is shown by test/unit/reports/large.test.ts (200,000 vs 1,000,000 rows).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Papa from 'papaparse';
import { importReport } from '../lib/reports/import';
import { type Figure, figure, median } from './types';

const HEADER = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
];

const STATUSES = ['Shipped', 'Shipped', 'Shipped', 'Shipped', 'Pending', 'Unshipped', 'Cancelled'];

/** A deterministic pseudo-random sequence, so every run reads the same file. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** An All Orders report as Amazon writes it (US, Pacific time offsets), `rows` order lines over ~90 days. */
export function allOrdersTsv(rows: number, skus = 1000, seed = 42): string {
  const random = lcg(seed);
  const lines = [HEADER.join('\t')];
  const start = Date.UTC(2026, 0, 1, 8);
  for (let i = 0; i < rows; i++) {
    const at = start + Math.floor(random() * 90 * 86_400_000);
    const purchase = new Date(at - 8 * 3_600_000).toISOString().slice(0, 19);
    const updated = new Date(at - 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 19);
    const sku = `SKU-${String(Math.floor(random() * skus)).padStart(5, '0')}`;
    const id = `${String(100 + (i % 900))}-${String(1_000_000 + i).slice(0, 7)}-${String(4_000_000 + i * 7).slice(0, 7)}`;
    const status = STATUSES[Math.floor(random() * STATUSES.length)] as string;
    lines.push(
      [
        id,
        '',
        `${purchase}-08:00`,
        `${updated}-08:00`,
        status,
        random() < 0.7 ? 'Amazon' : 'Merchant',
        'Amazon.com',
        '',
        '',
        'Standard',
        `Bamboo cutting board set ${sku} with juice groove, 3 pieces`,
        sku,
        `B0${String(10_000_000 + (Number(sku.slice(4)) % 99_999_999)).padStart(8, '0')}`,
        status === 'Cancelled' ? 'Cancelled' : 'Shipped',
        String(1 + Math.floor(random() * 3)),
        'USD',
        (10 + random() * 40).toFixed(2),
        '0.00',
        '0.00',
        '0.00',
        '',
        '',
        '',
        '',
        'SEATTLE',
        'WA',
        '98101',
        'US',
        '',
        'false',
        '',
        '',
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Collects, and waits for the buffers of collected typed arrays to be released (that is lazy). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** JS heap plus the memory outside it that typed arrays' buffers use. */
function heap(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** A full garbage collection (exposed on demand, so `tsx bench/run.ts` needs no flag). */
const collect: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export interface ReportBenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  budget?: number;
  budgetOn?: 'value' | 'ratio';
  budgetIs?: 'max' | 'min';
  note?: string;
}

/**
 * Peak live memory while importing, sampled after a full collection at every chunk, and what the
 * result keeps once the import is done.
 */
async function memory(bytes: Uint8Array): Promise<{ peak: number; retained: number; lines: number; skuDays: number }> {
  await settle();
  const before = heap();
  let peak = 0;
  const result = await importReport(chunked(bytes, 1 << 20), {
    onProgress: () => {
      collect();
      peak = Math.max(peak, heap() - before);
    },
  });
  if (!result.ok || !result.orders) throw new Error('import failed');
  await settle();
  const retained = heap() - before;
  return {
    peak: Math.max(peak, retained),
    retained,
    lines: result.orders.lines.size,
    skuDays: result.orders.daily.reduce((n, d) => n + d.days.length, 0),
  };
}

/**
 * Runs the comparison `runs` times, each run timing papaparse and then the import back to back so
 * both see the same load on a shared machine, and reports the medians.
 */
export async function benchReports(rows = 100_000, runs = 7): Promise<ReportBenchFigure[]> {
  const text = allOrdersTsv(rows);
  const bytes = new TextEncoder().encode(text);
  const papaTimes: number[] = [];
  const fullTimes: number[] = [];
  const ratios: number[] = [];
  const mem = await memory(bytes);
  Papa.parse<string[]>(text, { delimiter: '\t' });
  for (let run = 0; run < runs; run++) {
    collect();
    let t = performance.now();
    const parsed = Papa.parse<string[]>(text, { delimiter: '\t' });
    const papa = performance.now() - t;
    if (parsed.data.length < rows) throw new Error('papaparse lost rows');
    collect();
    t = performance.now();
    const result = await importReport(chunked(bytes, 1 << 20));
    const full = performance.now() - t;
    if (!result.ok || !result.orders) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
    papaTimes.push(papa);
    fullTimes.push(full);
    ratios.push(papa / full);
  }
  const papaRate = rows / (median(papaTimes) / 1000);
  const fullRate = rows / (median(fullTimes) / 1000);
  const mb = (n: number) => Math.round((n / 1_048_576) * 10) / 10;
  return [
    {
      name: 'reports: All Orders import (100k rows)',
      value: Math.round(fullRate),
      unit: 'rows/s',
      baseline: Math.round(papaRate),
      budget: 0.5,
      budgetOn: 'ratio',
      budgetIs: 'min',
      note: `decode → parse → validate → aggregate vs papaparse to arrays on the same ${mb(bytes.length)} MB; median of ${runs} runs; median per-run ratio ${median(ratios).toFixed(2)}`,
    },
    {
      name: 'reports: peak memory during import',
      value: mb(mem.peak),
      unit: 'MB',
      baseline: mb(bytes.length),
      // Whatever the file's size, the import must never hold as much as the file itself.
      budget: 1,
      budgetOn: 'ratio',
      budgetIs: 'max',
      note: `peak live memory (heap + buffers) while importing vs file size; the result keeps ${mb(mem.retained)} MB for ${mem.lines} order lines and ${mem.skuDays} SKU-days`,
    },
  ];
}

/** For bench/registry.ts. */
export const reportsBenchmark = {
  name: 'reports',
  async run(): Promise<Figure[]> {
    return (await benchReports()).map((f) => figure(f));
  },
};
