import { describe, expect, it } from 'vitest';
import {
  dayAt,
  dayOffsetAt,
  demandDays,
  eventsFor,
  latestOrder,
  marketCalendar,
  reorderDate,
  supplyDelay,
  timeToDemand,
  upliftDays,
  upliftOn,
} from '@/lib/alerts/calendar';
import { DEFAULT_EVENTS } from '@/lib/settings/schema';
import { event, LA, local } from './helpers';

const bfcm = event({
  id: 'bfcm',
  kind: 'demand',
  start: '2026-11-20',
  end: '2026-12-01',
  uplift: 2,
  inboundCutoff: '2026-10-30',
});
const cny = event({ id: 'cny', kind: 'supply', start: '2027-01-27', end: '2027-02-21', extraLeadDays: 21 });

describe('events for a marketplace', () => {
  it('an event listing no marketplace applies to all; GB and UK are the same marketplace', () => {
    const de = event({ id: 'de', kind: 'demand', start: '2026-07-01', end: '2026-07-02', marketplaces: ['DE'] });
    const uk = event({ id: 'uk', kind: 'demand', start: '2026-07-01', end: '2026-07-02', marketplaces: ['GB'] });
    expect(eventsFor([bfcm, de, uk], ['US']).map((e) => e.id)).toEqual(['bfcm']);
    expect(eventsFor([bfcm, de, uk], ['UK']).map((e) => e.id)).toEqual(['bfcm', 'uk']);
    expect(eventsFor([bfcm, de, uk], ['FR', 'de']).map((e) => e.id)).toEqual(['bfcm', 'de']);
  });
});

describe('demand uplift over a range', () => {
  it('multiplies each day covered by a demand event; overlapping events take the larger uplift', () => {
    const promo = event({ id: 'promo', kind: 'demand', start: '2026-11-21', end: '2026-11-22', uplift: 3 });
    expect(upliftOn([bfcm, promo], '2026-11-19')).toBe(1);
    expect(upliftOn([bfcm, promo], '2026-11-20')).toBe(2);
    expect(upliftOn([bfcm, promo], '2026-11-21')).toBe(3);
    expect(upliftOn([bfcm, cny], '2027-02-01')).toBe(1);
    // 18, 19 at 1; 20 at 2; 21, 22 at 3; 23 at 2.
    expect(demandDays([bfcm, promo], '2026-11-18', '2026-11-23')).toBe(12);
  });

  it('uses the default calendar: Q4 at 1.5 in every marketplace', () => {
    expect(upliftOn(eventsFor(DEFAULT_EVENTS, ['JP']), '2026-12-10')).toBe(1.5);
  });
});

describe('the calendar of a marketplace', () => {
  const now = local('2026-11-10', 10, LA);
  const cal = marketCalendar([bfcm], ['US'], LA, now);

  it('counts from now: 14 of today’s 24 hours are left at 10:00', () => {
    expect(cal.today).toBe('2026-11-10');
    expect(cal.todayLeft).toBeCloseTo(14 / 24, 12);
    expect(dayAt(cal, 0)).toBe('2026-11-10');
    expect(dayAt(cal, 15)).toBe('2026-11-25');
    expect(dayAt(cal, -20)).toBe('2026-10-21');
  });

  it('with no event ahead, demand days are calendar days', () => {
    const plain = marketCalendar([], ['US'], LA, now);
    expect(upliftDays(plain, 12.25)).toBeCloseTo(12.25, 12);
    expect(timeToDemand(plain, 12.25)).toBeCloseTo(12.25, 12);
    expect(dayOffsetAt(plain, 0.5)).toBe(0);
    expect(dayOffsetAt(plain, 14 / 24)).toBe(1);
  });

  it('stock worth 20 plain days runs out sooner when BFCM doubles demand', () => {
    // 9⅞ days at 1 until Nov 20 (9.583…), the remaining 10.416… base days at 2 take 5.208… days.
    const t = timeToDemand(cal, 20);
    expect(t).toBeCloseTo(14 / 24 + 9 + (20 - 14 / 24 - 9) / 2, 9);
    expect(dayAt(cal, dayOffsetAt(cal, t))).toBe('2026-11-25');
    expect(upliftDays(cal, t)).toBeCloseTo(20, 9);
    // Past the last event the calendar is flat again: one base day per day.
    expect(upliftDays(cal, 60) - upliftDays(cal, 50)).toBeCloseTo(10, 9);
    expect(timeToDemand(cal, upliftDays(cal, 55.5))).toBeCloseTo(55.5, 9);
  });
});

