import { skuTimeline } from '../lib/db/history';
import { ingestPageRead } from '../lib/db/ingest';
import { type DB, openStore } from '../lib/db/open';
import { chartData } from '../lib/history/chart';
import { skuKey } from '../lib/model/keys';
import type { Listing, PageRead } from '../lib/model/listing';
import { addDays, DAY_MS, dayKey, startOfDay } from '../lib/time';

/**
 * The page side of bench/history.ts, bundled and evaluated inside the extension's options page, so
 * the store is the real IndexedDB of the extension origin and the records are written by the real
 * ingest, exactly as the background writes them from page visits.
 */

const ZONE = 'America/Los_Angeles';
const ACCOUNT = 'Bench Seller';
const HOUR = 3_600_000;

/** Seen at one visit a day for the whole year: 365 days of observations. */
export const DAILY_SKU = 'BENCH-YEAR-DAILY';
/** Seen at three visits a day for the whole year, changed at almost every one: a busy seller's SKU. */
export const BUSY_SKU = 'BENCH-YEAR-BUSY';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

function listing(sku: string, available: number, fba: boolean, inbound: number): Listing {
  return {
    account: ACCOUNT,
    marketplace: 'US',
    sku,
    channel: fba ? 'fba' : 'mfn',
    quantityEditable: !fba,
    stock: fba ? { available, reserved: 3, inbound } : { available },
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
  };
}

function read(listings: Listing[], at: number): PageRead {
  return {
    url: 'https://sellercentral.amazon.com/myinventory/inventory',
    generation: 'current',
    account: ACCOUNT,
    marketplace: 'US',
    pageLanguage: 'en-US',
    loadedAt: at - 2_000,
    readAt: at,
    listings,
  };
}

/**
 * A seller's stock over `days` days: each SKU sells a few units most days and is restocked (FBA: from
 * a shipment in transit) when it runs low. `everyDay` SKUs are seen at every visit; the others only on
 * the last `recentDays` days, once a day.
 */
class Shop {
  private stock: number[];
  private inbound: number[];
  private next = random(7);
  constructor(
    readonly skus: string[],
    private fba: (i: number) => boolean,
  ) {
    this.stock = skus.map(() => 40 + Math.floor(this.next() * 200));
    this.inbound = skus.map(() => 0);
  }

  /** One stretch of selling between two visits; returns the listings as the next visit reads them. */
  step(indices: number[], salesPerVisit: number): Listing[] {
    return indices.map((i) => {
      const sold = Math.floor(this.next() * salesPerVisit * 2);
      let stock = Math.max(0, (this.stock[i] as number) - sold);
      let inbound = this.inbound[i] as number;
      if (stock < 20 && inbound === 0) inbound = 150 + Math.floor(this.next() * 100);
      else if (inbound > 0 && this.next() < 0.3) {
        stock += inbound;
        inbound = 0;
      }
      this.stock[i] = stock;
      this.inbound[i] = this.fba(i) ? inbound : 0;
      if (!this.fba(i) && inbound > 0) {
        // Merchant stock is raised by the seller (an external change), not received.
        this.stock[i] = stock + inbound;
        this.inbound[i] = 0;
      }
      return listing(this.skus[i] as string, this.stock[i] as number, this.fba(i), this.inbound[i] as number);
    });
  }
}

export interface SeededSku {
  key: string;
  observations: number;
  changes: number;
}

export interface SeedResult {
  daily: SeededSku;
  busy: SeededSku;
  seedMs: number;
}

/**
 * `skus` SKUs of one account and marketplace, ending at `now`: DAILY_SKU seen once a day for `days`
 * days, BUSY_SKU three times a day for `days` days, the others once a day for the last `recentDays`.
 * Both year-long SKUs are FBA (stock, reserved and in transit: every series of the chart).
 */
