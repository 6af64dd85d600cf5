import { describe, expect, it } from 'vitest';
import { addDays, DAY_MS, type DayKey, dayKey, startOfDay } from '@/lib/time';
import { computeVelocity, velocityContext } from '@/lib/velocity';
import {
  extendSeries,
  figuresFromView,
  MAX_EVENT_SPANS,
  SERIES_DAYS,
  type SeriesExtras,
  type StoredSeries,
  seriesFromHistory,
  seriesView,
  type VelocityColumns,
  velocityFromSeries,
} from '@/lib/velocity/series';
import type { Observation, SalesHistory, ShelfwiseWrite, Velocity } from '@/lib/velocity/types';
import { mulberry32 } from '../../fixtures/data/seeded';
import { HOUR, LA, SETTINGS, TOKYO } from './helpers';

interface Shape {
  fba: boolean;
  /** Mean units a day (below ln 2 the intermittent estimate takes over). */
  rate: number;
  /** Mean visits a day (irregular times, whole days without a visit). */
  visits: number;
  /** Chance that a visit finds the stock restocked by someone else, once it is low. */
  restock: number;
  /** Chance that Shelfwise writes the quantity between two visits (merchant only). */
  writes: number;
  /** Chance that a visit cannot read the available figure. */
  missing: number;
}

/** A SKU's stored history as the store keeps it: an observation only when something changed. */
function simulate(random: () => number, shape: Shape, timeZone: string, firstDay: DayKey, days: number) {
  const observations: Observation[] = [];
  const writes: ShelfwiseWrite[] = [];
  let available = Math.round(shape.rate * 20 + random() * 20);
  let reserved = 0;
  let inbound = 0;
  let unfulfillable = 0;
  let lastSeenAt = 0;
  const start = startOfDay(firstDay, timeZone);
  let t = start + random() * DAY_MS;
  const end = start + days * DAY_MS;
  while (t < end) {
    // Sales since the previous visit (Poisson-ish by thinning), never below zero.
    const gap = (-Math.log(1 - random()) / shape.visits) * DAY_MS;
    const expected = (shape.rate * gap) / DAY_MS;
    let sold = 0;
    for (let k = 0; k < expected * 2; k++) if (random() < 0.5) sold++;
    sold = Math.min(available, sold);
    available -= sold;
    if (shape.fba) {
      reserved = Math.min(reserved + sold, 4) - (random() < 0.5 ? Math.min(reserved, 2) : 0);
      if (random() < 0.05) unfulfillable += 1;
      if (inbound === 0 && available < shape.rate * 5 && random() < 0.3) inbound = 30 + Math.round(random() * 40);
      else if (inbound > 0 && random() < 0.2) {
        available += inbound;
        inbound = 0;
      }
    } else if (available < shape.rate * 3 && random() < shape.restock) {
      available += 20 + Math.round(random() * 60);
    }
    if (!shape.fba && random() < shape.writes) {
      const at = t + gap * random();
      const after = random() < 0.3 ? 0 : available + Math.round(random() * 30);
      writes.push({ at, before: available, after, batchId: `b${at}`, kind: after === 0 ? 'holiday' : 'bulk' });
      available = after;
    }
    t += gap;
    if (t >= end) break;
    const o: Observation = shape.fba
      ? { at: t, available, reserved, inboundShipped: inbound, inboundReceiving: 0, unfulfillable, channel: 'fba' }
      : { at: t, available, channel: 'mfn' };
    if (random() < shape.missing) delete o.available;
    const previous = observations[observations.length - 1];
    const changed =
      !previous ||
      previous.available !== o.available ||
      previous.reserved !== o.reserved ||
      previous.inboundShipped !== o.inboundShipped ||
      previous.unfulfillable !== o.unfulfillable;
    if (changed) {
      if (previous) previous.seenUntil = lastSeenAt;
      observations.push(o);
    }
    lastSeenAt = t;
  }
  const history: SalesHistory = {
    observations,
    writes,
    lastSeenAt,
    visits: observations.length + 3,
    firstSeenAt: observations[0]?.at,
  };
  return history;
}

