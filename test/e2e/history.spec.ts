import type { Listing } from '../../lib/model/listing';
import { scrollToLastRow } from '../fixtures/page-helpers';
import { fixture, loadTruth } from '../fixtures/registry';
import { expect, test } from './harness';
import { storedListings, storedRecords } from './store';

/**
 * The history store through the built extension: two visits of a page record the right kind of
 * change per SKU, and a worker stopped in the middle of an ingest leaves either the whole read or
 * none of it.
 */

const ROW = '[data-sku]:not([data-shelfwise])';

interface StoredChange {
  sku: string;
  kind: string;
  before: number | null;
  after: number | null;
  delta: number;
  origin: string;
}

/** What a careful person concludes from the two truths, by the rules the history issue states. */
function expectedKinds(before: Listing[], after: Listing[]): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const next of after) {
    const prev = before.find((l) => l.sku === next.sku);
    if (!prev || prev.isParent) continue;
    const sellable = (l: Listing) => (l.stock.available ?? 0) + (l.stock.reserved ?? 0);
    const delta = sellable(next) - sellable(prev);
    if (delta === 0) continue;
    if (delta < 0) kinds.set(next.sku, 'sale');
    else if (next.channel === 'mfn') kinds.set(next.sku, 'external');
    else if ((next.stock.inbound ?? 0) < (prev.stock.inbound ?? 0)) kinds.set(next.sku, 'receipt');
  }
  return kinds;
}

test('visiting a page twice records sales, an external change and a receipt for the right SKUs', async ({
  context,
  site,
  serviceWorker,
}) => {
  const first = loadTruth('current-en');
  const later = loadTruth('current-en-later');
  const expected = expectedKinds(first.listings, later.listings);
  expect([...expected.values()]).toEqual(expect.arrayContaining(['sale', 'external', 'receipt']));

  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  await scrollToLastRow(page, ROW);
  await expect.poll(async () => (await storedListings(serviceWorker)).length).toBe(first.listings.length);

  site.serve('current-en-later');
  await page.reload();
  await scrollToLastRow(page, ROW);
  await expect
    .poll(async () => new Set((await storedRecords<StoredChange>(serviceWorker, 'changes')).map((c) => c.sku)).size, {
      timeout: 20_000,
    })
    .toBe(expected.size);
  const changes = await storedRecords<StoredChange>(serviceWorker, 'changes');
  for (const [sku, kind] of expected) {
    const mine = changes.filter((c) => c.sku === sku);
    expect(
      mine.map((c) => c.kind),
      sku,
    ).toContain(kind);
    expect(mine.every((c) => c.origin === 'page')).toBe(true);
  }
  // Nothing is recorded for SKUs that did not change.
  for (const change of changes) expect(expected.has(change.sku), change.sku).toBe(true);
  // The second visit stored the later state.
  const stored = await storedListings(serviceWorker);
  for (const listing of later.listings) {
    expect(stored.find((l) => l.sku === listing.sku)?.stock, listing.sku).toEqual(listing.stock);
  }
});

function bigRead(count: number, at: number) {
  const listings: Listing[] = Array.from({ length: count }, (_, i) => ({
    account: 'Kill Test',
    marketplace: 'US',
    sku: `KILL-${String(i).padStart(5, '0')}`,
    channel: 'mfn',
    quantityEditable: true,
    stock: { available: 50 + (i % 7) },
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
    title: `Kill test listing ${i}`,
  }));
  return {
    url: 'https://sellercentral.amazon.com/myinventory/inventory',
    generation: 'current',
    account: 'Kill Test',
    marketplace: 'US',
    pageLanguage: 'en-US',
    loadedAt: at - 1000,
    readAt: at,
    listings,
    lang: 'en',
  };
}

test('a worker stopped in the middle of an ingest leaves the whole read or none of it', async ({
  context,
  extensionId,
  openExtensionPage,
  serviceWorker,
}) => {
  const page = await openExtensionPage('popup.html');
  const send = (payload: unknown) =>
    page.evaluate((p) => {
      // Fire and forget: the worker is stopped before it can answer.
      chrome.runtime.sendMessage({ tag: 'shelfwise/1', type: 'pageRead', payload: p }).catch(() => undefined);
    }, payload);
  const stopWorker = async () => {
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
    if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await cdp.detach();
  };
  const wake = () =>
    expect
      .poll(() =>
        page.evaluate(async () => {
          try {
            return (
              (await chrome.runtime.sendMessage({ tag: 'shelfwise/1', type: 'ping', payload: {} })) as { ok: boolean }
            ).ok;
          } catch {
            return false;
          }
        }),
      )
      .toBe(true);
  const count = async () => (await storedRecords(serviceWorker, 'skus')).length;
  const observations = async () => (await storedRecords(serviceWorker, 'observations')).length;

  // A committed read that must survive everything after it.
  const committed = bigRead(20, Date.now());
  await page.evaluate(
    (p) => chrome.runtime.sendMessage({ tag: 'shelfwise/1', type: 'pageRead', payload: p }),
    committed as unknown,
  );
  expect(await count()).toBe(20);

  const outcomes: number[] = [];
  for (const delay of [5, 40, 120, 300]) {
    const read = bigRead(4000, Date.now());
    read.listings = read.listings.map((l) => ({ ...l, sku: `${l.sku}-${delay}` }));
    const before = await count();
    await send(read);
    await page.waitForTimeout(delay);
    await stopWorker();
    await wake();
    const after = await count();
    // All or nothing: either the 4,000 SKUs of this read are there with their observations, or none.
    expect([before, before + 4000]).toContain(after);
    expect(await observations()).toBe(after);
    outcomes.push(after - before);
  }
  // Whatever happened to later reads, the first one is intact.
  const names = (await storedRecords<{ sku: string }>(serviceWorker, 'skus')).map((r) => r.sku);
  for (const listing of committed.listings) expect(names).toContain(listing.sku);
  // The test only proves something if at least one stop landed before the commit.
  expect(outcomes).toContain(0);
});

test('reads held until the page is quiet are stored when the seller leaves at once, and none is lost', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await page.goto(fixture('current-en').url);
  // The content script measures its first read of the rows shown; their storing then waits for the
  // page to have been quiet for 1.5 s, and the seller leaves well before.
  await page.waitForFunction(() => performance.getEntriesByName('shelfwise:initial').length > 0, undefined, {
    polling: 10,
  });
  const read = await page.locator(ROW).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sku')));
  expect(read.length).toBeGreaterThan(0);
  // Leaving hides the page and fires pagehide: the held reads are sent then, not dropped with it.
  await page.goto('about:blank');
  await expect
    .poll(async () => (await storedListings(serviceWorker)).map((l) => l.sku))
    .toEqual(expect.arrayContaining(read));
});
