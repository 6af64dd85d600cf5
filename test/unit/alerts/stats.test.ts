import { describe, expect, it } from 'vitest';
import { demandSigma, effectiveSigma, SERVICE_Z, serviceZ } from '@/lib/alerts/stats';

describe('service level', () => {
  it('z is the normal quantile of the service level', () => {
    expect(serviceZ(0.9)).toBe(1.2816);
    expect(serviceZ(0.95)).toBe(1.6449);
    expect(serviceZ(0.99)).toBe(2.3263);
    expect(Object.keys(SERVICE_Z)).toHaveLength(3);
  });
});

describe('σ of daily demand', () => {
  /** Days oldest first; the last entry is today and never counts. */
  const series = (units: number[], inStock: number[] = units.map(() => 1)) => ({ units, inStock });

  it('is the sample standard deviation over full in-stock days before today', () => {
    // 2 4 4 4 5 5 7 9: mean 5, squared deviations sum to 32, sample variance 32/7.
    expect(demandSigma(series([2, 4, 4, 4, 5, 5, 7, 9, 100]))).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('leaves out days partly out of stock, and rates a DST day of 25 hours per 24', () => {
    const units = [2, 4, 4, 4, 5, 5, 7, 9, 0, 50];
    const inStock = [1, 1, 1, 1, 1, 1, 1, 1, 0.5, 1];
    expect(demandSigma(series(units, inStock))).toBeCloseTo(Math.sqrt(32 / 7), 12);
    const long = demandSigma(series([2.0833, 4, 4, 4, 5, 5, 7, 9, 0], [25 / 24, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(long).toBeCloseTo(Math.sqrt(32 / 7), 3);
  });

  it('is not measured from fewer than 7 full days', () => {
    expect(demandSigma(series([1, 2, 3, 4, 5, 6, 0]))).toBeNull();
    expect(demandSigma(series([1, 2, 3, 4, 5, 6, 7, 0]))).not.toBeNull();
  });

  it('never below the Poisson σ, which stands in when there is no measure', () => {
    expect(effectiveSigma(9, 1)).toBe(3);
    expect(effectiveSigma(9, 5)).toBe(5);
    expect(effectiveSigma(9, null)).toBe(3);
    expect(effectiveSigma(9, Number.NaN)).toBe(3);
    expect(effectiveSigma(0, undefined)).toBe(0);
  });
});
