import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { MARKETPLACES } from '../../lib/marketplaces';
import type { Listing } from '../../lib/model/listing';
import { HTML_LIKE_TITLE } from '../fixtures/data/current-en';
import { truthFor } from '../fixtures/data/truth';
import { routeProductImages, scrollToLastRow } from '../fixtures/page-helpers';
import {
  CURRENT_LIST_PATH,
  CURRENT_SAVE_PATH,
  createFixtureResolver,
  FIXTURES,
  type FixtureResolver,
  type FixtureResolverOptions,
  fixture,
  LEGACY_DELAYED_PATH,
  LEGACY_SAVE_PATH,
  type LegacySaveRequest,
  legacyRowId,
  loadTruth,
  type SaveRequest,
} from '../fixtures/registry';
import { FIXTURE_DEFS } from '../fixtures/server/pages';
import { fromFullWidth } from '../fixtures/shared/format';
import { currentLabels, legacyLabels } from '../fixtures/shared/labels';
import { launchWithExtension } from '../support/browser';
import { routeSellerCentral, type SellerCentral } from '../support/seller-central';

/**
 * The fixture pages themselves, without the extension: they load cleanly, show what their truth
 * says (read here the way a careful person would, from attributes, text and open shadow roots),
 * and behave like the real pages when edited, saved, paged and ticked.
 */

interface Site {
  page: Page;
  resolver: FixtureResolver;
  sellerCentral: SellerCentral;
  pageErrors: Error[];
  dialogs: string[];
}

const test = base.extend<{ siteOptions: FixtureResolverOptions; site: Site }, { browserContext: BrowserContext }>({
  browserContext: [
    async ({}, use) => {
      const launched = await launchWithExtension({ withExtension: false });
      await use(launched.context);
      await launched.close();
    },
    { scope: 'worker' },
  ],
  siteOptions: [{}, { option: true }],
  site: async ({ browserContext, siteOptions }, use) => {
    await browserContext.unrouteAll({ behavior: 'ignoreErrors' });
    const resolver = createFixtureResolver(siteOptions);
    const sellerCentral = await routeSellerCentral(browserContext, resolver);
    await routeProductImages(browserContext);
    const page = await browserContext.newPage();
    const pageErrors: Error[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await use({ page, resolver, sellerCentral, pageErrors, dialogs });
    await page.close();
  },
});

const row = (page: Page, sku: string) => page.locator(`[data-sku="${sku}"]`);
/** The merchant quantity editor: the first kat-input of a row (the inventory column comes before prices). */
const quantityInput = (page: Page, sku: string) => row(page, sku).locator('kat-input').first().locator('input');
const saveAll = (page: Page, label = 'Save all') => page.locator(`kat-button[label="${label}"]`);
const editBar = (page: Page) => page.locator('div[class^="VolusEditBar-module__container"]');

function number(text: string): number {
  return Number(fromFullWidth(text).replace(/[^\d]/g, ''));
}

interface SeenRow {
  sku: string;
  status: string;
  reasons: string[];
  pairs: Array<[string, string]>;
  quantityEditor: boolean;
  prices: string[];
  title: string;
}

/** Reads each current-page row from attributes, text and open shadow roots only. */
function readCurrentRows(page: Page): Promise<SeenRow[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-sku]')).map((row) => {
      const status = row.querySelector('[class^="Status-module__container"]');
      const inventory = row.querySelector('[class*="JanusTable-module__janusCell1"]');
      const pairs = Array.from(inventory?.querySelectorAll('[class^="JanusSplitBox-module__row"]') ?? []).map((r) => {
        const [label, value] = Array.from(r.children);
        const input = value?.querySelector('kat-input');
        const shown = input ? (input.shadowRoot?.querySelector('input')?.value ?? '') : (value?.textContent ?? '');
        return [label?.querySelector('kat-label')?.getAttribute('emphasis') ?? '', shown] as [string, string];
      });
      const prices = Array.from(row.querySelectorAll('[class*="VolusPriceInputComposite-module__priceInputRow"]')).map(
        (r) =>
          r.querySelector('kat-input')?.shadowRoot?.querySelector('input')?.value ??
          r.querySelector('[class^="JanusRichText-module__defaultText"]')?.textContent ??
          '',
      );
      return {
        sku: row.getAttribute('data-sku') ?? '',
        status: status?.querySelector('kat-label')?.getAttribute('emphasis') ?? '',
        reasons: Array.from(status?.querySelectorAll('[class^="Status-module__reason"]') ?? []).map(
          (r) => r.textContent ?? '',
        ),
        pairs,
        quantityEditor: !!inventory?.querySelector('kat-input'),
        prices,
        title: row.querySelector('[class^="ProductDetails-module__titleContainer"] a')?.textContent ?? '',
      };
    }),
  );
}

