import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import Papa from 'papaparse';
import { skuKey } from '../../lib/model/keys';
import type { Listing } from '../../lib/model/listing';
import { scrollToLastRow } from '../fixtures/page-helpers';
import { type FixtureResolver, fixture, loadTruth } from '../fixtures/registry';
import { describeViolations, expect, seriousAxeViolations, test } from './harness';
import { storedRecords } from './store';

/**
 * The dashboard's history, changes, exports and data management, on what two real visits of the
 * fixture Manage Inventory page recorded: `current-en`, then the same page a day later
 * (`current-en-later`), where some SKUs sold, a merchant quantity was raised elsewhere and an FBA
 * shipment was received.
 */

const ROW = '[data-sku]:not([data-shelfwise])';
type Kind = 'sale' | 'external' | 'receipt';
interface StoredChange {
  sku: string;
  kind: string;
  key: string;
}

/**
 * The changes the second visit must reveal, from the truth files and the domain's rules: a merchant
 * quantity that fell is a sale and one that rose is an external change; FBA sellable stock (available
 * + reserved) that fell is a sale, and one that rose while units in transit fell is a receipt.
 */
function expectedChanges(): Array<{ sku: string; kind: Kind }> {
  const before = new Map(loadTruth('current-en').listings.map((l) => [l.sku, l]));
  const expected: Array<{ sku: string; kind: Kind }> = [];
  for (const after of loadTruth('current-en-later').listings) {
    const was = before.get(after.sku);
    if (!was || was.channel !== after.channel) continue;
    const sellable = (l: Listing) => (l.stock.available ?? 0) + (l.channel === 'fba' ? (l.stock.reserved ?? 0) : 0);
    const delta = sellable(after) - sellable(was);
    if (delta === 0) continue;
    if (after.channel === 'mfn') expected.push({ sku: after.sku, kind: delta < 0 ? 'sale' : 'external' });
    else if (delta < 0) expected.push({ sku: after.sku, kind: 'sale' });
    else if ((after.stock.inbound ?? 0) < (was.stock.inbound ?? 0)) expected.push({ sku: after.sku, kind: 'receipt' });
  }
  return expected;
}

const EXPECTED = expectedChanges();
const TRUTH = loadTruth('current-en');
const keyOf = (sku: string) => skuKey({ account: TRUTH.account, marketplace: TRUTH.marketplace ?? '', sku });
const RECEIVED = EXPECTED.find((e) => e.kind === 'receipt')!.sku;
const RAISED = EXPECTED.find((e) => e.kind === 'external')!.sku;

test('the truth files hold a sale, an external change and a receipt', () => {
  expect(new Set(EXPECTED.map((e) => e.kind))).toEqual(new Set(['sale', 'external', 'receipt']));
});

/** Both visits, scrolled to the last row, and the store holding every expected change. */
async function visitTwice(context: BrowserContext, site: FixtureResolver, worker: Worker): Promise<void> {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await scrollToLastRow(page, ROW);
  await expect
    .poll(async () => (await storedRecords(worker, 'skus')).length, { timeout: 20_000 })
    .toBe(TRUTH.listings.length);
  site.serve('current-en-later');
  await page.reload();
  await scrollToLastRow(page, ROW);
  const missing = async () => {
    const changes = await storedRecords<StoredChange>(worker, 'changes');
    return EXPECTED.filter((e) => !changes.some((c) => c.sku === e.sku && c.kind === e.kind));
  };
  await expect.poll(missing, { timeout: 20_000 }).toEqual([]);
  await page.close();
}

async function snapshot(worker: Worker) {
  return {
    skus: await storedRecords(worker, 'skus'),
    observations: await storedRecords(worker, 'observations'),
    changes: await storedRecords(worker, 'changes'),
  };
}

