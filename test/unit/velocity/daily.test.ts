import { describe, expect, it } from 'vitest';
import { addDays, DAY_MS, dayKey, startOfDay } from '@/lib/time';
import { buildDaily, type DailySeries, dayGrid, dayIndex, dayLocator, dayStatus } from '@/lib/velocity/daily';
import type { SalesHistory } from '@/lib/velocity/types';
import { HOUR, LA, local, mfn, TOKYO, write } from './helpers';

const FIRST = '2026-11-01';
const LAST = '2026-11-10';

function series(history: SalesHistory, timeZone: string): DailySeries {
  return buildDaily(history, dayGrid(timeZone, FIRST, LAST));
}

function unitsOn(s: DailySeries, day: string): number {
  return s.units[s.grid.days.indexOf(day)] ?? Number.NaN;
}

function at(s: DailySeries, day: string): { units: number; inStock: number; out: number } {
  const i = s.grid.days.indexOf(day);
  return { units: s.units[i] ?? Number.NaN, inStock: s.inStock[i] ?? Number.NaN, out: s.outOfStock[i] ?? Number.NaN };
}

describe('day grid', () => {
  it('has the marketplace day boundaries, including the 25-hour day when DST ends', () => {
    const grid = dayGrid(LA, FIRST, LAST);
    expect(grid.length).toBe(10);
    expect(grid.starts[0]).toBe(Date.UTC(2026, 10, 1, 7));
    expect((grid.starts[1] as number) - (grid.starts[0] as number)).toBe(25 * HOUR);
    expect(grid.starts[10]).toBe(startOfDay('2026-11-11', LA));
    expect(dayIndex(grid, Date.UTC(2026, 10, 2, 7, 59))).toBe(0);
    expect(dayIndex(grid, Date.UTC(2026, 10, 2, 8))).toBe(1);
    expect(dayIndex(grid, 0)).toBe(-1);
    expect(dayIndex(grid, Date.UTC(2027, 0, 1))).toBe(10);
  });

  it('the day locator agrees with dayKey across DST changes in several zones', () => {
    for (const zone of [LA, TOKYO, 'Europe/London', 'Europe/Berlin', 'America/Sao_Paulo', 'Australia/Sydney']) {
      const dayOf = dayLocator(zone);
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 7 * HOUR + 13 * 60_000) {
        if (dayOf(t) !== dayKey(t, zone)) throw new Error(`${zone} ${new Date(t).toISOString()}: ${dayOf(t)}`);
      }
      // The exact instants around a change: the last second of a day and the first of the next.
      const next = startOfDay('2026-11-02', zone);
      expect(dayOf(next - 1000)).toBe(dayKey(next - 1000, zone));
      expect(dayOf(next)).toBe(dayKey(next, zone));
    }
  });
});

describe('sales at local midnight', () => {
  it.each([
    [LA, 'Los Angeles'],
    [TOKYO, 'Tokyo'],
  ])('a sale just before midnight counts on that day, just after on the next (%s)', (zone) => {
    const before = series(
      { observations: [mfn(local('2026-11-05', 23.5, zone), 10), mfn(local('2026-11-05', 23.9, zone), 9)], writes: [] },
      zone,
    );
    expect(unitsOn(before, '2026-11-05')).toBeCloseTo(1, 9);
    expect(unitsOn(before, '2026-11-06')).toBe(0);
    const after = series(
      { observations: [mfn(local('2026-11-06', 0.1, zone), 10), mfn(local('2026-11-06', 0.5, zone), 9)], writes: [] },
      zone,
    );
    expect(unitsOn(after, '2026-11-05')).toBe(0);
    expect(unitsOn(after, '2026-11-06')).toBeCloseTo(1, 9);
  });

  it('the same two instants fall on different marketplace days in Los Angeles and Tokyo', () => {
    // 2026-11-06 05:00–07:00 UTC: 21:00–23:00 on the 5th in Los Angeles, 14:00–16:00 on the 6th in Tokyo.
    const history = { observations: [mfn(Date.UTC(2026, 10, 6, 5), 10), mfn(Date.UTC(2026, 10, 6, 7), 8)], writes: [] };
    expect(unitsOn(series(history, LA), '2026-11-05')).toBeCloseTo(2, 9);
    expect(unitsOn(series(history, TOKYO), '2026-11-06')).toBeCloseTo(2, 9);
  });

  it('spreads a sale seen across midnight over both days in proportion to the time', () => {
    const s = series(
      { observations: [mfn(local('2026-11-05', 23, LA), 10), mfn(local('2026-11-06', 3, LA), 6)], writes: [] },
      LA,
    );
    expect(unitsOn(s, '2026-11-05')).toBeCloseTo(1, 9);
    expect(unitsOn(s, '2026-11-06')).toBeCloseTo(3, 9);
    expect(at(s, '2026-11-05').inStock).toBeCloseTo(1 / 24, 9);
  });
});

