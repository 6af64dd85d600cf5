/**
 * Reconciling 10,000 SKUs end to end from the store, in real Chromium inside the extension's
 * options page (where the dashboard's "Reconcile" runs): each SKU's latest Listing read from
 * IndexedDB, the stock file's rows mapped to MSKUs, the comparison. Budget 200 ms (issue 10).
 * Beside it, a same-run baseline (a raw read of the same listings) and, without a budget, the same
 * with the run kept in the history. Needs the built extension. Run by hand: npx tsx bench/reconcile-store.ts
 */
import { build } from 'esbuild';
import { launchWithExtension } from '../test/support/browser';
import type { Timing } from './reconcile-store-page';
import { type Figure, figure, median } from './types';

const SKUS = 10_000;
const RUNS = 15;
const DB_NAME = 'shelfwise-bench-reconcile';

async function pageBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import * as api from './bench/reconcile-store-page'; globalThis.__shelfwiseReconcileBench = api;`,
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

const round = (value: number) => Math.round(value * 100) / 100;

export async function benchReconcileStore(): Promise<Figure[]> {
  const source = await pageBundle();
  const launched = await launchWithExtension();
  try {
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/options.html#sync`);
    // Evaluated through the debugger protocol, which the extension page's CSP does not block.
    await page.evaluate(source);
    const call = (fn: 'seed' | 'time', args: unknown) =>
      page.evaluate(
        ([name, options]) =>
          (globalThis as unknown as { __shelfwiseReconcileBench: Record<string, (a: unknown) => Promise<unknown>> })
            .__shelfwiseReconcileBench[name as string]!(options),
        [fn, args] as const,
      );
    const now = Date.now();
    const seeded = (await call('seed', { name: DB_NAME, skus: SKUS, now })) as { listings: number };
    const timing = (await call('time', { name: DB_NAME, skus: SKUS, runs: RUNS, now })) as Timing;
    const note = `${SKUS.toLocaleString('en-US')} file SKUs (a quarter in two warehouses, every tenth mapped) against ${seeded.listings.toLocaleString('en-US')} stored listings (FBA, closed, unknown quantities, 500 only on Amazon): ${timing.differences} rows, ${timing.staged} staged; median of ${RUNS}; baseline: a raw getAll of the same records`;
    return [
      figure({
        name: 'reconcile-store: 10,000 SKUs from the store (median)',
        value: round(median(timing.run)),
        unit: 'ms',
        baseline: round(median(timing.baseline)),
        budget: 200,
        note,
      }),
      figure({
        name: 'reconcile-store: the same, with the run kept in the history (median)',
        value: round(median(timing.saved)),
        unit: 'ms',
        baseline: round(median(timing.baseline)),
        note: 'the record keeps every row but the matches (counted only), for the history and the explained notes',
      }),
    ];
  } finally {
    await launched.close();
  }
}

if (typeof process !== 'undefined' && process.argv[1]?.replace(/\\/g, '/').endsWith('bench/reconcile-store.ts')) {
  void benchReconcileStore().then((figures) => {
    for (const { name, value, unit, baseline, ratio, pass, note } of figures) {
      const compared = baseline === null ? '' : ` (baseline ${baseline} ${unit}, ×${ratio?.toFixed(1)})`;
      console.log(`${name}: ${value} ${unit}${compared}${pass === null ? '' : pass ? ' ✓' : ' ✗ over budget'}`);
      if (note) console.log(`  · ${note}`);
    }
  });
}
