import { addDays, DAY_MS, type DayKey, dayKey, startOfDay } from '../lib/time';
import { computeVelocity, velocityContext } from '../lib/velocity';
import type { VelocitySettings } from '../lib/velocity/rate';
import { seriesFromHistory, velocityFromSeries } from '../lib/velocity/series';
import type { Observation, SalesHistory, ShelfwiseWrite } from '../lib/velocity/types';
import { mulberry32 } from '../test/fixtures/data/seeded';
import type { FigureInput } from './types';

/**
 * Velocity benchmarks.
 *
 * Accuracy: sales are simulated (Poisson at several rates, intermittent demand, stock-outs, restocks
 * by Shelfwise and by others, FBA receipts, a seasonal rise), seen only through snapshots taken at
 * irregular visit times, and stored the way the store stores them (an observation only when something
 * changed, plus the last visit). Shelfwise's estimate is compared with the simulation's true demand
 * rate on the evaluation day, the rate the simulation realises sales at (for intermittent demand:
 * chance of a sale day × mean order size). So is a plain 30-day average (units sold in the last 30
 * days ÷ 30), computed from the exact simulated sales, which gives it more information than snapshots.
 * Error is the mean absolute percentage error over SEEDS fixed seeds per scenario; an estimate that
 * is not given counts as 100 % wrong.
 *
 * Speed: 10,000 SKUs × 365 days of observations, computation only (histories are built first).
 */

/** { name, value, unit, baseline?, budget? } and, where a budget is relative, budgetOn: 'ratio'. */
export type BenchFigure = FigureInput;

export const SEEDS = 60;
export const TIME_ZONE = 'America/Los_Angeles';
/** The first simulated day: spans the March DST change, so 23-hour days are part of every run. */
const START_DAY: DayKey = '2026-01-05';
export const SETTINGS: VelocitySettings = {
  weights: { d7: 0.4, d14: 0.3, d30: 0.2, d90: 0.1 },
  includeWorkingShipments: false,
};

function poisson(random: () => number, mean: number): number {
  // Knuth's method, in chunks so that large means do not underflow.
  let k = 0;
  let remaining = mean;
  while (remaining > 0) {
    const step = Math.min(remaining, 30);
    remaining -= step;
    const limit = Math.exp(-step);
    let p = random();
    while (p > limit) {
      k++;
      p *= random();
    }
  }
  return k;
}

interface Scenario {
  /** Fixed, so that renaming a scenario does not change its random draws. */
  id: number;
  name: string;
  channel: 'mfn' | 'fba';
  /** Days simulated before the evaluation day. */
  days: number;
  /** Orders on day d: their sizes. */
  demand(random: () => number, day: number): number[];
  /** The true rate on the evaluation day. */
  trueRate: number;
  initialStock(random: () => number): number;
  /** What the seller does at a visit (restock, holiday mode) and what Amazon does (receipts). */
  policy?: Policy;
  /** Error the estimate must stay below: absolute (%), or relative to the plain average. */
  target?: { maxMape?: number; maxShareOfBaseline?: number };
}

interface SimState {
  t: number;
  available: number;
  reserved: number;
  /** Times at which reserved units leave (shipped to the customer). */
  releases: number[];
  shipped: number;
  receiving: number;
  writes: ShelfwiseWrite[];
  /** Restocks by someone else, waiting for their time. */
  pending: { at: number; level: number }[];
  outSince: number | null;
  random: () => number;
  dayStart(day: number): number;
  /** Free-form memory of a policy. */
  memo: Record<string, number>;
}

type Policy = (state: SimState, visit: boolean) => void;

function poissonDemand(rate: (day: number) => number) {
  return (random: () => number, day: number) => Array.from({ length: poisson(random, rate(day)) }, () => 1);
}

/** A merchant seller who tops stock up through another tool some days after running out. */
function externalRestock(minOutDays: number, maxOutDays: number, level: number): Policy {
  return (s) => {
    if (s.available === 0 && s.outSince !== null && s.pending.length === 0) {
      s.pending.push({ at: s.outSince + (minOutDays + s.random() * (maxOutDays - minOutDays)) * DAY_MS, level });
    }
  };
}

