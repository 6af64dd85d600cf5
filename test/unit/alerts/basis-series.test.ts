import { afterEach, describe, expect, it } from 'vitest';
import { rebuildMarketplace } from '@/lib/background/alert-basis';
import { journalRow, journalStart } from '@/lib/background/journal';
import { commitImport } from '@/lib/db/imports';
import { ingestPageRead } from '@/lib/db/ingest';
import { type DB, openStore } from '@/lib/db/open';
import type { Listing, PageRead } from '@/lib/model/listing';
import { importReport } from '@/lib/reports';
import { defaultSettings } from '@/lib/settings/schema';
import { addDays, DAY_MS, type DayKey, dayKey } from '@/lib/time';
import { mulberry32 } from '../../fixtures/data/seeded';
import { allOrders, type OrderRow } from '../reports/fixtures/reports';
import { chunks, utf8 } from '../reports/helpers';

/**
 * The alert basis's daily rebuild reads velocity from the stored day series where they answer; every
 * entry (each field) and every FBA fee series must be exactly what the history path builds.
 */

const HOUR = 3_600_000;
const ACCOUNT = 'Acme';
const T0 = Date.UTC(2026, 1, 20, 17);
const MARKETPLACES = [
  { code: 'US', host: 'sellercentral.amazon.com', zone: 'America/Los_Angeles' },
  { code: 'UK', host: 'sellercentral.amazon.co.uk', zone: 'Europe/London' },
  { code: 'JP', host: 'sellercentral.amazon.co.jp', zone: 'Asia/Tokyo' },
] as const;
let db: DB;
afterEach(() => db?.close());

/**
 * SKUs by prefix: FAST sells 6 a day, MID 2, SLOW 0.3 (intermittent), OUT runs out and is seldom
 * restocked, FBA is fulfilled by Amazon with reserved units and inbound shipments, PAGE shows the page's
 * own sales figure, GONE is closed partway (not alertable).
 */
const SKUS = ['FAST-1', 'FAST-2', 'MID-1', 'MID-2', 'SLOW-1', 'SLOW-2', 'OUT-1', 'FBA-1', 'FBA-2', 'PAGE-1', 'GONE-1'];

class Shop {
  readonly random: () => number;
  readonly stock = new Map<string, number>();
  readonly inbound = new Map<string, number>();
  closed = false;
  constructor(
    readonly marketplace: (typeof MARKETPLACES)[number],
    seed: number,
  ) {
    this.random = mulberry32(seed);
    for (const sku of SKUS) this.stock.set(sku, 10 + Math.floor(this.random() * 30));
  }
  rate(sku: string): number {
    return sku.startsWith('FAST') ? 6 : sku.startsWith('SLOW') ? 0.3 : sku.startsWith('OUT') ? 3 : 2;
  }
  visit(hours: number): Listing[] {
    const seen = this.random() < 0.2 ? SKUS.filter(() => this.random() < 0.6) : SKUS;
    return seen.map((sku) => {
      let available = this.stock.get(sku) as number;
      const expected = (this.rate(sku) * hours) / 24;
      let sold = 0;
      for (let k = 0; k < expected * 2; k++) if (this.random() < 0.5) sold++;
      available = Math.max(0, available - sold);
      const restock = sku.startsWith('OUT') ? 0.05 : 0.35;
      const fba = sku.startsWith('FBA');
      let inbound = this.inbound.get(sku) ?? 0;
      if (fba) {
        if (inbound === 0 && available < 8 && this.random() < 0.4) inbound = 40;
        else if (inbound > 0 && this.random() < 0.3) {
          available += inbound;
          inbound = 0;
        }
        this.inbound.set(sku, inbound);
      } else if (available < 4 && this.random() < restock) available += 25;
      this.stock.set(sku, available);
      const base: Listing = {
        account: ACCOUNT,
        marketplace: this.marketplace.code,
        sku,
        asin: `B0${sku.replace('-', '').padEnd(8, '0')}`,
        title: `Product ${sku}`,
        channel: fba ? 'fba' : 'mfn',
        quantityEditable: !fba,
        stock: fba ? { available, reserved: Math.min(2, sold), inboundShipped: inbound } : { available },
        state: sku.startsWith('GONE') && this.closed ? 'closed' : 'active',
        reasons: [],
        statusText: 'Active',
        isParent: false,
      };
      if (sku.startsWith('PAGE')) base.pageSales = { units: 14 + Math.floor(this.random() * 10), days: 7 };
      return base;
    });
  }
  read(listings: Listing[], at: number): PageRead {
    return {
      url: `https://${this.marketplace.host}/myinventory/inventory`,
      generation: 'current',
      account: ACCOUNT,
      marketplace: this.marketplace.code,
      pageLanguage: 'en-US',
      loadedAt: at - 1000,
      readAt: at,
      listings,
    };
  }
}

