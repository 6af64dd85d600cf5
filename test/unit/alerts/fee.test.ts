import { describe, expect, it } from 'vitest';
import { feeNote, feeSeriesFrom, historicalDaysOfSupply, onHandByDay, sumFeeSeries } from '@/lib/alerts/fee';
import type { FeeSeries } from '@/lib/alerts/types';
import { addDays } from '@/lib/time';
import { buildDaily, dayGrid, velocityContext } from '@/lib/velocity';
import type { Observation } from '@/lib/velocity/types';
import { HOUR, LA, local } from './helpers';

function flat(lastDay: string, onHand: number, shipped: number, length = 90): FeeSeries & { onHand: Float64Array } {
  return { lastDay, onHand: new Float64Array(length).fill(onHand), shipped: new Float64Array(length).fill(shipped) };
}

describe('historical days of supply', () => {
  it('is average on-hand ÷ average shipped over the window', () => {
    const s = flat('2026-08-31', 40, 2);
    expect(historicalDaysOfSupply(s, 30)).toBe(20);
    expect(historicalDaysOfSupply(s, 90)).toBe(20);
  });

  it('is not known with too few days known, and not a risk when nothing shipped', () => {
    const gaps = flat('2026-08-31', 40, 2);
    for (let i = 60; i < 71; i++) gaps.onHand[i] = Number.NaN;
    // 19 of the last 30 days known: too few. 79 of 90: enough.
    expect(historicalDaysOfSupply(gaps, 30)).toBeNull();
    expect(historicalDaysOfSupply(gaps, 90)).toBe(20);
    const idle = flat('2026-08-31', 40, 0);
    expect(historicalDaysOfSupply(idle, 30)).toBeNull();
    expect(feeNote('P', [idle]).atRisk).toBe(false);
  });

  it('is at risk only when both windows are below 28', () => {
    const below = feeNote('P', [flat('2026-08-31', 27.9, 1)]);
    expect(below).toMatchObject({ parentAsin: 'P', atRisk: true });
    expect(below.dos30).toBeCloseTo(27.9, 9);
    expect(below.dos90).toBeCloseTo(27.9, 9);
    expect(feeNote('P', [flat('2026-08-31', 28, 1)]).atRisk).toBe(false);
  });
});

describe('a parent’s children summed day by day', () => {
  it('aligns children that end on different days; a day one child does not know is not known', () => {
    const a = flat('2026-08-31', 10, 1);
    const b = flat('2026-08-30', 20, 1);
    const parent = sumFeeSeries([a, b])!;
    expect(parent.lastDay).toBe('2026-08-31');
    expect(parent.onHand[89]).toBeNaN();
    expect(parent.onHand[88]).toBe(30);
    expect(parent.shipped[88]).toBe(2);
    // The first day of the window is before b's first day (Jun 2).
    expect(parent.onHand[0]).toBe(30);
    expect(historicalDaysOfSupply(parent, 30)).toBe(15);
    expect(feeNote('P', [a, b]).dos30).toBe(15);
  });

  it('gives the same note whether the children line up or one of them misses a day', () => {
    const a = flat('2026-08-31', 10, 1);
    const b = flat('2026-08-31', 20, 1);
    expect(feeNote('P', [a, b])).toEqual({ parentAsin: 'P', dos30: 15, dos90: 15, atRisk: true });
    const gap = flat('2026-08-31', 20, 1);
    gap.onHand[89] = Number.NaN;
    // The parent's last day is unknown; the other 89 days still give 30 ÷ 2.
    expect(feeNote('P', [a, gap])).toEqual({ parentAsin: 'P', dos30: 15, dos90: 15, atRisk: true });
    const bGap = flat('2026-08-31', 20, 1);
    for (let i = 60; i < 90; i++) bGap.onHand[i] = Number.NaN;
    expect(feeNote('P', [a, bGap])).toMatchObject({ dos30: null, atRisk: false });
  });
});

describe('series from the store', () => {
  it('on-hand per day is the time-weighted average of what was seen; half a day unseen is not known', () => {
    const grid = dayGrid(LA, '2026-09-01', '2026-09-03');
    const observations: Observation[] = [
      { at: local('2026-09-01', 0, LA), available: 10, channel: 'fba' },
      { at: local('2026-09-01', 12, LA), available: 20, channel: 'fba' },
    ];
    const history = { observations, writes: [], lastSeenAt: local('2026-09-02', 12, LA) };
    const onHand = onHandByDay(history, grid);
    expect(onHand[0]).toBe(15);
    expect(onHand[1]).toBe(20);
    expect(onHand[2]).toBeNaN();
    expect(onHandByDay({ ...history, lastSeenAt: local('2026-09-02', 11, LA) }, grid)[1]).toBeNaN();
  });

  it('a steady FBA seller: 90 days ending yesterday, shipped from the velocity day series', () => {
    const today = '2026-09-01';
    const now = local(today, 12, LA);
    const observations: Observation[] = [];
    // Seen every morning for 100 days, selling 2 a day from 400.
    for (let d = 99; d >= 0; d--) {
      observations.push({ at: local(addDays(today, -d), 9, LA), available: 400 - 2 * (99 - d), channel: 'fba' });
    }
    const history = { observations, writes: [], lastSeenAt: now - HOUR };
    const context = velocityContext(LA, now, {
      weights: { d7: 1, d14: 0, d30: 0, d90: 0 },
      includeWorkingShipments: false,
    });
    const series = buildDaily(history, context.grid);
    const fee = feeSeriesFrom(history, series);
    expect(fee.lastDay).toBe('2026-08-31');
    expect(fee.onHand).toHaveLength(90);
    expect(fee.shipped[89]).toBeCloseTo(2, 6);
    // Yesterday: 206 until 09:00, 204 after.
    expect(fee.onHand[89]).toBeCloseTo((206 * 9 + 204 * 15) / 24, 6);
    const dos30 = historicalDaysOfSupply(fee, 30)!;
    expect(dos30).toBeGreaterThan(100);
    expect(dos30).toBeLessThan(120);
  });
});