describe('in stock, out of stock, unknown', () => {
  it('days before the first visit and after the last are unknown', () => {
    const s = series(
      { observations: [mfn(local('2026-11-03', 12, LA), 5)], lastSeenAt: local('2026-11-05', 12, LA), writes: [] },
      LA,
    );
    expect(dayStatus(s, 0)).toBe('unknown');
    expect(at(s, '2026-11-03').inStock).toBeCloseTo(0.5, 9);
    expect(dayStatus(s, s.grid.days.indexOf('2026-11-04'))).toBe('in');
    expect(at(s, '2026-11-05').inStock).toBeCloseTo(0.5, 9);
    expect(dayStatus(s, s.grid.days.indexOf('2026-11-06'))).toBe('unknown');
    expect(s.lastAt).toBe(local('2026-11-05', 12, LA));
  });

  it('a visit showing 0, unchanged until the last visit, is out of stock', () => {
    const s = series(
      { observations: [mfn(local('2026-11-02', 0, LA), 0)], lastSeenAt: local('2026-11-05', 0, LA), writes: [] },
      LA,
    );
    expect(at(s, '2026-11-03')).toEqual({ units: 0, inStock: 0, out: 1 });
    expect(dayStatus(s, s.grid.days.indexOf('2026-11-03'))).toBe('out');
  });

  it('a stock-out between visits is placed by the SKU’s own in-stock rate', () => {
    // Sells 4 a day (two days of clean history), then the last 2 units go and a visit 2 days later shows 0.
    const observations = [
      mfn(local('2026-11-02', 0, LA), 10),
      mfn(local('2026-11-03', 0, LA), 6),
      mfn(local('2026-11-04', 0, LA), 2),
      mfn(local('2026-11-06', 0, LA), 0),
    ];
    const s = series({ observations, lastSeenAt: local('2026-11-08', 0, LA), writes: [] }, LA);
    // 2 units at 4 a day: half a day in stock, the rest of the span out.
    expect(at(s, '2026-11-04')).toEqual({ units: 2, inStock: 0.5, out: 0.5 });
    expect(at(s, '2026-11-05')).toEqual({ units: 0, inStock: 0, out: 1 });
    expect(at(s, '2026-11-07').out).toBe(1);
  });

  it('a restock by someone else hides the span: neither in nor out, and no units', () => {
    const observations = [mfn(local('2026-11-02', 0, LA), 0), mfn(local('2026-11-05', 0, LA), 40)];
    const s = series({ observations, lastSeenAt: local('2026-11-06', 0, LA), writes: [] }, LA);
    expect(at(s, '2026-11-03')).toEqual({ units: 0, inStock: 0, out: 0 });
    expect(at(s, '2026-11-05').inStock).toBe(1);
  });

  it('a Shelfwise restock is known to the second: out before it, in stock after', () => {
    const restockAt = local('2026-11-04', 12, LA);
    const observations = [mfn(local('2026-11-02', 0, LA), 0), mfn(local('2026-11-05', 12, LA), 30)];
    const s = series({ observations, lastSeenAt: local('2026-11-06', 0, LA), writes: [write(restockAt, 0, 36)] }, LA);
    expect(at(s, '2026-11-03')).toEqual({ units: 0, inStock: 0, out: 1 });
    const day4 = at(s, '2026-11-04');
    expect(day4.out).toBeCloseTo(0.5, 9);
    expect(day4.inStock).toBeCloseTo(0.5, 9);
    // 6 sold over the 24 hours after the restock: 3 on each side of midnight.
    expect(day4.units).toBeCloseTo(3, 9);
    expect(unitsOn(s, '2026-11-05')).toBeCloseTo(3, 9);
  });

  it('holiday mode through Shelfwise: the days at 0 are known out of stock, the edit is not a sale', () => {
    const observations = [mfn(local('2026-11-02', 9, LA), 20), mfn(local('2026-11-07', 9, LA), 18)];
    const writes = [
      write(local('2026-11-03', 9, LA), 20, 0, 'holiday'),
      write(local('2026-11-06', 9, LA), 0, 20, 'restore'),
    ];
    const s = series({ observations, lastSeenAt: local('2026-11-07', 9, LA), writes }, LA);
    for (const day of ['2026-11-04', '2026-11-05']) expect(at(s, day)).toEqual({ units: 0, inStock: 0, out: 1 });
    const total = s.units.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(2, 9);
  });

  it('with seenUntil, a change is placed after the last unchanged visit', () => {
    const observations = [
      { ...mfn(local('2026-11-02', 0, LA), 10), seenUntil: local('2026-11-05', 0, LA) },
      mfn(local('2026-11-06', 0, LA), 6),
    ];
    const s = series({ observations, writes: [] }, LA);
    expect(unitsOn(s, '2026-11-03')).toBe(0);
    expect(unitsOn(s, '2026-11-05')).toBeCloseTo(4, 9);
    expect(s.visits).toBe(3);
  });
});

