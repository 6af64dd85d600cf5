import { browser } from 'wxt/browser';
import { ALARMS } from '../lib/background/alarms';
import { BASIS_PREFIX, currentBasis, markDirty } from '../lib/background/alert-basis';
import { evaluateAlerts, HEAD_KEY, LIST_KEY } from '../lib/background/alerts';
import { readStoredList } from '../lib/db/alert-list';
import { ingestPageRead } from '../lib/db/ingest';
import { type DB, openStore } from '../lib/db/open';
import type { Listing, PageRead } from '../lib/model/listing';
import { defaultSettings } from '../lib/settings/schema';
import { DAY_MS } from '../lib/time';

/**
 * The page side of bench/alerts-store.ts, bundled and evaluated inside the extension's options page:
 * the store is the extension origin's real IndexedDB, filled by the real ingest from daily visits, and
 * evaluated by the background's own evaluateAlerts (the code the alarm and every ingest run).
 */

const ACCOUNT = 'A1BENCH';
/** Seven in ten SKUs in the US, the rest in the UK: two marketplaces, two time zones. */
const MARKETPLACES = ['US', 'US', 'US', 'US', 'US', 'US', 'US', 'UK', 'UK', 'UK'] as const;
/** Rows on one Manage Inventory page: what one visit's ingest touches between two alarms. */
export const PAGE_ROWS = 250;
/** The pause before each timed alarm (see timeEvaluation). */
const IDLE_BEFORE_ALARM_MS = 1500;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

interface Sku {
  sku: string;
  marketplace: string;
  fba: boolean;
  asin: string;
  stock: number;
  inbound: number;
  perDay: number;
}

/**
 * A seller's catalogue: most SKUs sell a few units a day from a healthy stock; about one in four runs
 * low, critical or out over the seeded days, so the low-stock list holds a few thousand rows.
 */
function catalogue(count: number): Sku[] {
  const next = random(11);
  return Array.from({ length: count }, (_, i) => {
    const perDay = next() < 0.15 ? 0 : 0.2 + next() * 5;
    const short = next() < 0.25;
    return {
      sku: `BENCH-${String(i).padStart(6, '0')}`,
      marketplace: MARKETPLACES[i % MARKETPLACES.length] as string,
      fba: i % 3 !== 0,
      // A product is sold as an FBA SKU and a merchant-fulfilled one: two SKUs share an ASIN.
      asin: `B0${String(Math.floor(i / 2)).padStart(8, '0')}`,
      stock: Math.round(short ? perDay * (5 + next() * 25) : perDay * (60 + next() * 200) + 20),
      inbound: i % 3 !== 0 && next() < 0.3 ? Math.round(50 + next() * 200) : 0,
      perDay,
    };
  });
}

function listingOf(s: Sku): Listing {
  return {
    account: ACCOUNT,
    marketplace: s.marketplace,
    sku: s.sku,
    asin: s.asin,
    title: `Bench product ${s.asin} with a title of a realistic length for an inventory row`,
    channel: s.fba ? 'fba' : 'mfn',
    quantityEditable: !s.fba,
    stock: s.fba ? { available: s.stock, reserved: 2, inbound: s.inbound } : { available: s.stock },
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
    price: 19.99,
  };
}

function pageRead(marketplace: string, listings: Listing[], at: number): PageRead {
  return {
    url:
      marketplace === 'UK'
        ? 'https://sellercentral.amazon.co.uk/myinventory/inventory'
        : 'https://sellercentral.amazon.com/myinventory/inventory',
    generation: 'current',
    account: ACCOUNT,
    marketplace,
    pageLanguage: 'en-US',
    loadedAt: at - 2_000,
    readAt: at,
    listings,
  };
}

/** One day of selling: Poisson-like sales around each SKU's rate, never below 0. */
function sell(skus: Sku[], next: () => number): void {
  for (const s of skus) {
    const sold = Math.floor(s.perDay * (0.5 + next()) + next());
    s.stock = Math.max(0, s.stock - sold);
  }
}

async function visit(db: DB, skus: Sku[], at: number): Promise<void> {
  for (const marketplace of new Set(skus.map((s) => s.marketplace))) {
    const listings = skus.filter((s) => s.marketplace === marketplace).map(listingOf);
    await ingestPageRead(db, pageRead(marketplace, listings, at));
  }
}