/** Compares what the page shows with the truth, as one list of per-row facts (one diff, not thousands of asserts). */
function expectCurrentRowsMatch(seen: SeenRow[], listings: Listing[], locale: string): void {
  const inv = currentLabels(locale).inventory;
  const price = (text: string | undefined) => (text ? Number(text.replace(',', '.')) : undefined);
  const shown = seen.map((r) => {
    const value = (label: string) => {
      const pair = r.pairs.find(([l]) => l === label);
      return pair ? number(pair[1]) : undefined;
    };
    return {
      sku: r.sku,
      title: r.title,
      statusText: r.reasons.length ? `${r.status} (${r.reasons.join(', ')})` : r.status,
      quantityEditable: r.quantityEditor,
      available: value(inv.availableFba) ?? value(inv.availableFbm),
      inbound: value(inv.inbound),
      reserved: value(inv.reserved),
      unfulfillable: value(inv.unfulfillable),
      stranded: value(inv.stranded),
      inboundWorking: value(inv.inboundWorking),
      inboundShipped: value(inv.inboundShipped),
      inboundReceiving: value(inv.inboundReceiving),
      price: price(r.prices[0]),
      minPrice: price(r.prices[1]),
      maxPrice: price(r.prices[2]),
    };
  });
  const expected = listings.map((l) => ({
    sku: l.sku,
    title: l.title,
    statusText: l.statusText,
    quantityEditable: l.quantityEditable,
    ...l.stock,
    price: l.price,
    minPrice: l.minPrice,
    maxPrice: l.maxPrice,
  }));
  expect(shown).toEqual(expected);
}

async function open(site: Site, name: string): Promise<void> {
  const info = fixture(name);
  if (info.variantOf) site.resolver.serve(name);
  await site.page.goto(info.url);
}

test.describe('every fixture page', () => {
  for (const info of FIXTURES) {
    test(`${info.name} loads without a page error and asks nothing of other hosts`, async ({ site }) => {
      await open(site, info.name);
      if (info.generation === 'current') await expect(site.page.locator('[data-sku]').first()).toBeVisible();
      if (info.generation === 'legacy') await expect(site.page.locator('.mt-delay-loading')).toHaveCount(0);
      await site.page.waitForLoadState('networkidle');
      expect(site.pageErrors).toEqual([]);
      expect(site.sellerCentral.blocked).toEqual([]);
    });
  }
});

test('truth files are what the fixture data says (run `npx tsx test/fixtures/write-truth.ts` after changing data)', () => {
  for (const def of FIXTURE_DEFS.filter((d) => d.truth)) {
    const expected = JSON.parse(JSON.stringify(truthFor(def)));
    expect(loadTruth(def.name), `truth/${def.name}.json`).toEqual(expected);
  }
});