describe('edge cases', () => {
  it('one visit only: nothing known but that instant', () => {
    const s = series({ observations: [mfn(local('2026-11-05', 10, LA), 7)], writes: [] }, LA);
    expect(s.inStock.reduce((a, b) => a + b, 0)).toBe(0);
    expect(s.units.reduce((a, b) => a + b, 0)).toBe(0);
    expect(s.visits).toBe(1);
    expect(s.last?.available).toBe(7);
  });

  it('visits an hour apart: an hour of history', () => {
    const s = series(
      { observations: [mfn(local('2026-11-05', 10, LA), 7), mfn(local('2026-11-05', 11, LA), 6)], writes: [] },
      LA,
    );
    const day = at(s, '2026-11-05');
    expect(day.units).toBeCloseTo(1, 9);
    expect(day.inStock).toBeCloseTo(1 / 24, 9);
    expect(day.out).toBe(0);
  });

  it('a bad figure costs only the spans that touch it', () => {
    const observations = [
      mfn(local('2026-11-02', 0, LA), 10),
      mfn(local('2026-11-03', 0, LA), 8),
      mfn(local('2026-11-04', 0, LA), -3),
      mfn(local('2026-11-05', 0, LA), 6),
      mfn(local('2026-11-06', 0, LA), 4),
    ];
    const s = series({ observations, writes: [] }, LA);
    expect(at(s, '2026-11-02')).toEqual({ units: 2, inStock: 1, out: 0 });
    expect(at(s, '2026-11-03')).toEqual({ units: 0, inStock: 0, out: 0 });
    expect(at(s, '2026-11-04')).toEqual({ units: 0, inStock: 0, out: 0 });
    expect(at(s, '2026-11-05')).toEqual({ units: 2, inStock: 1, out: 0 });
  });

  it('no observations: an empty series', () => {
    const s = series({ observations: [], writes: [] }, LA);
    expect(s).toMatchObject({ visits: 0, firstAt: null, lastAt: null, last: null });
  });

  it('unsorted observations give the same series as sorted ones', () => {
    const observations = [
      mfn(local('2026-11-02', 8, LA), 10),
      mfn(local('2026-11-04', 8, LA), 7),
      mfn(local('2026-11-06', 8, LA), 1),
    ];
    const sorted = series({ observations, writes: [] }, LA);
    const shuffled = series({ observations: [observations[2]!, observations[0]!, observations[1]!], writes: [] }, LA);
    expect(Array.from(shuffled.units)).toEqual(Array.from(sorted.units));
    expect(shuffled.last?.available).toBe(1);
  });

  it('reuses the arrays it is given and clears them first', () => {
    const grid = dayGrid(LA, FIRST, LAST);
    const first = buildDaily(
      { observations: [mfn(local('2026-11-02', 8, LA), 10), mfn(local('2026-11-03', 8, LA), 1)], writes: [] },
      grid,
    );
    const again = buildDaily({ observations: [mfn(local('2026-11-05', 8, LA), 3)], writes: [] }, grid, first);
    expect(again).toBe(first);
    expect(again.units.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('only reads the stretch of history the grid covers', () => {
    const grid = dayGrid(LA, addDays(LAST, -2), LAST);
    const old = mfn(startOfDay(FIRST, LA) - 300 * DAY_MS, 500);
    const s = buildDaily(
      { observations: [old, mfn(local('2026-11-09', 0, LA), 100), mfn(local('2026-11-10', 0, LA), 90)], writes: [] },
      grid,
    );
    // The span from a year ago to 11-09 is in the grid only for its last days; its 400 units are spread
    // over ~300 days, so the grid gets about 1.3 a day, not 400.
    expect(s.units[0]).toBeCloseTo(400 / ((local('2026-11-09', 0, LA) - old.at) / DAY_MS), 6);
    expect(s.units[1]).toBeCloseTo(10, 9);
    expect(s.firstAt).toBe(old.at);
    // The same figures from just the stretch that is read, with the start of history given apart.
    const slice = buildDaily(
      {
        observations: [mfn(local('2026-11-09', 0, LA), 100), mfn(local('2026-11-10', 0, LA), 90)],
        writes: [],
        firstSeenAt: old.at,
      },
      grid,
    );
    expect(slice.firstAt).toBe(old.at);
    expect(slice.units[1]).toBeCloseTo(10, 9);
  });
});