/**
 * Moves the extension's own alarms a day away. The worker creates them due a minute after install:
 * without this, history compaction and an alarm evaluation start in the middle of the seeding, on the
 * worker's clock (a minute and more past the bench's `now`). The worker's evaluation then rebuilds the
 * basis from a half-seeded store with a builtAt after every instant the bench evaluates at, so the
 * bench's evaluations find it "from the future" and rebuild it again (one run showed an 18.7 s first
 * alarm: that rebuild, not the alarm's evaluation). Existing alarms are kept by the worker's restarts.
 */
export async function holdAlarms(): Promise<void> {
  for (const alarm of Object.values(ALARMS))
    await browser.alarms.create(alarm.name, { delayInMinutes: 24 * 60, periodInMinutes: alarm.periodInMinutes });
}

/** The built time of every stored basis record. */
async function basisBuiltAt(db: DB): Promise<number[]> {
  const rows = await db.getAll('meta', IDBKeyRange.bound(BASIS_PREFIX, `${BASIS_PREFIX}\uffff`));
  return rows.map((row) => (row.value as { builtAt: number }).builtAt);
}

/** The catalogue as the last seeded visit left it, for the visits timeEvaluation adds. */
let seeded: Sku[] = [];

export interface Seeded {
  skus: number;
  days: number;
  seedMs: number;
}

/** `skus` SKUs seen once a day for `days` days up to an hour before `now`, written by the real ingest. */
export async function seedStore(options: { name: string; skus: number; days: number; now: number }): Promise<Seeded> {
  const started = performance.now();
  const db = await openStore(options.name);
  const skus = catalogue(options.skus);
  const next = random(5);
  for (let d = options.days - 1; d >= 0; d--) {
    await visit(db, skus, options.now - 3_600_000 - d * DAY_MS);
    sell(skus, next);
  }
  db.close();
  seeded = skus;
  return { skus: options.skus, days: options.days, seedMs: performance.now() - started };
}

export interface Timing {
  /** The first evaluation of the day: every marketplace's basis rebuilt from the histories. */
  rebuild: number;
  /** The alarm's evaluation: every SKU evaluated from the stored basis, the list written. */
  steady: number[];
  /** The first alarm evaluation after the rebuild (no warm-up), and the first raw read beside it. */
  firstRun: number;
  /**
   * Basis records the first alarm found stale and rebuilt (0 when it measured what it says): a record
   * rebuilt by anything but the bench's first evaluation (another clock) is rebuilt again there.
   */
  firstRebuilt: number;
  firstBaseline: number;
  /** Of `steady`, the stored basis alone: read from the store, brought to now (nothing to rebuild). */
  basisRead: number[];
  /** The evaluation after one page's ingest: its rows read again from the histories. */
  afterIngest: number[];
  /**
   * After an alarm (which stores only the popup's first rows), the whole list as the popup gets it when
   * it needs more: evaluated and stored (the background's ensureWholeList), then read and decoded.
   */
  wholeOnDemand: number[];
  /** A raw getAll of the same 10,000 SKU records: the least any evaluation from the store reads. */
  baseline: number[];
  evaluated: number;
  listed: number;
  /** Of each `steady` run, the SKUs left out as proven ok and unlisted for the day (alert-skip.ts). */
  skipped: number[];
  /** Of the `steady` runs, those that read only the entries not proven (alert-skip.ts alarmBasis). */
  subsetReads: number;
  /** Of each `steady` run, ms per phase of evaluateAlerts (its trace), in the order they ran. */
  phases: Record<string, number[]>;
}

/** A trace for evaluateAlerts that adds each phase's ms to `phases`. */
function tracer(phases: Record<string, number[]>): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const at = performance.now();
    const times = phases[phase] ?? [];
    times.push(at - last);
    phases[phase] = times;
    last = at;
  };
}

/**
 * Times evaluateAlerts on the seeded store: the daily rebuild once, then `runs` alarm evaluations and
 * `runs` evaluations after a 250-row page visit (the ingest itself is not timed), each beside a raw
 * read of every SKU record.
 */