/** A merchant seller who tops up with Shelfwise's bulk edit when stock looks low at a visit. */
function shelfwiseTopUp(below: number, level: number): Policy {
  return (s, visit) => {
    if (!visit || s.available >= below) return;
    s.writes.push({ at: s.t, before: s.available, after: level, batchId: `b${s.writes.length}`, kind: 'bulk' });
    s.available = level;
  };
}

/** Holiday mode through Shelfwise: quantity 0 from day `from` for `length` days, then restored. */
function shelfwiseHoliday(fromDay: number, length: number, then: Policy): Policy {
  return (s, visit) => {
    if (visit && !s.memo.off && s.t >= s.dayStart(fromDay)) {
      s.memo.off = 1;
      s.memo.restoreTo = s.available;
      s.writes.push({ at: s.t, before: s.available, after: 0, batchId: 'holiday', kind: 'holiday' });
      s.available = 0;
    } else if (visit && s.memo.off === 1 && s.t >= s.dayStart(fromDay + length)) {
      s.memo.off = 2;
      const level = s.memo.restoreTo ?? 0;
      s.writes.push({ at: s.t, before: s.available, after: level, batchId: 'restore', kind: 'restore' });
      s.available = level;
    }
    if (s.memo.off !== 1) then(s, visit);
  };
}

/**
 * FBA: when stock runs low a shipment is sent; it is in transit for some days, then received over
 * two days (units move from receiving to available in lumps).
 */
function fbaReplenish(below: number, quantity: number, transitDays: number): Policy {
  return (s) => {
    if (s.available + s.reserved < below && s.shipped === 0 && s.receiving === 0 && !s.memo.arrive) {
      s.shipped = quantity;
      s.memo.arrive = s.t + (transitDays + s.random() * 6) * DAY_MS;
    }
    if (s.memo.arrive && s.t >= s.memo.arrive && s.shipped > 0) {
      s.receiving = s.shipped;
      s.shipped = 0;
    }
    if (s.receiving > 0 && s.memo.arrive && s.t >= s.memo.arrive + 0.3 * DAY_MS) {
      const lump = Math.min(s.receiving, Math.ceil(quantity / 3));
      s.receiving -= lump;
      s.available += lump;
      s.memo.arrive += 0.5 * DAY_MS;
      if (s.receiving === 0) s.memo.arrive = 0;
    }
  };
}

/** Irregular visits: mostly once or twice a day, sometimes an hour apart, sometimes days apart. */
function visitTimes(random: () => number, from: number, until: number): number[] {
  const times: number[] = [];
  let t = from + random() * DAY_MS * 0.5;
  while (t < until) {
    times.push(t);
    const r = random();
    const gapHours =
      r < 0.15
        ? 0.5 + random() * 1.5
        : r < 0.75
          ? 8 + random() * 18
          : r < 0.93
            ? 26 + random() * 30
            : 56 + random() * 60;
    t += gapHours * 3_600_000;
  }
  times.push(until);
  return times;
}

interface Simulated {
  history: SalesHistory;
  now: number;
  /** Units actually sold on each simulated day. */
  soldPerDay: number[];
}

function sameState(a: Observation, b: Observation): boolean {
  return (
    a.available === b.available &&
    a.reserved === b.reserved &&
    a.inboundShipped === b.inboundShipped &&
    a.inboundReceiving === b.inboundReceiving
  );
}

