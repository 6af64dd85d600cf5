import type { BrowserContext, Locator, Page } from '@playwright/test';
import { panelTranslator } from '../../components/bulk/text';
import { fixture, legacyRowId, loadTruth } from '../fixtures/registry';
import { expect, seriousAxeViolations, test } from './harness';
import { storedRecords } from './store';

/**
 * Apply through the page: the built extension types each quantity into Seller Central's own
 * editors, presses the page's Save all, reads every row back, journals the batch, and can undo it.
 * The fixture site's resolver stands in for Amazon: what it was asked to save (`site.saved`) is
 * what reached "Amazon", and a reload shows it.
 */

const ROW = '[data-sku]:not([data-shelfwise])';
const MFN = ['LUM-MUG-350-BLU', 'BLUE MUG 350ML', 'LUM-NAPKIN-4-SAGE'];

interface StoredBatch {
  id: string;
  name: string;
  kind: string;
  state: string;
  via?: string;
  undoes?: string;
  rows: Array<{ sku: string; before: number | null; after: number; outcome?: { status: string; reason?: string } }>;
}

function currentRow(page: Page, sku: string): Locator {
  return page.locator(`${ROW}[data-sku="${sku.replaceAll('"', '\\"')}"]`);
}

/** The quantity the current page's row shows in its editor (the kat-input reflects its value). */
function currentQuantity(page: Page, sku: string): Locator {
  return currentRow(page, sku).locator('kat-input').first();
}

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

/**
 * The batch's one confirmation, when its rows carry compliance findings. The preview (a table)
 * appears only once the store's findings are in, so checking for the box before it would race.
 */
async function confirmFindings(dialog: Locator, zh = false): Promise<void> {
  await expect(dialog.getByRole('table').first()).toBeVisible();
  const findings = dialog.getByRole('checkbox', { name: zh ? /我已了解这些问题/ : /I have seen these findings/ });
  if (await findings.count()) await findings.check();
}

/** current-en with `skus` ticked on the page, the panel open on `kind` `amount`, findings confirmed. */
async function planOnCurrentPage(
  context: BrowserContext,
  skus: readonly string[],
  kind: string,
  amount: string,
): Promise<{ page: Page; dialog: Locator }> {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
  for (const sku of skus) await tickCurrent(page, sku);
  const dialog = await openPanel(page);
  await dialog.getByLabel('Operation', { exact: true }).selectOption(kind);
  await dialog.getByLabel('Amount', { exact: true }).fill(amount);
  await confirmFindings(dialog);
  return { page, dialog };
}

function truthQuantity(name: string, sku: string): number {
  const listing = loadTruth(name).listings.find((l) => l.sku === sku);
  const available = listing?.stock.available;
  if (available === undefined) throw new Error(`${sku} has no quantity in ${name}`);
  return available;
}

async function batches(serviceWorker: Parameters<typeof storedRecords>[0]): Promise<StoredBatch[]> {
  return storedRecords<StoredBatch>(serviceWorker, 'batches');
}

/** Every SKU → quantity the site was asked to save, in order. */
function savedQuantities(site: { saved: ReadonlyMap<string, readonly { sku: string; quantity?: number }[]> }) {
  return [...site.saved.values()].flat().map((c) => [c.sku, c.quantity] as const);
}

/** One page of one generation, seen through whichever UI language the browser runs in. */
interface Scene {
  fixture: 'current-en' | 'legacy-en' | 'current-zh';
  uiLanguage: 'en' | 'zh_CN';
}

function rowOf(page: Page, scene: Scene, sku: string): Locator {
  return scene.fixture.startsWith('legacy') ? page.locator(`tr[id="${legacyRowId(sku)}"]`) : currentRow(page, sku);
}

async function tick(page: Page, scene: Scene, sku: string): Promise<void> {
  if (scene.fixture.startsWith('legacy')) {
    await rowOf(page, scene, sku).locator('td[data-column="select"] input').check();
  } else {
    await tickCurrent(page, sku);
  }
}

/** Waits until the row's own editor shows `value` (the legacy input's value, the kat-input's attribute). */
async function expectQuantity(page: Page, scene: Scene, sku: string, value: number): Promise<void> {
  if (scene.fixture.startsWith('legacy')) {
    await expect(rowOf(page, scene, sku).locator('td[data-column="quantity"] input').first()).toHaveValue(
      String(value),
    );
  } else {
    await expect(currentQuantity(page, sku)).toHaveAttribute('value', String(value));
  }
}

