import { marketplaceByCode } from '../lib/marketplaces';
import type { Listing, PageRead } from '../lib/model/listing';
import { addDays, dayKey, startOfDay } from '../lib/time';
import { loadTruth } from '../test/fixtures/registry';
import type { Launched } from '../test/support/browser';

/**
 * Seeds the demo profile with 90 days of plausible history for the demo pages' listings, through
 * the background's own ingest (as if the seller had visited Manage Inventory twice a day), so the
 * badges and the dashboard's charts show real figures on the first run. The last visit ends at
 * exactly what the demo pages show, so the live visit records no change of its own.
 */

const DAYS = 90;
const PAGES = ['current-en', 'current-zh', 'legacy-en'];

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

function poisson(rate: number, next: () => number): number {
  // Knuth's method: fine for the small daily rates of a demo.
  const limit = Math.exp(-rate);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= next();
  } while (p > limit && k < 500);
  return k - 1;
}

interface State {
  available: number;
  inbound: number;
}

/** Visit states from 90 days ago to now, ending exactly at the listing's current stock. */
function simulate(listing: Listing, visits: number[], seed: number): State[] {
  const next = random(seed);
  const now: State = { available: listing.stock.available ?? 0, inbound: listing.stock.inbound ?? 0 };
  const perDay = listing.pageSales ? listing.pageSales.units / listing.pageSales.days : 0.3 + next() * 6;
  const cap = Math.max(now.available * 2, perDay * 40, 20);
  const states: State[] = [now];
  let current = { ...now };
  // Walk back in time: before each visit the stock was higher by what sold since.
  for (let i = visits.length - 1; i > 0; i--) {
    const hours = ((visits[i] as number) - (visits[i - 1] as number)) / 3_600_000;
    const sold = current.available === 0 && next() < 0.5 ? 0 : poisson((perDay * hours) / 24, next);
    let before = { available: current.available + sold, inbound: current.inbound };
    if (before.available > cap) {
      // A restock happened in this span: an FBA receipt from inbound, or the seller raising a merchant quantity.
      const restock = Math.round(cap * 0.6);
      before =
        listing.channel === 'fba'
          ? { available: Math.max(0, before.available - restock), inbound: before.inbound + restock }
          : { available: Math.max(0, before.available - restock), inbound: 0 };
    }
    states.unshift(before);
    current = before;
  }
  return states;
}

export async function seedDemoHistory(launched: Launched): Promise<string | undefined> {
  const { context, extensionId } = launched;
  const now = Date.now();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  let visitsSent = 0;
  let listingsSeeded = 0;
  for (const [pageIndex, name] of PAGES.entries()) {
    const truth = loadTruth(name);
    const marketplace = truth.marketplace ?? 'US';
    const zone = marketplaceByCode(marketplace)?.timeZone ?? 'UTC';
    // Two visits a day, morning and late afternoon in the marketplace's time, up to an hour ago.
    const today = dayKey(now, zone);
    const visits: number[] = [];
    for (let d = DAYS; d >= 1; d--) {
      const start = startOfDay(addDays(today, -d), zone);
      visits.push(start + 9 * 3_600_000, start + 17 * 3_600_000);
    }
    visits.push(now - 3_600_000);
    const offers = truth.listings.filter((l) => !l.isParent && l.stock.available !== undefined);
    const histories = offers.map((listing, i) => simulate(listing, visits, 1000 * (pageIndex + 1) + i));
    for (const [v, at] of visits.entries()) {
      const listings = offers.map((listing, i) => {
        const state = histories[i]?.[v] ?? { available: 0, inbound: 0 };
        const stock = { ...listing.stock, available: state.available };
        if (listing.channel === 'fba') stock.inbound = state.inbound;
        return { ...listing, stock };
      });
      const read: PageRead & { lang: 'en'; skipBadges: true } = {
        url: 'https://sellercentral.amazon.com/myinventory/inventory',
        generation: truth.generation,
        account: truth.account,
        marketplace,
        pageLanguage: truth.pageLanguage,
        loadedAt: at - 2_000,
        readAt: at,
        listings,
        lang: 'en',
        skipBadges: true,
      };
      const answer = (await page.evaluate(
        (payload) => chrome.runtime.sendMessage({ tag: 'shelfwise/1', type: 'pageRead', payload }),
        read as unknown,
      )) as { ok: boolean; error?: { message: string } };
      if (!answer?.ok) throw new Error(`Seeding the demo history failed: ${answer?.error?.message ?? 'no answer'}`);
      visitsSent++;
    }
    listingsSeeded += offers.length;
  }
  await page.close();
  return `${DAYS} days of history for ${listingsSeeded} listings (${visitsSent} simulated visits)`;
}
