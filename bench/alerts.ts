import { availableParallelism, loadavg } from 'node:os';
import { evaluateAll } from '../lib/alerts/evaluate';
import { feeNotesByKey } from '../lib/alerts/fee';
import { badgeFor, decideNotifications } from '../lib/alerts/notify';
import type { PanEuPool } from '../lib/alerts/pool';
import { popupGroups } from '../lib/alerts/popup';
import type { AlertInput, FeeSeries } from '../lib/alerts/types';
import { marketplaceByCode } from '../lib/marketplaces';
import { skuKey } from '../lib/model/keys';
import { defaultSettings, type Settings } from '../lib/settings/schema';
import { startOfDay } from '../lib/time';
import { mulberry32 } from '../test/fixtures/data/seeded';
import { type Figure, figure, median } from './types';

/**
 * Alert evaluation for 10,000 SKUs: thresholds, reorder dates per shipping method across the default
 * event calendar (BFCM and Q4 cut-offs ahead, Chinese New Year), suggested quantities with safety stock,
 * Pan-European pools, fee notes, and the capacity shared out. Inputs are built first, in the store's key
 * order (the store's reads are not measured here); each figure is the median of RUNS runs after a
 * warm-up. The baseline is the same run's cheapest useful pass over the same inputs: days of cover alone.
 *
 * The budget is on the alarm path: fee notes describe a weekly Amazon metric over 90 days ending
 * yesterday, so the background computes them once a day and passes them in, and per-method plans are
 * built for the SKUs the popup lists, not for every healthy one. The full evaluation (fee notes read
 * from every series, plans for every SKU) is measured beside it.
 */

const SKUS = 10_000;
const RUNS = 15;
const BUDGET_MS = 50;
const ACCOUNT = 'A1BENCH';
const MARKETPLACES = ['US', 'US', 'US', 'CA', 'UK', 'DE', 'FR', 'IT', 'ES', 'JP'];

export function makeInputs(options: { series?: boolean } = {}): {
  inputs: AlertInput[];
  settings: Settings;
  pools: PanEuPool[];
  now: number;
} {
  const random = mulberry32(8);
  const settings = defaultSettings();
  settings.restockCapacityPerMonth = 50_000;
  const inputs: AlertInput[] = [];
  for (let i = 0; i < SKUS; i++) {
    const marketplace = MARKETPLACES[i % MARKETPLACES.length] as string;
    const timeZone = marketplaceByCode(marketplace)?.timeZone ?? 'UTC';
    const fba = i % 3 !== 0;
    // A product is listed in several marketplaces: ten SKUs in a row share an ASIN.
    const asin = `B0${String(Math.floor(i / 10)).padStart(8, '0')}`;
    const sku = `SKU-${String(i).padStart(6, '0')}`;
    const key = skuKey({ account: ACCOUNT, marketplace, sku });
    const perDay = i % 17 === 0 ? null : random() * 12;
    const available = Math.floor(random() * 400);
    const inbound = fba && i % 4 === 0 ? Math.floor(random() * 200) : 0;
    const stock = available + inbound;
    // Every field present, in AlertInput's order (absent ones undefined), as the type's comment asks.
    const input: AlertInput = {
      key,
      account: ACCOUNT,
      marketplace,
      sku,
      channel: fba ? 'fba' : 'mfn',
      asin,
      parentAsin: `B0P${String(Math.floor(i / 30)).padStart(7, '0')}`,
      title: `Product ${i}`,
      velocity: {
        perDay,
        daysOfCover: perDay && perDay > 0 ? stock / perDay : stock === 0 ? 0 : null,
        stockOutDay: null,
        available,
        stock,
        inboundCounted: inbound,
        stockAt: 0,
        confidence: i % 5 === 0 ? 'low' : 'high',
        timeZone,
      },
      demandSigma: perDay === null ? null : Math.sqrt(perDay) * (0.8 + random()),
      available,
      inboundWorking: fba ? 10 : undefined,
      inboundShipped: inbound,
      inboundReceiving: 0,
      inbound: undefined,
      amazon: fba && i % 7 === 0 ? { quantity: Math.floor(random() * 500), shipDate: '2026-10-20' } : undefined,
      snoozedUntil: i % 50 === 0 ? Number.MAX_SAFE_INTEGER : undefined,
      erpManaged: false,
      fee: fba ? feeSeries(random, perDay ?? 0, available, options.series ?? true) : undefined,
      pool: undefined,
    };
    if (i % 10 === 0) settings.thresholds.perSku[key] = { units: 25, days: 30 };
    if (i % 13 === 0)
      settings.leadTimePerSku[key] = { productionDays: 25, transit: { sea: { minDays: 30, maxDays: 40 } } };
    inputs.push(input);
  }
  // In the order the store hands them over: by key, so by marketplace.
  inputs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const pools: PanEuPool[] = [{ account: ACCOUNT, asins: [], marketplaces: [], stock: 'sum' }];
  return { inputs, settings, pools, now: startOfDay('2026-10-01', 'America/Los_Angeles') + 10 * 3_600_000 };
}