/** Every number equal to 1e-9 relative (sums in another order), everything else exactly. */
function expectSame(actual: Velocity | undefined, expected: Velocity, label: string): void {
  if (!actual) throw new Error(`${label}: no answer from the series`);
  const walk = (a: unknown, e: unknown, path: string) => {
    if (typeof e === 'number' && typeof a === 'number') {
      if (Math.abs(a - e) > 1e-9 * Math.max(1, Math.abs(e))) throw new Error(`${label} ${path}: ${a} ≠ ${e}`);
      return;
    }
    if (e && typeof e === 'object' && a && typeof a === 'object') {
      expect(Object.keys(a).sort(), `${label} ${path}`).toEqual(Object.keys(e).sort());
      for (const key of Object.keys(e)) walk((a as never)[key], (e as never)[key], `${path}.${key}`);
      return;
    }
    if (a !== e) throw new Error(`${label} ${path}: ${String(a)} ≠ ${String(e)}`);
  };
  walk(actual, expected, 'velocity');
}

const SHAPES: Array<[string, Shape]> = [
  ['steady merchant', { fba: false, rate: 6, visits: 1, restock: 0.6, writes: 0, missing: 0 }],
  ['fast merchant, several visits a day', { fba: false, rate: 20, visits: 3, restock: 0.5, writes: 0, missing: 0 }],
  ['stock-outs left open', { fba: false, rate: 4, visits: 1.5, restock: 0.05, writes: 0, missing: 0 }],
  ['Shelfwise writes and holiday mode', { fba: false, rate: 3, visits: 1, restock: 0.3, writes: 0.08, missing: 0 }],
  ['intermittent', { fba: false, rate: 0.3, visits: 0.8, restock: 0.5, writes: 0, missing: 0 }],
  ['rare visits with gaps', { fba: false, rate: 2, visits: 0.25, restock: 0.5, writes: 0.02, missing: 0.05 }],
  ['FBA with receipts and unfulfillable', { fba: true, rate: 5, visits: 1, restock: 0, writes: 0, missing: 0 }],
  ['FBA slow', { fba: true, rate: 0.4, visits: 1, restock: 0, writes: 0, missing: 0.03 }],
];
const ZONES = [LA, 'Europe/London', TOKYO, 'Australia/Sydney'];

