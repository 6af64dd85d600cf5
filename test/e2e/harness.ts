import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { routeProductImages } from '../fixtures/page-helpers';
import { createFixtureResolver, type FixtureResolver, type FixtureResolverOptions } from '../fixtures/registry';
import { launchWithExtension, restartServiceWorker, type UiLanguage } from '../support/browser';
import { routeSellerCentral, type SellerCentral } from '../support/seller-central';

/**
 * The shared fixture for every end-to-end test: Chromium with the built extension in a fresh
 * profile, Seller Central hosts routed to fixture pages, every request captured, and helpers to
 * open the extension's pages and to restart its service worker.
 * Use `test.use({ uiLanguage: 'zh_CN' })` for a browser running in Chinese.
 */
interface Fixtures {
  uiLanguage: UiLanguage;
  /** How the fixture site answers saves (`test.use({ siteOptions: { save: 'rate-limit' } })`). */
  siteOptions: FixtureResolverOptions;
  /** The fixture Seller Central site: `site.serve('current-en-later')`, `site.setSave('error')`, `site.saved`. */
  site: FixtureResolver;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  sellerCentral: SellerCentral;
  openExtensionPage: (path: string) => Promise<Page>;
  restartWorker: () => Promise<void>;
  /** Page errors (uncaught exceptions) seen in any page of the context. */
  pageErrors: Error[];
}

export const test = base.extend<Fixtures>({
  uiLanguage: ['en', { option: true }],
  siteOptions: [{}, { option: true }],
  site: async ({ siteOptions }, use) => use(createFixtureResolver(siteOptions)),
  pageErrors: async ({}, use) => use([]),
  context: async ({ uiLanguage, pageErrors }, use) => {
    const launched = await launchWithExtension({ uiLanguage });
    launched.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error)));
    await use(launched.context);
    await launched.close();
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host),
  // Automatic: every test's browser reaches the fixture site, never the internet.
  sellerCentral: [
    async ({ context, site }, use) => {
      const routed = await routeSellerCentral(context, site);
      // Product thumbnails come from Amazon's image host, as on the real page.
      await routeProductImages(context);
      await use(routed);
    },
    { auto: true },
  ],
  openExtensionPage: async ({ context, extensionId }, use) =>
    use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    }),
  restartWorker: async ({ context, extensionId }, use) => use(() => restartServiceWorker(context, extensionId)),
});

export { expect };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's serious and critical violations on the page (or inside one element). The source is
 * evaluated through the debugger protocol, which extension-page CSP does not block.
 */
export async function seriousAxeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async (selector) => {
    const axe = (
      globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations;
  }, include ?? null)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}
