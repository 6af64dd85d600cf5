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
  /** Without the extension: the floor script's time (FLOOR_SCRIPT), after the long tasks were counted. */
  floorMs?: number;
  /** Without the extension: what one small change costs the loaded page (FRAME_SCRIPT). */
  frameMs?: number;
}

/** The current fixture's class names the scripts below look rows' parts up by (test/fixtures/app/current/Row.tsx). */
const FIXTURE_CLASS = {
  panel: 'JanusSplitBox-module__panel--AbYDg',
  title: 'ProductDetails-module__titleContainer--wRcGp',
  status: 'Status-module__container--Xr3Lp',
  productText: 'ProductDetails-module__textFieldsContainer--kN4jT',
};

/**
 * What a frame costs the loaded page when one short text is added to one row, the least a frame of
 * Shelfwise's own could do: three rows, 300 ms apart, median, from the change to the task after the
 * frame. Where this is 50 ms or more, every frame Shelfwise causes on its own is a long task.
 */
const FRAME_SCRIPT = `(async () => {
  const rows = [...document.querySelectorAll('[data-sku]')];
  const times = [];
  for (const at of [0.25, 0.5, 0.75]) {
    const row = rows[Math.floor(rows.length * at)];
    const start = performance.now();
    const text = document.createElement('span');
    text.textContent = 'x';
    (row.getElementsByClassName('${FIXTURE_CLASS.productText}')[0] ?? row).append(text);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    times.push(performance.now() - start);
    text.remove();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return times.sort((a, b) => a - b)[1];
})()`;

/**
 * The least any reader and decorator must do, to set the scripting figure against: in an isolated
 * world like the content script's, once (cold, as on a visit), each row's field elements are found
 * by their exact class names (FIXTURE_CLASS: the cheapest lookup there is; the
 * reader learns such names from the page) and their text taken as it is, nothing parsed, one JSON
 * string made per row, and one element with a text appended per row. No labels, numbers, states,
 * chip, badges or messages: what the product does costs more than this.
 */
const FLOOR_SCRIPT = `(() => {
  const rows = [...document.querySelectorAll('[data-sku]')];
  const start = performance.now();
  const read = [];
  let panels = 0;
  for (const row of rows) {
    const texts = [];
    for (const panel of row.getElementsByClassName('${FIXTURE_CLASS.panel}')) {
      texts.push(panel.textContent);
      panels++;
    }
    for (const input of row.getElementsByTagName('kat-input')) texts.push(input.getAttribute('value'));
    for (const name of ['${FIXTURE_CLASS.title}', '${FIXTURE_CLASS.status}']) {
      texts.push(row.getElementsByClassName(name)[0]?.textContent);
    }
    texts.push(row.getElementsByTagName('img')[0]?.getAttribute('src'));
    read.push(JSON.stringify({ sku: row.getAttribute('data-sku'), texts }));
  }
  const template = document.createElement('span');
  rows.forEach((row, i) => {
    const element = template.cloneNode(false);
    element.textContent = String(read[i].length);
    (row.getElementsByClassName('${FIXTURE_CLASS.productText}')[0] ?? row).append(element);
  });
  const ms = performance.now() - start;
  // Class names the fixture no longer uses would make this floor measure nothing.
  if (panels < rows.length) throw new Error('the floor found ' + panels + ' field elements in ' + rows.length + ' rows: update its class names');
  return ms;
})()`;

const LONG_TASK_OBSERVER = `
  window.__longTaskMs = 0; window.__longTasks = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { window.__longTaskMs += entry.duration; window.__longTasks += 1; }
  }).observe({ type: 'longtask', buffered: true });
`;

async function runFloor(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'shelfwise-bench-floor',
  });
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: FLOOR_SCRIPT,
    contextId: executionContextId,
    returnByValue: true,
  });
  if (exceptionDetails) {
    throw new Error(`The floor script failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  }
  return result.value as number;
}

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
    const measured = await page.evaluate(() => {
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
    // Its own long task is not counted: the counts were taken above.
    if (withExtension) return measured;
    const frameMs = (await page.evaluate(FRAME_SCRIPT)) as number;
    return { ...measured, frameMs, floorMs: await runFloor(page) };
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
  const floor = median(without.map((v) => v.floorMs ?? Number.NaN));
  const frame = median(without.map((v) => v.frameMs ?? Number.NaN));
  return [
    figure({
      name: `page: read + decorate ${rows} rows (content-script scripting)`,
      value: scripting,
      unit: 'ms',
      baseline: floor,
      budget: scriptingBudget,
      note: `median of ${RUNS}; sum of the content script's measures over ${median(withExt.map((v) => v.batches))} batches (rows arrive as the page scrolls); baseline: the floor below`,
    }),
    figure({
      name: `page: floor, ${rows} rows: field elements found by class name, their text taken, one element drawn per row`,
      value: floor,
      unit: 'ms',
      note: `median of ${RUNS}, in an isolated world on the loaded page without the extension, once each (cold, as on a visit); nothing parsed, no chip, badges or messages (bench/page.ts, FLOOR_SCRIPT)`,
    }),
    figure({
      name: `page: long-task time added, ${rows} rows (with − without)`,
      value: Math.max(0, extLong - baseLong),
      unit: 'ms',
      baseline: baseLong,
      budget: 50,
      note: `median of ${RUNS} each: ${extLong.toFixed(0)} ms with the extension, ${baseLong.toFixed(0)} ms without, loading and scrolling ${name}`,
    }),
    figure({
      name: `page: one frame of the loaded ${rows}-row page, one short text added to one row`,
      value: frame,
      unit: 'ms',
      note: `median of ${RUNS} visits without the extension, each the median of 3 rows (bench/page.ts, FRAME_SCRIPT); at 50 ms or more every frame of Shelfwise's own is a long task, so what it draws joins the page's frames`,
    }),
  ];
}

export const pageCost: Benchmark = {
  name: 'page',
  async run() {
    return [...(await measurePage('current-250', 16)), ...(await measurePage('current-1000', 50))];
  },
};
