import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { CURRENT_SAVE_PATH, fixture, legacyRowId, loadTruth } from '../fixtures/registry';
import { describeViolations, expect, seriousAxeViolations, test } from './harness';
import { storedRecords } from './store';

/**
 * Bulk edit through the built extension on the fixture pages: the page's own checkboxes, the
 * button next to the page's actions, the panel loaded on demand, the file the seller uploads, and
 * the batch in the history store.
 */

const ROW = '[data-sku]:not([data-shelfwise])';
const MFN = ['LUM-MUG-350-BLU', 'BLUE MUG 350ML', 'LUM-NAPKIN-4-SAGE'];
const FBA = 'LUM-BOTTLE-500-SAGE';

function currentRow(page: Page, sku: string): Locator {
  return page.locator(`${ROW}[data-sku="${sku.replaceAll('"', '\\"')}"]`);
}

/** Ticks a current-page row the way a person does: a click on its kat-checkbox. */
async function tickCurrent(page: Page, sku: string): Promise<void> {
  const box = currentRow(page, sku).locator('kat-checkbox').first();
  await box.click();
  await expect(box).toHaveAttribute('checked', /.*/);
}

async function openPanel(page: Page, name = 'Bulk edit'): Promise<Locator> {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A Price & Quantity file: SKU → the row's cells by machine column name. */
function parsePriceQuantity(text: string): Map<string, Record<string, string>> {
  const lines = text.split('\r\n');
  expect(lines[0]?.startsWith('TemplateType=PriceInventory\t')).toBe(true);
  const columns = (lines[2] ?? '').split('\t');
  const records = new Map<string, Record<string, string>>();
  for (const line of lines.slice(3)) {
    if (!line) continue;
    const cells = line.split('\t');
    records.set(cells[0] ?? '', Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return records;
}

/** Ticks the batch's one findings confirmation, where the selected rows have findings. */
async function confirmFindings(dialog: Locator, name: string | RegExp): Promise<void> {
  const confirm = dialog.getByRole('checkbox', { name });
  if (await confirm.count()) await confirm.check();
}

async function exportFile(page: Page, dialog: Locator, buttonName = 'Export file'): Promise<string> {
  await confirmFindings(dialog, /I have seen these findings|我已了解这些问题/);
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: buttonName }).click();
  const download = await downloaded;
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

interface StoredBatch {
  kind: string;
  state: string;
  marketplace: string;
  rows: Array<{ sku: string; before: number | null; after: number }>;
}

test('current page: 3 ticked merchant rows and 1 FBA row → set 7 → a file with exactly those 3 at 7', async ({
  context,
  serviceWorker,
  pageErrors,
}) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
  for (const sku of [...MFN, FBA]) await tickCurrent(page, sku);
  // The button sits with the page's own actions, not floating over the page.
  await expect(page.getByRole('button', { name: 'Bulk edit' })).not.toHaveClass(/is-fixed/);

  const dialog = await openPanel(page);
  await expect(dialog.getByRole('radio', { name: 'Ticked on the page (4)' })).toBeChecked();
  await dialog.getByLabel('Operation', { exact: true }).selectOption('set');
  await dialog.getByLabel('Amount', { exact: true }).fill('7');
  await expect(dialog.getByText('3 changes · 0 unchanged · 1 refused')).toBeVisible();
  const fba = dialog.locator(`tr[data-row-sku="${FBA}"]`);
  await expect(fba).toHaveAttribute('data-action', 'refused');
  await expect(fba).toContainText('FBA: Amazon manages this quantity.');
  const violations = await seriousAxeViolations(page, '[data-shelfwise="panel-host"]');
  expect(violations, describeViolations(violations)).toEqual([]);

  const records = parsePriceQuantity(await exportFile(page, dialog));
  expect([...records.keys()].sort()).toEqual([...MFN].sort());
  for (const record of records.values()) expect(record.quantity).toBe('7');

  await expect.poll(async () => (await storedRecords<StoredBatch>(serviceWorker, 'batches')).length).toBe(1);
  const [batch] = await storedRecords<StoredBatch>(serviceWorker, 'batches');
  expect(batch).toMatchObject({ kind: 'bulk', state: 'exported', marketplace: 'US' });
  expect(batch?.rows.map((r) => [r.sku, r.after]).sort()).toEqual(MFN.map((sku) => [sku, 7]).sort());

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bulk edit' })).toBeFocused();
  expect(pageErrors).toEqual([]);
});

test('legacy page: the same through the legacy checkboxes', async ({ context }) => {
  const truth = loadTruth('legacy-en');
  const mfn = truth.listings
    .filter((l) => l.quantityEditable)
    .slice(0, 3)
    .map((l) => l.sku);
  const fba = truth.listings.find((l) => l.channel === 'fba' && !l.isParent)?.sku ?? '';
  const page = await context.newPage();
  await page.goto(fixture('legacy-en').url);
  await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
  for (const sku of [...mfn, fba])
    await page.locator(`tr[id="${legacyRowId(sku)}"] td[data-column="select"] input`).check();

  const dialog = await openPanel(page);
  await expect(dialog.getByRole('radio', { name: 'Ticked on the page (4)' })).toBeChecked();
  await dialog.getByLabel('Operation', { exact: true }).selectOption('set');
  await dialog.getByLabel('Amount', { exact: true }).fill('7');
  await expect(dialog.getByText('3 changes · 0 unchanged · 1 refused')).toBeVisible();
  const records = parsePriceQuantity(await exportFile(page, dialog));
  expect([...records.keys()].sort()).toEqual([...mfn].sort());
  for (const record of records.values()) expect(record.quantity).toBe('7');
});

test('paste from Excel selects the pasted SKUs and lists the unknown one', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
  const dialog = await openPanel(page);
  await dialog.getByRole('radio', { name: 'Paste from Excel' }).check();
  await dialog
    .getByLabel(/Paste two columns/)
    .fill('SKU\tQuantity\r\nLUM-MUG-350-BLU\t12\r\nBLUE MUG 350ML\t3\r\nNOT-A-SKU\t5\r\n');
  await expect(dialog.locator('tr[data-row-sku="LUM-MUG-350-BLU"] .sw-before-after')).toHaveText('48 → 12');
  await expect(dialog.locator('tr[data-row-sku="BLUE MUG 350ML"] .sw-before-after')).toHaveText('5 → 3');
  await expect(dialog.getByText('NOT-A-SKU').first()).toBeVisible();
  const records = parsePriceQuantity(await exportFile(page, dialog));
  expect([...records.entries()].map(([sku, r]) => [sku, r.quantity]).sort()).toEqual([
    ['BLUE MUG 350ML', '3'],
    ['LUM-MUG-350-BLU', '12'],
  ]);
});

