import type { Page } from '@playwright/test';
import { createRuleContext, evaluateListings, indexByAsin } from '../../lib/compliance';
import type { Listing } from '../../lib/model/listing';
import { defaultSettings } from '../../lib/settings/schema';
import { scrollToLastRow } from '../fixtures/page-helpers';
import { fixture, loadTruth } from '../fixtures/registry';
import { launchWithExtension } from '../support/browser';
import { describeViolations, expect, seriousAxeViolations, test } from './harness';
import {
  extensionWithImageAccess,
  GREY,
  type ImageCall,
  imageId,
  routeGeneratedImages,
  setImageChecks,
} from './images';

/**
 * Main-image checks through the extension, on generated images served at Amazon's image URLs:
 * size from the full-size file's header, background from the 500 px copy, "not checked" for a
 * 404 or a timeout, and nothing fetched at all without the seller's permission.
 */

const ROW = '[data-sku]:not([data-shelfwise])';
const TRUTH = loadTruth('current-en');

/** Rows whose title, claims and offer pass, so their badge shows only what the image check found. */
function cleanRows(listings: readonly Listing[]): Listing[] {
  const settings = defaultSettings().compliance;
  const context = createRuleContext({ listingsForAsin: indexByAsin(listings) });
  const findings = evaluateListings(listings, context, settings, { categories: ['title', 'claims', 'offer'] });
  return listings.filter(
    (listing, index) => !listing.isParent && !listing.sku.startsWith('amzn.gr.') && findings[index]?.length === 0,
  );
}

const CLEAN = cleanRows(TRUTH.listings);
const [PASS, NO_ZOOM, TOO_SMALL, GREY_BG, GONE, SLOW] = CLEAN as [Listing, Listing, Listing, Listing, Listing, Listing];

const badge = (page: Page, sku: string) =>
  page.locator(`[data-shelfwise="row"][data-sku="${sku.replace(/"/g, '\\"')}"] [data-shelfwise="compliance"]`);

/** Turns image checks on the way the seller does: the dashboard's switch (the permission is already there). */
async function turnOnImageChecks(openExtensionPage: (path: string) => Promise<Page>): Promise<void> {
  const dashboard = await openExtensionPage('options.html#findings');
  const toggle = dashboard.getByRole('switch', { name: 'Check main images' });
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(dashboard.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await dashboard.close();
}

test('the fixture has six clean rows to serve images for', () => {
  expect(CLEAN.length).toBeGreaterThanOrEqual(6);
});

/** The harness, with Chromium launched from a copy of the build whose manifest grants the image hosts. */
const withAccess = test.extend<object, { imageAccessDir: string }>({
  imageAccessDir: [
    async ({}, use) => {
      const copy = extensionWithImageAccess();
      await use(copy.dir);
      copy.remove();
    },
    { scope: 'worker' },
  ],
  context: async ({ uiLanguage, pageErrors, imageAccessDir }, use) => {
    const launched = await launchWithExtension({ uiLanguage, extensionDir: imageAccessDir });
    launched.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error)));
    await use(launched.context);
    await launched.close();
  },
});

