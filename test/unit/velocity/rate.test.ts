import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/time';
import { computeVelocity, velocityContext } from '@/lib/velocity';
import { blendWindows, crostonRate } from '@/lib/velocity/rate';
import type { Observation, SalesHistory, ShelfwiseWrite, WindowFigure } from '@/lib/velocity/types';
import { dailyVisits, HOUR, LA, local, mfn, SETTINGS, TOKYO, write } from './helpers';

// No daylight-saving change in the 90 days before: the DST test below sets its own dates.
const TODAY = '2026-10-20';
const NOW = local(TODAY, 15, LA);

function velocity(history: SalesHistory, settings = SETTINGS, now = NOW, zone = LA) {
  return computeVelocity(history, velocityContext(zone, now, settings));
}

/** Visits at 10:00 for `days` days, `perDay(d)` sold before visit d. */
function steady(days: number, perDay: (d: number) => number, start = 10_000): SalesHistory {
  return dailyVisits({ today: TODAY, days, timeZone: LA, start, perDay });
}

describe('known series', () => {
  it('steady: 3 a day is 3 a day', () => {
    const v = velocity(steady(40, () => 3));
    expect(v.perDay).toBeCloseTo(3, 9);
    for (const key of ['d7', 'd14', 'd30'] as const) expect(v.windows[key].perDay).toBeCloseTo(3, 9);
    expect(v.windows.d90.perDay).toBeCloseTo(3, 9);
    expect(v.windows.d7.inStockDays).toBeCloseTo(7, 9);
    expect(v).toMatchObject({
      method: 'blend',
      source: 'snapshots',
      gap: null,
      trend: 'flat',
      visits: 40,
      historyDays: 39,
    });
    expect(v.confidence).toBe('high');
  });

  it('a rate is per 24 hours: the 25-hour day when DST ends is not a rise', () => {
    // One unit an hour, visits at 10:00 local: the visit-to-visit span over 1 November is 25 hours.
    const today = '2026-11-27';
    const history = dailyVisits({ today, days: 40, timeZone: LA, start: 10_000, perDay: (d) => (d === 14 ? 25 : 24) });
    expect(local(addDays(today, 14 - 39), 10, LA) - local(addDays(today, 13 - 39), 10, LA)).toBe(25 * HOUR);
    const v = velocity(history, SETTINGS, local(today, 15, LA));
    expect(v.perDay).toBeCloseTo(24, 9);
    expect(v.windows.d30.perDay).toBeCloseTo(24, 9);
  });

  it('a stock-out in the middle does not drag the rate down (a plain 30-day average says 2.7)', () => {
    // 4 a day; stock hits 0 at a visit 24 days ago and is restocked with Shelfwise at a visit 10 days later.
    const observations: Observation[] = [];
    const writes = [];
    let available = 4 * 65;
    for (let d = 0; d < 90; d++) {
      const at = local(addDays(TODAY, d - 89), 10, LA);
      if (d === 75) {
        writes.push(write(at, 0, 200));
        available = 200;
      } else if (d > 0 && available > 0) {
        available -= 4;
      }
      if (observations.at(-1)?.available !== available) observations.push(mfn(at, available));
    }
    const v = velocity({ observations, writes, lastSeenAt: local(TODAY, 10, LA) });
    expect(v.perDay).toBeCloseTo(4, 9);
    expect(v.outOfStockDays30).toBeCloseTo(10, 9);
    expect(v.windows.d30.inStockDays).toBeGreaterThan(19);
  });

  it('a restock by another tool: the hidden span is left out, the rate stays', () => {
    const history = dailyVisits({
      today: TODAY,
      days: 90,
      timeZone: LA,
      start: 4 * 65,
      perDay: () => 4,
      restock: (d, available) => (d === 75 ? 200 : available === 0 ? 0 : null),
    });
    const v = velocity(history);
    expect(v.perDay).toBeCloseTo(4, 6);
  });

  it('intermittent: one unit every 5 days is rated by Croston/SBA, not by mostly-empty weeks', () => {
    const v = velocity(steady(90, (d) => (d % 5 === 0 ? 1 : 0)));
    expect(v.method).toBe('intermittent');
    // SBA: (1 − α/2) · size ÷ interval = 0.95 · 1 ÷ 5.
    expect(v.perDay).toBeCloseTo(0.19, 2);
    expect(v.events).toBeGreaterThan(15);
    expect(v.confidence).not.toBe('high');
  });

  it('a real rise keeps the recent windows; the trend says so', () => {
    const v = velocity(steady(90, (d) => (d >= 80 ? 10 : 2)));
    const w = v.windows;
    const raw =
      0.4 * (w.d7.perDay ?? 0) + 0.3 * (w.d14.perDay ?? 0) + 0.2 * (w.d30.perDay ?? 0) + 0.1 * (w.d90.perDay ?? 0);
    expect(v.perDay).toBeGreaterThan(raw * 0.97);
    expect(v.perDay).toBeLessThanOrEqual(raw + 1e-9);
    expect(v.trend).toBe('up');
  });

  it('a recent wobble within chance is pulled to the longer rate', () => {
    const v = velocity(steady(90, (d) => (d >= 83 ? (d % 2 ? 4 : 3) : 3)));
    expect(v.windows.d7.perDay).toBeGreaterThan(3.3);
    expect(v.perDay).toBeCloseTo(v.windows.d90.perDay as number, 9);
    expect(v.trend).toBe('flat');
  });

  it('sales today do not count: windows end yesterday', () => {
    const history = steady(40, () => 3);
    const last = history.observations.at(-1) as Observation;
    history.observations.push(mfn(local(TODAY, 14, LA), (last.available as number) - 100));
    history.lastSeenAt = local(TODAY, 14, LA);
    expect(velocity(history).perDay).toBeCloseTo(3, 9);
  });

  it('counts days in the marketplace zone: the same visits give Tokyo days their own windows', () => {
    const history = dailyVisits({ today: TODAY, days: 40, timeZone: TOKYO, start: 10_000, perDay: () => 5 });
    const v = velocity(history, SETTINGS, local(TODAY, 15, TOKYO), TOKYO);
    expect(v.perDay).toBeCloseTo(5, 9);
    expect(v.windows.d7.inStockDays).toBeCloseTo(7, 9);
  });
});