export function simulate(scenario: Scenario, seed: number): Simulated {
  const random = mulberry32(seed * 7919 + scenario.id * 104_729);
  const starts: number[] = [];
  for (let d = 0; d <= scenario.days + 1; d++) starts.push(startOfDay(addDays(START_DAY, d), TIME_ZONE));
  const dayStart = (d: number) => starts[Math.min(d, starts.length - 1)] as number;
  const evalDay = scenario.days;
  const now = dayStart(evalDay) + (0.35 + random() * 0.5) * (dayStart(evalDay + 1) - dayStart(evalDay));

  // Orders at uniform times within their day.
  const orders: { at: number; size: number; day: number }[] = [];
  for (let d = 0; d <= evalDay; d++) {
    for (const size of scenario.demand(random, d)) {
      orders.push({ at: dayStart(d) + random() * (dayStart(d + 1) - dayStart(d)), size, day: d });
    }
  }
  orders.sort((a, b) => a.at - b.at);
  const visits = visitTimes(random, dayStart(0), now);

  const state: SimState = {
    t: dayStart(0),
    available: scenario.initialStock(random),
    reserved: 0,
    releases: [],
    shipped: 0,
    receiving: 0,
    writes: [],
    pending: [],
    outSince: null,
    random,
    dayStart,
    memo: {},
  };
  const fba = scenario.channel === 'fba';
  const soldPerDay = new Array<number>(evalDay + 1).fill(0);
  const observations: Observation[] = [];
  let lastSeenAt = 0;

  const advance = (t: number) => {
    state.t = t;
    while (state.releases.length > 0 && (state.releases[0] as number) <= t) {
      state.releases.shift();
      state.reserved--;
    }
    for (let i = state.pending.length - 1; i >= 0; i--) {
      const restock = state.pending[i] as { at: number; level: number };
      if (restock.at <= t) {
        state.available = Math.max(state.available, restock.level);
        state.pending.splice(i, 1);
      }
    }
    scenario.policy?.(state, false);
    if (state.available > 0) state.outSince = null;
  };

  let o = 0;
  for (const visit of visits) {
    while (o < orders.length && (orders[o] as { at: number }).at <= visit) {
      const order = orders[o++] as { at: number; size: number; day: number };
      advance(order.at);
      const sold = Math.min(order.size, state.available);
      if (sold > 0) {
        state.available -= sold;
        soldPerDay[order.day] = (soldPerDay[order.day] ?? 0) + sold;
        if (fba) {
          // Ordered units wait in reserved until they ship, up to a day and a half later.
          state.reserved += sold;
          for (let k = 0; k < sold; k++) state.releases.push(order.at + (0.1 + random() * 1.4) * DAY_MS);
          state.releases.sort((a, b) => a - b);
        }
        if (state.available === 0) state.outSince = order.at;
      }
    }
    advance(visit);
    scenario.policy?.(state, true);
    const seen: Observation = fba
      ? {
          at: visit,
          available: state.available,
          reserved: state.reserved,
          inboundShipped: state.shipped,
          inboundReceiving: state.receiving,
          channel: 'fba',
        }
      : { at: visit, available: state.available, channel: 'mfn' };
    const previous = observations[observations.length - 1];
    if (!previous || !sameState(previous, seen)) observations.push(seen);
    lastSeenAt = visit;
  }
  return { history: { observations, lastSeenAt, writes: state.writes }, now, soldPerDay };
}

export const SCENARIOS: Scenario[] = [
  {
    id: 1,
    name: 'steady 3/day, 30 days',
    channel: 'mfn',
    days: 30,
    demand: poissonDemand(() => 3),
    trueRate: 3,
    initialStock: () => 10_000,
    target: { maxMape: 10 },
  },
  {
    id: 2,
    name: 'steady 10/day, 90 days',
    channel: 'mfn',
    days: 90,
    demand: poissonDemand(() => 10),
    trueRate: 10,
    initialStock: () => 10_000,
    target: { maxMape: 10 },
  },
  {
    id: 3,
    name: 'steady 1/day, 90 days',
    channel: 'mfn',
    days: 90,
    demand: poissonDemand(() => 1),
    trueRate: 1,
    initialStock: () => 10_000,
  },
  {
    id: 4,
    name: 'intermittent ≈0.29/day (a sale 1 day in 7, 1–3 units)',
    channel: 'mfn',
    days: 90,
    // A sale on 1 day in 7, of 1 to 3 units.
    demand: (random) => (random() < 1 / 7 ? [1 + Math.floor(random() * 3)] : []),
    trueRate: 2 / 7,
    initialStock: () => 10_000,
  },
  {
    id: 5,
    name: 'stock-out in the last 30 days, restocked by another tool',
    channel: 'mfn',
    days: 90,
    demand: poissonDemand(() => 5),
    trueRate: 5,
    initialStock: (random) => Math.round(5 * (62 + random() * 10)),
    policy: externalRestock(4, 14, 400),
    target: { maxShareOfBaseline: 0.7 },
  },
  {
    id: 6,
    name: 'still out of stock (ran out 5–12 days ago)',
    channel: 'mfn',
    days: 90,
    demand: poissonDemand(() => 4),
    trueRate: 4,
    initialStock: (random) => Math.round(4 * (78 + random() * 7)),
    target: { maxShareOfBaseline: 0.7 },
  },
  {
    id: 7,
    name: 'FBA stock-out, then a receipt from inbound',
    channel: 'fba',
    days: 90,
    demand: poissonDemand(() => 6),
    trueRate: 6,
    initialStock: (random) => Math.round(6 * (60 + random() * 8)),
    policy: fbaReplenish(12, 300, 10),
    target: { maxShareOfBaseline: 0.7 },
  },
  {
    id: 8,
    name: 'Shelfwise holiday mode (0 for 7 days) and top-ups',
    channel: 'mfn',
    days: 90,
    demand: poissonDemand(() => 5),
    trueRate: 5,
    initialStock: () => 150,
    policy: shelfwiseHoliday(70, 7, shelfwiseTopUp(20, 150)),
    target: { maxShareOfBaseline: 0.7 },
  },
  {
    id: 9,
    name: 'seasonal rise 3 → 9/day over 45 days',
    channel: 'mfn',
    days: 90,
    demand: poissonDemand((d) => (d < 45 ? 3 : 3 + (6 * (d - 45)) / 45)),
    trueRate: 9,
    initialStock: () => 10_000,
  },
];

