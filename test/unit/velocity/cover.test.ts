import { describe, expect, it } from 'vitest';
import { DAY_MS, dayKey } from '@/lib/time';
import { computeVelocity, velocityContext } from '@/lib/velocity';
import { countStock, projectCover, trendOf } from '@/lib/velocity/cover';
import type { WindowFigure } from '@/lib/velocity/types';
import { dailyVisits, fba, HOUR, LA, local, mfn, SETTINGS, TOKYO } from './helpers';

const dayOf = (zone: string) => (at: number) => dayKey(at, zone);

describe('stock counted for days of cover', () => {
  const seen = fba(0, 30, { reserved: 7, inboundWorking: 100, inboundShipped: 20, inboundReceiving: 5 });

  it('available + shipped + receiving; shipments still being prepared and reserved left out by default', () => {
    expect(countStock(seen, false)).toEqual({
      stock: 55,
      available: 30,
      inboundCounted: 25,
      inboundIncludesWorking: false,
    });
  });

  it('counts working shipments when the setting says so', () => {
    expect(countStock(seen, true).stock).toBe(155);
  });

  it('takes an inbound total as it is and says it may include working shipments', () => {
    expect(countStock(fba(0, 30, { inbound: 40 }), false)).toEqual({
      stock: 70,
      available: 30,
      inboundCounted: 40,
      inboundIncludesWorking: true,
    });
  });

  it('knows nothing without an available figure', () => {
    expect(countStock({ at: 0, channel: 'mfn' }, false).stock).toBeNull();
    expect(countStock(null, false).stock).toBeNull();
  });
});

describe('days of cover and stock-out day', () => {
  const count = { stock: 36, available: 36, inboundCounted: 0, inboundIncludesWorking: false };

  it('stock ÷ rate, less the days since the stock was seen', () => {
    const seenAt = local('2026-11-20', 9, LA);
    expect(projectCover(count, 3, seenAt, seenAt, dayOf(LA))).toEqual({
      daysOfCover: 12,
      availableDays: 12,
      stockOutDay: '2026-12-02',
    });
    expect(projectCover(count, 3, seenAt, seenAt + 2 * DAY_MS, dayOf(LA)).daysOfCover).toBeCloseTo(10, 9);
    expect(projectCover(count, 3, seenAt, seenAt + 20 * DAY_MS, dayOf(LA)).daysOfCover).toBe(0);
  });

  it('counts the stock-out day in the marketplace zone', () => {
    // Runs out 2026-12-02 23:00 in Los Angeles, which is already the 3rd in Tokyo.
    const seenAt = Date.UTC(2026, 11, 1, 7);
    const oneDay = { ...count, stock: 3, available: 3 };
    expect(projectCover(oneDay, 1.5, seenAt, seenAt, dayOf(LA)).stockOutDay).toBe('2026-12-02');
    expect(projectCover(oneDay, 1.5, seenAt, seenAt, dayOf(TOKYO)).stockOutDay).toBe('2026-12-03');
  });

  it('is unknown when the rate is 0 or unknown, and 0 when there is no stock', () => {
    const seenAt = local('2026-11-20', 9, LA);
    expect(projectCover(count, 0, seenAt, seenAt, dayOf(LA))).toEqual({
      daysOfCover: null,
      availableDays: null,
      stockOutDay: null,
    });
    expect(projectCover(count, null, seenAt, seenAt, dayOf(LA)).daysOfCover).toBeNull();
    const empty = { ...count, stock: 0, available: 0 };
    expect(projectCover(empty, null, seenAt, seenAt, dayOf(LA))).toEqual({
      daysOfCover: 0,
      availableDays: 0,
      stockOutDay: null,
    });
  });

  it('inbound extends cover but not what available alone lasts', () => {
    const withInbound = { stock: 40, available: 10, inboundCounted: 30, inboundIncludesWorking: false };
    const cover = projectCover(withInbound, 2, 0, 0, dayOf(LA));
    expect(cover.daysOfCover).toBe(20);
    expect(cover.availableDays).toBe(5);
  });
});