describe('factory closures and cut-offs', () => {
  // 2026-12-01 = offset 0; 2027-01-12 = 42; 2027-01-27 (closure starts) = 57; 2027-02-21 = 82; 2027-03-08 = 97.
  const cal = marketCalendar([cny], ['US'], LA, local('2026-12-01', 10, LA));

  it('adds the closure to an order whose production window overlaps it', () => {
    expect(supplyDelay(cal, 42, 15)).toEqual({ days: 0, eventId: null });
    expect(supplyDelay(cal, 43, 15)).toEqual({ days: 21, eventId: 'cny' });
    expect(supplyDelay(cal, 82, 15)).toEqual({ days: 21, eventId: 'cny' });
    expect(supplyDelay(cal, 83, 15)).toEqual({ days: 0, eventId: null });
    // Nobody packs an order placed during the closure, even with nothing to produce.
    expect(supplyDelay(cal, 60, 0)).toEqual({ days: 21, eventId: 'cny' });
  });

  it('orders before the closure when that is later than paying for it', () => {
    // deadline 97, lead 37: 60 would overlap; paying 21 days means 39; finishing production first allows 42.
    expect(latestOrder(cal, 97, 37, 15)).toEqual({ offset: 42, supplyDelay: 0, supplyEventId: 'cny' });
  });

  it('pays for the closure when that is later than ordering before it', () => {
    // deadline 97, lead 29: 68 overlaps; 97 − 29 − 21 = 47 still overlaps and is later than 42.
    expect(latestOrder(cal, 97, 29, 15)).toEqual({ offset: 47, supplyDelay: 21, supplyEventId: 'cny' });
  });

  it('leaves dates clear of closures alone', () => {
    expect(latestOrder(cal, 150, 37, 15)).toEqual({ offset: 113, supplyDelay: 0, supplyEventId: null });
  });

  it('a demand cut-off moves the date only when the stock will not last through the event', () => {
    const now = local('2026-09-01', 10, LA);
    const bfcmCal = marketCalendar([bfcm], ['US'], LA, now);
    // Oct 30 = 59, Nov 20 = 80, Dec 1 = 91.
    const plan = { leadDays: 37, productionDays: 15, bufferDays: 7 };
    expect(reorderDate(bfcmCal, { ...plan, stockOut: 85 })).toMatchObject({
      offset: 22,
      constraint: 'cut-off',
      eventId: 'bfcm',
    });
    expect(reorderDate(bfcmCal, { ...plan, stockOut: 92 })).toMatchObject({
      offset: 48,
      constraint: 'stock-out',
      eventId: null,
    });
    // Stock that runs out well before the cut-off: the stock-out is the earlier deadline.
    expect(reorderDate(bfcmCal, { ...plan, stockOut: 40 })).toMatchObject({ offset: -4, constraint: 'stock-out' });
  });

  it('a cut-off already passed no longer moves the date', () => {
    const cal2 = marketCalendar([bfcm], ['US'], LA, local('2026-11-05', 10, LA));
    expect(reorderDate(cal2, { stockOut: 20, leadDays: 10, productionDays: 3, bufferDays: 0 })).toMatchObject({
      offset: 10,
      constraint: 'stock-out',
    });
  });
});
