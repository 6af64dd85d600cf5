import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { BatchRecord } from '../../components/bulk/host';
import type { Listing } from '../../lib/model/listing';
import { loadTruth } from '../fixtures/registry';
import { launchWithExtension } from '../support/browser';
import { routeSellerCentral } from '../support/seller-central';
import type { FakeHostOptions, FakeState } from './bulk-panel-host';
import { describeViolations, seriousAxeViolations } from './harness';

/**
 * The bulk-edit panel in real Chromium, without the extension: the panel and a fake PanelHost
 * (test/e2e/bulk-panel-host.ts) bundled with esbuild and mounted on a blank page served from a
 * Seller Central URL, with the rows of the current-en fixture as the page's rows.
 */

const PAGE_URL = 'https://sellercentral.amazon.com/myinventory/inventory';
const BLANK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Manage Inventory</title></head>
<body><main><h1>Manage Inventory</h1><button type="button" id="open-panel">Bulk edit</button></main></body></html>`;

const truth = loadTruth('current-en');
const listings: Listing[] = truth.listings;

/** Three merchant-fulfilled rows (48, 5 and 20 units) and one FBA row. */
const MFN = ['LUM-MUG-350-BLU', 'BLUE MUG 350ML', 'LUM-NAPKIN-4-SAGE'];
const FBA = 'LUM-BOTTLE-500-SAGE';

function extraListing(sku: string, available: number): Listing {
  return {
    account: truth.account,
    marketplace: 'US',
    sku,
    title: `Lumen archive item ${sku}`,
    channel: 'mfn',
    quantityEditable: true,
    stock: { available },
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
  };
}

const DEFAULTS: FakeHostOptions = {
  lang: 'en',
  account: truth.account,
  marketplace: 'US',
  listings,
  ticked: [],
  elsewhere: [
    { listing: extraListing('LUM-ARCHIVE-1', 11), hoursAgo: 5 },
    { listing: extraListing('LUM-ARCHIVE-2', 4), hoursAgo: 30 },
  ],
  findings: {
    'LUM-PLATE-SET-4': [{ severity: 'block', message: 'The title contains HTML markup (<b>, <script>).' }],
  },
};

let bundle: Promise<string> | undefined;

function panelBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: `
        import { createFakePanel } from './test/e2e/bulk-panel-host';
        import css from './components/bulk/panel.css';
        window.__shelfwisePanel = {
          create(options) {
            const panel = createFakePanel(options);
            window.__panel = panel;
            document.getElementById('open-panel').addEventListener('click', () => panel.open(css));
          },
        };
      `,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
    jsx: 'automatic',
    loader: { '.css': 'text' },
    alias: { '@': '.' },
    define: { 'process.env.NODE_ENV': '"development"' },
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

const test = base.extend<{ pageErrors: Error[] }, { launched: Awaited<ReturnType<typeof launchWithExtension>> }>({
  launched: [
    async ({}, use) => {
      const launched = await launchWithExtension({ withExtension: false });
      await routeSellerCentral(launched.context, () => ({ body: BLANK }));
      await use(launched);
      await launched.close();
    },
    { scope: 'worker' },
  ],
  pageErrors: async ({}, use) => use([]),
  page: async ({ launched, pageErrors }, use) => {
    const page = await launched.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error));
    page.on('console', (message) => {
      // React reports broken keys, invalid DOM nesting and the like as console errors.
      if (message.type() === 'error') pageErrors.push(new Error(message.text()));
    });
    await use(page);
    await page.close();
    expect(pageErrors.map((e) => e.message)).toEqual([]);
  },
});

declare global {
  interface Window {
    __shelfwisePanel: { create(options: FakeHostOptions): void };
    __panel: { state: FakeState; applyFile(id: string): void; setTicked(skus: string[]): void; isOpen(): boolean };
  }
}

async function openPanel(page: Page, overrides: Partial<FakeHostOptions> = {}): Promise<Locator> {
  await page.goto(PAGE_URL);
  await page.addScriptTag({ content: await panelBundle() });
  await page.evaluate((options) => window.__shelfwisePanel.create(options), { ...DEFAULTS, ...overrides });
  const title = overrides.lang === 'zh_CN' ? '批量编辑' : 'Bulk edit';
  await page.getByRole('button', { name: 'Bulk edit' }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

function fakeState(page: Page): Promise<FakeState> {
  return page.evaluate(() => window.__panel.state);
}

function previewRow(dialog: Locator, sku: string): Locator {
  return dialog.locator(`tr[data-row-sku="${sku.replaceAll('"', '\\"')}"]`);
}

/** The records of a Price & Quantity file: SKU → the row's cells by machine column name. */
function parsePriceQuantity(bytes: number[]): Map<string, Record<string, string>> {
  const text = Buffer.from(bytes).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines[0]?.startsWith('TemplateType=PriceInventory\t')).toBe(true);
  expect(lines.at(-1)).toBe('');
  const columns = (lines[2] ?? '').split('\t');
  const records = new Map<string, Record<string, string>>();
  for (const line of lines.slice(3, -1)) {
    const cells = line.split('\t');
    records.set(cells[0] ?? '', Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return records;
}

async function setOperation(dialog: Locator, value: string, amount?: string): Promise<void> {
  await dialog.getByLabel('Operation', { exact: true }).selectOption(value);
  if (amount !== undefined) await dialog.getByLabel('Amount', { exact: true }).fill(amount);
}

test('ticked 3 merchant rows and 1 FBA row → set quantity 7: 3 changes, FBA refused; the file holds exactly those 3', async ({
  page,
}) => {
  const dialog = await openPanel(page, { ticked: [...MFN, FBA] });
  await expect(dialog.getByRole('radio', { name: 'Ticked on the page (4)' })).toBeChecked();
  for (const sku of [...MFN, FBA]) await expect(dialog.getByRole('list', { name: 'Ticked SKUs' })).toContainText(sku);

  await setOperation(dialog, 'set', '7');
  const table = dialog.getByRole('table', { name: /Set quantity to 7/ });
  await expect(table).toBeVisible();
  await expect(dialog.getByText('3 changes · 0 unchanged · 1 refused')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(4);
  for (const [sku, before] of [
    ['LUM-MUG-350-BLU', '48'],
    ['BLUE MUG 350ML', '5'],
    ['LUM-NAPKIN-4-SAGE', '20'],
  ] as const) {
    const row = previewRow(dialog, sku);
    await expect(row).toHaveAttribute('data-action', 'change');
    await expect(row.locator('.sw-before-after')).toHaveText(`${before} → 7`);
    await expect(row).toContainText('read on the page just now');
    await expect(row).toContainText('Merchant');
  }
  const fba = previewRow(dialog, FBA);
  await expect(fba).toHaveAttribute('data-action', 'refused');
  await expect(fba).toContainText('Not changed');
  await expect(fba).toContainText('FBA: Amazon manages this quantity.');
  await expect(fba).toContainText('Lumen Insulated Water Bottle 500ml');
  // Guards are shown per row: 48 → 7 is a large change, 7 is below the low-stock threshold of 10.
  await expect(previewRow(dialog, 'LUM-MUG-350-BLU')).toContainText('Large change: 85% of the current stock');
  await expect(previewRow(dialog, 'LUM-MUG-350-BLU')).toContainText('below this SKU’s low-stock threshold of 10');
  // Writing through the page is the next issue: no Apply button that would do nothing.
  await expect(dialog.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  await expect(dialog.getByText('Amazon leaves blank columns (price, minimum and maximum price')).toBeVisible();

  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect(dialog.getByText(/Downloaded shelfwise-price-quantity-US-\d{8}-\d{4}\.txt \(3 SKUs\)/)).toBeVisible();
  const state = await fakeState(page);
  expect(state.downloads).toHaveLength(1);
  const download = state.downloads[0]!;
  expect(download.mimeType).toBe('text/plain;charset=UTF-8');
  const records = parsePriceQuantity(download.bytes);
  expect([...records.keys()].sort()).toEqual([...MFN].sort());
  for (const record of records.values()) {
    expect(record.quantity).toBe('7');
    expect(record.price).toBe('');
    expect(record['handling-time']).toBe('');
    expect(record['fulfillment-channel']).toBe('');
  }

  expect(state.batches).toHaveLength(1);
  const batch = state.batches[0]!;
  expect(batch).toMatchObject({ kind: 'bulk', state: 'exported', marketplace: 'US', summary: 'Set quantity to 7' });
  expect(batch.rows.map((r) => [r.sku, r.before, r.after])).toEqual([
    ['LUM-MUG-350-BLU', 48, 7],
    ['BLUE MUG 350ML', 5, 7],
    ['LUM-NAPKIN-4-SAGE', 20, 7],
  ]);
  expect(batch.file).toMatchObject({ filename: download.filename, records: 3, headerRows: 3, skus: MFN });
});

test('percentage of current stock: the rounding is stated and followed', async ({ page }) => {
  const dialog = await openPanel(page, { ticked: ['BLUE MUG 350ML', 'LUM-TRIVET-CORK', 'LUM-MUG-350-BLU'] });
  await setOperation(dialog, 'percent', '50%');
  await expect(dialog.getByText('Rounded down to whole units, so you never list more than you meant')).toBeVisible();
  await expect(previewRow(dialog, 'BLUE MUG 350ML').locator('.sw-before-after')).toHaveText('5 → 2');
  await expect(previewRow(dialog, 'LUM-TRIVET-CORK').locator('.sw-before-after')).toHaveText('3 → 1');
  await expect(previewRow(dialog, 'LUM-MUG-350-BLU').locator('.sw-before-after')).toHaveText('48 → 24');
  await expect(dialog.getByRole('table', { name: /50% of current stock, rounded down/ })).toBeVisible();

  await dialog.getByLabel('Rounding').selectOption('up');
  await expect(dialog.getByText('Rounded up to whole units (e.g. 10% of 11 = 2)')).toBeVisible();
  await expect(previewRow(dialog, 'BLUE MUG 350ML').locator('.sw-before-after')).toHaveText('5 → 3');
  await expect(previewRow(dialog, 'LUM-TRIVET-CORK').locator('.sw-before-after')).toHaveText('3 → 2');

  await dialog.getByLabel('Rounding').selectOption('nearest');
  await expect(previewRow(dialog, 'BLUE MUG 350ML').locator('.sw-before-after')).toHaveText('5 → 3');
  await expect(previewRow(dialog, 'LUM-TRIVET-CORK').locator('.sw-before-after')).toHaveText('3 → 2');

  await dialog.getByLabel('Amount', { exact: true }).fill('2000');
  await expect(dialog.getByText('Percentages go up to 1,000%.')).toBeVisible();
  await expect(dialog.getByLabel('Amount', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('table')).toHaveCount(0);
});

test('subtracting below 0 is refused with the numbers; bad amounts get a reason in words', async ({ page }) => {
  const dialog = await openPanel(page, { ticked: ['BLUE MUG 350ML', 'LUM-TRIVET-CORK'] });
  await setOperation(dialog, 'subtract', '4');
  await expect(previewRow(dialog, 'BLUE MUG 350ML').locator('.sw-before-after')).toHaveText('5 → 1');
  const trivet = previewRow(dialog, 'LUM-TRIVET-CORK');
  await expect(trivet).toHaveAttribute('data-action', 'refused');
  await expect(trivet).toContainText(
    'Subtracting 4 from 3 would give -1. Stock cannot go below 0; nothing is changed.',
  );
  await expect(trivet.locator('.sw-before-after')).toHaveText('3 → —');
  await expect(dialog.getByText('1 change · 0 unchanged · 1 refused')).toBeVisible();

  const amount = dialog.getByLabel('Amount', { exact: true });
  await amount.fill('-3');
  await expect(dialog.getByText('Amounts cannot be negative.', { exact: false })).toBeVisible();
  await amount.fill('2.5');
  await expect(dialog.getByText('Stock is counted in whole units: type 2 or 3 instead of 2.5.')).toBeVisible();
  await amount.fill('120000');
  await expect(dialog.getByText('120,000 is above your maximum of 99,999 units.', { exact: false })).toBeVisible();
  await expect(dialog.getByRole('table')).toHaveCount(0);
});

test('paste from Excel (header row, CRLF): the pasted SKUs are selected, an unknown SKU is listed', async ({
  page,
}) => {
  const dialog = await openPanel(page);
  await dialog.getByRole('radio', { name: 'Paste from Excel' }).check();
  await expect(dialog.getByLabel('Operation', { exact: true })).toHaveValue('pasted');
  await dialog
    .getByLabel('Paste two columns from Excel: SKU and quantity')
    .fill('SKU\tQuantity\r\nLUM-MUG-350-BLU\t12\r\nNOT-A-SKU\t5\r\nBLUE MUG 350ML\t3\r\n');
  await expect(dialog.getByText('2 SKUs recognised. The first line was taken as a header and skipped.')).toBeVisible();
  const unknown = dialog.getByRole('list', { name: '1 pasted SKU is not on this page and will not be changed:' });
  await expect(unknown).toContainText('Line 3: SKU “NOT-A-SKU” is not among the listings on this page.');

  const table = dialog.getByRole('table', { name: /Pasted quantities \(2 SKUs\)/ });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(previewRow(dialog, 'LUM-MUG-350-BLU').locator('.sw-before-after')).toHaveText('48 → 12');
  await expect(previewRow(dialog, 'BLUE MUG 350ML').locator('.sw-before-after')).toHaveText('5 → 3');

  // Another operation over the same pasted SKUs ignores the pasted quantities.
  await setOperation(dialog, 'add', '1');
  await expect(previewRow(dialog, 'LUM-MUG-350-BLU').locator('.sw-before-after')).toHaveText('48 → 49');
  await expect(previewRow(dialog, 'BLUE MUG 350ML').locator('.sw-before-after')).toHaveText('5 → 6');
});

test('choose here: filters, search and "select all visible"', async ({ page }) => {
  const dialog = await openPanel(page);
  await expect(dialog.getByRole('radio', { name: 'Choose here' })).toBeChecked();
  await dialog.getByLabel('Channel').selectOption('mfn');
  await dialog.getByLabel('Search SKU, ASIN or title').fill('napkin');
  // The parent row (no offer of its own) is listed and then refused with the reason.
  await dialog.getByRole('button', { name: 'Select all visible (3)' }).click();
  await setOperation(dialog, 'outOfStock');
  await expect(dialog.getByText('1 change · 1 unchanged · 1 refused')).toBeVisible();
  await expect(previewRow(dialog, 'LUM-NAPKIN-4-SAGE').locator('.sw-before-after')).toHaveText('20 → 0');
  await expect(previewRow(dialog, 'LUM-NAPKIN-PARENT')).toContainText('Variation parent: it has no stock of its own.');

  await dialog.getByRole('button', { name: 'Clear selection' }).click();
  await dialog.getByLabel('Search SKU, ASIN or title').fill('');
  await dialog.getByLabel('With compliance findings only').check();
  await dialog.getByRole('checkbox', { name: /LUM-PLATE-SET-4/ }).check();
  await setOperation(dialog, 'set', '30');
  // One confirmation per batch, and the finding listed in words; the export waits for it.
  await expect(dialog.getByText('1 SKU in this batch has compliance findings.', { exact: false })).toBeVisible();
  await expect(dialog.getByText('Must fix: The title contains HTML markup')).toBeVisible();
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect(dialog.getByText('Confirm the compliance findings above first')).toBeVisible();
  expect((await fakeState(page)).downloads).toHaveLength(0);
  const confirm = dialog.getByRole('checkbox', { name: 'I have seen these findings; continue with the whole batch' });
  await expect(confirm).toBeFocused();
  await confirm.check();
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect.poll(async () => (await fakeState(page)).downloads.length).toBe(1);
});

test('every SKU Shelfwise knows: rows from earlier visits say how old their values are; pages of 100', async ({
  page,
}) => {
  const archive = Array.from({ length: 150 }, (_, i) => ({
    listing: extraListing(`LUM-OLD-${String(i).padStart(3, '0')}`, i),
    hoursAgo: 50,
  }));
  const dialog = await openPanel(page, { elsewhere: [...(DEFAULTS.elsewhere ?? []), ...archive] });
  await dialog.getByRole('radio', { name: 'Every SKU Shelfwise knows (file export)' }).check();
  await expect(dialog.getByText('177 SKUs in this marketplace.')).toBeVisible();
  await setOperation(dialog, 'add', '1');
  const table = dialog.getByRole('table', { name: 'Add 1 to quantity: 177 rows' });
  await expect(table.locator('tbody tr')).toHaveCount(100);
  await expect(dialog.getByText('Rows 1–100 of 177')).toBeVisible();
  await expect(previewRow(dialog, 'LUM-ARCHIVE-1')).toContainText('last seen 5 hours ago');
  await expect(previewRow(dialog, 'LUM-ARCHIVE-2')).toContainText('last seen 30 hours ago');
  await expect(previewRow(dialog, 'LUM-ARCHIVE-1').locator('.sw-before-after')).toHaveText('11 → 12');
  // Values read hours ago are flagged before an add.
  await expect(previewRow(dialog, 'LUM-ARCHIVE-1')).toContainText('The current value was read 300 minutes ago');

  await dialog.getByRole('button', { name: 'Next rows' }).click();
  await expect(dialog.getByText('Rows 101–177 of 177')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(77);
  await expect(previewRow(dialog, 'LUM-OLD-149')).toContainText('last seen 2 days ago');
  await expect(dialog.getByRole('button', { name: 'Next rows' })).toBeDisabled();
  // Only refused rows: the FBA, parent and closed rows of the page, whatever page they were on.
  await dialog.getByLabel('Show', { exact: true }).selectOption('refused');
  await expect(table.locator('tbody tr')).toHaveCount(11);
  await expect(dialog.getByText('177 changes', { exact: false })).toHaveCount(0);
  await expect(dialog.getByText('166 changes · 0 unchanged · 11 refused')).toBeVisible();
});

test('the JSON_LISTINGS_FEED option asks for the merchant token and merges only quantity', async ({ page }) => {
  const dialog = await openPanel(page, { ticked: [...MFN, FBA] });
  await setOperation(dialog, 'set', '7');
  await dialog.getByRole('radio', { name: 'JSON_LISTINGS_FEED (.json) for SP-API users' }).check();
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect(dialog.getByText('“” is not a merchant token.', { exact: false })).toBeVisible();
  await dialog.getByLabel('Seller ID (merchant token)').fill('a2example12345');
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect.poll(async () => (await fakeState(page)).downloads.length).toBe(1);
  const { downloads, batches } = await fakeState(page);
  const download = downloads[0]!;
  expect(download.filename).toMatch(/^shelfwise-listings-feed-US-\d{8}-\d{4}\.json$/);
  expect(download.mimeType).toBe('application/json');
  const feed = JSON.parse(Buffer.from(download.bytes).toString('utf8'));
  expect(feed.header).toEqual({ sellerId: 'A2EXAMPLE12345', version: '2.0', issueLocale: 'en_US' });
  expect(feed.messages.map((m: { sku: string }) => m.sku)).toEqual(MFN);
  for (const m of feed.messages) {
    expect(m.patches).toEqual([
      {
        op: 'merge',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }],
      },
    ]);
  }
  expect(batches[0]?.file).toMatchObject({ filename: download.filename, headerRows: 0, skus: MFN });

  await dialog.getByRole('tab', { name: 'History' }).click();
  await expect(dialog.getByText('This batch was a JSON_LISTINGS_FEED', { exact: false })).toBeVisible();
  await expect(dialog.getByLabel(/Import processing report/)).toHaveCount(0);
});

test('Amazon.co.jp gets a Windows-31J file with the Japanese template, without asking', async ({ page }) => {
  const ja = loadTruth('current-ja');
  const dialog = await openPanel(page, {
    account: ja.account,
    marketplace: 'JP',
    listings: ja.listings,
    elsewhere: [],
    findings: {},
    ticked: ['SKR-BENTO-2DAN', 'ＳＫＲ－タオル－０１', 'SKR-TUMBLER-350'],
  });
  await setOperation(dialog, 'set', '3');
  await expect(dialog.getByText('2 changes · 0 unchanged · 1 refused')).toBeVisible();
  await expect(dialog.getByText('Encoded in Windows-31J (Shift_JIS), as Amazon.co.jp requires.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect.poll(async () => (await fakeState(page)).downloads.length).toBe(1);
  const download = (await fakeState(page)).downloads[0]!;
  expect(download.mimeType).toBe('text/plain;charset=Shift_JIS');
  const text = new TextDecoder('shift_jis', { fatal: true }).decode(Uint8Array.from(download.bytes));
  const lines = text.split('\r\n');
  expect(lines[1]?.split('\t')[0]).toBe('商品管理番号');
  expect(lines.slice(3, -1).map((line) => line.split('\t').filter((cell, i) => i === 0 || cell !== ''))).toEqual([
    ['SKR-BENTO-2DAN', '3'],
    ['ＳＫＲ－タオル－０１', '3'],
  ]);
});

test('a page that does not say its marketplace: rows are refused until the seller names it', async ({ page }) => {
  const nm = loadTruth('no-marketplace');
  const dialog = await openPanel(page, {
    account: nm.account,
    marketplace: null,
    listings: nm.listings,
    elsewhere: [],
    findings: {},
    ticked: ['BW-BOTTLE-750', 'BW-BOTTLE-500'],
  });
  await setOperation(dialog, 'set', '5');
  await expect(previewRow(dialog, 'BW-BOTTLE-750')).toContainText('The page does not say which marketplace');
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect(dialog.getByText('Choose the marketplace above first', { exact: false })).toBeVisible();

  await dialog.getByLabel('Marketplace', { exact: true }).selectOption('UK');
  await expect(previewRow(dialog, 'BW-BOTTLE-750').locator('.sw-before-after')).toHaveText('24 → 5');
  await expect(previewRow(dialog, 'BW-BOTTLE-500')).toContainText('FBA: Amazon manages this quantity.');
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect.poll(async () => (await fakeState(page)).batches.length).toBe(1);
  const { batches, downloads } = await fakeState(page);
  expect(batches[0]).toMatchObject({ marketplace: 'UK', rows: [{ sku: 'BW-BOTTLE-750', before: 24, after: 5 }] });
  expect(downloads[0]?.filename).toMatch(/^shelfwise-price-quantity-UK-/);
  expect([...parsePriceQuantity(downloads[0]!.bytes).keys()]).toEqual(['BW-BOTTLE-750']);
});

test('importing Amazon’s processing report marks each row accepted or rejected with Amazon’s message', async ({
  page,
}) => {
  const dialog = await openPanel(page, { ticked: MFN });
  await setOperation(dialog, 'set', '7');
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect.poll(async () => (await fakeState(page)).batches.length).toBe(1);

  await dialog.getByRole('tab', { name: 'History' }).click();
  await expect(dialog.getByRole('heading', { name: 'Batches for US' })).toBeVisible();
  const item = dialog.getByRole('article', { name: 'Set quantity to 7' });
  await expect(item).toContainText('Exported, waiting for Amazon');
  const report = [
    'Feed Processing Summary:',
    '\tNumber of records processed\t\t3',
    '\tNumber of records successful\t\t2',
    '',
    'original-record-number\tsku\terror-code\terror-type\terror-message',
    '2\tBLUE MUG 350ML\t8541\tError\tThe SKU data provided conflicts with the Amazon catalog.',
    '',
  ].join('\r\n');
  await item.getByLabel('Import processing report').setInputFiles({
    name: 'processing-report.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(report, 'utf8'),
  });
  await expect(item).toContainText('Processing report imported');
  await expect(item).toContainText('Partly applied');
  await expect(item).toContainText('2 accepted · 1 rejected · 0 not confirmed');
  const rows = item.getByRole('table', { name: 'Rows of “Set quantity to 7”' });
  await expect(rows.locator('tr[data-row-sku="BLUE MUG 350ML"]')).toContainText(
    'Rejected by Amazon8541: The SKU data provided conflicts with the Amazon catalog.',
  );
  await expect(rows.locator('tr[data-row-sku="LUM-MUG-350-BLU"]')).toContainText('Accepted by Amazon');

  const { updates } = await fakeState(page);
  expect(updates).toHaveLength(1);
  expect(updates[0]?.state).toBe('partial');
  expect(updates[0]?.rows.map((r) => [r.sku, r.outcome?.status])).toEqual([
    ['LUM-MUG-350-BLU', 'applied'],
    ['BLUE MUG 350ML', 'failed'],
    ['LUM-NAPKIN-4-SAGE', 'applied'],
  ]);

  // A file that is not a processing report is refused in words and changes nothing.
  await item.getByLabel('Import processing report').setInputFiles({
    name: 'orders.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('order-id\tsku\n123\tX\n', 'utf8'),
  });
  await expect(item).toContainText('This is not an Amazon processing report');
  expect((await fakeState(page)).updates).toHaveLength(1);
});

test('holiday mode round trip: every merchant SKU to 0, recorded, then restored to every previous value', async ({
  page,
}) => {
  const dialog = await openPanel(page);
  await dialog.getByRole('tab', { name: 'Holiday mode' }).click();
  await expect(dialog.getByText('No holiday batch is waiting to be restored.')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Every merchant-fulfilled SKU in US/ })).toBeChecked();
  await dialog.getByLabel('Name of this holiday batch').fill('Spring Festival 2027');
  const table = dialog.getByRole('table', { name: /Holiday: quantity 0/ });
  await expect(table).toBeVisible();
  await expect(dialog.getByText('Left out: 9 FBA, 1 variation parents, 1 closed listings.')).toBeVisible();
  // LUM-PLATE-SET-4 has a finding: one confirmation for the whole holiday batch.
  await dialog.getByRole('checkbox', { name: 'I have seen these findings; continue with the whole batch' }).check();
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect(dialog.getByText(/Downloaded shelfwise-price-quantity-US/)).toBeVisible();

  const { batches, downloads } = await fakeState(page);
  expect(batches).toHaveLength(1);
  const holiday = batches[0]!;
  expect(holiday.kind).toBe('holiday');
  expect(holiday.name).toBe('Spring Festival 2027');
  const entries = holiday.holiday?.entries ?? [];
  // Every merchant SKU with stock, on this page or seen earlier; those already at 0 need nothing.
  const expected = [...listings, ...(DEFAULTS.elsewhere ?? []).map((e) => e.listing)].filter(
    (l) => l.channel === 'mfn' && !l.isParent && l.state !== 'closed' && (l.stock.available ?? 0) > 0,
  );
  expect(expected).toHaveLength(14);
  expect(entries.map((e) => [e.sku, e.previous, e.applied]).sort()).toEqual(
    expected.map((l) => [l.sku, l.stock.available, 0]).sort(),
  );
  expect(holiday.rows.every((r) => r.after === 0 && r.remember?.quantity === r.before)).toBe(true);
  const file = parsePriceQuantity(downloads[0]!.bytes);
  expect([...file.keys()].sort()).toEqual(expected.map((l) => l.sku).sort());
  expect([...file.values()].every((r) => r.quantity === '0')).toBe(true);

  // Amazon processes the upload; the seller comes back later and opens the panel again.
  await page.evaluate((id) => window.__panel.applyFile(id), holiday.id);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Bulk edit' }).click();
  await dialog.getByRole('tab', { name: 'Holiday mode' }).click();
  await dialog.getByRole('button', { name: 'Restore Spring Festival 2027' }).click();
  const restore = dialog.getByRole('table', { name: /Restore “Spring Festival 2027”/ });
  await expect(restore).toBeVisible();
  await expect(restore.locator('tbody tr')).toHaveCount(entries.length);
  await expect(dialog.getByText(`${entries.length} changes · 0 unchanged · 0 refused`)).toBeVisible();
  for (const entry of entries) {
    await expect(previewRow(dialog, entry.sku).locator('.sw-before-after')).toHaveText(`0 → ${entry.previous}`);
  }
  await dialog.getByRole('checkbox', { name: 'I have seen these findings; continue with the whole batch' }).check();
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await expect.poll(async () => (await fakeState(page)).batches.length).toBe(2);
  const restored = (await fakeState(page)).batches[1] as BatchRecord;
  expect(restored.kind).toBe('restore');
  expect(restored.holiday?.id).toBe(holiday.holiday?.id);
  expect(restored.rows.map((r) => [r.sku, r.after]).sort()).toEqual(entries.map((e) => [e.sku, e.previous]).sort());
  const restoreFile = parsePriceQuantity((await fakeState(page)).downloads[1]!.bytes);
  for (const entry of entries) expect(restoreFile.get(entry.sku)?.quantity).toBe(String(entry.previous));

  await dialog.getByRole('button', { name: 'Done: back to holiday mode' }).click();
  await expect(dialog.getByText('No holiday batch is waiting to be restored.')).toBeVisible();
});

test('Escape closes the dialog through host.close and focus returns to the Bulk edit button', async ({ page }) => {
  const dialog = await openPanel(page);
  // Focus starts on the dialog itself (its name is announced); Tab goes on to Close.
  expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('DIALOG');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // The page's own keyboard shortcuts do not see keys typed in the panel.
  await page.evaluate(() => {
    (window as unknown as { pageKeys: string[] }).pageKeys = [];
    document.addEventListener('keydown', (e) => (window as unknown as { pageKeys: string[] }).pageKeys.push(e.key));
  });
  await page.keyboard.press('a');
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual([]);
  await expect(dialog).toHaveCount(0);
  expect((await fakeState(page)).closed).toBe(1);
  await expect(page.locator('[data-shelfwise="panel-host"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bulk edit' })).toBeFocused();

  await page.getByRole('button', { name: 'Bulk edit' }).click();
  await page.getByRole('dialog', { name: 'Bulk edit' }).getByRole('button', { name: 'Close' }).click();
  expect((await fakeState(page)).closed).toBe(2);
  await expect(page.getByRole('button', { name: 'Bulk edit' })).toBeFocused();
});

/** The focused element inside the panel's shadow root, described by role and name. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.activeElement;
    if (host?.getAttribute('data-shelfwise') !== 'panel-host') return `outside:${host?.tagName ?? 'none'}`;
    const el = host.shadowRoot?.activeElement as HTMLElement | null;
    if (!el) return 'none';
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
    const kind = el instanceof HTMLInputElement ? `input:${el.type}` : el.tagName.toLowerCase();
    return `${el.getAttribute('role') ?? kind}|${name}`;
  });
}

test('keyboard only: Tab reaches every control and stays in the dialog; the whole export works without a mouse', async ({
  page,
}) => {
  const dialog = await openPanel(page, { ticked: [...MFN, FBA] });
  await setOperation(dialog, 'set', '7');
  await expect(dialog.getByRole('table')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).focus();

  const seen: string[] = [await focused(page)];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.startsWith('outside:'), `Tab ${i + 1} left the dialog`).toBe(false);
    if (seen.includes(now)) break;
    seen.push(now);
  }
  // Back at the start: focus wrapped around inside the dialog.
  expect(await focused(page)).toBe(seen[0]);
  expect(seen[0]).toBe('button|Close');
  for (const control of [
    'tab|Change stock',
    'input:radio|Ticked on the page (4)',
    'button|Read the ticked rows again',
    'select|Operation',
    'input:text|Amount',
    'select|Show',
    'input:radio|Price & Quantity file (.txt) for “Add Products via Upload”',
    'button|Export file',
  ]) {
    expect(seen, `Tab never reached ${control}`).toContain(control);
  }
  // Shift+Tab from the first control goes to the last.
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe(seen.at(-1));

  // Arrow keys move between the views.
  await dialog.getByRole('tab', { name: 'Change stock' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Holiday mode' })).toBeFocused();
  await expect(dialog.getByRole('tab', { name: 'Holiday mode' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('tab', { name: 'Change stock' })).toHaveAttribute('aria-selected', 'true');

  // Amount by keyboard, then Tab on to "Export file" and press Enter.
  const amount = dialog.getByLabel('Amount', { exact: true });
  await amount.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9');
  // The holiday view visited above stays mounted (hidden); look in the visible view only.
  const edit = dialog.getByRole('tabpanel', { name: 'Change stock' });
  await expect(previewRow(edit, 'BLUE MUG 350ML').locator('.sw-before-after')).toHaveText('5 → 9');
  for (let i = 0; i < 40 && (await focused(page)) !== 'button|Export file'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await fakeState(page)).downloads.length).toBe(1);
  const records = parsePriceQuantity((await fakeState(page)).downloads[0]!.bytes);
  expect([...records.values()].map((r) => r.quantity)).toEqual(['9', '9', '9']);
});

test('the dialog is axe-clean: preview with refusals, notices and findings, holiday mode, history', async ({
  page,
}) => {
  const dialog = await openPanel(page, { ticked: [...MFN, FBA, 'LUM-PLATE-SET-4'] });
  await setOperation(dialog, 'set', '7');
  await expect(dialog.getByRole('heading', { name: 'Compliance findings' })).toBeVisible();
  let violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);

  await dialog.getByRole('radio', { name: 'Paste from Excel' }).check();
  await dialog.getByLabel('Paste two columns from Excel: SKU and quantity').fill('LUM-MUG-350-BLU\tx\nNOPE\t1\n');
  await expect(dialog.getByText('1 line could not be used:')).toBeVisible();
  violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);

  await dialog.getByRole('tab', { name: 'Holiday mode' }).click();
  await expect(dialog.getByRole('table', { name: /Holiday: quantity 0/ })).toBeVisible();
  violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);

  const holidayPanel = dialog.getByRole('tabpanel', { name: 'Holiday mode' });
  await holidayPanel.getByRole('checkbox', { name: /I have seen these findings/ }).check();
  await holidayPanel.getByRole('button', { name: 'Export file' }).click();
  await expect.poll(async () => (await fakeState(page)).batches.length).toBe(1);
  await dialog.getByRole('tab', { name: 'History' }).click();
  await dialog.getByRole('button', { name: /Show rows/ }).click();
  await expect(dialog.getByRole('table', { name: /Rows of/ })).toBeVisible();
  violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});

test('in Chinese: 批量编辑 with the terms Chinese sellers use, axe-clean', async ({ page }) => {
  const dialog = await openPanel(page, { lang: 'zh_CN', ticked: [...MFN, FBA] });
  await expect(dialog.getByRole('button', { name: '关闭' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '页面上已勾选的（4）' })).toBeChecked();
  await dialog.getByLabel('操作', { exact: true }).selectOption('set');
  await dialog.getByLabel('数量', { exact: true }).fill('7');
  await expect(dialog.getByText('3 个将修改 · 0 个无变化 · 1 个不修改')).toBeVisible();
  await expect(previewRow(dialog, FBA)).toContainText('亚马逊物流：库存由亚马逊管理。');
  await expect(previewRow(dialog, 'LUM-MUG-350-BLU')).toContainText('自发货');
  await expect(previewRow(dialog, 'LUM-MUG-350-BLU')).toContainText('刚从页面读取');
  await expect(dialog.getByRole('button', { name: '导出文件' })).toBeVisible();
  await expect(
    dialog.getByText('空白的列（价格、最低价、最高价、配送渠道）亚马逊不会修改', { exact: false }),
  ).toBeVisible();
  await expect(dialog.getByRole('tab', { name: '休假模式' })).toBeVisible();
  await expect(dialog.getByRole('tab', { name: '历史记录' })).toBeVisible();
  await expect(dialog).toHaveAttribute('lang', 'zh-CN');
  await dialog.getByLabel('数量', { exact: true }).fill('-1');
  await expect(dialog.getByText('数量不能为负数。', { exact: false })).toBeVisible();
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});