/** Three merchant-fulfilled rows with a quantity that is not 7, and one FBA row, among the first rows shown. */
function pick(name: string): { mfn: string[]; fba: string } {
  const listings = loadTruth(name).listings.slice(0, 10);
  const mfn = listings
    .filter(
      (l) => l.channel === 'mfn' && l.quantityEditable && l.stock.available !== undefined && l.stock.available !== 7,
    )
    .slice(0, 3)
    .map((l) => l.sku);
  const fba = listings.find((l) => l.channel === 'fba' && l.stock.available !== undefined)?.sku;
  if (mfn.length < 3 || !fba) throw new Error(`${name} lacks 3 merchant rows and an FBA row among its first rows`);
  return { mfn, fba };
}

const SCENES: Scene[] = [
  { fixture: 'current-en', uiLanguage: 'en' },
  { fixture: 'legacy-en', uiLanguage: 'en' },
  { fixture: 'current-zh', uiLanguage: 'zh_CN' },
];

for (const scene of SCENES) {
  test.describe(`${scene.fixture}, ${scene.uiLanguage} UI`, () => {
    test.use({ uiLanguage: scene.uiLanguage });

    test('3 merchant rows and 1 FBA row → set 7 → Apply saves exactly those 3, reads them back; the history shows the batch; Undo restores them', async ({
      context,
      site,
      serviceWorker,
      pageErrors,
    }) => {
      const t = panelTranslator(scene.uiLanguage);
      const { mfn, fba } = pick(scene.fixture);
      const before = Object.fromEntries(mfn.map((sku) => [sku, truthQuantity(scene.fixture, sku)]));
      const page = await context.newPage();
      await page.goto(fixture(scene.fixture).url);
      await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
      for (const sku of [...mfn, fba]) await tick(page, scene, sku);

      const dialog = await openPanel(page, t('panel.title'));
      await dialog.getByLabel(t('bulk.op.label'), { exact: true }).selectOption('set');
      await dialog.getByLabel(t('bulk.amount.label'), { exact: true }).fill('7');
      await expect(
        dialog.getByText(
          [
            t('panel.count.change', { count: 3 }),
            t('panel.count.unchanged', { count: 0 }),
            t('panel.count.refused', { count: 1 }),
          ].join(' · '),
        ),
      ).toBeVisible();
      await confirmFindings(dialog, scene.uiLanguage === 'zh_CN');
      await dialog.getByRole('button', { name: t('apply.button'), exact: true }).click();

      await expect(dialog.getByText(t('apply.state.applied'))).toBeVisible();
      await expect(
        dialog.getByText(t('apply.report.counts', { verified: 3, mismatched: 0, failed: 0, skipped: 0, held: 0 })),
      ).toBeVisible();
      // What reached "Amazon": exactly the three merchant rows, at 7, never the FBA row.
      expect(savedQuantities(site).sort()).toEqual(mfn.map((sku) => [sku, 7] as const).sort());
      for (const sku of mfn) await expectQuantity(page, scene, sku, 7);
      await expect(rowOf(page, scene, fba)).toContainText(String(truthQuantity(scene.fixture, fba)));

      const [batch] = await batches(serviceWorker);
      expect(batch).toMatchObject({ kind: 'bulk', state: 'applied', via: 'page' });
      expect(batch?.rows.map((r) => [r.sku, r.before, r.after, r.outcome?.status]).sort()).toEqual(
        mfn.map((sku) => [sku, before[sku], 7, 'verified']).sort(),
      );

      // The panel's history shows the batch; Undo writes every row back to its value before it.
      await dialog.getByRole('tab', { name: t('panel.tab.history') }).click();
      const history = dialog.getByRole('tabpanel', { name: t('panel.tab.history') });
      await expect(history.getByRole('heading', { name: batch?.name ?? '' }).first()).toBeVisible();
      await history
        .getByRole('button', { name: t('apply.undo.button') })
        .first()
        .click();
      // The undo is a batch like any other: its rows' findings are confirmed once.
      await confirmFindings(history, scene.uiLanguage === 'zh_CN');
      await history.getByRole('button', { name: t('apply.button'), exact: true }).click();
      await expect(history.getByText(t('apply.state.applied'))).toBeVisible({ timeout: 20_000 });
      for (const sku of mfn) await expectQuantity(page, scene, sku, before[sku] as number);
      expect(savedQuantities(site).slice(3).sort()).toEqual(mfn.map((sku) => [sku, before[sku]] as const).sort());
      const undo = (await batches(serviceWorker)).find((b) => b.kind === 'undo');
      expect(undo).toMatchObject({ state: 'applied', undoes: batch?.id });

      // The reload shows what "Amazon" holds: the values from before the batch.
      await page.reload();
      for (const sku of mfn) await expectQuantity(page, scene, sku, before[sku] as number);
      expect(pageErrors).toEqual([]);
    });
  });
}

