import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateSku } from '@/lib/alerts/evaluate';
import { feeNotesByKey } from '@/lib/alerts/fee';
import { poolKey } from '@/lib/alerts/pool';
import { AlertSchema, type FeeSeries, type MethodPlan } from '@/lib/alerts/types';
import { skuKey } from '@/lib/model/keys';
import { ACCOUNT, coverUntil, event, input, LA, local, settingsWith } from './helpers';

const bfcm = event({
  id: 'bfcm',
  kind: 'demand',
  start: '2026-11-20',
  end: '2026-12-01',
  uplift: 2,
  inboundCutoff: '2026-10-30',
});
const cny = event({ id: 'cny', kind: 'supply', start: '2027-01-27', end: '2027-02-21', extraLeadDays: 21 });

function byMethod(methods: MethodPlan[]): Record<string, MethodPlan> {
  return Object.fromEntries(methods.map((m) => [m.methodId, m]));
}

describe('state transitions (default thresholds: 10 units, 21 days; fastest method express, 29 days)', () => {
  const now = local('2026-09-01', 10, LA);
  const settings = settingsWith();
  const at = (available: number, inbound = 0) =>
    evaluateSku(
      input('SKU-1', { perDay: 1, stock: available + inbound, available, inboundCounted: inbound }, { available }),
      settings,
      now,
    );

  it('ok → low → critical → out → ok', () => {
    const ok = at(60);
    expect(ok.state).toBe('ok');
    expect(ok.reasons).toEqual([]);

    // 8 available is under 10; with 30 on the way it still lasts 38 days, longer than express takes.
    const low = at(8, 30);
    expect(low.state).toBe('low');
    expect(low.reasons).toEqual(['below-units']);

    // 20 days of cover: even express ordered today (29 days) arrives after the stock-out.
    const critical = at(20);
    expect(critical.state).toBe('critical');
    expect(critical.reasons).toContain('runs-out-before-arrival');
    expect(critical.reasons).toContain('below-days');

    const out = at(0);
    expect(out.state).toBe('out');
    expect(out.reasons[0]).toBe('out-of-stock');

    expect(at(100).state).toBe('ok');
  });

  it('low on days of cover alone where the days threshold is longer than the fastest lead time', () => {
    const s = settingsWith([], (x) => {
      x.thresholds.lowStockDays = 45;
    });
    const alert = evaluateSku(input('SKU-1', { perDay: 1, stock: 40 }, { available: 40 }), s, now);
    expect(alert.state).toBe('low');
    expect(alert.reasons).toEqual(['below-days']);
  });

  it('per-SKU thresholds override the defaults', () => {
    const sku = input('SKU-OVR', { perDay: 0.1, stock: 40 }, { available: 40 });
    expect(evaluateSku(sku, settings, now).state).toBe('ok');
    const s = settingsWith([], (x) => {
      x.thresholds.perSku[sku.key] = { units: 50 };
    });
    const alert = evaluateSku(sku, s, now);
    expect(alert.state).toBe('low');
    expect(alert.thresholds).toEqual({ units: 50, days: 21 });
  });

  it('the output is what the popup parses', () => {
    expect(AlertSchema.safeParse(at(20)).success).toBe(true);
    expect(AlertSchema.safeParse(at(0)).success).toBe(true);
  });
});

