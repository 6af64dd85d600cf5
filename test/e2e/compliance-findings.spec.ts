import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { scrollToLastRow } from '../fixtures/page-helpers';
import { fixture, loadTruth } from '../fixtures/registry';
import { describeViolations, expect, seriousAxeViolations, test } from './harness';
import { storedRecords } from './store';

/**
 * Acting on listing checks: muting a finding for one SKU from its popover (and from the
 * dashboard), the per-severity summary beside Bulk edit, and the dashboard's findings list with
 * its filters, CSV export, rule switches and brand terms.
 */

const ROW = '[data-sku]:not([data-shelfwise])';
const LOUD = `SKU "QUOTED" 'TEST'`;
const TRUTH = loadTruth('current-en');

const badge = (page: Page, sku: string) =>
  page.locator(`[data-shelfwise="row"][data-sku="${sku.replace(/"/g, '\\"')}"] [data-shelfwise="compliance"]`);
const issues = async (page: Page, sku: string) => Number(await badge(page, sku).getAttribute('data-issues'));

/** The summary's counts against the sum over every badge on the page. */
async function summaryAgainstBadges(page: Page): Promise<{ summary: string; badges: string }> {
  return page.evaluate(() => {
    let block = 0;
    let warn = 0;
    for (const b of document.querySelectorAll<HTMLElement>('[data-shelfwise="compliance"]')) {
      block += Number(b.dataset.block);
      warn += Number(b.dataset.warn);
    }
    const summary = document.querySelector<HTMLElement>('[data-shelfwise="compliance-summary"]');
    return { summary: `${summary?.dataset.block}/${summary?.dataset.warn}`, badges: `${block}/${warn}` };
  });
}

async function visitAndStore(page: Page, worker: Worker): Promise<void> {
  await page.goto(fixture('current-en').url);
  await scrollToLastRow(page, ROW);
  await expect
    .poll(async () => (await storedRecords(worker, 'skus')).length, { timeout: 20_000 })
    .toBe(TRUTH.listings.length);
}

test('muting a finding lowers the badge count, shows it greyed, survives a reload, and can be undone', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  const loud = badge(page, LOUD);
  await expect(loud).toHaveAttribute('data-severity', 'block');
  const before = await issues(page, LOUD);
  expect(before).toBeGreaterThanOrEqual(2);

  await loud.click();
  const popover = page.locator('[data-shelfwise="popover"]');
  const mute = popover.locator('button[data-rule="title.length"]');
  await expect(mute).toHaveText('Mute for this SKU');
  await mute.click();
  await expect(loud).toHaveAttribute('data-issues', String(before - 1));
  const finding = popover.locator('li[data-rule="title.length"]');
  await expect(finding).toHaveClass(/is-muted/);
  await expect(finding).toContainText('Muted for this SKU');
  // The keyboard stays where it was: the same button, now "Unmute".
  await expect(popover.locator('button[data-rule="title.length"]')).toHaveText('Unmute');
  await expect(popover.locator('button[data-rule="title.length"]')).toBeFocused();
  const violations = await seriousAxeViolations(page, '[data-shelfwise="popover"]');
  expect(violations, describeViolations(violations)).toEqual([]);

  await page.reload();
  await expect(badge(page, LOUD)).toHaveAttribute('data-issues', String(before - 1));
  await expect.poll(() => summaryAgainstBadges(page).then((s) => s.summary === s.badges)).toBe(true);

  await badge(page, LOUD).click();
  await page.locator('[data-shelfwise="popover"] button[data-rule="title.length"]').click();
  await expect(badge(page, LOUD)).toHaveAttribute('data-issues', String(before));
});

test('the summary beside Bulk edit counts the page findings per severity and opens the list', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await scrollToLastRow(page, ROW);
  const summary = page.locator('[data-shelfwise="compliance-summary"]');
  await expect(summary).toBeVisible();
  await expect
    .poll(async () => {
      const counts = await summaryAgainstBadges(page);
      return counts.summary === counts.badges ? counts.summary : `${counts.summary} ≠ ${counts.badges}`;
    })
    .toMatch(/^\d+\/\d+$/);
  const { summary: counts } = await summaryAgainstBadges(page);
  const [block, warn] = counts.split('/').map(Number) as [number, number];
  expect(block).toBeGreaterThan(0);
  await expect(summary).toHaveText(
    `Listing checks: ✕ ${block} must fix${warn > 0 ? ` · ▲ ${warn} ${warn === 1 ? 'warning' : 'warnings'}` : ''}`,
  );
  // Right beside the Bulk edit button, and keyboard-usable.
  const bulk = page.getByRole('button', { name: 'Bulk edit', exact: true });
  expect(await bulk.evaluate((button) => button.nextElementSibling?.getAttribute('data-shelfwise'))).toBe(
    'compliance-summary',
  );
  const opened = context.waitForEvent('page');
  await summary.focus();
  await page.keyboard.press('Enter');
  const dashboard = await opened;
  await expect(dashboard).toHaveURL(/options\.html#findings$/);
  await expect(dashboard.getByRole('heading', { name: 'Listing checks', level: 2 })).toBeVisible();
});