describe('too little history', () => {
  it('no observations and no other source: no data', () => {
    const v = velocity({ observations: [], writes: [] });
    expect(v).toMatchObject({
      perDay: null,
      gap: 'no-data',
      source: null,
      daysOfCover: null,
      trend: 'unknown',
      confidence: 'low',
    });
  });

  it('one visit: too little history, not a made-up number', () => {
    const v = velocity({ observations: [mfn(NOW - HOUR, 12)], writes: [], lastSeenAt: NOW - HOUR });
    expect(v).toMatchObject({ perDay: null, gap: 'too-little-history', stock: 12, daysOfCover: null, visits: 1 });
  });

  it('two days of visits are not enough for the 7-day window (3 days in stock needed)', () => {
    expect(velocity(steady(3, () => 2)).gap).toBe('too-little-history');
    expect(velocity(steady(5, () => 2)).perDay).toBeCloseTo(2, 9);
  });
});

function figure(days: number, perDay: number | null, inStockDays: number): WindowFigure {
  return { days, units: (perDay ?? 0) * inStockDays, inStockDays, outOfStockDays: 0, perDay };
}

describe('blending', () => {
  it('renormalises the weights over the windows that count', () => {
    const windows = {
      d7: figure(7, 6, 7),
      d14: figure(14, 4, 14),
      d30: figure(30, null, 9),
      d90: figure(90, null, 14),
    };
    // d7 is pulled towards d14 by 1 − variance/difference² = 1 − 4·(1/7 − 1/14)/4.
    const keep = 1 - (4 * (1 / 7 - 1 / 14)) / 4;
    const d7 = 4 + keep * 2;
    expect(blendWindows(windows, SETTINGS.weights)).toBeCloseTo((0.4 * d7 + 0.3 * 4) / 0.7, 12);
  });

  it('takes the longest window when every weight is 0, and nothing when no window counts', () => {
    const windows = { d7: figure(7, 6, 7), d14: figure(14, 4, 14), d30: figure(30, 3, 30), d90: figure(90, null, 14) };
    expect(blendWindows(windows, { d7: 0, d14: 0, d30: 0, d90: 0 })).toBe(3);
    const none = {
      d7: figure(7, null, 1),
      d14: figure(14, null, 1),
      d30: figure(30, null, 1),
      d90: figure(90, null, 1),
    };
    expect(blendWindows(none, SETTINGS.weights)).toBeNull();
  });

  it('follows the settings weights', () => {
    const history = steady(90, (d) => (d >= 80 ? 10 : 2));
    const recent = velocity(history, { ...SETTINGS, weights: { d7: 1, d14: 0, d30: 0, d90: 0 } });
    const long = velocity(history, { ...SETTINGS, weights: { d7: 0, d14: 0, d30: 0, d90: 1 } });
    expect(recent.perDay).toBeGreaterThan(9.9);
    expect(long.perDay).toBeCloseTo(long.windows.d90.perDay as number, 12);
  });
});