describe('velocity from the stored day series', () => {
  it.each(SHAPES)('gives computeVelocity’s answer on the full history: %s', (_name, shape) => {
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const random = mulberry32(seed * 7919 + Math.round(shape.rate * 100));
      const zone = ZONES[seed % ZONES.length] as string;
      // Histories from 20 to 200 days, across both DST changes of the year.
      const days = 20 + Math.floor(random() * 180);
      const firstDay = addDays('2026-01-20', Math.floor(random() * 200));
      const history = simulate(random, shape, zone, firstDay, days);
      const lastAt = history.lastSeenAt as number;
      const stored = seriesFromHistory(history, zone, dayKey(lastAt, zone));
      if (!stored) throw new Error('no series');
      // Asked later the same day, a day later, and a week after the last visit.
      for (const later of [0.1 * HOUR, 1.2 * DAY_MS, 7 * DAY_MS]) {
        const now = lastAt + later;
        const expected = computeVelocity(history, velocityContext(zone, now, SETTINGS));
        const actual = velocityFromSeries(stored, velocityContext(zone, now, SETTINGS));
        if (actual === undefined && stored.eventsDroppedUntil > Number.NEGATIVE_INFINITY) continue;
        expectSame(actual, expected, `${_name} seed ${seed} ${zone} +${later}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(24);
  });

  it.each(SHAPES.filter(([, shape]) => shape.writes === 0))(
    'extended one observation at a time, gives computeVelocity’s answer on the whole history: %s',
    (_name, shape) => {
      let compared = 0;
      for (let seed = 1; seed <= 12; seed++) {
        const random = mulberry32(seed * 104_729 + Math.round(shape.rate * 100));
        const zone = ZONES[seed % ZONES.length] as string;
        const days = 30 + Math.floor(random() * 170);
        const history = simulate(random, shape, zone, addDays('2026-01-20', Math.floor(random() * 200)), days);
        const all = history.observations;
        if (all.length < 4) continue;
        // The store as it stood after a visit somewhere in the middle, then every later observation as ingest sees it.
        const k = 1 + Math.floor(random() * (all.length - 2));
        const head = all.slice(0, k).map((o) => ({ ...o }));
        const lastHead = head[k - 1] as Observation;
        const headSeen = lastHead.seenUntil ?? lastHead.at;
        delete lastHead.seenUntil;
        let stored = seriesFromHistory(
          { observations: head, writes: [], lastSeenAt: headSeen, visits: 1, firstSeenAt: history.firstSeenAt },
          zone,
          dayKey(headSeen, zone),
        ) as StoredSeries;
        for (let j = k; j < all.length; j++) {
          const { seenUntil, ...next } = all[j] as Observation;
          const extended = extendSeries(stored, next, next.at, zone, history.visits as number);
          if (!extended) throw new Error(`seed ${seed}: not extended at ${j}`);
          // Unchanged visits after it move only the last visit.
          const seen = j === all.length - 1 ? (history.lastSeenAt as number) : (seenUntil ?? next.at);
          stored = { ...extended, lastAt: Math.max(extended.lastAt, seen) };
        }
        const now = (history.lastSeenAt as number) + 2 * HOUR;
        const context = velocityContext(zone, now, SETTINGS);
        const expected = computeVelocity(history, context);
        const actual = velocityFromSeries(stored, context);
        if (actual === undefined && stored.eventsDroppedUntil > Number.NEGATIVE_INFINITY) continue;
        expectSame(actual, expected, `${_name} seed ${seed} ${zone}`);
        compared++;
      }
      expect(compared).toBeGreaterThan(6);
    },
  );

  it('keeps a bounded number of event spans and says when the intermittent estimate needs more', () => {
    const random = mulberry32(5);
    const history = simulate(
      random,
      { fba: false, rate: 12, visits: 2, restock: 0.9, writes: 0, missing: 0 },
      LA,
      '2026-03-01',
      120,
    );
    const stored = seriesFromHistory(history, LA, dayKey(history.lastSeenAt as number, LA));
    // It sells far above the intermittent threshold: no event spans are kept, and it says so.
    expect(stored?.events.length).toBe(0);
    expect(stored?.eventsDroppedUntil).toBeGreaterThan(Number.NEGATIVE_INFINITY);
    expect(stored?.units.length).toBe(SERIES_DAYS);
    // A fast seller never needs the dropped spans: the answer is still there, and the same.
    const now = (history.lastSeenAt as number) + HOUR;
    const context = velocityContext(LA, now, SETTINGS);
    expectSame(velocityFromSeries(stored!, context), computeVelocity(history, context), 'fast seller');
  });

  it('keeps at most MAX_EVENT_SPANS for a slow seller, and no out-of-stock days when it never ran out', () => {
    // One unit a day (below the fast-seller mark), visited four times a day: a sale and a stretch
    // without one every day, more event spans than are kept.
    const start = Date.UTC(2026, 2, 1, 8);
    const observations: Observation[] = [];
    for (let day = 0; day < 120; day++) {
      const at = start + day * DAY_MS;
      const previous = observations[observations.length - 1];
      if (previous) previous.seenUntil = at - 6 * HOUR;
      observations.push({ at, channel: 'mfn', available: 500 - day });
    }
    const lastSeenAt = start + 119 * DAY_MS + 18 * HOUR;
    const history: SalesHistory = { observations, writes: [], lastSeenAt, visits: 480 };
    const stored = seriesFromHistory(history, LA, dayKey(lastSeenAt, LA));
    expect(stored?.events.length).toBe(MAX_EVENT_SPANS * 4);
    expect(stored?.eventsDroppedUntil).toBeGreaterThan(Number.NEGATIVE_INFINITY);
    expect(stored?.outOfStock.length).toBe(0);
    const context = velocityContext(LA, lastSeenAt + HOUR, SETTINGS);
    expectSame(velocityFromSeries(stored!, context), computeVelocity(history, context), 'slow seller');
    const steady = seriesFromHistory(
      {
        observations: [
          { at: Date.UTC(2026, 4, 1), seenUntil: Date.UTC(2026, 4, 10), channel: 'mfn', available: 5 },
          { at: Date.UTC(2026, 4, 12), channel: 'mfn', available: 4 },
        ],
        writes: [],
        lastSeenAt: Date.UTC(2026, 4, 20),
      },
      LA,
      '2026-05-20',
    );
    expect(steady?.outOfStock.length).toBe(0);
    // In stock from the first observation to the second, as one stretch (the last one's own stretch is
    // finished at read time).
    expect(Array.from(steady?.inStock ?? [])).toEqual([Date.UTC(2026, 4, 1), Date.UTC(2026, 4, 12)]);
  });

  it('writes exactly the Velocity’s perDay, daysOfCover and stock into columns, and no answer where it has none', () => {
    const columns: VelocityColumns = {
      perDay: new Float64Array(4).fill(-1),
      daysOfCover: new Float64Array(4).fill(-1),
      stock: new Float64Array(4).fill(-1),
    };
    let compared = 0;
    let unanswered = 0;
    const kinds = new Set<string>();
    SHAPES.forEach(([name, shape], s) => {
      for (let seed = 1; seed <= 6; seed++) {
        const random = mulberry32(seed * 31 + s * 1009);
        const zone = ZONES[(seed + s) % ZONES.length] as string;
        const history = simulate(
          random,
          shape,
          zone,
          addDays('2026-02-01', Math.floor(random() * 150)),
          40 + seed * 25,
        );
        const lastAt = history.lastSeenAt as number;
        const stored = seriesFromHistory(history, zone, dayKey(lastAt, zone));
        if (!stored) throw new Error('no series');
        const yesterday = addDays(dayKey(lastAt, zone), -1);
        // The sources above snapshots: a page figure, imported orders, a period report.
        const extrasOf: SeriesExtras[] = [
          {},
          { pageSales: { units: 3 + seed, days: 7 * seed } },
          {
            orders: {
              from: addDays(yesterday, -40),
              to: yesterday,
              days: [{ day: addDays(yesterday, -seed), units: seed * 2 }],
            },
          },
          { periods: [{ from: addDays(yesterday, -29), to: yesterday, units: 40 * seed }] },
        ];
        // Later the same day, a week on, and before the stored days (no answer).
        for (const now of [lastAt + 0.2 * HOUR, lastAt + 7 * DAY_MS, lastAt - 200 * DAY_MS]) {
          const context = velocityContext(zone, now, SETTINGS);
          extrasOf.forEach((extras, k) => {
            const expected = velocityFromSeries(stored, context, extras);
            const answered = figuresFromView(seriesView(stored), context, extras, columns, k);
            const label = `${name} seed ${seed} ${zone} extras ${k} at ${now}`;
            expect(answered, label).toBe(expected !== undefined);
            if (!expected) {
              unanswered++;
              return;
            }
            kinds.add(`${expected.source} ${expected.method}`);
            // Exactly the same numbers (NaN where the Velocity says null).
            expect([columns.perDay[k], columns.daysOfCover[k], columns.stock[k]], label).toEqual(
              [expected.perDay, expected.daysOfCover, expected.stock].map((n) => n ?? Number.NaN),
            );
            compared++;
          });
        }
      }
    });
    expect(compared).toBeGreaterThan(200);
    expect(unanswered).toBeGreaterThan(0);
    for (const kind of ['page period', 'orders blend', 'reports period', 'snapshots blend', 'snapshots intermittent'])
      expect(kinds, kind).toContain(kind);
  });

  it('has no answer for a grid that starts before the stored days', () => {
    const history = simulate(
      mulberry32(9),
      { fba: false, rate: 4, visits: 1, restock: 0.6, writes: 0, missing: 0 },
      LA,
      '2026-01-05',
      200,
    );
    const lastAt = history.lastSeenAt as number;
    const stored = seriesFromHistory(history, LA, dayKey(lastAt, LA));
    expect(stored?.complete).toBe(false);
    expect(velocityFromSeries(stored!, velocityContext(LA, lastAt - 20 * DAY_MS, SETTINGS))).toBeUndefined();
    expect(velocityFromSeries(stored!, velocityContext(LA, lastAt, SETTINGS))).toBeDefined();
  });
});