test('legacy row ids are base64 of the SKU with "=" written "_e", as the reference decodes its samples', () => {
  expect(legacyRowId('MoldeM20CorazonGajos')).toBe('TW9sZGVNMjBDb3Jhem9uR2Fqb3M_e');
  expect(legacyRowId('6232963')).toBe('NjIzMjk2Mw_e_e');
  expect(legacyRowId('GU-CM32-NIL5')).toBe('R1UtQ00zMi1OSUw1');
});

test.describe('current pages show exactly what their truth says, once scrolled to the end', () => {
  const names = FIXTURES.filter((f) => f.generation === 'current' && f.truth).map((f) => f.name);
  for (const name of names) {
    test(name, async ({ site }) => {
      // The 1,000-row page renders in batches of 100 on a shared two-core machine.
      test.setTimeout(180_000);
      const truth = loadTruth(name);
      await open(site, name);
      expect(await site.page.evaluate(() => document.documentElement.lang)).toBe(truth.pageLanguage);
      const count = await scrollToLastRow(site.page);
      expect(count).toBe(truth.listings.length);
      expectCurrentRowsMatch(await readCurrentRows(site.page), truth.listings, truth.pageLanguage);
      expect(site.pageErrors).toEqual([]);
    });
  }
});

test('the current page renders rows lazily: about ten first, the rest as the page scrolls', async ({ site }) => {
  await open(site, 'current-en');
  await expect(site.page.locator('[data-sku]').first()).toBeVisible();
  await site.page.waitForTimeout(500);
  expect(await site.page.locator('[data-sku]').count()).toBe(10);
  expect(await scrollToLastRow(site.page)).toBe(25);
});

test('the legacy page shows its truth, delayed cells fill in after load', async ({ site }) => {
  const truth = loadTruth('legacy-en');
  // Hold the delayed data until the placeholders have been seen: on a busy machine they could
  // otherwise fill in before the first look.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await site.page.route(`**${LEGACY_DELAYED_PATH}**`, async (route) => {
    await held;
    await route.fallback();
  });
  await site.page.goto(fixture('legacy-en').url);
  const rows = site.page.locator('#myitable table.mt-table tbody tr.mt-row');
  await expect(rows).toHaveCount(truth.listings.length);
  expect(await site.page.locator('.mt-loading.mt-delay-loading').count()).toBeGreaterThan(0);
  release();
  await expect(site.page.locator('.mt-loading.mt-delay-loading')).toHaveCount(0);
  const seen = await site.page.evaluate(() =>
    Array.from(document.querySelectorAll('tr.mt-row')).map((tr) => {
      const cell = (column: string) => tr.querySelector(`td[data-column="${column}"]`);
      const quantity = cell('quantity');
      return {
        id: tr.id,
        sku: tr.querySelector('td[data-column="sku"] > div > div[data-column="sku"]')?.textContent ?? '',
        rowData: JSON.parse(tr.getAttribute('data-row-data') ?? '{}') as { sku?: string; asin?: string },
        status:
          tr.querySelector('td[data-column="status"] > div:nth-child(1) > div[data-column="status"] > div')
            ?.textContent ?? '',
        reason: tr.querySelector('td[data-column="status"] > div:nth-child(2) > div > div > div')?.textContent ?? '',
        quantityInput: quantity?.querySelector('input')?.getAttribute('value') ?? null,
        quantityText: quantity?.textContent ?? '',
        inbound: cell('inbound')?.textContent ?? '',
        reserved: cell('reserved')?.textContent ?? '',
        price: tr.querySelector('td[data-column="price"] span > input')?.getAttribute('value') ?? null,
        channel: tr.querySelector('td[data-column="fulfillment_channel"] > div > span')?.textContent ?? '',
        delayed: tr.getAttribute('data-delayed-row-data'),
      };
    }),
  );
  const shown = seen.map((r) => ({
    sku: r.sku,
    rowDataSku: r.rowData.sku,
    id: r.id,
    statusText: r.reason ? `${r.status} (${r.reason})` : r.status,
    quantityEditable: r.quantityInput !== null,
    available:
      r.quantityInput === null && r.quantityText === '' ? undefined : number(r.quantityInput ?? r.quantityText),
    channel: r.channel || undefined,
    condition: JSON.parse(r.delayed ?? '{}')['MYIService.OfferCondition'],
    inbound: /\d/.test(r.inbound) ? number(r.inbound) : undefined,
    reserved: /\d/.test(r.reserved) ? number(r.reserved) : undefined,
    price: r.price ? Number(r.price) : undefined,
  }));
  const expected = truth.listings.map((t) => ({
    sku: t.sku,
    rowDataSku: t.sku,
    id: legacyRowId(t.sku),
    statusText: t.statusText,
    quantityEditable: t.quantityEditable,
    available: t.stock.available,
    channel: t.isParent ? undefined : t.channel === 'fba' ? 'Amazon' : 'Merchant',
    condition: t.isParent ? undefined : t.condition,
    inbound: t.stock.inbound,
    reserved: t.stock.reserved,
    // Closed listings show their price as text, not in an input.
    price: t.state === 'closed' ? undefined : t.price,
  }));
  expect(shown).toEqual(expected);
});

