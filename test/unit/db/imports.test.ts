import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, parseBackup, restoreBackup } from '@/lib/db/backup';
import { salesHistory } from '@/lib/db/history';
import { commitImport, ImportCommitError, mergeSpans } from '@/lib/db/imports';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import { amazonRecommendation, asinToSkuMap, fbaDetail, importedSales, listImports } from '@/lib/db/reports';
import { marketplaceByCode } from '@/lib/marketplaces';
import { skuKey } from '@/lib/model/keys';
import { type ImportOptions, type ImportSuccess, importReport } from '@/lib/reports';
import { defaultSettings } from '@/lib/settings';
import { addDays, type DayKey, startOfDay } from '@/lib/time';
import { computeVelocity, velocityContext } from '@/lib/velocity';
import {
  allOrders,
  businessAsin,
  businessChild,
  fbaInventory,
  manageFba,
  type OrderRow,
  restock,
} from '../reports/fixtures/reports';
import { chunks, utf8 } from '../reports/helpers';
import { listing, pageRead } from './helpers';

const ACCOUNT = 'Acme';
const LA = 'America/Los_Angeles';
/** 2026-03-20, noon in Los Angeles: "today" for every test here. */
const NOW = startOfDay('2026-03-20', LA) + 12 * 3_600_000;
const TODAY: DayKey = '2026-03-20';

let db: DB;
afterEach(() => db?.close());

