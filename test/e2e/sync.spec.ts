import type { Locator, Page, Worker } from '@playwright/test';
import type { Listing } from '../../lib/model/listing';
import { scrollToLastRow } from '../fixtures/page-helpers';
import { fixture, loadTruth } from '../fixtures/registry';
import { legacy } from '../unit/reports/helpers';
import { describeViolations, expect, seriousAxeViolations, test } from './harness';
import { storedRecords } from './store';

/**
 * Stock sync through the built extension: the store learns current-en's listings from a visit, the
 * seller imports a GB18030 stock file from a Chinese ERP (headers it must map by hand, a local-SKU
 * mapping with one local SKU feeding two listings), reconciles with a tolerance, stages the
 * merchant differences into the bulk-edit panel on Manage Inventory, and explains a difference.
 * Every expectation is computed here from the fixture's truth, the file and the store.
 */

const ROW = '[data-sku]:not([data-shelfwise])';
const TOLERANCE = 2;

/** The seller's stock file: local SKU, quantity, warehouse (two warehouses for one SKU), unit cost. */
const STOCK: ReadonlyArray<[string, number, string, number?]> = [
  ['本地-马克杯-蓝', 40, '深圳仓', 12.5],
  ['BLUE MUG 350ML', 5, '深圳仓'],
  ['LUM-NAPKIN-4-SAGE', 20, '深圳仓'],
  ['LUM-NAPKIN-4-SAGE', 3, '美国仓'],
  ['000123', 100, '深圳仓', 3],
  ['LUM-PLATE-SET-4', 14, '深圳仓'],
  ['LUM-TRIVET-CORK', 0, '深圳仓'],
  ['保温杯-500ML-黑色', 70, '美国仓', 20],
  ['本地-新品-001', 12, '深圳仓'],
  ['LUM-TOWEL-6', 5, '深圳仓'],
  ['本地-餐垫', 6, '深圳仓', 2],
];
/** 本地SKU → MSKU; 本地-餐垫 feeds two listings. */
const MAPPING: ReadonlyArray<[string, string]> = [
  ['本地-马克杯-蓝', 'LUM-MUG-350-BLU'],
  ['本地-餐垫', 'LUM-NAPKIN-4-OAT'],
  ['本地-餐垫', 'LUM-DUO-OOS'],
];

/** Headers no alias covers (商品编号, 现存数量, 库位, 单价): the column-mapping step must be asked. */
function stockFile(): Buffer {
  const lines = [
    '商品编号,现存数量,库位,单价',
    ...STOCK.map(([sku, qty, wh, cost]) => `${sku},${qty},${wh},${cost ?? ''}`),
  ];
  return Buffer.from(legacy(`${lines.join('\r\n')}\r\n`, 'gb18030'));
}

interface Expected {
  differs: Map<string, { before: number; after: number }>;
  onlyFile: Set<string>;
  onlyAmazon: Set<string>;
  fba: Set<string>;
}

/** What the reconciliation must find, from the file, the mapping and the listings the store holds. */
function expectedDifferences(listings: readonly Listing[]): Expected {
  const pools = new Map<string, number>();
  for (const [sku, qty] of STOCK) pools.set(sku, (pools.get(sku) ?? 0) + qty);
  const file = new Map<string, number>();
  for (const [local, qty] of pools) {
    const targets = MAPPING.filter(([l]) => l === local).map(([, msku]) => msku);
    for (const msku of targets.length > 0 ? targets : [local]) file.set(msku, qty);
  }
  const bySku = new Map(listings.filter((l) => !l.isParent).map((l) => [l.sku, l]));
  const out: Expected = { differs: new Map(), onlyFile: new Set(), onlyAmazon: new Set(), fba: new Set() };
  for (const [sku, qty] of file) {
    const listing = bySku.get(sku);
    if (!listing || listing.state === 'closed') out.onlyFile.add(sku);
    else if (listing.channel === 'fba') out.fba.add(sku);
    else {
      const amazon = listing.stock.available as number;
      if (Math.abs(amazon - qty) > TOLERANCE) out.differs.set(sku, { before: amazon, after: qty });
    }
  }
  for (const [sku, listing] of bySku) {
    if (file.has(sku) || listing.state === 'closed') continue;
    (listing.channel === 'fba' ? out.fba : out.onlyAmazon).add(sku);
  }
  return out;
}

