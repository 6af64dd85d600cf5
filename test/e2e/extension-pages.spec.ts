import { describeViolations, expect, seriousAxeViolations, test } from './harness';

test.describe('in an English browser', () => {
  test('the popup opens with an honest empty state', async ({ openExtensionPage, pageErrors }) => {
    const page = await openExtensionPage('popup.html');
    await expect(page.getByRole('heading', { name: 'Low stock', level: 1 })).toBeVisible();
    await expect(page.getByText('Visit Manage Inventory in Seller Central to start')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open dashboard' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(pageErrors).toEqual([]);
  });

  test('the dashboard opens with an empty state and a settings editor', async ({ openExtensionPage, pageErrors }) => {
    const page = await openExtensionPage('options.html');
    await expect(page.getByRole('heading', { name: 'Shelfwise dashboard', level: 1 })).toBeVisible();
    await expect(page.getByText('Visit Manage Inventory in Seller Central to start.')).toBeVisible();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
    await expect(page.getByLabel('Low stock below (units)')).toHaveValue('10');
    await expect(page.getByLabel('Sea: shortest transit (days)')).toHaveValue('35');
    expect(pageErrors).toEqual([]);
  });

  test('settings saved in the dashboard persist, and an invalid value is refused without writing', async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('options.html#settings');
    const units = page.getByLabel('Low stock below (units)');
    await units.fill('25');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();

    await page.getByLabel('Review period (days between orders)').fill('');
    await units.fill('40');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('reviewPeriodDays');

    await page.reload();
    await expect(page.getByLabel('Low stock below (units)')).toHaveValue('25');
    await expect(page.getByLabel('Review period (days between orders)')).toHaveValue('14');
  });

  test('switching the language setting to 简体中文 changes the dashboard at once', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('options.html#settings');
    await page.getByLabel('Language').selectOption('zh_CN');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('heading', { name: 'Shelfwise 控制台', level: 1 })).toBeVisible();
    await expect(page.getByLabel('可售天数低于（天）时提醒')).toBeVisible();
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('heading', { name: '低库存', level: 1 })).toBeVisible();
  });

  test('a corrupt stored setting is reported in the dashboard and the rest still work', async ({
    openExtensionPage,
    serviceWorker,
  }) => {
    await serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { schemaVersion: 1, serviceLevel: 'lots', reviewPeriodDays: 30 } }),
    );
    const page = await openExtensionPage('options.html#settings');
    await expect(page.getByRole('status').filter({ hasText: 'serviceLevel' })).toBeVisible();
    await expect(page.getByLabel('Safety-stock service level')).toHaveValue('0.95');
    await expect(page.getByLabel('Review period (days between orders)')).toHaveValue('30');
  });

  test('popup and dashboard have no serious or critical accessibility violations', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
    const popupViolations = await seriousAxeViolations(popup);
    expect(popupViolations, describeViolations(popupViolations)).toEqual([]);
    for (const section of ['overview', 'settings']) {
      const dashboard = await openExtensionPage(`options.html#${section}`);
      await expect(dashboard.getByRole('heading', { level: 2 })).toBeVisible();
      const violations = await seriousAxeViolations(dashboard);
      expect(violations, `${section}: ${describeViolations(violations)}`).toEqual([]);
    }
  });
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('the popup and dashboard follow the browser language on auto', async ({ openExtensionPage, pageErrors }) => {
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('heading', { name: '低库存', level: 1 })).toBeVisible();
    await expect(popup.getByText('请先打开卖家平台的“管理所有库存”页面')).toBeVisible();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    const dashboard = await openExtensionPage('options.html#settings');
    await expect(dashboard.getByRole('heading', { name: 'Shelfwise 控制台', level: 1 })).toBeVisible();
    await expect(dashboard.getByLabel('库存低于（件）时提醒')).toHaveValue('10');
    expect(pageErrors).toEqual([]);
  });

  test('an explicit English setting wins over the Chinese browser', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('options.html#settings');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByRole('heading', { name: 'Shelfwise dashboard', level: 1 })).toBeVisible();
  });

  test('Chinese pages have no serious or critical accessibility violations', async ({ openExtensionPage }) => {
    for (const path of ['popup.html', 'options.html#overview', 'options.html#settings']) {
      const page = await openExtensionPage(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const violations = await seriousAxeViolations(page);
      expect(violations, `${path}: ${describeViolations(violations)}`).toEqual([]);
    }
  });
});