export async function seedStore(options: {
  name: string;
  skus: number;
  days: number;
  recentDays: number;
  now: number;
}): Promise<SeedResult> {
  const started = performance.now();
  const db = await openStore(options.name);
  const skus = [
    DAILY_SKU,
    BUSY_SKU,
    ...Array.from({ length: options.skus - 2 }, (_, i) => `BENCH-${String(i).padStart(5, '0')}`),
  ];
  const shop = new Shop(skus, (i) => i < 2 || i % 3 === 0);
  const everyone = skus.map((_, i) => i);
  const today = dayKey(options.now, ZONE);
  for (let d = options.days - 1; d >= 0; d--) {
    const day = addDays(today, -d);
    for (const hour of [9, 13, 18]) {
      const at = startOfDay(day, ZONE) + hour * HOUR;
      if (at > options.now) break;
      const seen = hour !== 9 ? [1] : d < options.recentDays ? everyone : [0, 1];
      await ingestPageRead(db, read(shop.step(seen, 4), at));
    }
  }
  const counted = async (sku: string): Promise<SeededSku> => {
    const key = skuKey({ account: ACCOUNT, marketplace: 'US', sku });
    const range = IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]);
    return {
      key,
      observations: await db.count('observations', range),
      changes: await db.countFromIndex('changes', 'by-key-at', range),
    };
  };
  const result: SeedResult = {
    daily: await counted(DAILY_SKU),
    busy: await counted(BUSY_SKU),
    seedMs: performance.now() - started,
  };
  db.close();
  return result;
}

export interface Timing {
  /** skuTimeline + chartData, per run (ms). */
  chart: number[];
  /** A raw getAll of the same SKU's observations over the same period, per run (ms). */
  baseline: number[];
  /** The two parts of `chart`: reading the store, and preparing the chart's data. */
  read: number[];
  prepare: number[];
  points: number;
  days: number;
}

/** Alternates the measured path and the baseline so both see the same machine state. */
export async function timeChart(options: { name: string; key: string; now: number; runs: number }): Promise<Timing> {
  const db: DB = await openStore(options.name);
  const since = options.now - 365 * DAY_MS;
  const timing: Timing = { chart: [], baseline: [], read: [], prepare: [], points: 0, days: 0 };
  for (let run = -3; run < options.runs; run++) {
    const begun = performance.now();
    const timeline = await skuTimeline(db, options.key, since);
    if (!timeline) throw new Error(`bench/history: no SKU ${options.key} in the store`);
    const read = performance.now();
    const data = chartData(timeline, { timeZone: ZONE, now: options.now, since });
    const done = performance.now();
    const chart = done - begun;
    const started = performance.now();
    const raw = await db.getAll('observations', IDBKeyRange.bound([options.key, since], [options.key, Infinity]));
    const baseline = performance.now() - started;
    if (raw.length === 0) throw new Error('bench/history: the baseline read nothing');
    if (run < 0) continue;
    timing.chart.push(chart);
    timing.read.push(read - begun);
    timing.prepare.push(done - read);
    timing.baseline.push(baseline);
    timing.points = data.aligned[0].length;
    timing.days = data.days.length;
  }
  db.close();
  return timing;
}

export interface Bytes {
  before: number;
  after: number;
  observations: number;
  changes: number;
  /** The records themselves as JSON (UTF-8 bytes): what is stored before any engine overhead. */
  recordBytes: number;
}

/** Origin storage before and after recording `skus` SKUs seen once a day for `days` days. */
export async function storageCost(options: { name: string; skus: number; days: number; now: number }): Promise<Bytes> {
  const usage = async () => (await navigator.storage.estimate()).usage ?? 0;
  const before = await usage();
  const db = await openStore(options.name);
  const skus = Array.from({ length: options.skus }, (_, i) => `BYTES-${String(i).padStart(5, '0')}`);
  const shop = new Shop(skus, (i) => i % 3 === 0);
  const everyone = skus.map((_, i) => i);
  const today = dayKey(options.now, ZONE);
  for (let d = options.days - 1; d >= 0; d--) {
    await ingestPageRead(db, read(shop.step(everyone, 4), startOfDay(addDays(today, -d), ZONE) + 9 * HOUR));
  }
  const observations = await db.count('observations');
  const changes = await db.count('changes');
  const encoder = new TextEncoder();
  let recordBytes = 0;
  for (const store of ['skus', 'observations', 'changes'] as const) {
    for (const record of await db.getAll(store)) recordBytes += encoder.encode(JSON.stringify(record)).length;
  }
  db.close();
  // Let the database settle its log before the origin's usage is read again.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return { before, after: await usage(), observations, changes, recordBytes };
}