test.describe('when Seller Central limits requests', () => {
  test.use({ siteOptions: { save: 'rate-limit' } });

  test('the page’s “Too many requests” stops the run, Shelfwise backs off, then the retry saves and verifies', async ({
    context,
    site,
    serviceWorker,
  }) => {
    test.setTimeout(120_000);
    const { dialog } = await planOnCurrentPage(context, MFN, 'set', '9');
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();

    // The page says it; Shelfwise says what it is doing about it and when it tries again.
    await expect(
      dialog.getByText(/Seller Central said: “Too many requests\. Please try again later\.”\. Trying again in \d+ s/),
    ).toBeVisible();
    expect(site.saved.size).toBe(0);
    site.setSave('ok');
    await expect(dialog.getByText('Every row was saved and read back as intended.')).toBeVisible({ timeout: 60_000 });
    expect(savedQuantities(site).sort()).toEqual(MFN.map((sku) => [sku, 9] as const).sort());
    const [batch] = await batches(serviceWorker);
    expect(batch?.state).toBe('applied');
  });
});

test.describe('when a save fails', () => {
  test.use({ siteOptions: { save: 'error' } });

  test('nothing is claimed: the run reports the page’s error and every row as not saved', async ({
    context,
    site,
    serviceWorker,
  }) => {
    test.setTimeout(240_000);
    const { dialog } = await planOnCurrentPage(context, [MFN[0] ?? ''], 'set', '11');
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(dialog.getByText(/Trying again in \d+ s/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog.getByText(/Not saved: Seller Central could not save: There was a problem saving/)).toBeVisible({
      timeout: 60_000,
    });
    expect(site.saved.size).toBe(0);
    const [batch] = await batches(serviceWorker);
    expect(batch?.rows[0]?.outcome?.status).toBe('failed');
    expect(['failed', 'cancelled']).toContain(batch?.state);
  });
});

test('a row whose quantity moved after the preview is held with the recomputed value, then applied once confirmed', async ({
  context,
  site,
}) => {
  const [moved, steady] = [MFN[0] ?? '', MFN[2] ?? ''];
  const { page, dialog } = await planOnCurrentPage(context, [moved, steady], 'add', '10');

  // Meanwhile a colleague changes the first row on the page and saves it (an order, a recount).
  // The modal dialog makes the page inert, so the colleague's edit and Save all happen from script.
  await page.evaluate((sku) => {
    const host = document.querySelector(`[data-sku="${sku}"]:not([data-shelfwise]) kat-input`);
    const input = host?.shadowRoot?.querySelector('input');
    if (!host || !input) throw new Error(`no editor for ${sku}`);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '40');
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    host.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { value: '40' } }));
  }, moved);
  await page.locator('kat-button[label="Save all"] button').evaluate((button) => (button as HTMLElement).click());
  await expect(currentQuantity(page, moved)).toHaveAttribute('value', '40');
  const savedBefore = savedQuantities(site).length;

  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(
    dialog.getByText(/1 verified · 0 not as intended · 0 failed · 0 not written · 1 waiting for you/),
  ).toBeVisible();
  await expect(dialog.getByText('The page now shows 40 (was', { exact: false })).toBeVisible();
  await expect(dialog.getByText('the new value would be 50', { exact: false })).toBeVisible();
  expect(
    savedQuantities(site)
      .slice(savedBefore)
      .map(([sku]) => sku),
  ).toEqual([steady]);

  await dialog.getByRole('button', { name: 'Apply the held rows with the new values shown' }).click();
  // Saves stay at least 5 s apart, so the held row's save follows the first after a pause.
  await expect(dialog.getByText('Every row was saved and read back as intended.')).toBeVisible({ timeout: 20_000 });
  expect(savedQuantities(site).slice(savedBefore)).toEqual([
    [steady, expect.any(Number)],
    [moved, 50],
  ]);
  await expect(currentQuantity(page, moved)).toHaveAttribute('value', '50');
});

test('closing the tab mid-run leaves an interrupted batch with every row accounted for', async ({
  context,
  site,
  serviceWorker,
  openExtensionPage,
}) => {
  site.setSave('ok', 4_000);
  const { page, dialog } = await planOnCurrentPage(context, MFN, 'set', '2');
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(dialog.getByText('Saving through the page’s Save all…')).toBeVisible();
  await page.close();

  await expect.poll(async () => (await batches(serviceWorker))[0]?.state).toBe('interrupted');
  const [batch] = await batches(serviceWorker);
  expect(batch?.rows).toHaveLength(3);
  // Rows saved before the close are proved; the rest were never reached, and none is retried.
  const outcomes = batch?.rows.map((r) => r.outcome?.status) ?? [];
  expect(outcomes.every((s) => s === 'verified' || s === 'pending' || s === 'failed')).toBe(true);
  expect(outcomes).toContain('pending');

  // The dashboard's batch list shows it, with what was and was not done, row by row.
  const dashboard = await openExtensionPage('options.html#batches');
  await dashboard.getByLabel('Show').selectOption('attention');
  const card = dashboard.locator(`[data-batch-id="${batch?.id}"]`);
  await expect(card).toHaveAttribute('data-state', 'interrupted');
  await expect(card.getByText('Interrupted')).toBeVisible();
  await card.getByRole('button', { name: /Show rows/ }).click();
  for (const row of batch?.rows ?? []) {
    const shown = card.locator(`tr[data-row-sku="${row.sku}"]`);
    await expect(shown).toHaveAttribute('data-outcome', row.outcome?.status ?? 'none');
  }
  await expect(card.locator('tr[data-outcome="pending"]').first()).toContainText('Not reached');
  expect(await seriousAxeViolations(dashboard)).toEqual([]);
});

