import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { addDays, type DayKey, dayKey, startOfDay } from '../../lib/time';
import { scrollToLastRow } from '../fixtures/page-helpers';
import { fixture, loadTruth } from '../fixtures/registry';
import { ALL_ORDERS_HEADER, allOrders, type OrderRow } from '../unit/reports/fixtures/reports';
import { legacy } from '../unit/reports/helpers';
import { describeViolations, expect, seriousAxeViolations, test } from './harness';
import { storedRecords } from './store';

/**
 * Importing Amazon reports in the dashboard, through the built extension: the file is read by the
 * dashboard's module worker, checked, stored in one go, and the velocity badge on the inventory
 * page then rests on it. Bad files are refused with their reason and store nothing; a long read
 * shows its progress and can be cancelled.
 */

const LA = 'America/Los_Angeles';
const TRUTH = loadTruth('current-en');
/** Merchant rows of `current-en` whose page shows no sales figure of its own (a page figure would win). */
const KNIVES = 'LUM-KNIFE-BLOCK';
const APRON = 'LUM-APRON-GRY';
const IMPORT_STORES = [
  'orderLines',
  'orderDays',
  'orderCoverage',
  'periodSales',
  'fbaDetail',
  'reportListings',
  'imports',
];

function truthListing(sku: string) {
  const listing = TRUTH.listings.find((l) => l.sku === sku);
  if (!listing || listing.pageSales || listing.stock.available === undefined) throw new Error(`${sku} is not usable`);
  return listing;
}

function yesterday(): DayKey {
  return addDays(dayKey(Date.now(), LA), -1);
}

/** An instant as All Orders writes it: `2026-03-19T19:00:00+00:00`. */
function amazonTime(day: DayKey, hours: number): string {
  return new Date(startOfDay(day, LA) + hours * 3_600_000).toISOString().replace('.000Z', '+00:00');
}

function orderId(n: number): string {
  return `113-${String(4_000_000 + n)}-${String(7_000_000 + n)}`;
}

/**
 * An All Orders export of the last `days` days: the knife block sold 2 a day; another SKU sold 1
 * a day; and one knife-block order of yesterday was cancelled. Two exports of different lengths
 * overlap on their last days with the same lines, as when a seller downloads the last 30 days and
 * later the last 10.
 */
function ordersFile(days = 30): string {
  const rows: OrderRow[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(yesterday(), -d);
    rows.push({
      id: orderId(d),
      purchase: amazonTime(day, 10),
      updated: amazonTime(day, 20),
      status: 'Shipped',
      sku: KNIVES,
      quantity: 2,
      itemStatus: 'Shipped',
    });
    rows.push({
      id: orderId(100 + d),
      purchase: amazonTime(day, 11),
      updated: amazonTime(day, 21),
      status: 'Shipped',
      sku: 'LUM-PLATE-SET-4',
      quantity: 1,
      itemStatus: 'Shipped',
    });
  }
  rows.push({
    id: orderId(500),
    purchase: amazonTime(yesterday(), 9),
    updated: amazonTime(yesterday(), 12),
    status: 'Cancelled',
    sku: KNIVES,
    quantity: 5,
  });
  return allOrders(rows);
}

/** A listing row of the page (not Shelfwise's decoration, which carries data-sku too). */
const ROW = '[data-sku]:not([data-shelfwise])';

/**
 * The inventory page with every row loaded: the current page renders its rows as the seller
 * scrolls, and the SKUs these tests use are further down than the first batch.
 */
async function visit(page: Page, reload = false): Promise<void> {
  if (reload) await page.reload();
  else await page.goto(fixture('current-en').url);
  await scrollToLastRow(page, ROW);
}

async function velocityBadge(page: Page, sku: string) {
  const badge = page.locator(`[data-shelfwise="row"][data-sku="${sku}"] [data-shelfwise="velocity"]`);
  await expect(badge).toBeVisible({ timeout: 20_000 });
  return badge;
}

