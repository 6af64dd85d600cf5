import { marketplaceVelocities, storeDaySeries } from '../lib/db/day-series';
import { type DB, openStore } from '../lib/db/open';
import { dayKey } from '../lib/time';
import { velocityContext } from '../lib/velocity';
import type { VelocitySettings } from '../lib/velocity/rate';
import { type StoredSeries, seriesFromHistory, velocityFromSeries } from '../lib/velocity/series';
import type { SalesHistory } from '../lib/velocity/types';
import { speedHistories } from './velocity';
import { ACCOUNT, benchSku, deleteDatabase, MARKETPLACE, seedSkus } from './velocity-seed';

/**
 * The page side of the end-to-end velocity bench (bench/velocity.ts): runs inside the extension's
 * options page, so IndexedDB is the real one of the extension origin.
 *
 * The store holds 10,000 SKU records and their day series as the store keeps them (built from a year
 * of daily observations each by the production builder, seriesFromHistory, and written by the
 * production writer, storeDaySeries). A SKU the series cannot answer for (a slow seller whose event
 * spans were dropped) is computed from its observations by marketplaceVelocities, so those SKUs' full
 * year of observations and writes is stored too, and the time includes reading them.
 */

const ZONE = 'America/Los_Angeles';
const SETTINGS: VelocitySettings = {
  weights: { d7: 0.4, d14: 0.3, d30: 0.2, d90: 0.1 },
  includeWorkingShipments: false,
};

export interface Seeded {
  skus: number;
  observations: number;
  /** SKUs whose observations are stored because their series cannot answer. */
  fallbackSkus: number;
  seriesBytes: number;
  seedMs: number;
}

export async function seedVelocityStore(options: { name: string; skus: number; days: number; now: number }) {
  const started = performance.now();
  await deleteDatabase(options.name);
  const db = await openStore(options.name);
  const histories: SalesHistory[] = speedHistories(options.skus, options.days, options.now);
  const context = velocityContext(ZONE, options.now, SETTINGS);
  const built = new Map<string, StoredSeries>();
  const seen = new Map<string, number>();
  const fallback = new Set<number>();
  let seriesBytes = 0;
  histories.forEach((h, i) => {
    const sku = benchSku(i);
    const lastSeenAt = h.lastSeenAt as number;
    const history: SalesHistory = { ...h, visits: h.observations.length, firstSeenAt: h.observations[0]?.at };
    const series = seriesFromHistory(history, ZONE, dayKey(lastSeenAt, ZONE));
    if (!series) return;
    built.set(sku, series);
    seen.set(sku, lastSeenAt);
    seriesBytes +=
      series.units.byteLength +
      series.inStock.byteLength +
      series.outOfStock.byteLength +
      series.ranOut.byteLength +
      series.events.byteLength;
    if (!velocityFromSeries(series, context)) fallback.add(i);
  });
  const observations = await seedSkus(db, histories, { catalogue: false, withHistory: (i) => fallback.has(i) });
  await storeDaySeries(db, ACCOUNT, MARKETPLACE, built, seen);
  db.close();
  return {
    skus: histories.length,
    observations,
    fallbackSkus: fallback.size,
    seriesBytes,
    seedMs: performance.now() - started,
  } satisfies Seeded;
}

export interface VelocityTiming {
  /** marketplaceVelocities: read + compute for every SKU. */
  velocity: number[];
  /** Raw getAll of the marketplace's SKU records. */
  baseline: number[];
  /** Raw getAll of the marketplace's packed day series alone (the read part of `velocity`). */
  seriesRead: number[];
  /** Records the packed series take (the marks and the chunks). */
  seriesRecords: number;
  answered: number;
  fromObservations: number;
  rebuilt: number;
  checksum: number;
}

export async function timeVelocities(options: { name: string; now: number; runs: number }): Promise<VelocityTiming> {
  const db: DB = await openStore(options.name);
  const out: VelocityTiming = {
    velocity: [],
    baseline: [],
    seriesRead: [],
    seriesRecords: 0,
    answered: 0,
    fromObservations: 0,
    rebuilt: 0,
    checksum: 0,
  };
  for (let run = 0; run < options.runs; run++) {
    let started = performance.now();
    const result = await marketplaceVelocities(db, ACCOUNT, MARKETPLACE, velocityContext(ZONE, options.now, SETTINGS));
    out.velocity.push(performance.now() - started);
    out.answered = result.skus.length;
    out.fromObservations = result.fromObservations;
    out.rebuilt += result.rebuilt;
    out.checksum = result.perDay.reduce((sum, perDay) => sum + (Number.isNaN(perDay) ? 0 : perDay), 0);
    started = performance.now();
    const skus = await db.getAllFromIndex('skus', 'by-marketplace', [ACCOUNT, MARKETPLACE]);
    out.baseline.push(performance.now() - started);
    if (skus.length === 0) throw new Error('no SKU records');
    started = performance.now();
    const range = IDBKeyRange.bound([ACCOUNT, MARKETPLACE, -1], [ACCOUNT, MARKETPLACE, Number.MAX_SAFE_INTEGER]);
    const records = await db.getAll('daySeries', range);
    out.seriesRead.push(performance.now() - started);
    if (records.length === 0) throw new Error('no day series');
    out.seriesRecords = records.length;
  }
  db.close();
  return out;
}