test('subtract, percentage, mark out of stock and restore: each applied through the page and read back', async ({
  context,
  site,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  const skus = ['LUM-MUG-350-BLU', 'LUM-NAPKIN-4-SAGE'];
  const start = skus.map((sku) => truthQuantity('current-en', sku));
  const page = await context.newPage();
  // Each round starts from a fresh page (what Amazon now holds), ticks the rows and applies one operation.
  const round = async (kind: string, amount: string | null, expected: number[]) => {
    await page.goto(fixture('current-en').url);
    await expect(page.locator('[data-shelfwise="row"]').first()).toBeVisible();
    for (const sku of skus) await tickCurrent(page, sku);
    const dialog = await openPanel(page);
    await dialog.getByLabel('Operation', { exact: true }).selectOption(kind);
    if (amount !== null) await dialog.getByLabel('Amount', { exact: true }).fill(amount);
    await confirmFindings(dialog);
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(dialog.getByText('Every row was saved and read back as intended.')).toBeVisible({ timeout: 20_000 });
    for (const [i, sku] of skus.entries()) {
      expect(site.saved.get('current-en')?.findLast((c) => c.sku === sku)?.quantity).toBe(expected[i]);
    }
    for (const [i, sku] of skus.entries()) {
      await expect(currentQuantity(page, sku)).toHaveAttribute('value', String(expected[i]));
    }
  };
  const [a = 0, b = 0] = start;
  await round('subtract', '3', [a - 3, b - 3]);
  await round('percent', '200', [(a - 3) * 2, (b - 3) * 2]);
  await round('outOfStock', null, [0, 0]);
  await round('restore', null, [(a - 3) * 2, (b - 3) * 2]);
  const kinds = (await batches(serviceWorker)).map((x) => [
    x.state,
    x.rows.every((r) => r.outcome?.status === 'verified'),
  ]);
  expect(kinds).toEqual([
    ['applied', true],
    ['applied', true],
    ['applied', true],
    ['applied', true],
  ]);
});

test('rows no longer on the page when Apply runs (the page moved on to page 2) are not written, and say so', async ({
  context,
  site,
  serviceWorker,
}) => {
  const { page, dialog } = await planOnCurrentPage(context, MFN.slice(0, 2), 'set', '9');

  // The page re-renders other listings in place (its own pagination, no navigation).
  await page.evaluate(() =>
    (
      document
        .querySelector('kat-pagination')
        ?.shadowRoot?.querySelector('[part="pagination-nav-right"]') as HTMLElement | null
    )?.click(),
  );
  await expect(currentRow(page, 'LUM-COASTER-6-SLATE')).toBeAttached();

  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(
    dialog.getByText('0 verified · 0 not as intended · 0 failed · 2 not written · 0 waiting for you'),
  ).toBeVisible();
  await expect(dialog.getByText('no longer on this page').first()).toBeVisible();
  expect(site.saved.size).toBe(0);
  const [batch] = await batches(serviceWorker);
  expect(batch?.rows.map((r) => [r.sku, r.outcome?.status, r.outcome?.reason])).toEqual(
    MFN.slice(0, 2).map((sku) => [sku, 'skipped', 'not-on-page']),
  );
});

test('a service-worker restart in the middle of an apply loses no journal entry', async ({
  context,
  site,
  serviceWorker,
  restartWorker,
}) => {
  site.setSave('ok', 3_000);
  const { dialog } = await planOnCurrentPage(context, MFN, 'set', '4');
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(dialog.getByText('Saving through the page’s Save all…')).toBeVisible();
  await restartWorker();
  await expect(dialog.getByText('Every row was saved and read back as intended.')).toBeVisible({ timeout: 30_000 });

  const worker = context.serviceWorkers()[0] ?? serviceWorker;
  const [batch] = await batches(worker);
  expect(batch?.state).toBe('applied');
  expect(batch?.rows.map((r) => [r.sku, r.outcome?.status]).sort()).toEqual(MFN.map((sku) => [sku, 'verified']).sort());
});
