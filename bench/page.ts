import type { Page } from '@playwright/test';
import { routeProductImages, scrollToLastRow } from '../test/fixtures/page-helpers';
import { createFixtureResolver, fixture } from '../test/fixtures/registry';
import { launchWithExtension } from '../test/support/browser';
import { routeSellerCentral } from '../test/support/seller-central';
import { type Benchmark, type Figure, figure, median } from './types';

/**
 * What Shelfwise costs a Seller Central page, in real Chromium: the content script's own
 * scripting time to read and decorate every row (its performance measures), and the page's
 * long-task time with the extension minus without it, loading and scrolling the same fixture in
 * the same run.
 */

const ROW = '[data-sku]:not([data-shelfwise])';
const RUNS = 3;

interface Visit {
  longTaskMs: number;
  longTasks: number;
  scriptingMs: number;
  batches: number;
  rows: number;
}

const LONG_TASK_OBSERVER = `
  window.__longTaskMs = 0; window.__longTasks = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { window.__longTaskMs += entry.duration; window.__longTasks += 1; }
  }).observe({ type: 'longtask', buffered: true });
`;

async function visit(withExtension: boolean, name: string): Promise<Visit> {
  const launched = await launchWithExtension({ withExtension });
  try {
    await routeSellerCentral(launched.context, createFixtureResolver());
    await routeProductImages(launched.context);
    await launched.context.addInitScript(LONG_TASK_OBSERVER);
    const page: Page = await launched.context.newPage();
    await page.goto(fixture(name).url);
    const rows = await scrollToLastRow(page, ROW, { settleMs: 600 });
    if (withExtension) {
      // Every row decorated and badged: the work being measured is complete.
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-shelfwise="compliance"]').length >= count,
        rows,
        { timeout: 60_000 },
      );
    }
    await page.waitForTimeout(1000);
    return await page.evaluate(() => {
      const measures = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('shelfwise:'));
      const w = window as unknown as { __longTaskMs: number; __longTasks: number };
      return {
        longTaskMs: w.__longTaskMs,
        longTasks: w.__longTasks,
        scriptingMs: measures.reduce((sum, m) => sum + m.duration, 0),
        batches: measures.length,
        rows: document.querySelectorAll('[data-sku]:not([data-shelfwise])').length,
      };
    });
  } finally {
    await launched.close();
  }
}

async function measurePage(name: string, scriptingBudget: number): Promise<Figure[]> {
  const without: Visit[] = [];
  const withExt: Visit[] = [];
  // Alternate, so a machine that slows down during the run slows both sides alike.
  for (let i = 0; i < RUNS; i++) {
    without.push(await visit(false, name));
    withExt.push(await visit(true, name));
  }
  const rows = withExt[0]?.rows ?? 0;
  const baseLong = median(without.map((v) => v.longTaskMs));
  const extLong = median(withExt.map((v) => v.longTaskMs));
  const scripting = median(withExt.map((v) => v.scriptingMs));
  return [
    figure({
      name: `page: read + decorate ${rows} rows (content-script scripting)`,
      value: scripting,
      unit: 'ms',
      budget: scriptingBudget,
      note: `median of ${RUNS}; sum of the content script's measures over ${median(withExt.map((v) => v.batches))} batches (rows arrive as the page scrolls)`,
    }),
    figure({
      name: `page: long-task time added, ${rows} rows (with − without)`,
      value: Math.max(0, extLong - baseLong),
      unit: 'ms',
      baseline: baseLong,
      budget: 50,
      note: `median of ${RUNS} each: ${extLong.toFixed(0)} ms with the extension, ${baseLong.toFixed(0)} ms without, loading and scrolling ${name}`,
    }),
  ];
}

export const pageCost: Benchmark = {
  name: 'page',
  async run() {
    return [...(await measurePage('current-250', 16)), ...(await measurePage('current-1000', 50))];
  },
};
