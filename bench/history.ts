/**
 * The dashboard's history chart, end to end from the store, in real Chromium inside the extension's
 * options page: 1,000 SKUs recorded by the real ingest. Timed: skuTimeline + chartData for one SKU's
 * year, median of runs, beside a same-run baseline: a raw getAll of the same SKU's observations over
 * the same year (what any chart must read at the least). Budget 20 ms for a SKU seen at one visit a
 * day for 365 days; also reported, without a budget, a busy SKU seen three times a day and changed
 * at almost every visit (about 1,000 observations and 1,000 changes).
 * Also reported: bytes the store takes per SKU per day of history (navigator.storage.estimate()
 * before and after recording N SKUs × D days).
 * Needs the built extension (npm run build). Run by hand: npx tsx bench/history.ts
 */
import { build } from 'esbuild';
import { launchWithExtension } from '../test/support/browser';
import type { Bytes, SeededSku, SeedResult, Timing } from './history-page';
import { type Figure, figure, median } from './types';

const SKUS = 1_000;
const DAYS = 365;
/** Days on which every SKU was seen (a seller who opens the page daily since a month ago). */
const RECENT_DAYS = 30;
const RUNS = 25;
const BYTES_SKUS = 500;
const BYTES_DAYS = 90;

interface PageApi {
  seedStore(options: {
    name: string;
    skus: number;
    days: number;
    recentDays: number;
    now: number;
  }): Promise<SeedResult>;
  timeChart(options: { name: string; key: string; now: number; runs: number }): Promise<Timing>;
  storageCost(options: { name: string; skus: number; days: number; now: number }): Promise<Bytes>;
}

async function pageBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import * as api from './bench/history-page'; globalThis.__shelfwiseHistoryBench = api;`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function benchHistory(): Promise<Figure[]> {
  const source = await pageBundle();
  const launched = await launchWithExtension();
  try {
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/options.html#data`);
    // Evaluated through the debugger protocol, which the extension page's CSP does not block.
    await page.evaluate(source);
    const call = <K extends keyof PageApi>(name: K, options: Parameters<PageApi[K]>[0]) =>
      page.evaluate(
        ([fn, args]) =>
          (globalThis as unknown as { __shelfwiseHistoryBench: Record<string, (a: unknown) => Promise<unknown>> })
            .__shelfwiseHistoryBench[fn as string]!(args),
        [name, options] as const,
      ) as Promise<Awaited<ReturnType<PageApi[K]>>>;

    const now = Date.now();
    const bytes = await call('storageCost', { name: 'shelfwise-bench-bytes', skus: BYTES_SKUS, days: BYTES_DAYS, now });
    const seeded = await call('seedStore', { name: 'shelfwise', skus: SKUS, days: DAYS, recentDays: RECENT_DAYS, now });
    const daily = await call('timeChart', { name: 'shelfwise', key: seeded.daily.key, now, runs: RUNS });
    const busy = await call('timeChart', { name: 'shelfwise', key: seeded.busy.key, now, runs: RUNS });
    const note = (timing: Timing, sku: SeededSku) =>
      `store read ${round(median(timing.read), 2)} ms + chart data ${round(median(timing.prepare), 2)} ms over ${sku.observations} observations and ${sku.changes} changes (${timing.points} x-axis points, ${timing.days} days), one SKU among ${SKUS.toLocaleString('en-US')}; baseline: raw getAll of that SKU's observations`;
    const perSkuDay = (bytes.after - bytes.before) / (BYTES_SKUS * BYTES_DAYS);
    if (!(perSkuDay > 0))
      throw new Error(`bench/history: storage usage did not grow (${bytes.before} → ${bytes.after})`);
    return [
      figure({
        name: "history: one SKU's year for the chart, daily visits (median)",
        value: round(median(daily.chart), 2),
        unit: 'ms',
        baseline: round(median(daily.baseline), 2),
        budget: 20,
        note: note(daily, seeded.daily),
      }),
      figure({
        name: "history: one SKU's year for the chart, 3 visits a day (median)",
        value: round(median(busy.chart), 2),
        unit: 'ms',
        baseline: round(median(busy.baseline), 2),
        note: note(busy, seeded.busy),
      }),
      figure({
        name: 'history: bytes stored per SKU per day',
        value: Math.round(perSkuDay),
        unit: 'B',
        note: `navigator.storage.estimate() before/after ${BYTES_SKUS} SKUs × ${BYTES_DAYS} daily visits (${bytes.observations} observations, ${bytes.changes} changes; most SKUs change every day, so this is near the worst case); LevelDB compacts its log now and then, so this figure moves between runs`,
      }),
      figure({
        name: 'history: record bytes (JSON) per SKU per day',
        value: Math.round(bytes.recordBytes / (BYTES_SKUS * BYTES_DAYS)),
        unit: 'B',
        note: 'the same records serialised as JSON: a stable reference for the figure above',
      }),
    ];
  } finally {
    await launched.close();
  }
}

if (typeof process !== 'undefined' && process.argv[1]?.replace(/\\/g, '/').endsWith('bench/history.ts')) {
  void benchHistory().then((figures) => {
    for (const { name, value, unit, baseline, ratio, pass, note } of figures) {
      const compared = baseline === null ? '' : ` (baseline ${baseline} ${unit}, ×${ratio?.toFixed(1)})`;
      console.log(`${name}: ${value} ${unit}${compared}${pass === null ? '' : pass ? ' ✓' : ' ✗ over budget'}`);
      if (note) console.log(`  · ${note}`);
    }
  });
}