async function popoverText(page: Page, sku: string): Promise<string> {
  await (await velocityBadge(page, sku)).click();
  const popover = page.locator('[data-shelfwise="popover"]');
  await expect(popover).toBeVisible();
  const text = (await popover.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

async function expectAxeClean(page: Page, label: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${label}: ${describeViolations(violations)}`).toEqual([]);
}

async function importedRecords(worker: Worker): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of IMPORT_STORES) out[name] = (await storedRecords(worker, name)).length;
  return out;
}

const NOTHING = Object.fromEntries(IMPORT_STORES.map((name) => [name, 0]));

function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string) {
  return page.getByLabel(/Report file|报告文件/).setInputFiles(file);
}

test.describe('in an English browser', () => {
  test('importing an All Orders file makes the imported rate the badge’s figure and names its source', async ({
    context,
    serviceWorker,
    openExtensionPage,
    pageErrors,
  }) => {
    const knives = truthListing(KNIVES);
    const page = await context.newPage();
    await visit(page);
    const before = await velocityBadge(page, KNIVES);
    await expect(before).toHaveAttribute('data-per-day', '');
    expect(await popoverText(page, KNIVES)).not.toContain('imported order report');

    const dashboard = await openExtensionPage('options.html#import');
    await expect(dashboard.getByRole('heading', { name: 'Import Amazon reports', level: 2 })).toBeVisible();
    await expect(dashboard.getByText('No report has been imported yet.')).toBeVisible();
    await chooseFile(dashboard, { name: 'orders.txt', mimeType: 'text/plain', buffer: Buffer.from(ordersFile()) });
    const questions = dashboard.getByRole('form', { name: 'What Shelfwise found' });
    await expect(questions).toBeVisible();
    await expect(questions.getByLabel('Report', { exact: true })).toHaveValue('all-orders');
    await expect(questions.getByLabel('Account')).toHaveValue(TRUTH.account);
    await expectAxeClean(dashboard, 'questions');
    await questions.getByRole('button', { name: 'Read file' }).click();

    const review = dashboard.getByRole('region', { name: 'Check before importing' });
    await expect(review).toBeVisible();
    // 61 order lines: one a day for each of two SKUs, and the cancelled one (which counts 0 units).
    await expect(review).toContainText('61 order lines, 90 units');
    await expect(review).toContainText('All Orders report');
    await expect(review).toContainText('UTF-8');
    expect(await importedRecords(serviceWorker)).toEqual(NOTHING);
    await expectAxeClean(dashboard, 'review');
    await review.getByRole('button', { name: 'Import', exact: true }).click();

    await expect(
      dashboard.getByRole('status').filter({ hasText: 'orders.txt imported: 61 order lines (61 new, 0 updated)' }),
    ).toBeVisible();
    const log = dashboard.getByRole('table', { name: 'Reports imported, newest first' });
    await expect(log.getByRole('row').filter({ hasText: 'orders.txt' })).toContainText('All Orders report');
    await expectAxeClean(dashboard, 'log');
    expect(await importedRecords(serviceWorker)).toMatchObject({
      orderLines: 2,
      orderDays: 2,
      orderCoverage: 1,
      imports: 1,
    });

    // A later export of the last 10 days overlaps the first: its lines are the stored ones again.
    await chooseFile(dashboard, { name: 'orders-10.txt', mimeType: 'text/plain', buffer: Buffer.from(ordersFile(10)) });
    await dashboard.getByRole('button', { name: 'Read file' }).click();
    await dashboard.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(
      dashboard.getByRole('status').filter({ hasText: 'orders-10.txt imported: 21 order lines (0 new, 0 updated)' }),
    ).toBeVisible();
    const lines = await storedRecords<{ sku: string; orderIds: string[] }>(serviceWorker, 'orderLines');
    expect(lines.map((l) => [l.sku, l.orderIds.length])).toEqual([
      [KNIVES, 31],
      ['LUM-PLATE-SET-4', 30],
    ]);

    await visit(page, true);
    const after = await velocityBadge(page, KNIVES);
    await expect(after).toHaveAttribute('data-per-day', '2');
    await expect(after).toHaveAttribute('data-days-of-cover', String((knives.stock.available as number) / 2));
    expect(await popoverText(page, KNIVES)).toContain('Source: imported order report');
    expect(pageErrors).toEqual([]);
  });

  test('a GB18030 Business Report from Chinese Excel imports, with the period asked of the seller', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    const apron = truthListing(APRON);
    const page = await context.newPage();
    await visit(page);
    await expect(await velocityBadge(page, APRON)).toHaveAttribute('data-per-day', '');

    const from = addDays(yesterday(), -6);
    const csv = [
      '（父）ASIN,（子）ASIN,标题,SKU,会话次数 – 总计,页面浏览量 – 总计,已订购商品数量,已订购商品销售额,订单商品总数',
      `${apron.asin ?? 'B0TESTPAR1'},${apron.asin ?? 'B0TESTCHD1'},亚麻围裙 灰色,${APRON},"1,200",1500,70,"US$1,540.00",68`,
      'B0TESTPAR2,B0TESTCHD2,竹制砧板 大号,LUM-CUTBOARD-XL,300,420,12,US$264.00,12',
    ].join('\r\n');
    const bytes = Buffer.from(legacy(`${csv}\r\n`, 'gb18030'));
    // Really GB18030: the title's hanzi are two-byte GBK codes, not UTF-8.
    expect(bytes.includes(Buffer.from('亚麻', 'utf8'))).toBe(false);

    const dashboard = await openExtensionPage('options.html#import');
    await chooseFile(dashboard, { name: '业务报告.csv', mimeType: 'text/csv', buffer: bytes });
    const questions = dashboard.getByRole('form', { name: 'What Shelfwise found' });
    await expect(questions.getByLabel('Report', { exact: true })).toHaveValue('business-child');
    await expect(questions.getByLabel('Encoding')).toHaveValue('gb18030');
    await questions.getByLabel('First day of the report').fill(from);
    await questions.getByLabel('Last day of the report').fill(yesterday());
    await questions.getByLabel('Marketplace').selectOption('US');
    await questions.getByRole('button', { name: 'Read file' }).click();

    const review = dashboard.getByRole('region', { name: 'Check before importing' });
    await expect(review).toContainText('Business Report (Detail Page Sales and Traffic by Child Item)');
    await expect(review).toContainText('GB18030');
    await review.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(
      dashboard.getByRole('status').filter({ hasText: '业务报告.csv imported: 2 sales figures' }),
    ).toBeVisible();

    const stored = await storedRecords<{ sku: string; units: number; from: string; to: string; sales: number }>(
      serviceWorker,
      'periodSales',
    );
    expect(stored.map((s) => [s.sku, s.units, s.from, s.to, s.sales])).toEqual([
      [APRON, 70, from, yesterday(), 1540],
      ['LUM-CUTBOARD-XL', 12, from, yesterday(), 264],
    ]);
    await visit(page, true);
    await expect(await velocityBadge(page, APRON)).toHaveAttribute('data-per-day', '10');
    expect(await popoverText(page, APRON)).toMatch(/Source: .*report/);
  });

  test('bad files are refused with their reason, and nothing is stored', async ({
    serviceWorker,
    openExtensionPage,
  }) => {
    const dashboard = await openExtensionPage('options.html#import');
    const alert = dashboard.getByRole('alert');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await chooseFile(dashboard, { name: 'orders.csv', mimeType: 'text/csv', buffer: png });
    await expect(alert).toContainText('orders.csv: This file is a PNG image, not a report.');
    await expect(alert).toContainText('Nothing was stored.');
    await expectAxeClean(dashboard, 'refusal');

    await dashboard.getByRole('button', { name: 'Choose another file' }).click();
    await chooseFile(dashboard, { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await expect(alert).toContainText('empty.txt: The file is empty.');

    // A file cut off in the middle of a character (the last byte of 保温杯's UTF-8 is missing).
    const cut = Buffer.from(`${ALL_ORDERS_HEADER.join('\t')}\n113-1234567-1234567\t\t保温杯`, 'utf8');
    await chooseFile(dashboard, { name: 'cut.txt', mimeType: 'text/plain', buffer: cut.subarray(0, cut.length - 1) });
    await expect(alert).toContainText('cut.txt: The file ends in the middle of a character');

    // Headers that are not a report's, and then a report with a column twice.
    await chooseFile(dashboard, {
      name: 'notes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,colour\npot,red\n'),
    });
    await expect(alert).toContainText('does not recognise this file as an Amazon report');
    const doubled = `${ALL_ORDERS_HEADER.join('\t')}\tsku\n`;
    await chooseFile(dashboard, { name: 'double.txt', mimeType: 'text/plain', buffer: Buffer.from(doubled) });
    await expect(alert).toContainText('The column “sku” appears twice');

    expect(await importedRecords(serviceWorker)).toEqual(NOTHING);
  });

  test('a long file shows its progress and can be cancelled, storing nothing', async ({
    serviceWorker,
    openExtensionPage,
  }) => {
    // About 80 MB: long enough to read that the progress bar is seen and Cancel arrives in time.
    const dir = mkdtempSync(join(tmpdir(), 'shelfwise-import-'));
    const path = join(dir, 'all-orders-big.txt');
    const header =
      'amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tproduct-name\tsku\tsales-channel\tquantity\n';
    const parts = [header];
    const day = addDays(yesterday(), -3);
    const times = `${amazonTime(day, 10)}\t${amazonTime(day, 20)}`;
    for (let i = 0; i < 700_000; i++) {
      parts.push(
        `${orderId(i)}\t${times}\tShipped\tBamboo cutting board with juice groove, 3 pieces\tSKU-${i % 500}\tAmazon.com\t1\n`,
      );
    }
    writeFileSync(path, parts.join(''));
    try {
      const dashboard = await openExtensionPage('options.html#import');
      await chooseFile(dashboard, path);
      await dashboard.getByRole('button', { name: 'Read file' }).click();
      const progress = dashboard.getByRole('progressbar', { name: 'Reading all-orders-big.txt' });
      await expect(progress).toBeVisible();
      await expectAxeClean(dashboard, 'progress');
      await expect
        .poll(() => progress.evaluate((el) => (el as HTMLProgressElement).value), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await expect(dashboard.getByText(/of the file, [\d,]+ rows read/)).toBeVisible();
      await dashboard.getByRole('button', { name: 'Cancel' }).click();
      await expect(dashboard.getByRole('alert')).toContainText('Import cancelled. Nothing was imported.');
      expect(await importedRecords(serviceWorker)).toEqual(NOTHING);
      // The same file, the same choices: back to them, not to the start.
      await dashboard.getByRole('button', { name: 'Change the choices' }).click();
      await expect(dashboard.getByRole('button', { name: 'Read file' })).toBeVisible();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('the import speaks Chinese and stays accessible', async ({ context, openExtensionPage, serviceWorker }) => {
    const page = await context.newPage();
    await visit(page);
    await velocityBadge(page, KNIVES);

    const dashboard = await openExtensionPage('options.html#import');
    await expect(dashboard.getByRole('link', { name: '导入报告' })).toHaveAttribute('aria-current', 'page');
    await expect(dashboard.getByRole('heading', { name: '导入亚马逊报告', level: 2 })).toBeVisible();
    await chooseFile(dashboard, { name: '订单.txt', mimeType: 'text/plain', buffer: Buffer.from(ordersFile()) });
    const questions = dashboard.getByRole('form', { name: 'Shelfwise 识别的结果' });
    await expect(questions.getByLabel('报告类型')).toHaveValue('all-orders');
    await expect(questions.getByRole('option', { name: '所有订单报告' })).toHaveCount(1);
    await expectAxeClean(dashboard, 'questions (zh)');
    await questions.getByRole('button', { name: '读取文件' }).click();
    const review = dashboard.getByRole('region', { name: '导入前请核对' });
    await expect(review).toContainText('61 条订单明细，共 90 件');
    await expectAxeClean(dashboard, 'review (zh)');
    await review.getByRole('button', { name: '导入', exact: true }).click();
    await expect(
      dashboard.getByRole('status').filter({ hasText: '已导入 订单.txt：61 条订单明细（新增 61 条，更新 0 条）' }),
    ).toBeVisible();
    await expect(dashboard.getByRole('table', { name: '已导入的报告（最新的在前）' })).toContainText('所有订单报告');
    await expectAxeClean(dashboard, 'log (zh)');

    await chooseFile(dashboard, {
      name: '图片.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
    });
    await expect(dashboard.getByRole('alert')).toContainText('该文件是 JPEG 图片，不是报告。');
    await expect(dashboard.getByRole('alert')).toContainText('未保存任何数据。');
    expect((await storedRecords(serviceWorker, 'imports')).length).toBe(1);

    await visit(page, true);
    expect(await popoverText(page, KNIVES)).toContain('来源：导入的订单报告');
  });
});
