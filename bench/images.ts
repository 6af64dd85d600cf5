import type { Page, Worker } from '@playwright/test';
import { IMAGE_LIMITS } from '../lib/compliance/data/limits';
import {
  extensionWithImageAccess,
  GREY,
  routeGeneratedImages,
  type ServedImage,
  setImageChecks,
} from '../test/e2e/images';
import { scrollToLastRow } from '../test/fixtures/page-helpers';
import { createFixtureResolver, fixture, loadTruth } from '../test/fixtures/registry';
import { launchWithExtension } from '../test/support/browser';
import { routeSellerCentral } from '../test/support/seller-central';
import { type Figure, figure, median } from './types';

/**
 * Main-image checks, in real Chromium on `current-250` with generated images served at Amazon's
 * image URLs: the page's long-task time with image checks on minus off (same build, same run,
 * alternating), and how many images the background checks per second. Both sides run a copy of
 * the build whose manifest grants the image hosts (Playwright cannot answer the permission
 * prompt), so the only difference between them is the setting.
 * Run by hand: npx tsx -e "import('./bench/images.ts').then(async (m) => console.log(await m.benchImages()))"
 */

const NAME = 'current-250';
const ROW = '[data-sku]:not([data-shelfwise])';
const RUNS = 3;

const LONG_TASK_OBSERVER = `
  window.__longTaskMs = 0; window.__longTasks = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { window.__longTaskMs += entry.duration; window.__longTasks += 1; }
  }).observe({ type: 'longtask', buffered: true });
`;

interface Visit {
  longTaskMs: number;
  longTasks: number;
  /** Images with a verdict or a "not checked" reason (on), 0 (off). */
  settled: number;
  /** From the background's first image request to its last sample request, ms. */
  checkSpanMs: number;
  imagesFetched: number;
}

/** A mix like a real catalogue: most images fine, some too small for zoom, some on grey. */
function servedImages(): Record<string, ServedImage> {
  const served: Record<string, ServedImage> = {};
  loadTruth(NAME).listings.forEach((listing, index) => {
    const id = listing.imageUrl ? /\/images\/I\/([^./]+)/.exec(listing.imageUrl)?.[1] : undefined;
    if (!id) return;
    if (index % 7 === 3) served[id] = { width: 800, height: 800 };
    else if (index % 11 === 5) served[id] = { width: 1500, height: 1500, background: GREY };
  });
  return served;
}

async function visit(extensionDir: string, imageChecks: boolean): Promise<Visit> {
  const launched = await launchWithExtension({ extensionDir });
  try {
    await routeSellerCentral(launched.context, createFixtureResolver());
    const calls = await routeGeneratedImages(launched.context, servedImages());
    await setImageChecks(launched.serviceWorker as Worker, imageChecks);
    await launched.context.addInitScript(LONG_TASK_OBSERVER);
    const page: Page = await launched.context.newPage();
    await page.goto(fixture(NAME).url);
    const rows = await scrollToLastRow(page, ROW, { settleMs: 600 });
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-shelfwise="compliance"]').length >= count,
      rows,
      { timeout: 60_000 },
    );
    if (imageChecks) {
      // The work being measured is complete when no badge waits for its image any more.
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-shelfwise="compliance"][data-image="pending"]').length === 0 &&
          document.querySelectorAll('[data-shelfwise="compliance"][data-image]').length > 0,
        undefined,
        { timeout: 180_000, polling: 250 },
      );
    }
    await page.waitForTimeout(1000);
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __longTaskMs: number; __longTasks: number };
      return {
        longTaskMs: w.__longTaskMs,
        longTasks: w.__longTasks,
        settled: document.querySelectorAll(
          '[data-shelfwise="compliance"][data-image="checked"], [data-shelfwise="compliance"][data-image="not-checked"]',
        ).length,
      };
    });
    const fromWorker = calls.filter((call) => call.fromServiceWorker);
    const samples = fromWorker.filter((call) => call.url.includes(`._SL${IMAGE_LIMITS.sampleMaxSide}_.`));
    const first = fromWorker[0]?.at ?? 0;
    return {
      ...measured,
      settled: imageChecks ? measured.settled : 0,
      checkSpanMs: (samples.at(-1)?.at ?? first) - first,
      imagesFetched: samples.length,
    };
  } finally {
    await launched.close();
  }
}

export async function benchImages(): Promise<Figure[]> {
  const copy = extensionWithImageAccess();
  try {
    const off: Visit[] = [];
    const on: Visit[] = [];
    // Alternate, so a machine that slows down during the run slows both sides alike.
    for (let i = 0; i < RUNS; i++) {
      off.push(await visit(copy.dir, false));
      on.push(await visit(copy.dir, true));
    }
    const offLong = median(off.map((v) => v.longTaskMs));
    const onLong = median(on.map((v) => v.longTaskMs));
    const rates = on.map((v) => (v.checkSpanMs > 0 ? v.imagesFetched / (v.checkSpanMs / 1000) : 0));
    const settled = median(on.map((v) => v.settled));
    return [
      figure({
        name: `images: page long-task time added by image checks, ${NAME} (on − off)`,
        value: Math.max(0, onLong - offLong),
        unit: 'ms',
        baseline: offLong,
        budget: 50,
        note: `median of ${RUNS} each: ${onLong.toFixed(0)} ms (${median(on.map((v) => v.longTasks))} long tasks) with image checks, ${offLong.toFixed(0)} ms (${median(off.map((v) => v.longTasks))}) without; ${settled} images settled per run; budget as the page benchmark's (run-to-run noise)`,
      }),
      figure({
        name: 'images: main images checked per second (background, 3 at a time)',
        value: median(rates),
        unit: 'images/s',
        budget: null,
        note: `median of ${RUNS}: ${IMAGE_LIMITS.sampleMaxSide} px samples fetched ÷ time from the first image request to the last sample request; images served locally by Playwright, so this is the checker's own pace, not Amazon's`,
      }),
    ];
  } finally {
    copy.remove();
  }
}