async function read(text: string, options: ImportOptions = {}): Promise<ImportSuccess> {
  const result = await importReport(chunks(utf8(text), 4096), options);
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error)} ${JSON.stringify(result.errors)}`);
  return result;
}

function commit(result: ImportSuccess, options: { now?: number; id?: string; fileName?: string } = {}) {
  return commitImport(
    db,
    { account: ACCOUNT, fileName: options.fileName ?? 'report.txt', fileSize: 1000, result },
    { now: options.now ?? NOW, ...(options.id ? { id: options.id } : {}) },
  );
}

/** Local noon of a US marketplace day as All Orders writes it (Pacific offset). */
function pacific(day: DayKey, hours = 12): string {
  const at = startOfDay(day, LA) + hours * 3_600_000;
  const offset = -(new Date(at).toLocaleString('en-US', { timeZone: LA, timeZoneName: 'shortOffset' }).includes('GMT-7')
    ? 7
    : 8);
  const wall = new Date(at + offset * 3_600_000).toISOString().slice(0, 19);
  return `${wall}-0${-offset}:00`;
}

function orderId(n: number): string {
  return `111-${String(1_000_000 + n).slice(0, 7)}-${String(2_000_000 + n).slice(0, 7)}`;
}

/** One order a day for `days` days ending yesterday, `units` each, for `sku`. */
function dailyOrders(sku: string, days: number, units: number, firstId: number): OrderRow[] {
  return Array.from({ length: days }, (_, d) => {
    const day = addDays(TODAY, d - days);
    return {
      id: orderId(firstId + d),
      purchase: pacific(day),
      updated: pacific(day, 20),
      status: 'Shipped',
      sku,
      quantity: units,
      itemStatus: 'Shipped',
    };
  });
}

async function everything(target: DB) {
  const names = [
    'skus',
    'observations',
    'changes',
    'orderLines',
    'orderDays',
    'orderCoverage',
    'periodSales',
    'fbaDetail',
    'reportListings',
    'imports',
  ] as const;
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await target.getAll(name);
  return out;
}

const key = (sku: string, marketplace = 'US') => skuKey({ account: ACCOUNT, marketplace, sku });

describe('committing an All Orders import', () => {
  it('stores each (order, SKU) line, daily units per SKU, the covered days and a log record', async () => {
    db = await openStore('orders');
    const result = await read(
      allOrders([
        {
          id: orderId(1),
          purchase: pacific('2026-03-01'),
          updated: pacific('2026-03-02'),
          status: 'Shipped',
          sku: 'BB-001',
          quantity: 2,
        },
        {
          id: orderId(2),
          purchase: pacific('2026-03-01', 23),
          updated: pacific('2026-03-02'),
          status: 'Shipped',
          sku: 'BB-001',
          quantity: 1,
        },
        {
          id: orderId(2),
          purchase: pacific('2026-03-01', 23),
          updated: pacific('2026-03-02'),
          status: 'Shipped',
          sku: 'TT-006',
          quantity: 3,
        },
        {
          id: orderId(3),
          purchase: pacific('2026-03-04'),
          updated: pacific('2026-03-05'),
          status: 'Cancelled',
          sku: 'BB-001',
          quantity: 5,
        },
      ]),
    );
    const log = await commit(result, { fileName: 'orders.txt' });
    expect(log).toMatchObject({
      account: ACCOUNT,
      fileName: 'orders.txt',
      type: 'all-orders',
      marketplaces: ['US'],
      rows: 4,
      counts: { skus: 2, orderLines: 4, orderLinesAdded: 4, orderLinesUpdated: 0, periodSales: 0 },
    });
    expect(await listImports(db)).toEqual([log]);

    const lines = await db.get('orderLines', key('BB-001'));
    expect(lines?.orderIds).toEqual([orderId(1), orderId(2), orderId(3)]);
    expect(lines?.units).toEqual([2, 1, 0]);
    expect(lines?.cancelled).toEqual([0, 0, 1]);
    // 23:00 Pacific is still 1 March in the marketplace, though 2 March in UTC.
    expect(lines?.days).toEqual(['2026-03-01', '2026-03-01', '2026-03-04']);
    expect((await db.get('orderDays', key('BB-001')))?.days).toEqual([{ day: '2026-03-01', units: 3 }]);
    expect((await db.get('orderDays', key('TT-006')))?.days).toEqual([{ day: '2026-03-01', units: 3 }]);
    expect((await db.get('orderCoverage', `${ACCOUNT}\u001fUS`))?.spans).toEqual([
      { from: '2026-03-01', to: '2026-03-04' },
    ]);
  });

  it('merges overlapping exports: each (order, SKU) once, at its latest state', async () => {
    db = await openStore('overlap');
    const first = await read(
      allOrders([
        // Pending in the first export, cancelled in the second.
        {
          id: orderId(1),
          purchase: pacific('2026-03-01'),
          updated: pacific('2026-03-01', 13),
          status: 'Pending',
          sku: 'BB-001',
          quantity: 2,
        },
        // Shipped in both exports, with the same last update: the same state seen twice.
        {
          id: orderId(2),
          purchase: pacific('2026-03-02'),
          updated: pacific('2026-03-03'),
          status: 'Shipped',
          sku: 'BB-001',
          quantity: 4,
        },
        // Its second export is older than the first (exports downloaded out of order).
        {
          id: orderId(3),
          purchase: pacific('2026-03-03'),
          updated: pacific('2026-03-06'),
          status: 'Shipped',
          sku: 'BB-001',
          quantity: 1,
        },
      ]),
    );
    await commit(first, { now: NOW - 86_400_000 });
    const second = await read(
      allOrders([
        {
          id: orderId(1),
          purchase: pacific('2026-03-01'),
          updated: pacific('2026-03-02'),
          status: 'Cancelled',
          sku: 'BB-001',
          quantity: 2,
        },
        {
          id: orderId(2),
          purchase: pacific('2026-03-02'),
          updated: pacific('2026-03-03'),
          status: 'Shipped',
          sku: 'BB-001',
          quantity: 4,
        },
        {
          id: orderId(3),
          purchase: pacific('2026-03-03'),
          updated: pacific('2026-03-04'),
          status: 'Pending',
          sku: 'BB-001',
          quantity: 1,
        },
        {
          id: orderId(4),
          purchase: pacific('2026-03-08'),
          updated: pacific('2026-03-09'),
          status: 'Shipped',
          sku: 'BB-001',
          quantity: 6,
        },
      ]),
    );
    const log = await commit(second);
    expect(log.counts).toMatchObject({ orderLines: 4, orderLinesAdded: 1, orderLinesUpdated: 1 });

    const lines = await db.get('orderLines', key('BB-001'));
    expect(lines?.orderIds).toHaveLength(4);
    expect(lines?.units).toEqual([0, 4, 1, 6]);
    expect(lines?.cancelled).toEqual([1, 0, 0, 0]);
    expect((await db.get('orderDays', key('BB-001')))?.days).toEqual([
      { day: '2026-03-02', units: 4 },
      { day: '2026-03-03', units: 1 },
      { day: '2026-03-08', units: 6 },
    ]);
    // The two exports cover 1–3 March and 1–8 March: one stretch.
    expect((await db.get('orderCoverage', `${ACCOUNT}\u001fUS`))?.spans).toEqual([
      { from: '2026-03-01', to: '2026-03-08' },
    ]);

    // Importing the second export again changes nothing but the log.
    const again = await commit(second, { now: NOW + 1 });
    expect(again.counts).toMatchObject({ orderLinesAdded: 0, orderLinesUpdated: 0 });
    expect((await db.get('orderLines', key('BB-001')))?.units).toEqual([0, 4, 1, 6]);
    expect(await listImports(db)).toHaveLength(3);
  });

  it('keeps separate stretches apart, and velocity reads only the latest one', async () => {
    db = await openStore('stretches');
    await ingestPageRead(db, pageRead([listing('BB-001', { stock: { available: 500 } })], NOW - 3_600_000));
    const early = await read(allOrders(dailyOrders('BB-001', 10, 9, 0).slice(0, 3)));
    const late = await read(allOrders(dailyOrders('BB-001', 10, 1, 100).slice(5)));
    await commit(late);
    await commit(early, { now: NOW + 1 });
    expect((await db.get('orderCoverage', `${ACCOUNT}\u001fUS`))?.spans).toEqual([
      { from: '2026-03-10', to: '2026-03-12' },
      { from: '2026-03-15', to: '2026-03-19' },
    ]);
    const sku = await db.get('skus', key('BB-001'));
    const sales = await importedSales(db, sku!, NOW);
    expect(sales.orders).toEqual({
      from: '2026-03-15',
      to: '2026-03-19',
      days: ['2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19'].map((day) => ({ day, units: 1 })),
    });
  });

  it('makes imported orders the velocity source of a SKU the page showed without a sales figure', async () => {
    db = await openStore('velocity');
    await ingestPageRead(db, pageRead([listing('BB-001', { stock: { available: 200 } })], NOW - 3_600_000));
    const context = velocityContext(LA, NOW, defaultSettings().velocity);
    const before = computeVelocity((await salesHistory(db, key('BB-001'), NOW))!, context);
    expect(before.source).not.toBe('orders');
    expect(before.perDay).toBeNull();

    await commit(await read(allOrders(dailyOrders('BB-001', 40, 3, 0))));
    const history = await salesHistory(db, key('BB-001'), NOW);
    expect(history?.orders?.to).toBe(addDays(TODAY, -1));
    expect(history?.orders?.days).toHaveLength(40);
    const after = computeVelocity(history!, context);
    expect(after.source).toBe('orders');
    expect(after.perDay).toBeCloseTo(3, 5);
    expect(after.daysOfCover).toBeCloseTo(200 / 3, 0);
  });

  it('refuses a result whose lines have no marketplace, and stores nothing', async () => {
    db = await openStore('no-marketplace');
    const result = await read(businessChild, { period: { from: '2026-03-01', to: '2026-03-07' } });
    expect(result.sales[0]?.marketplace).toBeNull();
    await expect(commit(result)).rejects.toThrow(ImportCommitError);
    expect(await everything(db)).toMatchObject({ periodSales: [], imports: [] });
  });
});

describe('all or nothing', () => {
  it('a bad row at line 90,000 refuses the file and leaves the store untouched', { timeout: 60_000 }, async () => {
    db = await openStore('bad-row');
    await commit(await read(allOrders(dailyOrders('BB-001', 5, 1, 0))));
    const before = await everything(db);
    const rows = Array.from({ length: 89_999 }, (_, i) => ({
      id: orderId(10_000 + i),
      purchase: '2026-03-01T12:00:00-08:00',
      updated: '2026-03-02T12:00:00-08:00',
      status: 'Shipped',
      sku: `SKU-${i % 300}`,
      quantity: i === 89_998 ? 'two' : 1,
    }));
    const result = await importReport(chunks(utf8(allOrders(rows))));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.line).toBe(90_000);
    expect(result.errorRows).toBe(1);
    // The dashboard offers "Import" only for a result that is ok: nothing reaches the store.
    expect(await everything(db)).toEqual(before);
  });

  it('a write the store refuses at the very end undoes every write before it', async () => {
    db = await openStore('abort');
    await commit(await read(allOrders(dailyOrders('BB-001', 5, 1, 0))), { id: 'taken' });
    const before = await everything(db);
    const next = await read(
      allOrders([...dailyOrders('BB-001', 10, 2, 500), ...dailyOrders('TT-006', 10, 1, 600)]),
      {},
    );
    // The log record is added last and its id is taken: the transaction aborts.
    await expect(commit(next, { id: 'taken', now: NOW + 1 })).rejects.toThrow();
    expect(await everything(db)).toEqual(before);
  });
});

describe('period sales', () => {
  it('stores a Business Report as (SKU, from, to, units, measure); the same period again replaces it', async () => {
    db = await openStore('periods');
    const period = { from: '2026-03-12', to: '2026-03-18' };
    const result = await read(businessChild, { period, marketplace: 'UK' });
    const log = await commit(result);
    expect(log).toMatchObject({ type: 'business-child', period, counts: { periodSales: 3, skus: 3 } });
    const stored = await db.getAll('periodSales');
    expect(stored.map((s) => [s.sku, s.from, s.to, s.units, s.measure, s.sales, s.currency])).toEqual([
      ['BB-001 Prime', '2026-03-12', '2026-03-18', 362, 'ordered', 12894.53, '£'],
      ['BB-002', '2026-03-12', '2026-03-18', 221, 'ordered', 4761.29, '£'],
      ['TT-006', '2026-03-12', '2026-03-18', 10, 'ordered', 112.6, '£'],
    ]);
    await commit(result, { now: NOW + 1 });
    expect(await db.count('periodSales')).toBe(3);

    await ingestPageRead(db, {
      ...pageRead([listing('BB-002', { marketplace: 'UK', stock: { available: 500 } })], NOW - 3_600_000),
      marketplace: 'UK',
    });
    const history = await salesHistory(db, key('BB-002', 'UK'), NOW);
    expect(history?.periods).toEqual([{ from: '2026-03-12', to: '2026-03-18', units: 221 }]);
    const velocity = computeVelocity(
      history!,
      velocityContext(marketplaceByCode('UK')!.timeZone, NOW, defaultSettings().velocity),
    );
    expect(velocity.source).toBe('reports');
    expect(velocity.perDay).toBeCloseTo(221 / 7, 5);
  });

  it('maps the by-ASIN Business Report through the SKUs Shelfwise knows, and leaves the rest unmapped', async () => {
    db = await openStore('by-asin');
    await ingestPageRead(db, {
      ...pageRead(
        [
          listing('BB-001', { marketplace: 'UK', asin: 'B0TESTCHD1' }),
          listing('BB-002', { marketplace: 'UK', asin: 'B0TESTCHD2' }),
          listing('BB-002-FBA', { marketplace: 'UK', asin: 'B0TESTCHD2', channel: 'fba' }),
        ],
        NOW,
      ),
      marketplace: 'UK',
    });
    const map = await asinToSkuMap(db, ACCOUNT, 'UK');
    expect(map).toEqual({ B0TESTCHD1: ['BB-001'], B0TESTCHD2: ['BB-002', 'BB-002-FBA'] });
    const result = await read(businessAsin, {
      period: { from: '2026-03-01', to: '2026-03-07' },
      marketplace: 'UK',
      asinToSku: map,
    });
    expect(result.unmapped.map((u) => [u.asin, u.reason])).toEqual([
      ['B0TESTCHD2', 'ambiguous'],
      ['B0TESTCHD3', 'unknown'],
      ['B0TESTCHD4', 'unknown'],
    ]);
    const log = await commit(result);
    expect(log.counts).toMatchObject({ periodSales: 1, unmapped: 3 });
    expect((await db.getAll('periodSales')).map((s) => [s.sku, s.units])).toEqual([['BB-001', 362]]);
  });
});

describe('FBA detail', () => {
  it('keeps Amazon’s recommendation from Restock while a later Manage FBA report updates the stock', async () => {
    db = await openStore('fba');
    await commit(await read(restock, { reportDate: '2026-03-16' }));
    const detail = await fbaDetail(db, key('BB-001'));
    expect(detail).toMatchObject({
      sku: 'BB-001',
      asin: 'B0TESTCHD1',
      fnsku: 'X00TEST001',
      stock: {
        available: 100,
        inbound: 60,
        inboundWorking: 20,
        inboundShipped: 30,
        inboundReceiving: 10,
        reserved: 20,
        unfulfillable: 2,
        asOf: '2026-03-16',
        source: 'restock',
      },
      recommendation: { quantity: 120, asOf: '2026-03-16', source: 'restock' },
    });
    expect(detail?.recommendation?.shipDate).toMatch(/^2026-0[47]-0[47]$/);
    // Restock's last 30 days end the day before the download.
    expect((await db.getAll('periodSales')).find((s) => s.sku === 'BB-001')).toMatchObject({
      from: '2026-02-14',
      to: '2026-03-15',
      units: 50,
      measure: 'sold',
    });

    await commit(await read(manageFba, { marketplace: 'US' }), { now: NOW + 1 });
    const updated = await fbaDetail(db, key('BB-001'));
    expect(updated?.stock).toMatchObject({ available: 100, reserved: 20, unfulfillable: 2, source: 'manage-fba' });
    expect(updated?.recommendation).toMatchObject({ quantity: 120, source: 'restock' });
    expect(await amazonRecommendation(db, key('BB-001'))).toMatchObject({ quantity: 120 });
    // The merchant-only row of Manage FBA carries no FBA stock.
    expect(await fbaDetail(db, key('AP-01'))).toBeUndefined();
  });

  it('an older FBA Inventory snapshot does not overwrite a newer one', async () => {
    db = await openStore('fba-older');
    await commit(await read(fbaInventory));
    expect((await fbaDetail(db, key('BB-001')))?.stock).toMatchObject({ asOf: '2026-03-15', available: 100 });
    const older = fbaInventory.replaceAll('2026-03-15', '2026-03-01').replace('\t100\t0\t14', '\t7\t0\t14');
    await commit(await read(older), { now: NOW + 1 });
    expect((await fbaDetail(db, key('BB-001')))?.stock).toMatchObject({ asOf: '2026-03-15', available: 100 });
    expect((await fbaDetail(db, key('BB-001')))?.recommendation).toMatchObject({
      quantity: 120,
      shipDate: '2026-03-20',
    });
  });
});

describe('backups', () => {
  it('carry the imported records, and a backup made before imports existed still restores', async () => {
    db = await openStore('backup-source');
    await ingestPageRead(db, pageRead([listing('BB-001')], NOW - 3_600_000));
    await commit(await read(allOrders(dailyOrders('BB-001', 5, 2, 0))));
    await commit(await read(restock, { reportDate: '2026-03-16' }), { now: NOW + 1 });
    const { parts } = await exportBackup(db, defaultSettings(), NOW);
    const before = await everything(db);
    db.close();

    db = await openStore('backup-target');
    const parsed = parseBackup(parts.join(''));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await restoreBackup(db, parsed.backup);
    expect(await everything(db)).toEqual(before);

    // A version 2 backup has none of the new stores: it restores, and they are emptied.
    const v2 = JSON.parse(parts.join(''));
    v2.dbVersion = 2;
    for (const name of [
      'orderLines',
      'orderDays',
      'orderCoverage',
      'periodSales',
      'fbaDetail',
      'reportListings',
      'imports',
    ])
      delete v2.stores[name];
    const old = parseBackup(JSON.stringify(v2));
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    await restoreBackup(db, old.backup);
    expect(await db.count('skus')).toBe(1);
    expect(await db.count('orderLines')).toBe(0);
    expect(await db.count('imports')).toBe(0);
  });

  it('refuses an order-lines record whose columns do not line up', async () => {
    db = await openStore('backup-bad');
    await commit(await read(allOrders(dailyOrders('BB-001', 5, 2, 0))));
    const { parts } = await exportBackup(db, defaultSettings(), NOW);
    const backup = JSON.parse(parts.join(''));
    backup.stores.orderLines[0].units.pop();
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(false);
  });
});

describe('mergeSpans', () => {
  it('joins spans that overlap or touch and keeps the others apart, in day order', () => {
    expect(mergeSpans([{ from: '2026-03-10', to: '2026-03-12' }], { from: '2026-03-01', to: '2026-03-05' })).toEqual([
      { from: '2026-03-01', to: '2026-03-05' },
      { from: '2026-03-10', to: '2026-03-12' },
    ]);
    expect(
      mergeSpans(
        [
          { from: '2026-03-01', to: '2026-03-05' },
          { from: '2026-03-10', to: '2026-03-12' },
        ],
        { from: '2026-03-06', to: '2026-03-09' },
      ),
    ).toEqual([{ from: '2026-03-01', to: '2026-03-12' }]);
    expect(mergeSpans([{ from: '2026-03-01', to: '2026-03-31' }], { from: '2026-03-05', to: '2026-03-06' })).toEqual([
      { from: '2026-03-01', to: '2026-03-31' },
    ]);
  });
});