test.describe('saving on the current page', () => {
  test('typing a quantity shows the edit bar; Save all posts it, re-renders the row, and a reload shows it', async ({
    site,
  }) => {
    const { page } = site;
    await open(site, 'current-en');
    const input = quantityInput(page, 'LUM-MUG-350-BLU');
    await expect(input).toHaveValue('48');
    await expect(editBar(page)).toHaveCount(0);
    await input.fill('51');
    await expect(editBar(page)).toBeVisible();
    await expect(saveAll(page)).not.toHaveAttribute('disabled');
    // The typed value is visible to an isolated world: on the host's attribute and in the shadow input.
    await expect(row(page, 'LUM-MUG-350-BLU').locator('kat-input').first()).toHaveAttribute('value', '51');
    const before = await row(page, 'LUM-MUG-350-BLU').elementHandle();
    await saveAll(page).locator('button').click();
    await expect(editBar(page)).toHaveCount(0);
    await expect(quantityInput(page, 'LUM-MUG-350-BLU')).toHaveValue('51');
    expect(await before!.evaluate((node) => node.isConnected)).toBe(false);
    const posts = site.sellerCentral.requests.filter((r) => r.method === 'POST' && r.url.includes(CURRENT_SAVE_PATH));
    expect(posts).toHaveLength(1);
    const body = JSON.parse(posts[0]!.body ?? '{}') as SaveRequest;
    expect(body).toEqual({ marketplaceId: 'ATVPDKIKX0DER', listings: [{ sku: 'LUM-MUG-350-BLU', quantity: 51 }] });
    await page.reload();
    await expect(quantityInput(page, 'LUM-MUG-350-BLU')).toHaveValue('51');
    expect(site.resolver.saved.get('current-en')).toEqual([{ sku: 'LUM-MUG-350-BLU', quantity: 51 }]);
  });

  test('a write made the way public scripts do it (native setter + composed events) is taken as an edit', async ({
    site,
  }) => {
    const { page } = site;
    await open(site, 'current-en');
    await scrollToLastRow(page);
    await expect(quantityInput(page, '000123')).toHaveValue('100');
    await page.evaluate(() => {
      const host = document.querySelector('[data-sku="000123"] kat-input');
      const input = host?.shadowRoot?.querySelector('input');
      if (!host || !input) throw new Error('no editor');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '90');
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      host.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { value: '90' } }));
    });
    await expect(saveAll(page)).not.toHaveAttribute('disabled');
    await saveAll(page).locator('button').click();
    await expect(editBar(page)).toHaveCount(0);
    await expect(quantityInput(page, '000123')).toHaveValue('90');
  });

  test('an invalid quantity keeps Save all disabled and says why', async ({ site }) => {
    const { page } = site;
    await open(site, 'current-en');
    await quantityInput(page, 'LUM-MUG-350-BLU').fill('12a');
    await expect(editBar(page)).toBeVisible();
    await expect(saveAll(page)).toHaveAttribute('disabled');
    await expect(row(page, 'LUM-MUG-350-BLU').getByText('Enter a whole number of 0 or more.')).toBeVisible();
    await saveAll(page).click({ force: true });
    await page.waitForTimeout(200);
    expect(site.sellerCentral.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  test('Save all also sends edited prices, min and max (an emptied max clears it)', async ({ site }) => {
    const { page } = site;
    await open(site, 'current-en');
    const prices = row(page, 'LUM-MUG-350-BLU').locator('[class*="VolusPriceInputComposite"] kat-input input');
    await prices.nth(0).fill('15.49');
    await prices.nth(2).fill('');
    await saveAll(page).locator('button').click();
    await expect(editBar(page)).toHaveCount(0);
    const post = site.sellerCentral.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}').listings).toEqual([{ sku: 'LUM-MUG-350-BLU', price: 15.49, maxPrice: null }]);
    await page.reload();
    const after = row(page, 'LUM-MUG-350-BLU').locator('[class*="VolusPriceInputComposite"] kat-input input');
    await expect(after.nth(0)).toHaveValue('15.49');
    await expect(after.nth(2)).toHaveValue('');
  });

  test.describe('when the save fails', () => {
    test.use({ siteOptions: { save: 'error', saveDelayMs: 300 } });
    test('the page says so and keeps the row dirty', async ({ site }) => {
      const { page } = site;
      await open(site, 'current-en');
      await quantityInput(page, 'LUM-MUG-350-BLU').fill('7');
      await saveAll(page).locator('button').click();
      await expect(saveAll(page)).toHaveAttribute('disabled');
      await expect(page.getByRole('alert')).toHaveText('There was a problem saving your changes. Please try again.');
      await expect(saveAll(page)).not.toHaveAttribute('disabled');
      await expect(quantityInput(page, 'LUM-MUG-350-BLU')).toHaveValue('7');
      await expect(row(page, 'LUM-MUG-350-BLU').locator('[class*="editedRow"]')).toHaveCount(1);
      await page.reload();
      await expect(quantityInput(page, 'LUM-MUG-350-BLU')).toHaveValue('48');
    });
  });

  test.describe('when Seller Central is rate-limiting', () => {
    test.use({ siteOptions: { save: 'rate-limit' } });
    test('the page shows the rate-limit message, and a retry after it lifts saves', async ({ site }) => {
      const { page } = site;
      await open(site, 'current-en');
      await scrollToLastRow(page);
      await quantityInput(page, 'LUM-TRIVET-CORK').fill('4');
      await saveAll(page).locator('button').click();
      await expect(page.getByText('Too many requests. Please try again later.')).toBeVisible();
      expect(await page.evaluate(() => (document.body.textContent ?? '').toLowerCase())).toContain('too many requests');
      site.resolver.setSave('ok');
      await saveAll(page).locator('button').click();
      await expect(editBar(page)).toHaveCount(0);
      await expect(quantityInput(page, 'LUM-TRIVET-CORK')).toHaveValue('4');
    });
  });

  test('the Chinese page saves through 保存所有', async ({ site }) => {
    const { page } = site;
    await open(site, 'current-zh');
    await scrollToLastRow(page);
    await quantityInput(page, 'YJ-CLIP-100').fill('480');
    await expect(saveAll(page, '保存所有')).not.toHaveAttribute('disabled');
    await saveAll(page, '保存所有').locator('button').click();
    await expect(editBar(page)).toHaveCount(0);
    await expect(quantityInput(page, 'YJ-CLIP-100')).toHaveValue('480');
  });
});

