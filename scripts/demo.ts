/**
 * `npm run demo`: the built extension in Chromium on the built-in demo Seller Central inventory
 * (the test fixtures, served at the real Seller Central URLs inside this browser only).
 * With a display it opens a window to click around in; without one (or with --headless) it visits
 * the demo pages, writes screenshots to demo-output/ and prints what it saw.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { historyHash } from '../components/dashboard/route';
import { skuKey } from '../lib/model/keys';
import { routeProductImages, scrollToLastRow } from '../test/fixtures/page-helpers';
import { createFixtureResolver, FIXTURES } from '../test/fixtures/registry';
import { launchWithExtension, type UiLanguage } from '../test/support/browser';
import { routeSellerCentral } from '../test/support/seller-central';
import { seedDemoHistory } from './demo-history';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;
const language: UiLanguage = args.has('--zh') ? 'zh_CN' : 'en';
const outDir = resolve('demo-output');

function fixtureUrl(name: string): string {
  const fixture = FIXTURES.find((f) => f.name === name);
  if (!fixture) throw new Error(`No demo page named ${name}`);
  return fixture.url;
}

async function scrollToEnd(page: Page, generation: string): Promise<void> {
  // The current inventory page renders rows as the seller scrolls.
  await scrollToLastRow(page, generation === 'legacy' ? 'tr.mt-row' : '[data-sku]:not([data-shelfwise])', {
    settleMs: 400,
  });
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function summarise(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rows = document.querySelectorAll('[data-shelfwise="row"]').length;
    const velocity = document.querySelectorAll('[data-shelfwise="velocity"]').length;
    const compliance = document.querySelectorAll('[data-shelfwise="compliance"]').length;
    const notices = [...document.querySelectorAll('[data-shelfwise="unrecognised"], [data-shelfwise="no-marketplace"]')]
      .map((n) => n.textContent)
      .join(' / ');
    const bulk = [...document.querySelectorAll('button')].some((b) => /Bulk edit|批量编辑/.test(b.textContent ?? ''));
    return `${rows} rows decorated, ${velocity} velocity badges, ${compliance} compliance badges${bulk ? ', Bulk edit button' : ''}${notices ? `; notice: ${notices}` : ''}`;
  });
}

const launched = await launchWithExtension({ headless, uiLanguage: language, viewport: { width: 1440, height: 960 } });
const { context, extensionId } = launched;
await routeSellerCentral(context, createFixtureResolver({ save: 'ok' }));
await routeProductImages(context);
const seeded = await seedDemoHistory(launched);
console.log(`Shelfwise demo: extension ${extensionId} loaded in Chromium${headless ? ' (headless)' : ''}.`);
if (seeded) console.log(`Demo history: ${seeded}.`);

const tour = [
  { name: 'current-en', file: '1-manage-all-inventory.png', label: 'Manage All Inventory (current page, English)' },
  { name: 'current-zh', file: '2-manage-all-inventory-zh.png', label: 'Manage All Inventory (简体中文 page)' },
  { name: 'legacy-en', file: '3-legacy-manage-inventory.png', label: 'Manage Inventory (legacy page)' },
];

if (headless) {
  mkdirSync(outDir, { recursive: true });
  for (const stop of tour) {
    const page = await context.newPage();
    await page.goto(fixtureUrl(stop.name));
    await scrollToEnd(page, FIXTURES.find((f) => f.name === stop.name)?.generation ?? 'current');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, stop.file), fullPage: false });
    console.log(`• ${stop.label}: ${await summarise(page)} → demo-output/${stop.file}`);
    await page.close();
  }
  for (const [path, file, label] of [
    ['popup.html', '4-popup.png', 'Toolbar popup'],
    ['options.html#overview', '5-dashboard.png', 'Dashboard'],
    ['options.html#settings', '6-settings.png', 'Dashboard settings'],
    [
      `options.html${historyHash(skuKey({ account: 'Lumen Home Goods', marketplace: 'US', sku: 'LUM-MUG-350-BLU' }))}`,
      '7-history.png',
      'A SKU’s history',
    ],
    ['options.html#changes', '8-changes.png', 'Changes'],
  ] as const) {
    const page = await context.newPage();
    if (path === 'popup.html') await page.setViewportSize({ width: 440, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(outDir, file), fullPage: true });
    const heading = await page.locator('h1').first().textContent();
    console.log(`• ${label}: "${heading?.trim()}" → demo-output/${file}`);
    await page.close();
  }
  await launched.close();
  console.log(`Screenshots are in ${outDir}. Run with a display for an interactive window.`);
} else {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(fixtureUrl('current-en'));
  console.log('A Chromium window is open on the demo Manage All Inventory page.');
  console.log(`Other demo pages: ${tour.map((t) => fixtureUrl(t.name)).join('\n  ')}`);
  console.log(
    `Popup: chrome-extension://${extensionId}/popup.html — dashboard: chrome-extension://${extensionId}/options.html`,
  );
  console.log('Close the window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await launched.close();
}