describe('reorder-by per shipping method across a demand cut-off (BFCM, cut-off Oct 30)', () => {
  const now = local('2026-09-01', 10, LA);
  const settings = settingsWith([bfcm]);

  it('stock running out before the event: every method must have BFCM stock received by the cut-off', () => {
    const flat = coverUntil(now, '2026-11-10', LA);
    const stock = Math.round(10 * flat);
    const alert = evaluateSku(input('SKU-1', { perDay: 10, stock }, { available: stock }), settings, now);
    expect(alert.stockOutDay).toBe('2026-11-10');
    const m = byMethod(alert.methods);
    // Sea: Nov 10 − 72 − 7 = Aug 23, but Oct 30 − 72 = Aug 19 is earlier, and already past.
    expect(m.sea).toMatchObject({ leadDays: 72, reorderBy: '2026-08-19', late: true, constraint: 'cut-off' });
    expect(m.sea?.eventId).toBe('bfcm');
    // Air: Nov 10 − 44 = Sep 27 against Oct 30 − 37 = Sep 23.
    expect(m.air).toMatchObject({ leadDays: 37, reorderBy: '2026-09-23', late: false, constraint: 'cut-off' });
    expect(m.express).toMatchObject({ leadDays: 29, reorderBy: '2026-10-01', late: false, constraint: 'cut-off' });
    expect(m.air?.arrivesBy).toBe('2026-10-08');
    // Sea is late, so the plan is by air.
    expect(alert.recommendedMethod).toBe('air');
    expect(alert.reorderBy).toBe('2026-09-23');
  });

  it('stock lasting through the event: it runs out sooner because of the uplift, and no cut-off applies', () => {
    const alert = evaluateSku(input('SKU-2', { perDay: 10, stock: 1200 }, { available: 1200 }), settings, now);
    // 120 plain days, but the 12 BFCM days sell double: out on Dec 18 instead of Dec 30.
    expect(alert.stockOutDay).toBe('2026-12-18');
    expect(alert.daysOfCover).toBeCloseTo(108, 6);
    const m = byMethod(alert.methods);
    expect(m.sea).toMatchObject({ reorderBy: '2026-09-30', constraint: 'stock-out', eventId: null });
    expect(m.air).toMatchObject({ reorderBy: '2026-11-04', constraint: 'stock-out' });
    expect(m.express).toMatchObject({ reorderBy: '2026-11-12', constraint: 'stock-out' });
    expect(alert.recommendedMethod).toBe('sea');
  });
});

describe('reorder-by per shipping method across Chinese New Year (factories closed Jan 27 – Feb 21, +21 days)', () => {
  const settings = settingsWith([cny]);

  it('moves air before the closure and makes express pay for it; sea is clear of it', () => {
    const now = local('2026-12-01', 10, LA);
    const flat = coverUntil(now, '2027-03-15', LA);
    const stock = Math.round(10 * flat);
    const alert = evaluateSku(input('SKU-1', { perDay: 10, stock }, { available: stock }), settings, now);
    expect(alert.stockOutDay).toBe('2027-03-15');
    const m = byMethod(alert.methods);
    expect(m.sea).toMatchObject({ reorderBy: '2026-12-26', supplyDelayDays: 0, supplyEventId: null });
    // Air: Mar 15 − 44 = Jan 30 falls in the closure; finishing production by Jan 26 means ordering Jan 12.
    expect(m.air).toMatchObject({ reorderBy: '2027-01-12', supplyDelayDays: 0, supplyEventId: 'cny' });
    // Express: Feb 7 falls in it; ordering Jan 17 and paying 21 days is later than ordering before it.
    expect(m.express).toMatchObject({ reorderBy: '2027-01-17', supplyDelayDays: 21, supplyEventId: 'cny' });
    // Ordered today, production (Dec 1–15) is clear of the closure.
    expect(m.air?.leadDays).toBe(37);
  });

  it('an order placed now whose production meets the closure takes longer, so the SKU is critical sooner', () => {
    const now = local('2027-01-20', 10, LA);
    const flat = coverUntil(now, '2027-03-01', LA);
    const stock = Math.round(10 * flat);
    const alert = evaluateSku(input('SKU-1', { perDay: 10, stock }, { available: stock }), settings, now);
    const m = byMethod(alert.methods);
    expect(m.express).toMatchObject({ leadDays: 50, arrivesBy: '2027-03-11' });
    expect(m.air).toMatchObject({ leadDays: 58, arrivesBy: '2027-03-19' });
    // 40 days of cover outlast express's 29 days normally, but not its 50 days across the closure.
    expect(alert.state).toBe('critical');
    const noClosure = evaluateSku(input('SKU-1', { perDay: 10, stock }, { available: stock }), settingsWith([]), now);
    expect(noClosure.state).toBe('ok');
  });
});

