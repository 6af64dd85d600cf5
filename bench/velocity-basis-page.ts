import { rebuildMarketplace } from '../lib/background/alert-basis';
import { type DB, openStore } from '../lib/db/open';
import { defaultSettings } from '../lib/settings/schema';
import { speedHistories } from './velocity';
import { ACCOUNT, deleteDatabase, MARKETPLACE, seedSkus } from './velocity-seed';

/**
 * The page side of bench/velocity-basis.ts, inside the extension's options page (the extension origin's
 * real IndexedDB): a marketplace of SKUs with every observation of their last `days` days stored (one a
 * day where the stock changed, Shelfwise writes as changes, one SKU in three FBA), and the alert basis's
 * daily rebuild (rebuildMarketplace) timed from its day series and, in the same run, from every history.
 */

export interface BasisSeeded {
  skus: number;
  observations: number;
  seedMs: number;
}

export async function seedBasisStore(options: {
  name: string;
  skus: number;
  days: number;
  now: number;
}): Promise<BasisSeeded> {
  const started = performance.now();
  await deleteDatabase(options.name);
  const db = await openStore(options.name);
  const histories = speedHistories(options.skus, options.days, options.now);
  const observations = await seedSkus(db, histories, { catalogue: true, withHistory: () => true });
  db.close();
  return { skus: histories.length, observations, seedMs: performance.now() - started };
}

export interface BasisTiming {
  /** The first rebuild: no series stored yet, every history read and the series built and written. */
  first: number;
  /** The rebuild from the day series (FBA SKUs from their histories for the fee series). */
  series: number[];
  /** The same rebuild from every history (as before the series were wired). */
  histories: number[];
  entries: number;
  fromSeries: number;
  /** Σ perDay and Σ σ of both, which must agree exactly. */
  checksums: [number, number];
}

export async function timeRebuilds(options: { name: string; now: number; runs: number }): Promise<BasisTiming> {
  const db: DB = await openStore(options.name);
  const settings = defaultSettings();
  let at = performance.now();
  const first = await rebuildMarketplace(db, ACCOUNT, MARKETPLACE, settings, options.now, true);
  const out: BasisTiming = {
    first: performance.now() - at,
    series: [],
    histories: [],
    entries: first.record.entries.length,
    fromSeries: 0,
    checksums: [0, 0],
  };
  const sum = (entries: typeof first.record.entries) =>
    entries.reduce((s, e) => s + (e.perDay ?? 0) * 1e3 + (e.sigma ?? 0), 0);
  for (let run = 0; run < options.runs; run++) {
    at = performance.now();
    const fast = await rebuildMarketplace(db, ACCOUNT, MARKETPLACE, settings, options.now, true);
    out.series.push(performance.now() - at);
    at = performance.now();
    const slow = await rebuildMarketplace(db, ACCOUNT, MARKETPLACE, settings, options.now, false);
    out.histories.push(performance.now() - at);
    out.fromSeries = fast.fromSeries;
    out.checksums = [sum(fast.record.entries), sum(slow.record.entries)];
  }
  db.close();
  return out;
}