test.describe('saving on the legacy page', () => {
  const sku = 'LH-MUG-350-BLU';
  const id = legacyRowId(sku);
  const input = (page: Page) => page.locator(`tr[id="${id}"] td[data-column="quantity"] input`);

  test('a value set without keyup does not register; after keyup #saveall posts the legacy payload and replaces the row', async ({
    site,
  }) => {
    const { page } = site;
    await page.goto(fixture('legacy-en').url);
    await expect(input(page)).toHaveValue('35');
    await input(page).fill('30');
    await expect(page.locator('#saveall')).toHaveClass(/a-button-disabled/);
    await input(page).press('End');
    await expect(page.locator('#saveall')).not.toHaveClass(/a-button-disabled/);
    await expect(page.locator(`tr[id="${id}"] td[data-column="action"] button`)).toHaveText('Save');
    const before = await page.locator(`tr[id="${id}"]`).elementHandle();
    // As public scripts do: a script click on the inner span once the class lost "disabled".
    await page.locator('#saveall > span > span').evaluate((span) => (span as HTMLElement).click());
    await expect(page.getByText('Your changes have been saved.')).toBeVisible();
    expect(await before!.evaluate((node) => node.isConnected)).toBe(false);
    await expect(input(page)).toHaveValue('30');
    await expect(page.locator('#saveall')).toHaveClass(/a-button-disabled/);
    const post = site.sellerCentral.requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('https://sellercentral.amazon.com/hz/inventory/save?ref_=xx_xx_save_xx');
    const body = JSON.parse(post?.body ?? '{}') as LegacySaveRequest;
    expect(body.tableId).toBe('myitable');
    expect(body.updatedRecords).toEqual([
      { recordId: id, updatedFields: [{ fieldId: 'quantity', changedValue: '30', beforeValue: '35' }] },
    ]);
    expect(body.viewContext).toMatchObject({ action: 'TABLE_SAVED', tableId: 'myitable', pageNumber: 1 });
    await page.reload();
    await expect(input(page)).toHaveValue('30');
  });

  test.describe('when the save fails', () => {
    test.use({ siteOptions: { save: 'error' } });
    test('the table says so and keeps the edit', async ({ site }) => {
      const { page } = site;
      await page.goto(fixture('legacy-en').url);
      await input(page).fill('31');
      await input(page).press('End');
      await page.locator('#saveall').click();
      await expect(page.getByRole('alert')).toHaveText(legacyLabels('en-US').errors.generic);
      await expect(input(page)).toHaveValue('31');
      await expect(page.locator('#saveall')).not.toHaveClass(/a-button-disabled/);
      expect(site.sellerCentral.requests.filter((r) => r.url.includes(LEGACY_SAVE_PATH))).toHaveLength(1);
    });
  });

  test.describe('when Seller Central is rate-limiting', () => {
    test.use({ siteOptions: { save: 'rate-limit' } });
    test('the table shows the rate-limit message', async ({ site }) => {
      const { page } = site;
      await page.goto(fixture('legacy-en').url);
      await input(page).fill('32');
      await input(page).press('End');
      await page.locator('#saveall').click();
      await expect(page.getByRole('alert')).toHaveText('Too many requests. Please try again later.');
    });
  });
});