describe('per-SKU lead time', () => {
  const now = local('2026-09-01', 10, LA);
  const special = input('SKU-SLOW', { perDay: 1, stock: 200 }, { available: 200 });
  const normal = input('SKU-NORMAL', { perDay: 1, stock: 200 }, { available: 200 });
  const settings = settingsWith([], (s) => {
    s.leadTimePerSku[special.key] = {
      productionDays: 30,
      bufferDays: 0,
      transit: { air: { minDays: 20, maxDays: 25 } },
    };
  });

  it('overrides the default field by field, only for that SKU', () => {
    const [slow, plain] = evaluateAll([special, normal], settings, now);
    expect(byMethod(slow!.methods).air).toMatchObject({ leadDays: 62 });
    expect(byMethod(slow!.methods).sea).toMatchObject({ leadDays: 87 });
    expect(byMethod(slow!.methods).express).toMatchObject({ leadDays: 44 });
    expect(byMethod(plain!.methods).air).toMatchObject({ leadDays: 37 });
    // Runs out in 200 days (Mar 20, 2027): air with no buffer is Mar 20 − 62, with the default buffer Mar 20 − 44.
    expect(slow!.stockOutDay).toBe('2027-03-20');
    expect(byMethod(slow!.methods).air?.reorderBy).toBe('2027-01-17');
    expect(byMethod(plain!.methods).air?.reorderBy).toBe('2027-02-04');
  });
});