export interface ScenarioScore {
  name: string;
  mape: number;
  baselineMape: number;
  unknown: number;
  target?: Scenario['target'];
}

export function scoreScenario(scenario: Scenario, seeds = SEEDS, settings = SETTINGS): ScenarioScore {
  let error = 0;
  let baselineError = 0;
  let unknown = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const { history, now, soldPerDay } = simulate(scenario, seed);
    const velocity = computeVelocity(history, velocityContext(TIME_ZONE, now, settings));
    const truth = scenario.trueRate;
    if (velocity.perDay === null) {
      unknown++;
      error += 1;
    } else {
      error += Math.abs(velocity.perDay - truth) / truth;
    }
    const last30 = soldPerDay.slice(scenario.days - 30, scenario.days).reduce((a, b) => a + b, 0);
    baselineError += Math.abs(last30 / 30 - truth) / truth;
  }
  return {
    name: scenario.name,
    mape: (100 * error) / seeds,
    baselineMape: (100 * baselineError) / seeds,
    unknown,
    target: scenario.target,
  };
}

/**
 * MAPE per scenario for Shelfwise (value) and the plain 30-day average (baseline), in percent.
 * Budgets: stock-out scenarios at most 0.7 × the baseline; steady ≥ 3 a day at most 10 %.
 */