test('holiday mode round trip: every merchant SKU to 0, Amazon applies it, the restore puts every value back', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
  let dialog = await openPanel(page);
  await dialog.getByRole('tab', { name: 'Holiday mode' }).click();
  await dialog.getByLabel('Name of this holiday batch').fill('Spring Festival 2027');
  const confirm = dialog.getByRole('checkbox', { name: 'I have seen these findings; continue with the whole batch' });
  if (await confirm.count()) await confirm.check();
  const holidayFile = parsePriceQuantity(await exportFile(page, dialog));
  expect(holidayFile.size).toBeGreaterThan(0);
  expect([...holidayFile.values()].every((r) => r.quantity === '0')).toBe(true);
  const before = new Map(
    loadTruth('current-en')
      .listings.filter((l) => holidayFile.has(l.sku))
      .map((l) => [l.sku, l.stock.available]),
  );

  // Amazon processes the upload: the fixture site takes the zeros, as Seller Central would.
  await page.evaluate(
    async ({ path, skus }) => {
      const response = await fetch(`${path}${location.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ marketplaceId: 'ATVPDKIKX0DER', listings: skus.map((sku) => ({ sku, quantity: 0 })) }),
      });
      if (!response.ok) throw new Error(`save answered ${response.status}`);
    },
    { path: CURRENT_SAVE_PATH, skus: [...holidayFile.keys()] },
  );
  await page.reload();
  await expect(
    currentRow(page, MFN[0] as string)
      .locator('kat-input')
      .first(),
  ).toHaveAttribute('value', '0');

  dialog = await openPanel(page);
  await dialog.getByRole('tab', { name: 'Holiday mode' }).click();
  await dialog.getByRole('button', { name: 'Restore Spring Festival 2027' }).click();
  for (const [sku, previous] of before) {
    await expect(dialog.locator(`tr[data-row-sku="${sku.replaceAll('"', '\\"')}"] .sw-before-after`)).toHaveText(
      `0 → ${previous}`,
    );
  }
  if (await confirm.count()) await confirm.check();
  const restoreFile = parsePriceQuantity(await exportFile(page, dialog));
  expect([...restoreFile.entries()].map(([sku, r]) => [sku, Number(r.quantity)]).sort()).toEqual(
    [...before.entries()].sort(),
  );
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('the 简体中文 page: 批量编辑 → set 7 → the file', async ({ context }) => {
    const truth = loadTruth('current-zh');
    const mfn = truth.listings
      .filter((l) => l.quantityEditable)
      .slice(0, 3)
      .map((l) => l.sku);
    const fba = truth.listings.find((l) => l.channel === 'fba' && !l.isParent)?.sku ?? '';
    const page = await context.newPage();
    await page.goto(fixture('current-zh').url);
    await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
    for (const sku of [...mfn, fba]) await tickCurrent(page, sku);
    const dialog = await openPanel(page, '批量编辑');
    await dialog.getByLabel('操作', { exact: true }).selectOption('set');
    await dialog.getByLabel('数量', { exact: true }).fill('7');
    await expect(dialog.locator(`tr[data-row-sku="${fba}"]`)).toHaveAttribute('data-action', 'refused');
    const violations = await seriousAxeViolations(page, '[data-shelfwise="panel-host"]');
    expect(violations, describeViolations(violations)).toEqual([]);
    const records = parsePriceQuantity(await exportFile(page, dialog, '导出文件'));
    expect([...records.keys()].sort()).toEqual([...mfn].sort());
  });
});