describe('suggested quantity', () => {
  const now = local('2026-09-01', 10, LA);
  // One method; L = 10 production + 10 transit + 5 receiving = 25 days, review period 14 days.
  const base = settingsWith([], (s) => {
    s.leadTime = {
      productionDays: 10,
      receivingDays: 5,
      bufferDays: 0,
      methods: [{ id: 'air', name: '空运', minDays: 7, maxDays: 10 }],
    };
    s.reviewPeriodDays = 14;
  });
  const sku = (sigma: number | null, available = 100) =>
    input(
      'SKU-Q',
      { perDay: 10, stock: available + 30 },
      { available, inboundShipped: 20, inboundReceiving: 10, inboundWorking: 50, demandSigma: sigma },
    );

  it('demand over lead time and review period + z·σ·√L − available − inbound shipped and receiving', () => {
    const s = evaluateSku(sku(5), base, now).suggestion!;
    expect(s.leadDays).toBe(25);
    expect(s.leadDemand).toBeCloseTo(250, 9);
    expect(s.reviewDemand).toBeCloseTo(140, 9);
    expect(s.upliftUnits).toBeCloseTo(0, 9);
    expect(s.z).toBe(1.6449);
    expect(s.safetyStock).toBeCloseTo(1.6449 * 5 * 5, 9);
    expect(s.stockCounted).toBe(130);
    // 390 + 41.12 − 130 = 301.12 → 302.
    expect(s.quantity).toBe(302);
    expect(s.capApplied).toBe(false);
  });

  it('without safety stock', () => {
    const s = evaluateSku(sku(5), base, now, { safetyStock: false }).suggestion!;
    expect(s.safetyStock).toBe(0);
    expect(s.quantity).toBe(260);
  });

  it('σ never below the Poisson √rate, which also stands in when σ is not known', () => {
    const poisson = 1.6449 * Math.sqrt(10) * 5;
    expect(evaluateSku(sku(null), base, now).suggestion!.safetyStock).toBeCloseTo(poisson, 9);
    expect(evaluateSku(sku(1), base, now).suggestion!.safetyStock).toBeCloseTo(poisson, 9);
    expect(evaluateSku(sku(null), base, now).suggestion!.quantity).toBe(287);
  });

  it('z follows the service level', () => {
    const s99 = settingsWith(base.events, (s) => {
      Object.assign(s, { leadTime: base.leadTime, reviewPeriodDays: 14, serviceLevel: 0.99 });
    });
    const s = evaluateSku(sku(5), s99, now).suggestion!;
    expect(s.z).toBe(2.3263);
    expect(s.quantity).toBe(319);
  });

  it('counts working shipments only when the velocity setting does', () => {
    const withWorking = settingsWith([], (s) => {
      Object.assign(s, { leadTime: base.leadTime, reviewPeriodDays: 14 });
      s.velocity.includeWorkingShipments = true;
    });
    const s = evaluateSku(sku(5), withWorking, now).suggestion!;
    expect(s.stockCounted).toBe(180);
    expect(s.quantity).toBe(252);
  });

  it('capped by the monthly restock capacity', () => {
    const capped = settingsWith([], (s) => {
      Object.assign(s, { leadTime: base.leadTime, reviewPeriodDays: 14, restockCapacityPerMonth: 200 });
    });
    const s = evaluateSku(sku(5), capped, now).suggestion!;
    expect(s).toMatchObject({ beforeCap: 302, quantity: 200, capApplied: true });
  });

  it('never below 0', () => {
    expect(evaluateSku(sku(5, 5000), base, now).suggestion!.quantity).toBe(0);
  });

  it('counts demand events inside the horizon', () => {
    // Oct 1–4 (4 days) at double demand fall inside the 39 days: 40 more units.
    const promo = event({ id: 'promo', kind: 'demand', start: '2026-10-01', end: '2026-10-04', uplift: 2 });
    const s = evaluateSku(
      sku(5),
      settingsWith([promo], (x) => Object.assign(x, { leadTime: base.leadTime })),
      now,
    ).suggestion!;
    expect(s.leadDemand).toBeCloseTo(250, 9);
    expect(s.reviewDemand).toBeCloseTo(180, 9);
    expect(s.upliftUnits).toBeCloseTo(40, 9);
    expect(s.quantity).toBe(342);
  });

  it('the monthly capacity is shared out most urgent first across SKUs', () => {
    const capped = settingsWith([], (s) => {
      Object.assign(s, { leadTime: base.leadTime, reviewPeriodDays: 14, restockCapacityPerMonth: 400 });
    });
    const urgent = input('SKU-URGENT', { perDay: 10, stock: 30 }, { available: 30, demandSigma: 5 });
    const calm = input('SKU-CALM', { perDay: 10, stock: 100 }, { available: 100, demandSigma: 5 });
    const [a, b] = evaluateAll([calm, urgent], capped, now);
    expect(b!.urgency).toBeGreaterThan(a!.urgency);
    expect(b!.suggestion).toMatchObject({ beforeCap: 402, quantity: 400, capApplied: true });
    expect(a!.suggestion).toMatchObject({ beforeCap: 332, quantity: 0, capApplied: true });
  });

  it('shows Amazon’s recommendation beside its own', () => {
    const withAmazon = { ...sku(5), amazon: { quantity: 280, shipDate: '2026-09-05', asOf: '2026-08-31' } };
    const alert = evaluateSku(withAmazon, base, now);
    expect(alert.amazon).toEqual({ quantity: 280, shipDate: '2026-09-05', asOf: '2026-08-31' });
    expect(alert.suggestion!.quantity).toBe(302);
    expect(evaluateSku(sku(5), base, now).amazon).toBeNull();
  });
});

describe('plans only where they are listed', () => {
  const now = local('2026-09-01', 10, LA);
  const inputs = [
    input('HEALTHY', { perDay: 1, stock: 300 }, { available: 300 }),
    input('CRITICAL', { perDay: 1, stock: 20 }, { available: 20 }),
  ];

  it('keeps the recommended method, its date and the suggestion of a healthy SKU, without its plans', () => {
    const all = evaluateAll(inputs, settingsWith(), now);
    const attention = evaluateAll(inputs, settingsWith(), now, { plans: 'attention' });
    expect(all[0]!.methods).toHaveLength(3);
    expect(attention[0]!.methods).toEqual([]);
    expect(attention[0]).toMatchObject({
      state: 'ok',
      recommendedMethod: all[0]!.recommendedMethod,
      reorderBy: all[0]!.reorderBy,
      suggestion: all[0]!.suggestion,
    });
    expect(attention[1]).toEqual(all[1]);
  });
});