test('the dashboard lists every finding, filters by rule, exports CSV, and mutes', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await visitAndStore(page, serviceWorker);
  await expect(badge(page, LOUD)).toHaveAttribute('data-severity', 'block');
  const before = await issues(page, LOUD);

  const dashboard = await openExtensionPage('options.html#findings');
  await expect(dashboard.getByRole('heading', { name: 'Listing checks', level: 2 })).toBeVisible();
  const table = dashboard.getByRole('table', { name: 'Findings per listing' });
  await expect(table).toBeVisible();
  await dashboard.getByLabel('Check', { exact: true }).selectOption('title.length');
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-rule', 'title.length');
  const rules = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule')));
  expect(new Set(rules)).toEqual(new Set(['title.length']));
  const loudRow = table.locator('tbody tr').filter({ has: dashboard.getByRole('rowheader', { name: LOUD }) });
  await expect(loudRow).toHaveCount(1);
  await expect(loudRow).toContainText('230');
  await expect(loudRow.getByRole('link', { name: /Amazon policy/ })).toHaveAttribute(
    'href',
    /^https:\/\/sellercentral/,
  );

  const violations = await seriousAxeViolations(dashboard);
  expect(violations, describeViolations(violations)).toEqual([]);

  const downloaded = dashboard.waitForEvent('download');
  await dashboard.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^shelfwise-findings-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('Account,Marketplace,SKU,ASIN,Title,Check,Severity,Muted,Finding,How to fix,Amazon policy');
  expect(lines).toHaveLength(1 + rules.length);
  expect(csv).toContain(`"SKU ""QUOTED"" 'TEST'"`);

  // Muted from the list: gone from it, back with "Show muted findings", greyed.
  await loudRow.getByRole('button', { name: /^Mute for this SKU/ }).click();
  await expect(loudRow).toHaveCount(0);
  await dashboard.getByLabel('Show muted findings').check();
  await expect(loudRow).toHaveClass(/is-muted/);
  await expect(loudRow.getByRole('button', { name: /^Unmute/ })).toBeVisible();
  // The open Seller Central tab follows.
  await expect(badge(page, LOUD)).toHaveAttribute('data-issues', String(before - 1));
});

test('switching a rule off and adding a brand term change the open page at once', async ({
  context,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await expect(badge(page, LOUD)).toHaveAttribute('data-severity', 'block');
  const before = await issues(page, LOUD);

  const dashboard = await openExtensionPage('options.html#findings');
  const lengthRule = dashboard.getByRole('switch', { name: /^Title: over 200 characters/ });
  await expect(lengthRule).toBeChecked();
  await lengthRule.click();
  await expect(lengthRule).not.toBeChecked();
  await expect(badge(page, LOUD)).toHaveAttribute('data-issues', String(before - 1));

  // "!!" belongs to the brand once the seller says so.
  await dashboard.getByLabel('New brand term').fill('Pot Holder!!');
  await dashboard.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dashboard.getByRole('button', { name: 'Remove “Pot Holder!!”' })).toBeVisible();
  await expect(badge(page, LOUD)).toHaveAttribute('data-issues', String(before - 2));

  // A duplicate is refused with a message, and nothing changes.
  await dashboard.getByLabel('New brand term').fill('pot holder!!');
  await dashboard.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dashboard.getByRole('alert')).toContainText('is already in the list');
  await expect(dashboard.locator('.brand-terms li')).toHaveCount(1);

  const violations = await seriousAxeViolations(dashboard);
  expect(violations, describeViolations(violations)).toEqual([]);
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('the summary, the popover mute and the findings list read in Chinese', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    const page = await context.newPage();
    await visitAndStore(page, serviceWorker);
    await expect(page.locator('[data-shelfwise="compliance-summary"]')).toContainText('合规检查：');
    await expect(page.locator('[data-shelfwise="compliance-summary"]')).toContainText('项必须修改');
    await badge(page, LOUD).click();
    await expect(page.locator('[data-shelfwise="popover"] button[data-rule="title.length"]')).toHaveText(
      '对此 SKU 忽略',
    );

    const dashboard = await openExtensionPage('options.html#findings');
    await expect(dashboard.getByRole('heading', { name: '合规检查', level: 2 })).toBeVisible();
    await dashboard.getByLabel('检查项', { exact: true }).selectOption('title.length');
    const table = dashboard.getByRole('table', { name: '各商品的问题' });
    await expect(table.locator('tbody tr').first()).toContainText('标题：超过 200 个字符');
    await expect(table.locator('tbody tr').first()).toContainText('影响销售');
    await expect(dashboard.getByRole('switch', { name: '检查主图' })).toBeVisible();
    const violations = await seriousAxeViolations(dashboard);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