describe('Croston/SBA', () => {
  it('size ÷ interval with the SBA correction', () => {
    expect(crostonRate([2, 2, 2, 2, 2], [Number.NaN, 4, 4, 4, 4])).toBeCloseTo((0.95 * 2) / 4, 12);
  });

  it('needs four sales with a known interval', () => {
    expect(crostonRate([1, 1, 1, 1], [Number.NaN, 5, 5, 5])).toBeNull();
  });

  it('moves towards recent sales', () => {
    const sizes = [1, 1, 1, 1, 1, 1, 4, 4, 4];
    const gaps = [Number.NaN, 5, 5, 5, 5, 5, 5, 5, 5];
    const rate = crostonRate(sizes, gaps) as number;
    const mean = sizes.reduce((a, b) => a + b) / sizes.length / 5;
    expect(rate).toBeGreaterThan(0.95 * mean);
  });
});

describe('source ladder', () => {
  /** 3 a day, but out of stock (known: Shelfwise holiday mode) for 10 of the last 30 days. */
  function withStockOut(): SalesHistory {
    const observations: Observation[] = [];
    const writes: ShelfwiseWrite[] = [];
    let available = 500;
    let held = 0;
    for (let d = 0; d < 60; d++) {
      const at = local(addDays(TODAY, d - 59), 10, LA);
      if (d > 0 && available > 0) available -= 3;
      if (d === 40) {
        held = available;
        writes.push(write(at, held, 0, 'holiday'));
        available = 0;
      } else if (d === 50) {
        writes.push(write(at, 0, held, 'restore'));
        available = held;
      }
      if (observations.at(-1)?.available !== available) observations.push(mfn(at, available));
    }
    return { observations, writes, lastSeenAt: local(TODAY, 10, LA) };
  }

  it('a figure the page shows comes first, with known days out of stock taken out', () => {
    const v = velocity({ ...withStockOut(), pageSales: { units: 60, days: 30 } });
    expect(v.outOfStockDays30).toBeCloseTo(10, 9);
    expect(v).toMatchObject({ source: 'page', method: 'period', sourceDays: 30, confidence: 'high' });
    // 60 units in the 20 days in stock, not 60 in 30.
    expect(v.perDay).toBeCloseTo(3, 9);
  });

  it('a page figure alone is taken as it is', () => {
    const v = velocity({ observations: [], writes: [], pageSales: { units: 60, days: 30 } });
    expect(v.perDay).toBe(2);
  });

  it('imported daily orders beat snapshots', () => {
    const history = steady(40, () => 3);
    const days = Array.from({ length: 40 }, (_, i) => ({ day: addDays(TODAY, -40 + i), units: 5 }));
    const v = velocity({ ...history, orders: { from: addDays(TODAY, -40), to: addDays(TODAY, -1), days } });
    expect(v.source).toBe('orders');
    expect(v.perDay).toBeCloseTo(5, 9);
  });

  it('imported orders are divided by the days in stock that visits saw, unseen days counted in stock', () => {
    const history = withStockOut();
    const days = Array.from({ length: 30 }, (_, i) => {
      const day = addDays(TODAY, -30 + i);
      const out = day >= addDays(TODAY, -19) && day < addDays(TODAY, -9);
      return { day, units: out ? 0 : 3 };
    });
    const v = velocity({ ...history, orders: { from: addDays(TODAY, -30), to: addDays(TODAY, -1), days } });
    expect(v.source).toBe('orders');
    expect(v.windows.d30.units).toBe(60);
    expect(v.perDay).toBeCloseTo(3, 9);
  });

  it('imported orders of an occasional seller go through Croston/SBA day by day', () => {
    const history = steady(90, () => 0);
    const days = Array.from({ length: 90 }, (_, i) => ({ day: addDays(TODAY, -90 + i), units: i % 4 === 0 ? 2 : 0 }));
    const v = velocity({ ...history, orders: { from: addDays(TODAY, -90), to: addDays(TODAY, -1), days } });
    expect(v).toMatchObject({ source: 'orders', method: 'intermittent' });
    // 2 units every 4 days, SBA-corrected.
    expect(v.perDay).toBeCloseTo((0.95 * 2) / 4, 9);
    expect(v.events).toBe(22);
  });

  it('a current period report beats snapshots; a stale one does not', () => {
    const history = steady(40, () => 3);
    const yesterday = addDays(TODAY, -1);
    const current = velocity({ ...history, periods: [{ from: addDays(yesterday, -29), to: yesterday, units: 120 }] });
    expect(current).toMatchObject({ source: 'reports', perDay: 4, sourceDays: 30 });
    const stale = velocity({
      ...history,
      periods: [{ from: addDays(yesterday, -59), to: addDays(yesterday, -30), units: 120 }],
    });
    expect(stale.source).toBe('snapshots');
  });
});