async function visitInventory(page: Page): Promise<void> {
  await page.goto(fixture('current-en').url);
  await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
  await scrollToLastRow(page, ROW);
}

/** The listings the store holds for current-en's account and marketplace, once every row is in. */
async function storedListings(worker: Worker): Promise<Listing[]> {
  const truth = loadTruth('current-en');
  const wanted = truth.listings.filter((l) => !l.sku.startsWith('amzn.gr.')).map((l) => l.sku);
  let listings: Listing[] = [];
  await expect
    .poll(async () => {
      const records = await storedRecords<{ account: string; marketplace: string; latest: Listing }>(worker, 'skus');
      listings = records
        .filter((r) => r.account === truth.account && r.marketplace === truth.marketplace)
        .map((r) => r.latest);
      const have = new Set(listings.map((l) => l.sku));
      return wanted.filter((sku) => !have.has(sku));
    })
    .toEqual([]);
  return listings;
}

function skusIn(section: Locator): Promise<string[]> {
  return section.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sku') ?? ''));
}

async function expectAxeClean(page: Page, label: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${label}: ${describeViolations(violations)}`).toEqual([]);
}

test('a GB18030 stock file with a SKU mapping reconciles, stages exactly the merchant differences, and keeps an explanation', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await visitInventory(page);
  const listings = await storedListings(serviceWorker);
  const expected = expectedDifferences(listings);
  // The file is built to reach every category, a shared pool and a tolerance match.
  expect(expected.differs.size).toBeGreaterThanOrEqual(5);
  expect(expected.differs.has('LUM-PLATE-SET-4')).toBe(false);
  expect([...expected.onlyFile].sort()).toEqual(['LUM-TOWEL-6', '本地-新品-001']);
  expect(expected.fba.has('保温杯-500ML-黑色')).toBe(true);

  const dashboard = await openExtensionPage('options.html#sync');
  await expect(dashboard.getByRole('heading', { name: 'Stock sync', level: 2 })).toBeVisible();
  await expect(dashboard.getByLabel('Compare with')).toHaveValue(`${loadTruth('current-en').account}\u001fUS`);

  const bytes = stockFile();
  expect(bytes.includes(Buffer.from('深圳仓', 'utf8'))).toBe(false);
  await dashboard.getByLabel(/Stock file/).setInputFiles({ name: '库存.csv', mimeType: 'text/csv', buffer: bytes });
  const columns = dashboard.getByRole('group', { name: 'Which column holds what?' });
  await columns.getByLabel('SKU').selectOption({ label: '商品编号' });
  await columns.getByLabel('Quantity').selectOption({ label: '现存数量' });
  await columns.getByLabel('Warehouse').selectOption({ label: '库位' });
  await columns.getByLabel('Unit cost').selectOption({ label: '单价' });
  await columns.getByRole('button', { name: 'Read with these columns' }).click();
  await expect(dashboard.getByText(`库存.csv: ${STOCK.length} stock rows read (GB18030).`)).toBeVisible();

  // The same layout again: the columns chosen a moment ago are used without asking.
  await dashboard.getByLabel(/Stock file/).setInputFiles({ name: '库存.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(dashboard.getByText('The columns you chose for this file layout were used again.')).toBeVisible();
  await expect(columns).toHaveCount(0);

  await dashboard.getByLabel(/^Mapping:/).fill(MAPPING.map(([l, m]) => `${l}\t${m}`).join('\n'));
  await dashboard.getByRole('button', { name: 'Save mapping' }).click();
  await expect(dashboard.getByText(`${MAPPING.length} mapping entries saved.`)).toBeVisible();

  await dashboard.getByLabel('Tolerance (units)').fill(String(TOLERANCE));
  await dashboard.getByRole('button', { name: 'Reconcile', exact: true }).click();
  const result = dashboard.locator('[data-reconciliation]').first();
  await expect(result.locator('section[data-category="differs"]')).toBeVisible();

  const category = (name: string) => result.locator(`section[data-category="${name}"]`);
  expect((await skusIn(category('differs'))).sort()).toEqual([...expected.differs.keys()].sort());
  expect((await skusIn(category('only-file'))).sort()).toEqual([...expected.onlyFile].sort());
  expect((await skusIn(category('only-amazon'))).sort()).toEqual([...expected.onlyAmazon].sort());
  expect((await skusIn(category('fba'))).sort()).toEqual([...expected.fba].sort());
  await expect(category('fba')).toContainText('For information only');
  for (const [sku, { before, after }] of expected.differs) {
    const row = category('differs').locator(`tr[data-sku="${sku}"]`);
    await expect(row.locator('[data-field="file"]')).toHaveText(String(after));
    await expect(row.locator('[data-field="amazon"]')).toHaveText(String(before));
  }
  await expectAxeClean(dashboard, 'reconciliation');

  // Stage as bulk edit: Manage Inventory opens, and its panel offers exactly these rows.
  const opened = context.waitForEvent('page');
  await result.getByRole('button', { name: 'Stage as bulk edit' }).click();
  const inventory = await opened;
  await expect(inventory).toHaveURL(/^https:\/\/sellercentral\.amazon\.com\/myinventory\/inventory/);
  await expect(inventory.locator('[data-shelfwise="row"]').first()).toBeVisible();
  await scrollToLastRow(inventory, ROW);
  await inventory.getByRole('button', { name: 'Bulk edit' }).click();
  const dialog = inventory.getByRole('dialog', { name: 'Bulk edit' });
  const offer = dialog.getByRole('region', { name: `Staged from stock sync (${expected.differs.size} rows)` });
  await offer.getByRole('button', { name: 'Use these rows' }).click();
  await expect(offer).toHaveCount(0);
  const preview = dialog.locator('tr[data-row-sku]');
  await expect(preview).toHaveCount(expected.differs.size);
  const previewed = await preview.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-sku') ?? ''));
  expect(previewed.sort()).toEqual([...expected.differs.keys()].sort());
  for (const [sku, { before, after }] of expected.differs) {
    await expect(dialog.locator(`tr[data-row-sku="${sku}"] .sw-before-after`)).toHaveText(`${before} → ${after}`);
  }
  for (const sku of expected.fba) expect(previewed).not.toContain(sku);
  // Used once: the staged list is gone.
  await expect
    .poll(async () =>
      (await storedRecords<{ key: string }>(serviceWorker, 'meta')).filter((m) => m.key.startsWith('sync-staged')),
    )
    .toEqual([]);

  // Investigate: a difference marked explained stays explained after reload.
  const sku = [...expected.differs.keys()].sort()[0] as string;
  await dashboard.bringToFront();
  await result.getByRole('button', { name: `Mark explained: ${sku}` }).click();
  await result.getByLabel(`Note for ${sku}`).fill('仓库盘点后已更正');
  await result.getByRole('button', { name: 'Save' }).click();
  const row = () => dashboard.locator(`section[data-category="differs"] tr[data-sku="${sku}"]`);
  await expect(row()).toContainText('Explained: 仓库盘点后已更正');
  await dashboard.reload();
  await expect(row()).toContainText('Explained: 仓库盘点后已更正');
  await expect(
    dashboard.getByText(
      `1 of ${expected.differs.size + expected.onlyFile.size + expected.onlyAmazon.size} differences explained.`,
    ),
  ).toBeVisible();
  await expect(dashboard.getByRole('heading', { name: 'Earlier reconciliations' })).toBeVisible();
  await expectAxeClean(dashboard, 'after reload');

  // Analysis: stock value from the file's unit costs (one cost per local SKU, every MSKU it feeds).
  await dashboard.getByLabel(/Stock file/).setInputFiles({ name: '库存.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(dashboard.getByText('The columns you chose for this file layout were used again.')).toBeVisible();
  await dashboard.getByRole('button', { name: 'Analyse sales' }).click();
  const analysed = listings.filter((l) => !l.isParent).length;
  await expect(dashboard.getByText(`${analysed} SKUs analysed.`)).toBeVisible();
  const costs = new Map<string, number>();
  for (const [local, , , cost] of STOCK) {
    if (cost === undefined) continue;
    const targets = MAPPING.filter(([l]) => l === local).map(([, msku]) => msku);
    for (const msku of targets.length > 0 ? targets : [local]) costs.set(msku, cost);
  }
  const valued = listings
    .filter((l) => !l.isParent && (l.stock.available ?? 0) > 0 && costs.has(l.sku))
    .map((l) => ({ sku: l.sku, value: (l.stock.available as number) * (costs.get(l.sku) as number) }))
    .sort((a, b) => b.value - a.value);
  expect(valued.length).toBeGreaterThanOrEqual(3);
  const value = dashboard.getByRole('region', { name: 'Stock value', exact: true });
  const valueRows = await value
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td:last-child')?.textContent ?? '']),
    );
  expect(valueRows.map(([sku, v]) => ({ sku, value: Number((v ?? '').replaceAll(',', '')) }))).toEqual(valued);
  await expect(value).toContainText(
    `Total stock value: ${valued.reduce((s, v) => s + v.value, 0).toLocaleString('en-US')}`,
  );
  await expect(value.getByRole('button', { name: 'Export CSV: Stock value' })).toBeEnabled();

  // ERP: a SKU listed for this marketplace is kept as its listing key.
  await dashboard.getByLabel(/managed by the ERP, one per line/).fill(sku);
  await dashboard.getByRole('button', { name: 'Save ERP settings' }).click();
  await expect(dashboard.getByText('Saved: 1 SKU listed here.')).toBeVisible();
  await dashboard.reload();
  await expect(dashboard.getByLabel(/managed by the ERP, one per line/)).toHaveValue(sku);
  await expectAxeClean(dashboard, 'analysis and ERP');
});

test.describe('in a Chinese browser', () => {
  test.use({ uiLanguage: 'zh_CN' });

  test('stock sync speaks Chinese and stays accessible', async ({ context, serviceWorker, openExtensionPage }) => {
    const page = await context.newPage();
    await visitInventory(page);
    const listings = await storedListings(serviceWorker);
    const mug = listings.find((l) => l.sku === 'LUM-MUG-350-BLU');
    const dashboard = await openExtensionPage('options.html#sync');
    await expect(dashboard.getByRole('link', { name: '库存同步' })).toHaveAttribute('aria-current', 'page');
    await expect(dashboard.getByRole('heading', { name: '库存同步', level: 2 })).toBeVisible();
    // Recognised Chinese headers (本地SKU, 可用库存): no mapping step.
    const file = Buffer.from(`本地SKU,可用库存\r\nLUM-MUG-350-BLU,${(mug?.stock.available ?? 0) + 10}\r\n`, 'utf8');
    await dashboard
      .getByLabel('库存文件（CSV、TSV、TXT 或 .xlsx）')
      .setInputFiles({ name: '库存.csv', mimeType: 'text/csv', buffer: file });
    await expect(dashboard.getByText('库存.csv：已读取 1 行库存')).toBeVisible();
    await dashboard.getByRole('button', { name: '开始对账' }).click();
    const differs = dashboard.locator('section[data-category="differs"]');
    await expect(differs.getByRole('heading', { name: '数量差异：1 个 SKU' })).toBeVisible();
    await expect(differs.getByRole('button', { name: '标记为已说明：LUM-MUG-350-BLU' })).toBeVisible();
    await expect(dashboard.getByRole('button', { name: '生成批量编辑' })).toBeEnabled();
    await expectAxeClean(dashboard, 'zh');
  });
});
