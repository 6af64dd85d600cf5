import type { Page } from '@playwright/test';
import { LONG_LOUD_TITLE } from '../fixtures/data/current-en';
import { fixture } from '../fixtures/registry';
import { describeViolations, expect, seriousAxeViolations, test } from './harness';

/**
 * Compliance badges through the built extension: a listing that breaks the title rules is
 * flagged with its findings, a clean one is ok, and the popover explains each finding with its
 * fix and policy link, in the seller's language, without accessibility violations.
 */

const LOUD = `SKU "QUOTED" 'TEST'`;
const CLEAN = 'LUM-MUG-350-BLU';
const badge = (page: Page, sku: string) =>
  page.locator(`[data-shelfwise="row"][data-sku="${sku.replace(/"/g, '\\"')}"] [data-shelfwise="compliance"]`);

test('a 230-character title with "!!" is flagged; a clean listing is ok; the popover explains', async ({ context }) => {
  expect(LONG_LOUD_TITLE.length).toBe(230);
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  const loud = badge(page, LOUD);
  await expect(loud).toHaveAttribute('data-severity', 'block');
  expect(Number(await loud.getAttribute('data-issues'))).toBeGreaterThanOrEqual(2);
  await expect(badge(page, CLEAN)).toHaveAttribute('data-severity', 'ok');
  await expect(badge(page, CLEAN)).toHaveAttribute('data-issues', '0');

  await loud.click();
  const popover = page.locator('[data-shelfwise="popover"]');
  await expect(popover).toBeVisible();
  await expect(loud).toHaveAttribute('aria-expanded', 'true');
  await expect(popover).toContainText('230');
  await expect(popover).toContainText('!');
  await expect(popover.locator('.shelfwise-finding-fix').first()).toContainText('How to fix');
  const policy = popover.getByRole('link', { name: 'Amazon policy' }).first();
  await expect(policy).toHaveAttribute('href', /^https:\/\/sellercentral/);
  await expect(policy).toHaveAttribute('target', '_blank');

  const violations = await seriousAxeViolations(page, '[data-shelfwise="popover"]');
  expect(violations, describeViolations(violations)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(loud).toBeFocused();
});

test('badge and popover are keyboard-usable and the velocity popover explains its figures', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  const velocity = page.locator(`[data-shelfwise="row"][data-sku="${CLEAN}"] [data-shelfwise="velocity"]`);
  await expect(velocity).toHaveAttribute('data-per-day', /^\d/);
  await velocity.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('[data-shelfwise="popover"]');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText(/\/day/);
  await expect(popover).toContainText(/Stock OK|Low stock|Out of stock/);
  const violations = await seriousAxeViolations(page, '[data-shelfwise="popover"]');
  expect(violations, describeViolations(violations)).toEqual([]);
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('the findings read in Chinese', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(fixture('current-en').url);
    const loud = badge(page, LOUD);
    await expect(loud).toHaveAttribute('data-severity', 'block');
    await expect(loud).toContainText('个问题');
    await loud.click();
    const popover = page.locator('[data-shelfwise="popover"]');
    await expect(popover).toContainText('修改建议');
    await expect(popover.getByRole('link', { name: '亚马逊政策' }).first()).toBeVisible();
    const violations = await seriousAxeViolations(page, '[data-shelfwise="popover"]');
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