/** `days` days of visits 4 to 30 hours apart to every shop, each shop on its own clock. */
async function browse(shops: Shop[], from: number, days: number): Promise<number> {
  let latest = from;
  for (const shop of shops) {
    let at = from + shop.random() * 6 * HOUR;
    const end = from + days * DAY_MS;
    while (at < end) {
      const hours = 4 + shop.random() * 26;
      at += hours * HOUR;
      await ingestPageRead(db, shop.read(shop.visit(hours), at));
    }
    latest = Math.max(latest, at);
  }
  return latest;
}

/** A Shelfwise write between two visits (a bulk edit verified on the page). */
async function write(shop: Shop, sku: string, after: number, at: number): Promise<void> {
  const id = `b-${shop.marketplace.code}-${at}`;
  await journalStart(db, {
    id,
    name: 'Set',
    kind: 'bulk',
    account: ACCOUNT,
    marketplace: shop.marketplace.code,
    createdAt: at,
    state: 'applying',
    summary: '1 SKU',
    rows: [
      {
        key: `${ACCOUNT}\u001f${shop.marketplace.code}\u001f${sku}`,
        sku,
        field: 'quantity',
        before: shop.stock.get(sku) ?? 0,
        after,
      },
    ],
  } as never);
  await journalRow(db, {
    batchId: id,
    key: `${ACCOUNT}\u001f${shop.marketplace.code}\u001f${sku}`,
    outcome: { status: 'verified' } as never,
    at,
  });
  shop.stock.set(sku, after);
}

/** An All Orders import of daily orders of `sku` in the US for the `days` days before `today`. */
async function importOrders(sku: string, today: DayKey, days: number, now: number): Promise<void> {
  const rows: OrderRow[] = Array.from({ length: days }, (_, d) => {
    const day = addDays(today, d - days);
    const n = 1_000 + d;
    return {
      id: `111-${String(1_000_000 + n).slice(0, 7)}-${String(2_000_000 + n).slice(0, 7)}`,
      purchase: `${day}T12:00:00-08:00`,
      updated: `${day}T20:00:00-08:00`,
      status: 'Shipped',
      sku,
      quantity: 1 + (d % 3),
      itemStatus: 'Shipped',
    };
  });
  const result = await importReport(chunks(utf8(allOrders(rows)), 4096), {});
  if (!result.ok) throw new Error('import refused');
  await commitImport(db, { account: ACCOUNT, fileName: 'orders.txt', fileSize: 1000, result }, { now });
}

/** Both ways at `now`, per marketplace; returns how many entries came from the series. */
async function expectSameBasis(now: number, label: string): Promise<{ fromSeries: number; entries: number }> {
  const settings = defaultSettings();
  let fromSeries = 0;
  let entries = 0;
  for (const { code } of MARKETPLACES) {
    const series = await rebuildMarketplace(db, ACCOUNT, code, settings, now, true);
    const history = await rebuildMarketplace(db, ACCOUNT, code, settings, now, false);
    expect(history.fromSeries).toBe(0);
    expect(series.record.entries.length, `${label} ${code}`).toBeGreaterThan(0);
    // Every field of every entry, and the fee series, exactly (toEqual: NaN equals NaN, -0 is not 0).
    expect(series.record, `${label} ${code}`).toEqual(history.record);
    expect(series.fees, `${label} ${code}`).toEqual(history.fees);
    expect(series.fees.series.length, `${label} ${code}`).toBe(2);
    fromSeries += series.fromSeries;
    entries += series.record.entries.length;
  }
  return { fromSeries, entries };
}

describe('the alert basis rebuilt from the stored day series', () => {
  it('equals the basis built from every history, entry by entry, across marketplaces and time zones', async () => {
    db = await openStore('basis-series');
    const shops = MARKETPLACES.map((m, i) => new Shop(m, 31 + i));
    let at = await browse(shops, T0, 50);
    // No series yet: the first rebuild builds them from the histories it reads anyway.
    expect(await db.count('daySeries')).toBe(0);
    const first = await expectSameBasis(at + HOUR, 'first rebuild');
    expect(first.fromSeries).toBe(0);
    expect(await db.count('daySeries')).toBe(2 * MARKETPLACES.length);

    // Kept in step by ingest from here; then a write, an import and a closed listing.
    at = await browse(shops, at, 30);
    const us = shops[0] as Shop;
    await write(us, 'MID-1', 40, at + HOUR);
    await write(shops[1] as Shop, 'FAST-2', 0, at + HOUR);
    at = await browse(shops, at + 2 * HOUR, 3);
    await importOrders('MID-2', dayKey(at, 'America/Los_Angeles'), 60, at);
    for (const shop of shops) shop.closed = true;
    at = await browse(shops, at, 25);

    for (const later of [HOUR, 0.6 * DAY_MS, 3 * DAY_MS]) {
      const now = at + later;
      const { fromSeries, entries } = await expectSameBasis(now, `+${later / HOUR} h`);
      // Every marketplace's merchant SKUs (8 of 10 alertable) may come from their series; most must.
      expect(fromSeries, `+${later / HOUR} h`).toBeGreaterThanOrEqual(Math.floor(entries * 0.5));
    }
  }, 120_000);
});
