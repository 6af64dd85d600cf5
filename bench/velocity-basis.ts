import { availableParallelism, loadavg } from 'node:os';
import { startOfDay } from '../lib/time';
import { launchWithExtension } from '../test/support/browser';
import { callInPage, loadIntoPage } from './in-page';
import { median } from './types';
import { type BenchFigure, TIME_ZONE } from './velocity';
import type { BasisSeeded, BasisTiming } from './velocity-basis-page';

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The alert basis's daily rebuild of one marketplace (rebuildMarketplace: velocity, σ and the FBA fee
 * series of every SKU), end to end from IndexedDB in an extension page: from the stored day series, beside
 * the same rebuild from every SKU's history in the same run (the product's path before the series were
 * wired). 10,000 SKUs with 95 days of daily observations each; one in three is FBA, whose fee series
 * still come from its history.
 */
export async function benchVelocityBasis(skus = 10_000, days = 95, runs = 3): Promise<BenchFigure[]> {
  const now = startOfDay('2026-11-27', TIME_ZONE) + 15 * 3_600_000;
  const launched = await launchWithExtension();
  try {
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/options.html#data`);
    await loadIntoPage(page, `export * from './bench/velocity-basis-page';`);
    const call = <T>(name: string, options: unknown) => callInPage<T>(page, name, options);
    const name = 'shelfwise-bench-velocity-basis';
    const seeded = await call<BasisSeeded>('seedBasisStore', { name, skus, days, now });
    const timing = await call<BasisTiming>('timeRebuilds', { name, now, runs });
    if (timing.checksums[0] !== timing.checksums[1])
      throw new Error(`bench/velocity-basis: the two rebuilds differ (${timing.checksums.join(' ≠ ')})`);
    const load = `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
    return [
      {
        name: `alert basis daily rebuild from the day series: ${skus.toLocaleString('en-US')} SKUs × ${days} days`,
        value: round(median(timing.series)),
        unit: 'ms',
        baseline: round(median(timing.histories)),
        note: `median of ${runs}, each beside the same rebuild from every SKU's history (baseline); ${timing.fromSeries} of ${timing.entries} entries from their series, the rest (FBA: fee series) from their histories; Σ perDay and σ identical both ways; the first rebuild, which builds and writes the series, ${round(timing.first)} ms; ${seeded.observations.toLocaleString('en-US')} observations stored; ${load}`,
      },
    ];
  } finally {
    await launched.close();
  }
}

if (typeof process !== 'undefined' && process.argv[1]?.replace(/\\/g, '/').endsWith('bench/velocity-basis.ts')) {
  void benchVelocityBasis().then((figures) => {
    for (const f of figures)
      console.log(`${f.name}: ${f.value} ${f.unit} (baseline ${f.baseline} ${f.unit})\n  · ${f.note}`);
  });
}
