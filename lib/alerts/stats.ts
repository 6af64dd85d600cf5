import type { Settings } from '../settings/schema';

/**
 * The statistics behind safety stock (reference §6: SS = z·σ_d·√L, demand variability only, fixed
 * lead time).
 */

/**
 * z for the cycle service level: the standard normal quantile Φ⁻¹(level), to four decimals
 * (0.9 → 1.2816, 0.95 → 1.6449, 0.99 → 2.3263; reference §6 rounds them to 1.28, 1.65, 2.33).
 */
export const SERVICE_Z: Readonly<Record<Settings['serviceLevel'], number>> = {
  0.9: 1.2816,
  0.95: 1.6449,
  0.99: 2.3263,
};

export function serviceZ(level: Settings['serviceLevel']): number {
  return SERVICE_Z[level];
}

/** A day counts towards σ only when the SKU was in stock for (nearly) all of it. */
const FULL_DAY = 0.9;
/** Fewer full in-stock days than this and σ is not measured (the Poisson value stands in). */
export const MIN_SIGMA_DAYS = 7;

/**
 * σ of daily demand over in-stock days, from a velocity day series (buildDaily): the sample standard
 * deviation of units ÷ in-stock time over the full in-stock days among the last `days` complete days
 * (the series' last day is today and is left out). Null with fewer than MIN_SIGMA_DAYS such days.
 * Call it right after buildDaily: the series' arrays are reused for the next SKU.
 */
export function demandSigma(
  series: { units: ArrayLike<number>; inStock: ArrayLike<number> },
  days = 90,
): number | null {
  const end = series.units.length - 1;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = Math.max(0, end - days); i < end; i++) {
    const inStock = series.inStock[i] as number;
    if (!(inStock >= FULL_DAY)) continue;
    // Welford: one pass, no catastrophic cancellation for fast sellers.
    const x = (series.units[i] as number) / inStock;
    n++;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  return n >= MIN_SIGMA_DAYS ? Math.sqrt(m2 / (n - 1)) : null;
}

/**
 * The σ safety stock uses: the measured one, but never below √rate, the σ of Poisson demand at that
 * rate. Snapshots spread a sale seen between two visits over the days between them, which smooths
 * the daily series and makes the measured σ too small for sellers visited every few days; retail
 * demand is rarely less variable than Poisson.
 */
export function effectiveSigma(perDay: number, measured: number | null | undefined): number {
  const poisson = Math.sqrt(Math.max(0, perDay));
  return measured !== null && measured !== undefined && Number.isFinite(measured)
    ? Math.max(measured, poisson)
    : poisson;
}