function feeSeries(random: () => number, perDay: number, available: number, keep: boolean): FeeSeries | undefined {
  const onHand = new Float64Array(90);
  const shipped = new Float64Array(90);
  // The random draws are made either way, so both sets of inputs are the same SKUs.
  for (let d = 0; d < 90; d++) {
    onHand[d] = available + (90 - d) * perDay * random();
    shipped[d] = perDay * (0.5 + random());
  }
  return keep ? { lastDay: '2026-09-30', onHand, shipped } : undefined;
}

function measure(work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 100) / 100;
}

export async function benchAlerts(): Promise<Figure[]> {
  const { inputs, settings, pools, now } = makeInputs();
  let sink = 0;

  const coverOnly = measure(() => {
    const cover = new Float64Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      const v = (inputs[i] as AlertInput).velocity;
      cover[i] = v.perDay && v.perDay > 0 && v.stock !== null ? v.stock / v.perDay : Number.NaN;
    }
    sink += cover[0] as number;
  });

  let alerts = evaluateAll(inputs, settings, now, { pools });
  const evaluate = measure(() => {
    alerts = evaluateAll(inputs, settings, now, { pools });
    sink += alerts.length;
  });
  let feeNotes = feeNotesByKey(inputs, pools);
  const fees = measure(() => {
    feeNotes = feeNotesByKey(inputs, pools);
    sink += feeNotes.size;
  });
  // What an alarm hands over: the same inputs without their series (built the same way, one hidden class).
  const withoutSeries = makeInputs({ series: false }).inputs;
  const evaluateGivenFees = measure(() => {
    sink += evaluateAll(withoutSeries, settings, now, { pools, feeNotes, plans: 'attention' }).length;
  });

  const notify = measure(() => {
    const decision = decideNotifications(new Map(), alerts, settings.notifications, now, {
      lang: 'zh_CN',
      timeZone: 'Asia/Shanghai',
    });
    sink += decision.notified.length + badgeFor(alerts).low;
  });
  const popup = measure(() => {
    sink += popupGroups(alerts).length;
  });

  if (sink === Number.POSITIVE_INFINITY) throw new Error('unreachable: keeps the work from being optimised away');
  const states = alerts.reduce<Record<string, number>>((n, a) => {
    n[a.state] = (n[a.state] ?? 0) + 1;
    return n;
  }, {});
  const summary = `${alerts.length} alerts (${Object.entries(states)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ')}); load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
  return [
    figure({
      name: `alerts: evaluate ${SKUS.toLocaleString('en')} SKUs on an alarm (pools, calendar, capacity; fee notes of the day given; plans for listed SKUs)`,
      value: evaluateGivenFees,
      unit: 'ms',
      baseline: coverOnly,
      budget: BUDGET_MS,
      note: `baseline: days of cover alone for the same inputs; ${summary}`,
    }),
    figure({
      name: `alerts: evaluate ${SKUS.toLocaleString('en')} SKUs in full (fee notes from the series, every SKU's plans)`,
      value: evaluate,
      unit: 'ms',
      baseline: coverOnly,
      note: 'reads every FBA SKU’s 90-day on-hand and shipped series (the background does this once a day: feeNotesByKey) and builds per-method plans for every SKU (the dashboard’s view)',
    }),
    figure({
      name: `alerts: fee notes from 90-day on-hand and shipped series, ${SKUS.toLocaleString('en')} SKUs`,
      value: fees,
      unit: 'ms',
    }),
    figure({ name: 'alerts: notification decision and badge for the same alerts', value: notify, unit: 'ms' }),
    figure({ name: 'alerts: popup rows grouped by product for the same alerts', value: popup, unit: 'ms' }),
  ];
}