test('page 2 of the current page arrives without a navigation', async ({ site }) => {
  const { page } = site;
  await open(site, 'current-en');
  await expect(row(page, 'LUM-BOTTLE-500-SAGE')).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  const documents = () =>
    site.sellerCentral.requests.filter((r) => new URL(r.url).pathname === '/myinventory/inventory');
  expect(documents()).toHaveLength(1);
  await page.locator('kat-pagination [part="pagination-nav-right"]').click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(row(page, 'LUM-COASTER-6-SLATE')).toBeVisible();
  expect(await scrollToLastRow(page)).toBe(loadTruth('current-en-page-2').listings.length);
  expect((await readCurrentRows(page)).map((r) => r.sku)).toEqual(
    loadTruth('current-en-page-2').listings.map((l) => l.sku),
  );
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(documents()).toHaveLength(1);
  expect(site.sellerCentral.requests.filter((r) => r.url.includes(`${CURRENT_LIST_PATH}?`))).toHaveLength(2);
  await expect(page.locator('kat-pagination')).toHaveAttribute('page', '2');
  await page.goBack();
  await expect(row(page, 'LUM-BOTTLE-500-SAGE')).toBeVisible();
});

test.describe('HTML-like title text is text', () => {
  test('on the current page', async ({ site }) => {
    const { page } = site;
    await open(site, 'current-en');
    await scrollToLastRow(page);
    const title = row(page, 'LUM-PLATE-SET-4').locator('[class^="ProductDetails-module__titleContainer"] a');
    await expect(title).toHaveText(HTML_LIKE_TITLE);
    expect(await title.locator('b, script').count()).toBe(0);
    expect(site.dialogs).toEqual([]);
  });

  test('on the legacy page', async ({ site }) => {
    const { page } = site;
    await page.goto(fixture('legacy-en').url);
    const cell = page.locator(`tr[id="${legacyRowId('LH-PLATE-HTML')}"] td[data-column="title"] .mt-link`);
    await expect(cell).toHaveAttribute('title', HTML_LIKE_TITLE);
    await expect(cell).toHaveText(HTML_LIKE_TITLE);
    expect(await cell.locator('b, script').count()).toBe(0);
    expect(site.dialogs).toEqual([]);
  });
});