describe('what cannot be known is not made up', () => {
  const now = local('2026-09-01', 10, LA);

  it('no rate: no stock-out, no reorder dates, no suggestion; the units threshold still works', () => {
    const alert = evaluateSku(input('SKU-NEW', { perDay: null, stock: 5 }, { available: 5 }), settingsWith(), now);
    expect(alert.state).toBe('low');
    expect(alert.stockOutDay).toBeNull();
    expect(alert.methods.every((m) => m.reorderBy === null && !m.late)).toBe(true);
    expect(alert.suggestion).toBeNull();
  });

  it('a rate that is not a number counts as none', () => {
    const alert = evaluateSku(input('SKU-NAN', { perDay: Number.NaN, stock: 50 }), settingsWith(), now);
    expect(alert.perDay).toBeNull();
    expect(alert.state).toBe('ok');
  });

  it('stock not known: nothing is judged on it', () => {
    const alert = evaluateSku(input('SKU-UNSEEN', { perDay: 2, stock: null }), settingsWith(), now);
    expect(alert.available).toBeNull();
    expect(alert.state).toBe('ok');
    expect(alert.suggestion).toBeNull();
  });
});

describe('Pan-European pooling', () => {
  const now = local('2026-09-01', 10, LA);
  const settings = settingsWith();
  const asin = 'B0POOLED01';
  const eu = (marketplace: string, perDay: number, stock: number, rest = {}) =>
    input(
      `SKU-${marketplace}`,
      { perDay, stock, timeZone: 'Europe/Berlin' },
      { marketplace, asin, available: stock, ...rest },
    );

  it('sums stock and sales across the pool’s EU marketplaces into one row; the UK and merchant SKUs stay apart', () => {
    const inputs = [
      eu('DE', 2, 10, { demandSigma: 3 }),
      eu('FR', 3, 20, { demandSigma: 4 }),
      eu('IT', 5, 30),
      eu('UK', 4, 40),
      {
        ...eu('DE', 1, 5),
        key: skuKey({ account: ACCOUNT, marketplace: 'DE', sku: 'SKU-DE-FBM' }),
        sku: 'SKU-DE-FBM',
        channel: 'mfn' as const,
      },
    ];
    const alone = evaluateAll(inputs, settings, now);
    expect(alone).toHaveLength(5);
    const pooled = evaluateAll(inputs, settings, now, {
      pools: [{ account: ACCOUNT, asins: [], marketplaces: [], stock: 'sum' }],
    });
    expect(pooled).toHaveLength(3);
    const pool = pooled.find((a) => a.key === poolKey(ACCOUNT, asin))!;
    expect(pool.marketplace).toBe('EU');
    expect(pool.perDay).toBe(10);
    expect(pool.available).toBe(60);
    expect(pool.daysOfCover).toBeCloseTo(6, 9);
    expect(pool.timeZone).toBe('Europe/Berlin');
    expect(pool.pool?.members.map((m) => m.marketplace)).toEqual(['DE', 'FR', 'IT']);
    // Variances add: 3² + 4² + 5 (IT, Poisson) = 30.
    expect(pool.suggestion!.sigma).toBeCloseTo(Math.sqrt(30), 9);
    expect(pooled.map((a) => a.marketplace).sort()).toEqual(['DE', 'EU', 'UK']);
  });

  it('a pool whose pages each show the whole pool takes the freshest figure instead of adding them up', () => {
    const day = 86_400_000;
    const inputs = [
      eu('DE', 2, 60, { velocity: { ...eu('DE', 2, 60).velocity, stockAt: now - 2 * day } }),
      eu('FR', 3, 60, { velocity: { ...eu('FR', 3, 60).velocity, stockAt: now - day } }),
      eu('IT', 5, 60, { velocity: { ...eu('IT', 5, 60).velocity, stockAt: now - 3 * day } }),
    ];
    const [pool] = evaluateAll(inputs, settings, now, {
      pools: [{ account: ACCOUNT, asins: [asin], marketplaces: ['DE', 'FR', 'IT'], stock: 'shared' }],
    });
    expect(pool!.available).toBe(60);
    // FR's 60 seen a day ago, less the pool's 10 a day since: 50 units, 5 days.
    expect(pool!.daysOfCover).toBeCloseTo(5, 9);
  });

  it('notes the low-inventory-level fee over the pool’s members together', () => {
    const series = (onHand: number): FeeSeries => ({
      lastDay: '2026-08-31',
      onHand: new Float64Array(90).fill(onHand),
      shipped: new Float64Array(90).fill(1),
    });
    const [pool] = evaluateAll(
      [eu('DE', 2, 100, { fee: series(10) }), eu('FR', 3, 100, { fee: series(30) })],
      settings,
      now,
      {
        pools: [{ account: ACCOUNT, asins: [], marketplaces: [], stock: 'sum' }],
      },
    );
    expect(pool!.fee).toMatchObject({ parentAsin: asin, dos30: 20, dos90: 20, atRisk: true });
    const poolsOption = [{ account: ACCOUNT, asins: [], marketplaces: [], stock: 'sum' as const }];
    const members = [eu('DE', 2, 100, { fee: series(10) }), eu('FR', 3, 100, { fee: series(30) })];
    expect(feeNotesByKey(members, poolsOption).get(poolKey(ACCOUNT, asin))).toEqual(pool!.fee);
  });

  it('a pool for another account or ASIN leaves the SKUs alone', () => {
    const inputs = [eu('DE', 2, 10), eu('FR', 3, 20)];
    expect(
      evaluateAll(inputs, settings, now, { pools: [{ account: 'OTHER', asins: [], marketplaces: [], stock: 'sum' }] }),
    ).toHaveLength(2);
    expect(
      evaluateAll(inputs, settings, now, {
        pools: [{ account: ACCOUNT, asins: ['B0ELSE'], marketplaces: [], stock: 'sum' }],
      }),
    ).toHaveLength(2);
  });
});