function window(days: number, perDay: number | null, inStockDays: number): WindowFigure {
  return { days, units: (perDay ?? 0) * inStockDays, inStockDays, outOfStockDays: 0, perDay };
}

describe('trend', () => {
  it('up or down only past the threshold and outside chance', () => {
    const up = trendOf({
      d7: window(7, 14, 7),
      d14: window(14, 12, 14),
      d30: window(30, 10, 30),
      d90: window(90, 10, 90),
    });
    expect(up.trend).toBe('up');
    expect(up.change).toBeCloseTo(0.4, 12);
    const down = trendOf({
      d7: window(7, 6, 7),
      d14: window(14, 8, 14),
      d30: window(30, 10, 30),
      d90: window(90, 10, 90),
    });
    expect(down.trend).toBe('down');
  });

  it('a slow seller’s lucky week is not a trend', () => {
    // 2 sales in a week against 0.14 a day: +100 %, but well within chance.
    const lucky = trendOf({
      d7: window(7, 2 / 7, 7),
      d14: window(14, 2 / 14, 14),
      d30: window(30, 0.14, 30),
      d90: window(90, 0.14, 90),
    });
    expect(lucky.trend).toBe('flat');
  });

  it('a small change is flat even when certain', () => {
    expect(
      trendOf({ d7: window(7, 110, 7), d14: window(14, 105, 14), d30: window(30, 100, 30), d90: window(90, 100, 90) })
        .trend,
    ).toBe('flat');
  });

  it('is unknown without a recent and a longer window that differ', () => {
    expect(
      trendOf({ d7: window(7, null, 2), d14: window(14, null, 2), d30: window(30, 3, 12), d90: window(90, null, 12) })
        .trend,
    ).toBe('unknown');
    expect(
      trendOf({ d7: window(7, 3, 5), d14: window(14, 3, 5), d30: window(30, 3, 5), d90: window(90, null, 5) }).trend,
    ).toBe('unknown');
  });
});

describe('confidence and end to end', () => {
  const today = '2026-10-20';
  const now = local(today, 15, LA);

  it('grows with history: low after a few days, medium after two weeks, high after a month of visits', () => {
    const confidence = (days: number) =>
      computeVelocity(
        dailyVisits({ today, days, timeZone: LA, start: 10_000, perDay: () => 3 }),
        velocityContext(LA, now, SETTINGS),
      ).confidence;
    expect(confidence(5)).toBe('low');
    expect(confidence(14)).toBe('medium');
    expect(confidence(40)).toBe('high');
  });

  it('projects from the last visit in the marketplace zone', () => {
    const history = dailyVisits({ today, days: 20, timeZone: LA, start: 100, perDay: () => 2 });
    const v = computeVelocity(history, velocityContext(LA, now, SETTINGS));
    const last = history.observations.at(-1);
    expect(last?.available).toBe(62);
    expect(v.stock).toBe(62);
    // 62 units at 2 a day from 10:00 today: 31 days, less the 5 hours since.
    expect(v.daysOfCover).toBeCloseTo(31 - 5 / 24, 9);
    expect(v.stockOutDay).toBe(dayKey(local(today, 10, LA) + 31 * DAY_MS, LA));
  });

  it('an MFN SKU out of stock now: cover 0, the rate from before still shown', () => {
    const history = dailyVisits({ today, days: 20, timeZone: LA, start: 36, perDay: () => 3 });
    history.observations.push(mfn(now - HOUR, 0));
    const v = computeVelocity(history, velocityContext(LA, now, SETTINGS));
    expect(v.perDay).toBeCloseTo(3, 9);
    expect(v).toMatchObject({ stock: 0, daysOfCover: 0, stockOutDay: null });
  });
});