test.describe('row checkboxes keep the state a person gives them', () => {
  test('current page: kat-checkbox', async ({ site }) => {
    const { page } = site;
    await open(site, 'current-en');
    const box = row(page, 'LUM-MUG-350-BLU').locator('kat-checkbox');
    await box.click();
    await expect(box).toHaveAttribute('checked');
    await expect(page.getByRole('checkbox', { name: 'LUM-MUG-350-BLU' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.locator('kat-dropdown')).toHaveAttribute('placeholder', 'Action on 1 selected');
    await row(page, 'BLUE MUG 350ML').locator('kat-checkbox').click();
    await expect(page.locator('kat-dropdown')).toHaveAttribute('placeholder', 'Action on 2 selected');
    await box.click();
    await expect(box).not.toHaveAttribute('checked');
    await expect(page.locator('kat-dropdown')).toHaveAttribute('placeholder', 'Action on 1 selected');
  });

  test('legacy page: td[data-column=select] input', async ({ site }) => {
    const { page } = site;
    await page.goto(fixture('legacy-en').url);
    const box = page.locator(`tr[id="${legacyRowId('LH-LADLE')}"] td[data-column='select'] input`);
    await box.check();
    await expect(box).toBeChecked();
    await expect(page.locator('.mt-header-bulk-action .a-dropdown-prompt')).toHaveText('Action on 1 selected');
    await page.locator('#mt-select-all').check();
    await expect(page.locator('.mt-header-bulk-action .a-dropdown-prompt')).toHaveText(
      `Action on ${loadTruth('legacy-en').listings.length} selected`,
    );
  });
});

test('a second visit of current-en with resolver.serve("current-en-later") shows the changed quantities', async ({
  site,
}) => {
  const { page } = site;
  const earlier = loadTruth('current-en');
  const later = loadTruth('current-en-later');
  await page.goto(fixture('current-en').url);
  await scrollToLastRow(page);
  await expect(quantityInput(page, 'LUM-TRIVET-CORK')).toHaveValue('3');
  site.resolver.serve('current-en-later');
  expect(fixture('current-en-later').url).toBe(fixture('current-en').url);
  await page.reload();
  await scrollToLastRow(page);
  await expect(quantityInput(page, 'LUM-TRIVET-CORK')).toHaveValue('50');
  expectCurrentRowsMatch(await readCurrentRows(page), later.listings, later.pageLanguage);
  const changed = later.listings.filter(
    (l, i) => JSON.stringify(l.stock) !== JSON.stringify(earlier.listings[i]?.stock),
  );
  expect(changed.map((l) => l.sku)).toEqual([
    'LUM-BOTTLE-500-SAGE',
    'LUM-MUG-350-BLU',
    'BLUE MUG 350ML',
    'LUM-NAPKIN-4-SAGE',
    '保温杯-500ML-黑色',
    '000123',
    'LUM-TRIVET-CORK',
  ]);
});

test.describe('marketplace signals', () => {
  test('the UK page on the Europe host says UK in the page, not in the host', async ({ site }) => {
    const { page } = site;
    await open(site, 'current-uk-europe-host');
    await expect(page.locator('[data-sku]').first()).toBeVisible();
    const html = await page.content();
    expect(html).toContain("ue_mid = 'A1F83G8C2ARO7P'");
    await expect(page.locator('#navbar .dropdown-account-switcher-header-label-global')).toHaveText(
      'Brightwell Supplies',
    );
    await expect(page.locator('#navbar .dropdown-account-switcher-header-label-regional')).toHaveText('United Kingdom');
    await expect(
      row(page, 'BW-DESK-TIDY').locator('[class^="ProductDetails-module__titleContainer"] a'),
    ).toHaveAttribute('href', /^https:\/\/www\.amazon\.co\.uk\/dp\//);
  });

  test('the no-marketplace page carries no marketplace signal at all', async ({ site }) => {
    const { page } = site;
    await open(site, 'no-marketplace');
    await scrollToLastRow(page);
    const html = await page.content();
    expect(html).not.toContain('ue_mid');
    for (const m of MARKETPLACES) {
      expect(html, m.code).not.toContain(m.id);
      expect(html, m.code).not.toContain(`www.${m.domain}/`);
    }
    expect(html).not.toMatch(/[£€$¥]/);
    await expect(page.locator('#navbar .dropdown-account-switcher-header-label-global')).toHaveText(
      'Brightwell Supplies',
    );
    await expect(page.locator('.dropdown-account-switcher-header-label-regional')).toHaveCount(0);
  });
});

test('the unknown layout has data-sku rows but nothing of the known row structure', async ({ site }) => {
  const { page } = site;
  await page.goto(fixture('unknown-layout').url);
  await expect(page.locator('[data-sku]')).toHaveCount(4);
  await expect(page.locator('[class*="JanusTable-module__tableContentRow"], kat-input, #myitable')).toHaveCount(0);
});

test('the orders page tempts with data-sku but is not an inventory page', async ({ site }) => {
  const { page } = site;
  await page.goto(fixture('non-inventory-orders').url);
  await expect(page.locator('[data-sku]')).toHaveCount(4);
  await expect(page.locator('[class*="JanusTable-module__tableContentRow"], #myitable, kat-input')).toHaveCount(0);
});

test('the Japanese page prints some counts in full-width digits', async ({ site }) => {
  const { page } = site;
  await open(site, 'current-ja');
  await expect(row(page, 'SKR-TUMBLER-350').getByText('６４', { exact: true })).toBeVisible();
  await expect(page.getByText('１１件の商品')).toBeVisible();
  await expect(row(page, 'ＳＫＲ－タオル－０１')).toHaveCount(1);
});

test('the German page prints euro amounts the German way', async ({ site }) => {
  const { page } = site;
  await open(site, 'current-de');
  const espresso = row(page, 'KW-ESPRESSO-PRO');
  await expect(espresso.locator('[data-test-id="FeaturedOfferPrice"]')).toHaveText('1.234,56\u00a0€ + 0,00\u00a0€');
  await expect(espresso.locator('[class*="VolusPriceInputComposite"] kat-input').first()).toHaveAttribute(
    'value',
    '1234,56',
  );
  await expect(row(page, 'KW-TOPF-SET-5').getByText('1.234', { exact: true })).toBeVisible();
});