/** 90 days ending Aug 31: the last 30 at (onHand30, shipped30), the 60 before at (onHand60, shipped60). */
function feeSeries(onHand30: number, shipped30: number, onHand60: number, shipped60: number): FeeSeries {
  const onHand = new Float64Array(90);
  const shipped = new Float64Array(90);
  for (let i = 0; i < 90; i++) {
    onHand[i] = i >= 60 ? onHand30 : onHand60;
    shipped[i] = i >= 60 ? shipped30 : shipped60;
  }
  return { lastDay: '2026-08-31', onHand, shipped };
}

describe('the low-inventory-level fee note', () => {
  const now = local('2026-09-01', 10, LA);
  const settings = settingsWith();
  const child = (sku: string, fee: FeeSeries, parentAsin = 'B0PARENT01') =>
    input(sku, { perDay: 1, stock: 500 }, { available: 500, parentAsin, fee });

  it('notes a parent whose historical days of supply is below 28 over both 30 and 90 days', () => {
    const alert = evaluateSku(child('SKU-A', feeSeries(20, 1, 20, 1)), settings, now);
    expect(alert.fee).toEqual({ parentAsin: 'B0PARENT01', dos30: 20, dos90: 20, atRisk: true });
    expect(alert.reasons).toContain('fee-risk');
    expect(alert.state).toBe('ok');
  });

  it('no note when only one window is below 28', () => {
    // Last 30 days low (20), but the 90-day figure (30·20 + 60·100)/90 = 73.3 is not.
    const recentOnly = evaluateSku(child('SKU-A', feeSeries(20, 1, 100, 1)), settings, now);
    expect(recentOnly.fee?.atRisk).toBe(false);
    expect(recentOnly.fee?.dos90).toBeCloseTo(73.33, 2);
    expect(recentOnly.reasons).not.toContain('fee-risk');
    // Low before, not lately: 100 over the last 30 days, (30·100 + 60·5)/90 = 36.7 over 90.
    const olderOnly = evaluateSku(child('SKU-A', feeSeries(100, 1, 5, 1)), settings, now);
    expect(olderOnly.fee?.dos30).toBe(100);
    expect(olderOnly.fee?.atRisk).toBe(false);
  });

  it('is computed per parent ASIN over its FBA children together', () => {
    const inputs = [
      child('SKU-A', feeSeries(10, 1, 10, 1)),
      child('SKU-B', feeSeries(60, 1, 60, 1)),
      child('SKU-C', feeSeries(10, 1, 10, 1), 'B0OTHER001'),
    ];
    const [a, b, c] = evaluateAll(inputs, settings, now);
    // (10 + 60) ÷ (1 + 1) = 35 for the parent, though SKU-A alone is at 10.
    expect(a!.fee).toMatchObject({ dos30: 35, atRisk: false });
    expect(b!.fee).toMatchObject({ dos30: 35, atRisk: false });
    expect(c!.fee).toMatchObject({ dos30: 10, atRisk: true });
  });

  it('takes notes computed beforehand (once a day) instead of reading the series on every run', () => {
    const inputs = [child('SKU-A', feeSeries(10, 1, 10, 1)), child('SKU-B', feeSeries(60, 1, 60, 1))];
    const computed = evaluateAll(inputs, settings, now);
    const notes = feeNotesByKey(inputs);
    expect(notes.size).toBe(2);
    const given = evaluateAll(
      inputs.map((i) => ({ ...i, fee: undefined })),
      settings,
      now,
      { feeNotes: notes },
    );
    expect(given.map((a) => a.fee)).toEqual(computed.map((a) => a.fee));
  });

  it('merchant-fulfilled SKUs carry no fee note', () => {
    const mfn = { ...child('SKU-M', feeSeries(1, 1, 1, 1)), channel: 'mfn' as const };
    expect(evaluateSku(mfn, settings, now).fee).toBeNull();
  });
});

