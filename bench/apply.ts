import { routeProductImages, scrollToLastRow } from '../test/fixtures/page-helpers';
import { createFixtureResolver, fixture, loadTruth } from '../test/fixtures/registry';
import { launchWithExtension } from '../test/support/browser';
import { routeSellerCentral } from '../test/support/seller-central';
import { type Benchmark, figure, median } from './types';

/**
 * Apply through the page, in real Chromium on the 250-row fixture: Shelfwise's own main-thread
 * time per applied row (finding, re-reading, typing, polling and reading back: the applier's
 * `shelfwise-apply` measures), excluding the page's save. The baseline is the whole run's wall
 * time per row in the same run (the page's save, pacing and the journal included).
 */

const FIXTURE = 'current-250';
const ROWS = 40;
const RUNS = Number(process.env.BENCH_APPLY_RUNS ?? 3);
const ROW = '[data-sku]:not([data-shelfwise])';

interface Run {
  ownMs: number;
  wallMs: number;
  verified: number;
  byOp: Record<string, number>;
}

async function once(skus: string[]): Promise<Run> {
  const launched = await launchWithExtension();
  try {
    await routeSellerCentral(launched.context, createFixtureResolver());
    await routeProductImages(launched.context);
    const page = await launched.context.newPage();
    await page.goto(fixture(FIXTURE).url);
    await scrollToLastRow(page, ROW, { settleMs: 400 });
    for (const sku of skus) {
      const box = page.locator(`${ROW}[data-sku="${sku}"] kat-checkbox`).first();
      await box.click();
    }
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk edit' });
    await dialog.getByLabel('Operation', { exact: true }).selectOption('add');
    await dialog.getByLabel('Amount', { exact: true }).fill('1');
    await dialog.getByRole('table').first().waitFor();
    const findings = dialog.getByRole('checkbox', { name: /I have seen these findings/ });
    if (await findings.count()) await findings.check();
    await page.evaluate(() => performance.clearMeasures());
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await dialog.locator('p[data-state]').waitFor({ timeout: 120_000 });
    const wallMs = Date.now() - started;
    const byOp = await page.evaluate(() => {
      const sums: Record<string, number> = {};
      for (const m of performance.getEntriesByType('measure')) {
        if (!m.name.startsWith('shelfwise-apply:')) continue;
        const op = m.name.slice('shelfwise-apply:'.length);
        sums[op] = (sums[op] ?? 0) + m.duration;
      }
      return sums;
    });
    const ownMs = Object.values(byOp).reduce((a, b) => a + b, 0);
    const report = await dialog.locator('p[data-state]').getAttribute('data-state');
    if (report !== 'applied') throw new Error(`the apply ended ${report}, not applied`);
    return { ownMs, wallMs, verified: skus.length, byOp };
  } finally {
    await launched.close();
  }
}

export const benchApply: Benchmark = {
  name: 'apply',
  async run() {
    const skus = loadTruth(FIXTURE)
      .listings.filter((l) => l.channel === 'mfn' && l.quantityEditable && l.stock.available !== undefined)
      .slice(0, ROWS)
      .map((l) => l.sku);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(skus));
    const per = (pick: (r: Run) => number) => median(runs.map((r) => pick(r) / r.verified));
    const own = (r: Run) => Object.entries(r.byOp).reduce((sum, [op, ms]) => (op === 'type' ? sum : sum + ms), 0);
    const wallPerRow = per((r) => r.wallMs);
    const split = Object.keys(runs[0]?.byOp ?? {})
      .map((op) => `${op} ${per((r) => r.byOp[op] ?? 0).toFixed(1)}`)
      .join(', ');
    return [
      figure({
        name: `apply: Shelfwise's own time per applied row (${skus.length} rows on ${FIXTURE})`,
        value: per(own),
        unit: 'ms',
        baseline: wallPerRow,
        budget: 30,
        note: `median of ${RUNS}; per row: ${split} ms. "type" is the page's own input handlers running while Shelfwise types (reported below, not Shelfwise's); baseline is the whole run's wall time per row (page save, 5 s pacing between saves of 25 rows, journal)`,
      }),
      figure({
        name: `apply: the same, with the page's own handling of the typed value`,
        value: per((r) => own(r) + (r.byOp.type ?? 0)),
        unit: 'ms',
        baseline: wallPerRow,
      }),
    ];
  },
};
