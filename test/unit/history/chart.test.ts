import { afterEach, describe, expect, it } from 'vitest';
import { skuTimeline } from '@/lib/db/history';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import { chartData, chartGrid, inboundOf, MARKER_KINDS, markerKind, SERIES } from '@/lib/history/chart';
import { skuKey } from '@/lib/model/keys';
import { addDays, startOfDay } from '@/lib/time';
import { dayGrid } from '@/lib/velocity';
import { listing, pageRead } from '../db/helpers';

const LA = 'America/Los_Angeles';
const HOUR = 3_600_000;
const TODAY = '2026-11-20';
const NOW = startOfDay(TODAY, LA) + 18 * HOUR;
const at = (daysAgo: number, hour: number) => startOfDay(addDays(TODAY, -daysAgo), LA) + hour * HOUR;
const key = (sku: string) => skuKey({ account: 'Acme', marketplace: 'US', sku });

let db: DB;
afterEach(() => db?.close());

async function seed() {
  db = await openStore('chart');
  const fba = (available: number, inbound: number) =>
    listing('F', { channel: 'fba', stock: { available, reserved: 6, inbound } });
  const visits: Array<[number, number, number, number, number]> = [
    // [days ago, hour, merchant available, fba available, fba inbound]
    [6, 10, 10, 75, 200],
    [5, 10, 7, 70, 200],
    [5, 16, 7, 70, 200],
    [4, 10, 5, 250, 20],
    [2, 10, 50, 248, 20],
    [1, 10, 48, 248, 20],
  ];
  for (const [daysAgo, hour, m, f, inbound] of visits) {
    await ingestPageRead(db, pageRead([listing('M', { stock: { available: m } }), fba(f, inbound)], at(daysAgo, hour)));
  }
}

const column = (data: ReturnType<typeof chartData>, name: (typeof SERIES)[number]) =>
  data.aligned[SERIES.indexOf(name) + 1] as (number | null)[];