describe('urgency, snooze and backups', () => {
  const now = local('2026-09-01', 10, LA);
  const settings = settingsWith();

  it('orders selling out of stock, critical, low, dormant out of stock, ok', () => {
    const alerts = evaluateAll(
      [
        input('OK', { perDay: 1, stock: 100 }, { available: 100 }),
        input('DORMANT', { perDay: 0, stock: 0 }, { available: 0 }),
        input('LOW', { perDay: 0.1, stock: 5 }, { available: 5 }),
        input('CRIT-SLOW', { perDay: 1, stock: 25 }, { available: 25 }),
        input('CRIT-FAST', { perDay: 1, stock: 12 }, { available: 12 }),
        input('OUT', { perDay: 3, stock: 0 }, { available: 0 }),
      ],
      settings,
      now,
    );
    const order = [...alerts].sort((a, b) => b.urgency - a.urgency).map((a) => a.sku);
    expect(order).toEqual(['OUT', 'CRIT-FAST', 'CRIT-SLOW', 'LOW', 'DORMANT', 'OK']);
  });

  it('flags a snoozed SKU without changing its state', () => {
    const sku = input('SNOOZED', { perDay: 1, stock: 5 }, { available: 5, snoozedUntil: now + 1 });
    expect(evaluateSku(sku, settings, now)).toMatchObject({ state: 'critical', snoozed: true });
    expect(evaluateSku(sku, settings, now + 2).snoozed).toBe(false);
  });

  it('a merchant-fulfilled backup at 0 is not an alert of its own', () => {
    const backup = { ...input('BACKUP', { perDay: 2, stock: 0 }, { available: 0 }), channel: 'mfn' as const };
    const alert = evaluateSku(backup, settings, now, { backups: [{ mfnKey: backup.key, quantity: 20 }] });
    expect(alert).toMatchObject({ state: 'ok', reasons: [], backupOf: '', suggestion: null });
    expect(evaluateSku(backup, settings, now).state).toBe('out');
  });

  it('says when the reorder date of the method to use is today or every method is late', () => {
    const lateAll = evaluateSku(input('LATE', { perDay: 1, stock: 20 }, { available: 20 }), settings, now);
    expect(lateAll.methods.every((m) => m.late)).toBe(true);
    expect(lateAll.recommendedMethod).toBe('express');
    expect(lateAll.reasons).toContain('reorder-due');
    const calm = evaluateSku(input('CALM', { perDay: 1, stock: 200 }, { available: 200 }), settings, now);
    expect(calm.reasons).not.toContain('reorder-due');
  });
});
