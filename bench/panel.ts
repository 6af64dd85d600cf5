import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { launchWithExtension } from '../test/support/browser';
import { routeSellerCentral } from '../test/support/seller-central';
import type { Timing } from './panel-page';
import { type Figure, figure } from './types';

/**
 * The bulk-edit panel in Chromium (production React, no extension needed): planning and rendering
 * the preview of a 250-row page, and planning, rendering the preview's first page and writing the
 * Price & Quantity file for 10,000 SKUs (UTF-8, and Windows-31J for Japan). Each figure is a median
 * of runs beside a same-run baseline: as many plain React table rows as the preview draws (plus,
 * for the file, a bare tab-separated text of the same SKUs, encoded). Timed to the first layout.
 * Run by hand: npx tsx -e "import('./bench/panel.ts').then(async (m) => console.table(await m.benchPanel()))"
 */

const PAGE_URL = 'https://sellercentral.amazon.com/myinventory/inventory';

interface PageApi {
  benchPreview(cssText: string, count: number, runs: number): Timing;
  benchFile(cssText: string, count: number, runs: number, marketplace: 'US' | 'JP'): Timing;
}

async function pageBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import * as api from './bench/panel-page'; globalThis.__shelfwisePanelBench = api;`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
    jsx: 'automatic',
    alias: { '@': '.' },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]?.text ?? '';
}

const round = (value: number) => Math.round(value * 100) / 100;

export async function benchPanel(): Promise<Figure[]> {
  const source = await pageBundle();
  const cssText = readFileSync('components/bulk/panel.css', 'utf8');
  const launched = await launchWithExtension({ withExtension: false });
  try {
    await routeSellerCentral(launched.context, () => ({
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Manage Inventory</title></head><body></body></html>',
    }));
    const page = await launched.context.newPage();
    await page.goto(PAGE_URL);
    await page.addScriptTag({ content: source });
    const preview = await page.evaluate(
      ([css]) =>
        (globalThis as unknown as { __shelfwisePanelBench: PageApi }).__shelfwisePanelBench.benchPreview(css, 250, 15),
      [cssText] as const,
    );
    const us = await page.evaluate(
      ([css]) =>
        (globalThis as unknown as { __shelfwisePanelBench: PageApi }).__shelfwisePanelBench.benchFile(
          css,
          10_000,
          7,
          'US',
        ),
      [cssText] as const,
    );
    const jp = await page.evaluate(
      ([css]) =>
        (globalThis as unknown as { __shelfwisePanelBench: PageApi }).__shelfwisePanelBench.benchFile(
          css,
          10_000,
          7,
          'JP',
        ),
      [cssText] as const,
    );
    return [
      figure({
        name: 'panel: plan + render the preview, 250 rows',
        value: round(preview.value),
        unit: 'ms',
        baseline: round(preview.baseline),
        budget: 100,
        note: `median of ${preview.runs}; ${preview.changed} of 250 rows change; the preview draws ${preview.drawn} rows a page (counts cover all 250); baseline: ${preview.drawn} plain React table rows`,
      }),
      figure({
        name: 'panel: plan + preview page + P&Q file, 10,000 SKUs, UTF-8',
        value: round(us.value),
        unit: 'ms',
        baseline: round(us.baseline),
        budget: 1000,
        note: `median of ${us.runs}; ${us.changed} records, ${us.bytes} bytes; baseline: ${us.drawn} plain rows + a bare TSV of the 10,000 SKUs`,
      }),
      figure({
        name: 'panel: plan + preview page + P&Q file, 10,000 SKUs, Windows-31J',
        value: round(jp.value),
        unit: 'ms',
        baseline: round(jp.baseline),
        budget: 1000,
        note: `median of ${jp.runs}; ${jp.changed} records, ${jp.bytes} bytes`,
      }),
    ];
  } finally {
    await launched.close();
  }
}