describe('chart data for one SKU', () => {
  it('draws stock as a step line over one shared, ordered time axis', async () => {
    await seed();
    const timeline = (await skuTimeline(db, key('M'), 0))!;
    const data = chartData(timeline, { timeZone: LA, now: NOW, since: 0 });
    const [x, ...series] = data.aligned;
    expect(series).toHaveLength(SERIES.length);
    for (const s of series) expect(s).toHaveLength(x.length);
    for (let i = 1; i < x.length; i++) expect(x[i]).toBeGreaterThan(x[i - 1] as number);
    expect(x[0]).toBe(at(6, 10));
    expect(x[x.length - 1]).toBe(NOW);

    const available = column(data, 'available');
    // Each observation's value at its instant, and carried forward until the next.
    for (const o of timeline.observations) expect(available[x.indexOf(o.at)]).toBe(o.available);
    expect(available[x.indexOf(startOfDay(addDays(TODAY, -3), LA))]).toBe(5);
    // After the last visit the stock is not known: the line stops.
    expect(available[x.indexOf(NOW)]).toBeNull();
    expect(data.available).toEqual({ first: 10, last: 48, min: 5, max: 50 });
    expect(data.has).toMatchObject({ reserved: false, inbound: false });
  });

  it('marks every change on the line, one series per kind', async () => {
    await seed();
    const timeline = (await skuTimeline(db, key('M'), 0))!;
    const data = chartData(timeline, { timeZone: LA, now: NOW, since: 0 });
    const [x] = data.aligned;
    expect(timeline.changes.map((c) => c.kind)).toEqual(['sale', 'sale', 'external', 'sale']);
    expect(data.markers).toEqual({ shelfwise: 0, external: 1, receipt: 0, sale: 3, other: 0 });
    const sale = column(data, 'sale');
    const external = column(data, 'external');
    expect(sale[x.indexOf(at(5, 10))]).toBe(7);
    expect(sale[x.indexOf(at(4, 10))]).toBe(5);
    expect(external[x.indexOf(at(2, 10))]).toBe(50);
    expect(sale.filter((v) => v !== null)).toHaveLength(3);
    expect(column(data, 'receipt').every((v) => v === null)).toBe(true);
  });

  it('lists every recorded state with the changes found there, for the text alternative', async () => {
    await seed();
    const timeline = (await skuTimeline(db, key('F'), 0))!;
    const data = chartData(timeline, { timeZone: LA, now: NOW, since: 0 });
    expect(data.points.map((p) => [p.available, p.reserved, p.inbound, p.changes.map((c) => c.kind)])).toEqual([
      [75, 6, 200, []],
      [70, 6, 200, ['sale']],
      [250, 6, 20, expect.arrayContaining(['receipt'])],
      [248, 6, 20, ['sale']],
    ]);
    expect(data.has).toMatchObject({ reserved: true, inbound: true });
    expect(data.markers.receipt).toBe(1);
    expect(column(data, 'inbound')[data.aligned[0].indexOf(at(4, 10))]).toBe(20);
  });

  it('shows daily sales from the velocity day series, and unseen days as unknown, not zero', async () => {
    await seed();
    const timeline = (await skuTimeline(db, key('M'), 0))!;
    const data = chartData(timeline, { timeZone: LA, now: NOW, since: 0 });
    expect(data.days.map((d) => d.day)).toEqual([6, 5, 4, 3, 2, 1, 0].map((n) => addDays(TODAY, -n)));
    // Today nobody has looked yet (the last visit was yesterday morning).
    expect(data.days[6]).toMatchObject({ units: null, status: 'unknown' });
    // 3 sold between the visits of day 6 and day 5, 2 more by day 4; the raise to 50 hides the sales around it.
    const known = data.days.filter((d) => d.units !== null);
    expect(known.length).toBeGreaterThan(0);
    expect(data.unitsSold).toBeCloseTo(
      known.reduce((sum, d) => sum + (d.units as number), 0),
      9,
    );
    expect(data.unitsSold).toBeGreaterThanOrEqual(5);
    const sales = column(data, 'sales');
    expect(sales[data.aligned[0].indexOf(NOW)]).toBeNull();
  });

  it('starts a shorter period in the state it was in at its start', async () => {
    await seed();
    const since = at(3, 0);
    const timeline = (await skuTimeline(db, key('M'), since))!;
    const data = chartData(timeline, { timeZone: LA, now: NOW, since });
    expect(data.from).toBe(since);
    expect(data.aligned[0][0]).toBe(since);
    expect(column(data, 'available')[0]).toBe(5);
    expect(data.points[0]).toMatchObject({ at: since, available: 5, changes: [] });
    expect(data.days[0]?.day).toBe(addDays(TODAY, -3));
    expect(data.markers).toEqual({ shelfwise: 0, external: 1, receipt: 0, sale: 1, other: 0 });
  });

  it('groups adjustments and unexplained changes as "other"', () => {
    expect(markerKind('adjustment')).toBe('other');
    expect(markerKind('unknown')).toBe('other');
    expect(markerKind('receipt')).toBe('receipt');
    expect(MARKER_KINDS).toContain('other');
  });
});

describe('the chart day grid', () => {
  it.each([
    ['America/Los_Angeles', '2025-11-20', '2026-11-20'],
    ['Europe/London', '2026-01-01', '2026-12-31'],
    ['Australia/Sydney', '2025-09-01', '2026-10-31'],
    ['Asia/Tokyo', '2026-02-27', '2026-03-02'],
    ['America/Sao_Paulo', '2026-11-20', '2026-11-20'],
  ])('equals the velocity library’s grid in %s, daylight-saving days included', (zone, first, last) => {
    expect(chartGrid(zone, first, last)).toEqual(dayGrid(zone, first, last));
  });
});

describe('stock in transit', () => {
  it('is the page total, else the sum of the stages shown, else unknown', () => {
    const base = { key: 'k', at: 0, channel: 'fba' as const, state: 'active' as const, origin: 'page' as const };
    expect(inboundOf({ ...base, inbound: 30, inboundShipped: 5 })).toBe(30);
    expect(inboundOf({ ...base, inboundWorking: 4, inboundReceiving: 6 })).toBe(10);
    expect(inboundOf({ ...base, inboundShipped: 0 })).toBe(0);
    expect(inboundOf(base)).toBeNull();
  });
});