withAccess.describe('with the image-host permission', () => {
  let calls: ImageCall[];
  withAccess.beforeEach(async ({ context }) => {
    calls = await routeGeneratedImages(context, {
      [imageId(PASS.imageUrl)]: { width: 1500, height: 1500 },
      [imageId(NO_ZOOM.imageUrl)]: { width: 800, height: 800 },
      [imageId(TOO_SMALL.imageUrl)]: { width: 400, height: 400 },
      [imageId(GREY_BG.imageUrl)]: { width: 1500, height: 1500, background: GREY },
      [imageId(GONE.imageUrl)]: { width: 1500, height: 1500, status: 404 },
      [imageId(SLOW.imageUrl)]: { width: 1500, height: 1500, hang: true },
    });
  });

  withAccess(
    '1,500 px on white passes, 800 px warns, 400 px blocks, grey warns, a 404 is "not checked"',
    async ({ context, openExtensionPage }) => {
      await turnOnImageChecks(openExtensionPage);
      const page = await context.newPage();
      await page.goto(fixture('current-en').url);
      await scrollToLastRow(page, ROW);

      await expect(badge(page, PASS.sku)).toHaveAttribute('data-image', 'checked', { timeout: 30_000 });
      await expect(badge(page, PASS.sku)).toHaveAttribute('data-severity', 'ok');
      await expect(badge(page, NO_ZOOM.sku)).toHaveAttribute('data-image', 'checked', { timeout: 30_000 });
      await expect(badge(page, NO_ZOOM.sku)).toHaveAttribute('data-severity', 'warn');
      await expect(badge(page, TOO_SMALL.sku)).toHaveAttribute('data-severity', 'block', { timeout: 30_000 });
      await expect(badge(page, GREY_BG.sku)).toHaveAttribute('data-severity', 'warn', { timeout: 30_000 });
      await expect(badge(page, GONE.sku)).toHaveAttribute('data-image', 'not-checked', { timeout: 30_000 });
      await expect(badge(page, GONE.sku)).toHaveAttribute('data-severity', 'ok');
      await expect(badge(page, GONE.sku)).toHaveAttribute('data-issues', '0');

      // Each finding is the image rule's, with the measured figures.
      const popover = page.locator('[data-shelfwise="popover"]');
      // One popover at a time: an open one may cover the next row's badge.
      const open = async (sku: string) => {
        await page.keyboard.press('Escape');
        await badge(page, sku).click();
      };
      await open(NO_ZOOM.sku);
      await expect(popover.locator('li[data-rule="image.no-zoom"]')).toContainText('800×800');
      await open(TOO_SMALL.sku);
      await expect(popover.locator('li[data-rule="image.too-small"]')).toContainText('400×400');
      await open(GREY_BG.sku);
      await expect(popover.locator('li[data-rule="image.background"]')).toContainText('background must be pure white');
      await open(GONE.sku);
      await expect(popover).toContainText('Main image not checked: the image server answered 404.');
      const violations = await seriousAxeViolations(page, '[data-shelfwise="popover"]');
      expect(violations, describeViolations(violations)).toEqual([]);

      // Size from the full-size file, background from the 500 px copy, both by the background.
      const id = imageId(PASS.imageUrl);
      const fromWorker = calls.filter((call) => call.fromServiceWorker).map((call) => call.url);
      expect(fromWorker).toContain(`https://m.media-amazon.com/images/I/${id}.jpg`);
      expect(fromWorker).toContain(`https://m.media-amazon.com/images/I/${id}._SL500_.jpg`);
      // The page itself only ever loads its thumbnails.
      expect(calls.filter((call) => !call.fromServiceWorker).every((call) => call.url.includes('._SL75_.'))).toBe(true);
    },
  );

  withAccess(
    'an image that does not arrive in time is "not checked", and the page asks until it knows',
    async ({ context, openExtensionPage }) => {
      withAccess.setTimeout(90_000);
      await turnOnImageChecks(openExtensionPage);
      const page = await context.newPage();
      await page.goto(fixture('current-en').url);
      const slow = badge(page, SLOW.sku);
      await expect(slow).toHaveAttribute('data-image', 'pending', { timeout: 20_000 });
      await expect(slow).toHaveAttribute('data-image', 'not-checked', { timeout: 45_000 });
      await expect(slow).toHaveAttribute('data-severity', 'ok');
      await slow.click();
      await expect(page.locator('[data-shelfwise="popover"]')).toContainText('the image took too long to load');
    },
  );

  withAccess(
    'the page summary counts image findings once the checks are in',
    async ({ context, openExtensionPage }) => {
      await turnOnImageChecks(openExtensionPage);
      const page = await context.newPage();
      await page.goto(fixture('current-en').url);
      await scrollToLastRow(page, ROW);
      await expect(badge(page, GREY_BG.sku)).toHaveAttribute('data-severity', 'warn', { timeout: 30_000 });
      const summary = page.locator('[data-shelfwise="compliance-summary"]');
      const sums = async () =>
        page.evaluate(() => {
          let block = 0;
          let warn = 0;
          for (const b of document.querySelectorAll<HTMLElement>('[data-shelfwise="compliance"]')) {
            block += Number(b.dataset.block);
            warn += Number(b.dataset.warn);
          }
          return `${block}/${warn}`;
        });
      await expect
        .poll(async () => `${await summary.getAttribute('data-block')}/${await summary.getAttribute('data-warn')}`)
        .toBe(await sums());
      await expect(summary).toContainText('Listing checks:');
    },
  );
});

test('without the permission nothing is fetched, even with image checks switched on', async ({
  context,
  serviceWorker,
}) => {
  const calls = await routeGeneratedImages(context, {});
  // The setting alone (say, from a backup) must not be enough: the permission is what counts.
  await setImageChecks(serviceWorker, true);
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await scrollToLastRow(page, ROW);
  const pass = badge(page, PASS.sku);
  await expect(pass).toHaveAttribute('data-image', 'not-checked');
  await pass.click();
  await expect(page.locator('[data-shelfwise="popover"]')).toContainText('image checks are off');
  // Long enough for checks to have started had they been allowed.
  await page.waitForTimeout(2000);
  expect(calls.filter((call) => call.fromServiceWorker)).toEqual([]);
  expect(calls.every((call) => call.url.includes('._SL75_.'))).toBe(true);
  const summary = page.locator('[data-shelfwise="compliance-summary"]');
  await expect(summary).not.toContainText('being checked');
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('an image that could not be checked says so in Chinese', async ({ context, serviceWorker }) => {
    await setImageChecks(serviceWorker, false);
    const page = await context.newPage();
    await page.goto(fixture('current-en').url);
    const pass = badge(page, PASS.sku);
    await expect(pass).toHaveAttribute('data-image', 'not-checked');
    await pass.click();
    await expect(page.locator('[data-shelfwise="popover"]')).toContainText('未检查主图');
  });
});