export async function timeEvaluation(options: { name: string; now: number; runs: number }): Promise<Timing> {
  const db = await openStore(options.name);
  const settings = defaultSettings();
  const env = { lang: 'en' as const, timeZone: 'America/Los_Angeles' };
  let at = options.now;
  let start = performance.now();
  const first = await evaluateAlerts(db, settings, at, env);
  const rebuild = performance.now() - start;
  const steady: number[] = [];
  const afterIngest: number[] = [];
  const wholeOnDemand: number[] = [];
  const baseline: number[] = [];
  const basisRead: number[] = [];
  const skipped: number[] = [];
  let subsetReads = 0;
  const phases: Record<string, number[]> = {};
  const skus = seeded.length ? seeded : catalogue(first.alerts.length);
  const next = random(9);
  // The first alarm after the rebuild, before the engine has compiled the evaluation's hot paths, beside
  // the first raw read; then one more run of warm-up.
  start = performance.now();
  await db.getAll('skus');
  const firstBaseline = performance.now() - start;
  const rebuiltAt = at;
  start = performance.now();
  await evaluateAlerts(db, settings, ++at, env);
  const firstRun = performance.now() - start;
  const firstRebuilt = (await basisBuiltAt(db)).filter((builtAt) => builtAt !== rebuiltAt).length;
  await evaluateAlerts(db, settings, ++at, env);
  for (let run = 0; run < options.runs; run++) {
    start = performance.now();
    await db.getAll('skus');
    baseline.push(performance.now() - start);

    // The worker's alarm comes one period after the evaluation before it: the clock has moved every
    // listed row's days of cover by that much, as in the product (a run 1 ms later moved nothing).
    at += ALARMS.evaluateAlerts.periodInMinutes * 60_000;
    // ...and after thirty idle minutes: the store's own work left from the evaluation before (blob files
    // it replaced deleted, its log compacted) is long over. Timed straight after, it lands in this
    // alarm's write: measured 28-43 ms against 18 ms after an idle pause, with the same code.
    await new Promise((resolve) => setTimeout(resolve, IDLE_BEFORE_ALARM_MS));
    start = performance.now();
    const outcome = await evaluateAlerts(db, settings, at, { ...env, list: 'head', trace: tracer(phases) });
    steady.push(performance.now() - start);
    skipped.push(outcome.skipped);
    if (outcome.basisRead === 'subset') subsetReads++;
    if ((await db.getKey('meta', LIST_KEY)) !== undefined)
      throw new Error('bench/alerts-store: the alarm left a whole list behind');

    start = performance.now();
    await evaluateAlerts(db, settings, ++at, env);
    const whole = await readStoredList(db);
    wholeOnDemand.push(performance.now() - start);
    if (!whole?.complete) throw new Error('bench/alerts-store: no whole list was stored on demand');

    start = performance.now();
    await currentBasis(db, settings, ++at);
    basisRead.push(performance.now() - start);

    // One page of one marketplace seen again, a little lower: what an ingest leaves for the next run.
    const page = skus.filter((s) => s.marketplace === 'US').slice(run * PAGE_ROWS, (run + 1) * PAGE_ROWS);
    sell(page, next);
    const result = await ingestPageRead(db, pageRead('US', page.map(listingOf), ++at));
    await markDirty(db, result.keys, at);
    start = performance.now();
    await evaluateAlerts(db, settings, ++at, env);
    afterIngest.push(performance.now() - start);
  }
  const list = (await db.get('meta', HEAD_KEY))?.value as { evaluated: number; total: number } | undefined;
  db.close();
  return {
    rebuild,
    steady,
    firstRun,
    firstRebuilt,
    firstBaseline,
    basisRead,
    afterIngest,
    wholeOnDemand,
    baseline,
    evaluated: list?.evaluated ?? 0,
    listed: list?.total ?? 0,
    skipped,
    subsetReads,
    phases,
  };
}

/** The stored list's size, to check the popup is shown what the evaluation wrote. */
export async function storedList(name: string): Promise<{ head: boolean; total: number }> {
  const db = await openStore(name);
  const [head, list] = await Promise.all([db.get('meta', HEAD_KEY), db.get('meta', LIST_KEY)]);
  db.close();
  return { head: head !== undefined, total: (list?.value as { total?: number } | undefined)?.total ?? 0 };
}