export async function benchVelocityAccuracy(): Promise<BenchFigure[]> {
  return SCENARIOS.map((scenario) => {
    const score = scoreScenario(scenario);
    const figure: BenchFigure = {
      name: `velocity MAPE: ${score.name}`,
      value: round(score.mape),
      unit: '%',
      baseline: round(score.baselineMape),
      note: `${SEEDS} seeds; baseline: plain 30-day average of the exact simulated sales${score.unknown ? `; ${score.unknown} without an estimate` : ''}`,
    };
    if (score.target?.maxMape !== undefined) figure.budget = score.target.maxMape;
    if (score.target?.maxShareOfBaseline !== undefined) {
      figure.budget = score.target.maxShareOfBaseline;
      figure.budgetOn = 'ratio';
    }
    return figure;
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Histories for the speed run: one observation a day per SKU for 365 days (each day's sales change
 * the stock, so each is stored), a mix of merchant and FBA SKUs, restocks and a few Shelfwise writes.
 */
export function speedHistories(skus: number, days: number, now: number): SalesHistory[] {
  const random = mulberry32(424242);
  const histories: SalesHistory[] = [];
  for (let s = 0; s < skus; s++) {
    const fba = s % 3 === 0;
    const rate = 0.2 + random() * 12;
    let available = Math.round(rate * 40);
    let reserved = 0;
    const observations: Observation[] = [];
    const writes: ShelfwiseWrite[] = [];
    for (let d = days; d >= 1; d--) {
      const at = now - d * DAY_MS + random() * 3_600_000;
      const sold = Math.min(available, poisson(random, rate));
      available -= sold;
      if (available === 0 && random() < 0.3) {
        const after = Math.round(rate * 30);
        if (!fba) writes.push({ at, before: 0, after, batchId: `b${d}`, kind: 'bulk' });
        available = after;
      }
      if (fba) {
        reserved = Math.min(sold, 3);
        observations.push({ at, available, reserved, inboundShipped: 0, inboundReceiving: 0, channel: 'fba' });
      } else {
        observations.push({ at, available, channel: 'mfn' });
      }
    }
    histories.push({ observations, writes, lastSeenAt: now - 600_000 });
  }
  return histories;
}

/** Velocity for 10,000 SKUs × 365 days of observations: computation time only. */
export async function benchVelocitySpeed(skus = 10_000, days = 365): Promise<BenchFigure[]> {
  const now = startOfDay('2026-11-27', TIME_ZONE) + 15 * 3_600_000;
  const histories = speedHistories(skus, days, now);
  const run = () => {
    const started = performance.now();
    const context = velocityContext(TIME_ZONE, now, SETTINGS);
    let checksum = 0;
    for (const history of histories) checksum += computeVelocity(history, context).perDay ?? 0;
    return { ms: performance.now() - started, checksum };
  };
  run(); // warm-up: the first run includes JIT compilation, which a long-lived worker pays once
  const times = [run().ms, run().ms, run().ms].sort((a, b) => a - b);
  const observations = histories.reduce((sum, h) => sum + h.observations.length, 0);
  return [
    {
      name: `velocity: ${skus.toLocaleString('en-US')} SKUs × ${days} days`,
      value: round(times[1] as number),
      unit: 'ms',
      budget: 200,
      note: `median of 3 after a warm-up; computation only, ${observations.toLocaleString('en-US')} observations in memory`,
    },
  ];
}

/**
 * Velocity for 10,000 SKUs from their stored day series (lib/velocity/series.ts), computation only,
 * beside computeVelocity over the same SKUs' observations in the same run. The series are built
 * first (the store builds them at ingest or at a rebuild) and are not part of the time.
 */
export async function benchVelocitySeriesSpeed(skus = 10_000, days = 365): Promise<BenchFigure[]> {
  const now = startOfDay('2026-11-27', TIME_ZONE) + 15 * 3_600_000;
  const histories = speedHistories(skus, days, now).map((h) => ({ ...h, visits: h.observations.length }));
  const lastDay = dayKey(now, TIME_ZONE);
  const stored = histories.map((h) => seriesFromHistory(h, TIME_ZONE, lastDay));
  const time = (each: (i: number, context: ReturnType<typeof velocityContext>) => number) => {
    const started = performance.now();
    const context = velocityContext(TIME_ZONE, now, SETTINGS);
    let checksum = 0;
    for (let i = 0; i < histories.length; i++) checksum += each(i, context);
    return { ms: performance.now() - started, checksum };
  };
  const fromSeries = (i: number, context: ReturnType<typeof velocityContext>) => {
    const series = stored[i];
    const v = series ? velocityFromSeries(series, context) : undefined;
    return (v ?? computeVelocity(histories[i] as SalesHistory, context)).perDay ?? 0;
  };
  const fromObservations = (i: number, context: ReturnType<typeof velocityContext>) =>
    computeVelocity(histories[i] as SalesHistory, context).perDay ?? 0;
  time(fromSeries);
  time(fromObservations);
  const series: number[] = [];
  const baseline: number[] = [];
  let difference = 0;
  for (let run = 0; run < 3; run++) {
    const a = time(fromSeries);
    const b = time(fromObservations);
    series.push(a.ms);
    baseline.push(b.ms);
    difference = Math.max(difference, Math.abs(a.checksum - b.checksum));
  }
  const bytes = stored.reduce(
    (sum, s) =>
      sum +
      (s
        ? s.units.byteLength +
          s.inStock.byteLength +
          s.outOfStock.byteLength +
          s.ranOut.byteLength +
          s.events.byteLength
        : 0),
    0,
  );
  series.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  return [
    {
      name: `velocity from day series: ${skus.toLocaleString('en-US')} SKUs`,
      value: round(series[1] as number),
      unit: 'ms',
      baseline: round(baseline[1] as number),
      note: `median of 3 after a warm-up; computation only; baseline: computeVelocity over the observations in the same run; Σ perDay differs by ${difference.toExponential(1)}; ${round(bytes / skus)} bytes of arrays per SKU`,
    },
  ];
}