async function expectAxeClean(page: Page, label: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${label}: ${describeViolations(violations)}`).toEqual([]);
}

/** A changes-table row for one SKU and kind (the SKU cell links to its history). */
function changeRow(page: Page, sku: string, kindLabel: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `History of ${sku}`, exact: true }) })
    .filter({ hasText: kindLabel });
}

const KIND_LABEL: Record<Kind, string> = { sale: 'Sale', external: 'External change', receipt: 'Receipt' };

test.describe('in an English browser', () => {
  test('the overview and the changes table show what the visits recorded; the filtered rows export as CSV', async ({
    context,
    site,
    serviceWorker,
    openExtensionPage,
    pageErrors,
  }) => {
    await visitTwice(context, site, serviceWorker);
    const page = await openExtensionPage('options.html#overview');
    const overview = page.getByRole('table', { name: /per account and marketplace/ });
    const row = overview.getByRole('row').filter({ hasText: TRUTH.account });
    await expect(row).toContainText(String(TRUTH.listings.length));
    await expect(row).toContainText(/\d+ sales/);
    await expect(row).toContainText('1 receipt');
    await expect(row).toContainText('1 external change');
    await expectAxeClean(page, 'overview');

    await page.getByRole('link', { name: 'Changes', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Stock changes', level: 2 })).toBeVisible();
    for (const { sku, kind } of EXPECTED) {
      await expect(changeRow(page, sku, KIND_LABEL[kind]).first(), `${sku}: ${kind}`).toBeVisible();
    }
    await expectAxeClean(page, 'changes');

    // Only the sales, then export exactly those rows.
    await page.getByLabel('Kind of change').selectOption({ label: 'Sale' });
    const sales = EXPECTED.filter((e) => e.kind === 'sale').map((e) => e.sku);
    const table = page.getByRole('table', { name: 'Stock changes, newest first' });
    await expect(table.locator('tbody tr')).toHaveCount(sales.length);
    const shown = await table.locator('tbody tr td.sku-cell').allTextContents();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^shelfwise-changes-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.SKU)).toEqual(shown);
    expect(new Set(parsed.data.map((r) => r.SKU))).toEqual(new Set(sales));
    for (const r of parsed.data) {
      expect(r).toMatchObject({ Marketplace: TRUTH.marketplace, Kind: 'Sale', 'Recorded by': 'Page visit' });
      expect(Number(r.Change)).toBe(Number(r.After) - Number(r.Before));
      expect(Number(r.Change)).toBeLessThan(0);
      expect(r['When (marketplace time)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    await expect(page.getByRole('status').filter({ hasText: `${sales.length} rows exported` })).toBeVisible();

    // A SKU filter (any case) narrows the table; clearing brings every row back.
    const needle = RAISED.slice(0, 8);
    const all = await storedRecords<StoredChange>(serviceWorker, 'changes');
    await page.getByLabel('SKU contains').fill(needle.toLowerCase());
    await page.getByLabel('Kind of change').selectOption({ label: 'All' });
    await expect(table.locator('tbody tr')).toHaveCount(all.filter((c) => c.sku.includes(needle)).length);
    await expect(changeRow(page, RAISED, 'External change')).toHaveCount(1);
    for (const sku of await table.locator('tbody tr td.sku-cell').allTextContents()) expect(sku).toContain(needle);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(all.length);
    expect(pageErrors).toEqual([]);
  });

  test('a SKU’s history shows its chart, a text alternative listing the points, and its changes', async ({
    context,
    site,
    serviceWorker,
    openExtensionPage,
    pageErrors,
  }) => {
    await visitTwice(context, site, serviceWorker);
    const before = TRUTH.listings.find((l) => l.sku === RECEIVED)!;
    const after = loadTruth('current-en-later').listings.find((l) => l.sku === RECEIVED)!;

    // Found through the search box with the keyboard alone.
    const page = await openExtensionPage('options.html#history');
    const search = page.getByRole('combobox', { name: 'Find a SKU' });
    await search.fill(RECEIVED.slice(0, 3));
    await expect(page.getByRole('option', { name: new RegExp(RECEIVED) })).toBeVisible();
    await expectAxeClean(page, 'history with suggestions');
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#history/${encodeURIComponent(keyOf(RECEIVED))}$`));
    await expect(page.getByRole('heading', { name: RECEIVED, level: 3 })).toBeVisible();

    const figure = page.getByRole('figure');
    await expect(figure.locator('canvas').first()).toBeAttached();
    expect(
      await figure
        .locator('canvas')
        .first()
        .evaluate((c: HTMLCanvasElement) => c.width),
    ).toBeGreaterThan(0);
    await expect(figure).toContainText(`${before.stock.available} at the start, ${after.stock.available} at the end`);
    await expect(figure).toContainText('1 receipt');
    await figure.getByRole('button', { name: 'Show the data as a table' }).click();
    const points = page.getByRole('table', { name: `Recorded stock of ${RECEIVED}` });
    await expect(points.locator('tbody tr')).toHaveCount(2);
    await expect(points.locator('tbody tr').nth(0)).toContainText(String(before.stock.available));
    await expect(points.locator('tbody tr').nth(0)).toContainText(String(before.stock.inbound));
    await expect(points.locator('tbody tr').nth(1)).toContainText(String(after.stock.available));
    await expect(points.locator('tbody tr').nth(1)).toContainText('Receipt');
    // Both visits fell on one day, minutes apart, and the receipt hides any sale between them: no day's
    // sales are known, so no sales table is offered rather than a column of guesses.
    await expect(page.getByRole('table', { name: 'Estimated units sold per day' })).toHaveCount(0);

    const own = page.getByRole('table', { name: 'Changes of this SKU' });
    await expect(own.getByRole('row').filter({ hasText: 'Receipt' })).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Sales velocity', level: 4 })).toBeVisible();
    await expect(page.getByText(/Estimated from \d+ visits?|Units sold shown on the inventory page/)).toBeVisible();
    await expectAxeClean(page, 'history with data table');

    // A deep link (as a notification or the popup would send) opens another SKU directly.
    const linked = await openExtensionPage(`options.html#history/${encodeURIComponent(keyOf(RAISED))}`);
    await expect(linked.getByRole('heading', { name: RAISED, level: 3 })).toBeVisible();
    await expect(
      linked
        .getByRole('table', { name: 'Changes of this SKU' })
        .getByRole('row')
        .filter({ hasText: 'External change' }),
    ).toHaveCount(1);
    // The unknown SKU of a stale link is said plainly.
    const stale = await openExtensionPage(`options.html#history/${encodeURIComponent(keyOf('NO-SUCH-SKU'))}`);
    await expect(stale.getByText('Shelfwise has no history for this SKU')).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test("an external change of a SKU the seller's ERP keeps in sync is called an ERP sync: table, SKU history, file", async ({
    context,
    site,
    serviceWorker,
    openExtensionPage,
    pageErrors,
  }) => {
    await serviceWorker.evaluate((value) => chrome.storage.local.set({ settings: value }), {
      schemaVersion: 1,
      erp: { allManaged: false, managedSkus: [keyOf(RAISED)], name: '店小秘' },
    });
    await visitTwice(context, site, serviceWorker);
    const page = await openExtensionPage('options.html#overview');
    await page.getByRole('link', { name: 'Changes', exact: true }).click();
    await expect(changeRow(page, RAISED, 'ERP sync (店小秘)')).toHaveCount(1);
    await expect(changeRow(page, RAISED, 'External change')).toHaveCount(0);
    // SKUs the ERP does not manage keep their own words.
    const other = EXPECTED.find((e) => e.kind === 'sale')!.sku;
    await expect(changeRow(page, other, 'Sale').first()).toBeVisible();

    await page.getByLabel('Kind of change').selectOption({ label: 'External change' });
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const text = readFileSync((await (await downloading).path())!, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.data.find((r) => r.SKU === RAISED)?.Kind).toBe('ERP sync (店小秘)');

    const history = await openExtensionPage(`options.html#history/${encodeURIComponent(keyOf(RAISED))}`);
    await expect(
      history
        .getByRole('table', { name: 'Changes of this SKU' })
        .getByRole('row')
        .filter({ hasText: 'ERP sync (店小秘)' }),
    ).toHaveCount(1);
    await history.getByRole('figure').getByRole('button', { name: 'Show the data as a table' }).click();
    await expect(history.getByRole('table', { name: `Recorded stock of ${RAISED}` })).toContainText(
      'ERP sync (店小秘)',
    );
    await expectAxeClean(history, 'history of an ERP-managed SKU');
    expect(pageErrors).toEqual([]);
  });

  test('backup, delete all and restore round-trip the records and settings; a bad file changes nothing', async ({
    context,
    site,
    serviceWorker,
    openExtensionPage,
    pageErrors,
  }) => {
    await visitTwice(context, site, serviceWorker);
    const page = await openExtensionPage('options.html#data');
    await expect(page.getByRole('heading', { name: 'Data', level: 2 })).toBeVisible();

    // A retention setting to find again after the round trip.
    const retention = page.getByLabel('Keep every recorded stock state for (days)');
    await retention.fill('120');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Retention saved.' })).toBeVisible();
    await page.getByRole('button', { name: 'Compact now' }).click();
    // Both visits were today: nothing is old enough to merge.
    await expect(
      page.getByRole('status').filter({ hasText: `0 stock records merged (${TRUTH.listings.length} SKUs checked)` }),
    ).toBeVisible();

    const stored = await snapshot(serviceWorker);
    expect(stored.changes.length).toBeGreaterThanOrEqual(EXPECTED.length);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export backup' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^shelfwise-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = (await download.path())!;
    const backupText = readFileSync(backupPath, 'utf8');
    await expect(
      page.getByRole('status').filter({ hasText: `Backup saved as ${download.suggestedFilename()}` }),
    ).toContainText(`${TRUTH.listings.length} SKUs`);
    await expectAxeClean(page, 'data');

    // Corrupt files: refused with the reason, and the store is untouched.
    const restoreInput = page.getByLabel('Backup file to restore');
    await restoreInput.setInputFiles({
      name: 'shelfwise-backup-cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupText.slice(0, Math.floor(backupText.length / 2))),
    });
    await expect(page.getByRole('alert')).toContainText('shelfwise-backup-cut.json cannot be restored');
    await expect(page.getByRole('alert')).toContainText('Nothing was changed');
    await restoreInput.setInputFiles({
      name: 'shelfwise-backup-edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupText.replace(/"visits":\d+/, '"visits":"two"')),
    });
    await expect(page.getByRole('alert')).toContainText('shelfwise-backup-edited.json is damaged');
    await expect(page.getByRole('button', { name: 'Restore this backup' })).toHaveCount(0);
    expect(await snapshot(serviceWorker)).toEqual(stored);

    // Delete all, behind a dialog that says what goes.
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${TRUTH.listings.length} SKUs`);
    await expect(dialog).toContainText(`${stored.changes.length} changes`);
    await expect(dialog).toContainText(`${TRUTH.account} ${TRUTH.marketplace}`);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectAxeClean(page, 'delete dialog');
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'All data deleted.' })).toBeVisible();
    expect(await snapshot(serviceWorker)).toEqual({ skus: [], observations: [], changes: [] });
    await retention.fill('30');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await expect(retention).toHaveValue('30');

    // Restore: what the file holds is shown first, then the records and settings come back.
    await restoreInput.setInputFiles(backupPath);
    const preview = page.locator('.restore-preview');
    await expect(preview).toContainText(`holds ${TRUTH.listings.length} SKUs`);
    await expect(preview).toContainText('Its settings replace your current settings.');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
    expect(await snapshot(serviceWorker)).toEqual(stored);
    await expect(retention).toHaveValue('120');
    expect(pageErrors).toEqual([]);
  });

  test('an empty store gives honest empty states in every section', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('options.html#history');
    await expect(page.getByText('No history yet')).toBeVisible();
    await page.getByRole('link', { name: 'Changes', exact: true }).click();
    await expect(page.getByText('No changes recorded yet.')).toBeVisible();
    await expectAxeClean(page, 'empty changes');
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
    await expect(dialog).toContainText('There is nothing stored to delete.');
    await expect(dialog.getByRole('button', { name: 'Delete everything' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('history, changes and data speak Chinese and stay accessible', async ({
    context,
    site,
    serviceWorker,
    openExtensionPage,
    pageErrors,
  }) => {
    await visitTwice(context, site, serviceWorker);
    const page = await openExtensionPage('options.html#overview');
    await expect(page.getByRole('columnheader', { name: '已记录 SKU' })).toBeVisible();
    await expectAxeClean(page, 'zh overview');

    await page.getByRole('link', { name: '库存变动', exact: true }).click();
    await expect(page.getByRole('heading', { name: '库存变动', level: 2 })).toBeVisible();
    const table = page.getByRole('table', { name: '库存变动（最新在前）' });
    for (const label of ['销售', '外部修改', '到货入库']) {
      await expect(table.getByRole('cell', { name: label, exact: true }).first()).toBeVisible();
    }
    await expect(page.getByRole('button', { name: '导出 CSV' })).toBeVisible();
    await expectAxeClean(page, 'zh changes');

    await page.goto(page.url().replace(/#.*$/, `#history/${encodeURIComponent(keyOf(RECEIVED))}`));
    await expect(page.getByRole('heading', { name: '库存走势', level: 4 })).toBeVisible();
    await expect(page.getByRole('figure')).toContainText('可售库存：期初');
    await page.getByRole('button', { name: '以表格显示数据' }).click();
    await expect(page.getByRole('table', { name: `${RECEIVED} 的库存记录` })).toBeVisible();
    await expect(page.getByText(/根据 \d+ 次访问记录估算|库存页面显示的销量/)).toBeVisible();
    await expectAxeClean(page, 'zh history');

    await page.getByRole('link', { name: '数据管理', exact: true }).click();
    await expect(page.getByRole('button', { name: '导出备份' })).toBeVisible();
    await page.getByRole('button', { name: '删除全部数据…' }).click();
    await expect(page.getByRole('dialog', { name: '确定删除全部数据？' })).toContainText('个 SKU');
    await expectAxeClean(page, 'zh data');
    await page.getByRole('button', { name: '取消' }).click();
    expect(pageErrors).toEqual([]);
  });
});
