import { describe, expect, it } from 'vitest';
import { toListing } from '@/lib/reports/aggregate';
import { streamChunks } from '@/lib/reports/decode';
import {
  type ImportOptions,
  type ImportResult,
  type ImportSuccess,
  importReport,
  inspectReport,
} from '@/lib/reports/import';
import { orderLines } from '@/lib/reports/orders';
import * as fx from './fixtures/reports';
import { chunks, concat, legacy, pieces, utf8, utf16le } from './helpers';

const WEEK = { from: '2026-03-01', to: '2026-03-07' };

async function run(bytes: Uint8Array | string, options: ImportOptions = {}, size = 97): Promise<ImportResult> {
  return importReport(chunks(typeof bytes === 'string' ? utf8(bytes) : bytes, size), options);
}

async function ok(bytes: Uint8Array | string, options: ImportOptions = {}, size = 97): Promise<ImportSuccess> {
  const result = await run(bytes, options, size);
  if (!result.ok)
    throw new Error(`import failed: ${JSON.stringify(result.error)} ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result;
}

async function rejected(bytes: Uint8Array | string, options: ImportOptions = {}, size = 97) {
  const result = await run(bytes, options, size);
  if (result.ok) throw new Error(`expected a rejection, got ${result.type}`);
  // Nothing partial: a rejection carries no data to store.
  expect(Object.keys(result).sort()).toEqual(
    ['ok', 'error', 'errors', 'errorRows', 'stats', ...(result.type ? ['type'] : [])].sort(),
  );
  return result;
}

describe('Business Report', () => {
  it('asks for the period, then stores (SKU, from, to, units)', async () => {
    const first = await rejected(fx.businessChild);
    expect(first.error).toEqual({
      code: 'period-required',
      messageKey: 'reports.error.periodRequired',
      params: { type: 'business-child' },
    });
    const r = await ok(fx.businessChild, { period: WEEK, marketplace: 'UK' });
    expect(r).toMatchObject({
      type: 'business-child',
      encoding: 'utf-8',
      encodingBasis: 'bom',
      numberLocale: 'en',
      period: WEEK,
    });
    expect(r.sales).toEqual([
      {
        marketplace: 'UK',
        sku: 'BB-001 Prime',
        asin: 'B0TESTCHD1',
        ...WEEK,
        units: 362,
        measure: 'ordered',
        source: 'business-child',
        sales: 12894.53,
        currency: '£',
      },
      {
        marketplace: 'UK',
        sku: 'BB-002',
        asin: 'B0TESTCHD2',
        ...WEEK,
        units: 221,
        measure: 'ordered',
        source: 'business-child',
        sales: 4761.29,
        currency: '£',
      },
      {
        marketplace: 'UK',
        sku: 'TT-006',
        asin: 'B0TESTCHD3',
        ...WEEK,
        units: 10,
        measure: 'ordered',
        source: 'business-child',
        sales: 112.6,
        currency: '£',
      },
    ]);
    expect(r.marketplaces).toEqual(['UK']);
  });

  it('reads the wide layout with Amazon’s three spellings of “Mobile App”', async () => {
    const r = await ok(fx.businessChildWide, { period: WEEK });
    expect(r.sales.map((s) => [s.sku, s.units, s.sales])).toEqual([
      ['BB-001 Prime', 205, 2560.45],
      ['BB-002', 189, 3801.11],
    ]);
  });

  it('leaves out the trailing Total row, with a warning', async () => {
    const r = await ok(fx.businessWithTotal, { period: WEEK, marketplace: 'US' });
    expect(r.sales.map((s) => [s.sku, s.units])).toEqual([
      ['BB-001', 12],
      ['BB-002', 1004],
    ]);
    expect(r.warnings).toEqual([{ messageKey: 'reports.warning.totalRows', params: { count: 1 } }]);
    expect(r.stats).toMatchObject({ rows: 2, totalRows: 1, lines: 4 });
  });

  it('maps the by-ASIN variant through what Shelfwise knows, and lists what it cannot map', async () => {
    const r = await ok(fx.businessAsin, {
      period: WEEK,
      marketplace: 'UK',
      asinToSku: { B0TESTCHD1: ['BB-001 Prime'], B0TESTCHD2: ['BB-002', 'BB-002-FBA'], B0TESTCHD4: ['NP-4', 'NP-4'] },
    });
    expect(r.type).toBe('business-asin');
    expect(r.sales.map((s) => [s.sku, s.asin, s.units])).toEqual([
      ['BB-001 Prime', 'B0TESTCHD1', 362],
      ['NP-4', 'B0TESTCHD4', 7],
    ]);
    expect(r.unmapped).toEqual([
      {
        asin: 'B0TESTCHD2',
        title: 'Bamboo Chopping Board Small',
        units: 221,
        sales: 4761.29,
        currency: '£',
        line: 3,
        reason: 'ambiguous',
        skus: ['BB-002', 'BB-002-FBA'],
      },
      {
        asin: 'B0TESTCHD3',
        title: 'Tea Towels, Pack of 6',
        units: 181,
        sales: 2122.19,
        currency: '£',
        line: 4,
        reason: 'unknown',
        skus: [],
      },
    ]);
    expect(r.warnings).toContainEqual({ messageKey: 'reports.warning.unmapped', params: { count: 2 } });
  });

  it('reads Japanese, Chinese and German exports', async () => {
    const ja = await ok(fx.businessJapanese, { period: WEEK, marketplace: 'JP' });
    expect(ja).toMatchObject({ headerLanguage: 'ja', numberLocale: 'en' });
    expect(ja.sales[0]).toMatchObject({ sku: 'BB-001', units: 48, sales: 96000, currency: '¥' });
    const zh = await ok(fx.businessChinese, { period: WEEK, marketplace: 'US' });
    expect(zh.headerLanguage).toBe('zh');
    expect(zh.sales[0]).toMatchObject({ units: 48, sales: 1440, currency: 'US$' });
    const de = await ok(fx.businessGerman, { period: WEEK, marketplace: 'DE' });
    expect(de).toMatchObject({ headerLanguage: 'de', numberLocale: 'eu', delimiter: ';' });
    expect(de.sales.map((s) => [s.sku, s.units, s.sales])).toEqual([
      ['BB-001', 205, 5255.61],
      ['BB-002', 19, 380],
    ]);
  });

  it('refuses a period that is not one', async () => {
    const r = await rejected(fx.businessChild, { period: { from: '2026-03-07', to: '2026-03-01' } });
    expect(r.error.code).toBe('bad-period');
  });
});

describe('Restock, FBA Inventory and Manage FBA Inventory', () => {
  it('Restock: 30 days of units before the download day, and FBA detail per SKU', async () => {
    expect((await rejected(fx.restock)).error.code).toBe('report-date-required');
    const r = await ok(fx.restock, { reportDate: '2026-03-16' });
    expect(r.dateOrder).toBe('mdy');
    expect(r.sales[0]).toEqual({
      marketplace: 'US',
      sku: 'BB-001',
      asin: 'B0TESTCHD1',
      from: '2026-02-14',
      to: '2026-03-15',
      units: 50,
      measure: 'sold',
      sales: 1249.5,
      currency: 'USD',
      source: 'restock',
    });
    expect(r.fba[0]).toEqual({
      marketplace: 'US',
      sku: 'BB-001',
      asin: 'B0TESTCHD1',
      fnsku: 'X00TEST001',
      asOf: '2026-03-16',
      available: 100,
      inbound: 60,
      inboundWorking: 20,
      inboundShipped: 30,
      inboundReceiving: 10,
      reserved: 20,
      unfulfillable: 2,
      recommendedQuantity: 120,
      recommendedShipDate: '2026-04-07',
      source: 'restock',
    });
    expect(r.fba[1]).toMatchObject({ sku: 'TT-006', recommendedQuantity: 0 });
    expect(r.fba[1]?.recommendedShipDate).toBeUndefined();
    expect(r.warnings).toContainEqual({
      messageKey: 'reports.warning.dateOrderAssumed',
      params: { value: '04/07/2026', order: 'mdy' },
    });
  });

  it('FBA Inventory: shipped units over 7/30/60/90 days before the snapshot, and stock detail', async () => {
    const r = await ok(fx.fbaInventory);
    expect(r.type).toBe('fba-inventory');
    expect(r.sales.filter((s) => s.sku === 'BB-001').map((s) => [s.from, s.to, s.units])).toEqual([
      ['2026-03-08', '2026-03-14', 14],
      ['2026-02-13', '2026-03-14', 55],
      ['2026-01-14', '2026-03-14', 101],
      ['2025-12-15', '2026-03-14', 160],
    ]);
    expect(r.fba[0]).toMatchObject({
      marketplace: 'US',
      sku: 'BB-001',
      asOf: '2026-03-15',
      available: 100,
      inbound: 60,
      inboundWorking: 20,
      inboundShipped: 30,
      inboundReceiving: 10,
      reserved: 20,
      unfulfillable: 2,
      recommendedQuantity: 120,
      recommendedShipDate: '2026-03-20',
    });
  });

  it('Manage FBA Inventory: FBA stock for FBA listings only', async () => {
    const r = await ok(fx.manageFba, { marketplace: 'UK' });
    expect(r.fba).toEqual([
      {
        marketplace: 'UK',
        sku: 'BB-001',
        asin: 'B0TESTCHD1',
        fnsku: 'X00TEST001',
        available: 100,
        inboundWorking: 20,
        inboundShipped: 30,
        inboundReceiving: 10,
        reserved: 20,
        unfulfillable: 2,
        source: 'manage-fba',
      },
    ]);
  });
});

describe('Listings reports', () => {
  it('Active Listings (CSV, CRLF, multi-line description) → listings and Listing objects', async () => {
    const r = await ok(fx.activeListings, { marketplace: 'UK' });
    expect(r.type).toBe('active-listings');
    expect(r.listings.map((l) => [l.sku, l.price, l.quantity, l.fulfillmentChannel])).toEqual([
      ['BB-001 Prime', 24.99, 40, 'DEFAULT'],
      ['TT-006', 12.5, 7, 'AMAZON_EU'],
    ]);
    expect(toListing(r.listings[0] as (typeof r.listings)[number], 'acct')).toMatchObject({
      account: 'acct',
      marketplace: 'UK',
      sku: 'BB-001 Prime',
      channel: 'mfn',
      quantityEditable: true,
      stock: { available: 40 },
      state: 'active',
    });
    expect(toListing(r.listings[1] as (typeof r.listings)[number], 'acct')).toMatchObject({
      channel: 'fba',
      stock: {},
    });
  });

  it('All Listings (tab-delimited) and its Italian localisation', async () => {
    const r = await ok(fx.allListings);
    expect(r.listings.map((l) => [l.sku, l.status])).toEqual([
      ['AP-01', 'Active'],
      ['OG-02', 'Active'],
      ['SR-03', 'Inactive'],
    ]);
    const it = await ok(fx.allListingsItalian, { marketplace: 'IT' });
    expect(it).toMatchObject({ type: 'all-listings', headerLanguage: 'it', numberLocale: 'eu' });
    expect(it.listings.map((l) => [l.sku, l.price, l.quantity])).toEqual([
      ['BB-001', 24.99, 40],
      ['TT-006', 1012.5, 7],
    ]);
    expect(toListing(it.listings[1] as (typeof it.listings)[number], 'a')?.state).toBe('inactive');
  });
});

describe('All Orders', () => {
  it('daily units per SKU in the marketplace’s zone, each order line once', async () => {
    const text = fx.allOrders([
      {
        id: '111-0000001-0000001',
        purchase: '2026-01-02T07:30:00+00:00',
        updated: '2026-01-02T09:00:00+00:00',
        status: 'Shipped',
        sku: 'BB-001',
        quantity: 2,
      },
      {
        id: '111-0000002-0000001',
        purchase: '2026-01-02T08:30:00+00:00',
        updated: '2026-01-03T09:00:00+00:00',
        status: 'Cancelled',
        sku: 'BB-001',
        quantity: 1,
      },
      {
        id: '111-0000003-0000001',
        purchase: '2026-01-02T09:30:00+00:00',
        updated: '2026-01-02T09:40:00+00:00',
        status: 'Pending',
        sku: 'TT-006',
        quantity: 3,
      },
      {
        id: '111-0000003-0000001',
        purchase: '2026-01-02T09:30:00+00:00',
        updated: '2026-01-04T09:40:00+00:00',
        status: 'Shipped',
        sku: 'TT-006',
        quantity: 3,
      },
    ]);
    const r = await ok(text);
    expect(r.marketplaces).toEqual(['US']);
    expect(r.orders?.daily).toEqual([
      {
        marketplace: 'US',
        sku: 'BB-001',
        from: '2026-01-01',
        to: '2026-01-02',
        days: [{ day: '2026-01-01', units: 2 }],
      },
      {
        marketplace: 'US',
        sku: 'TT-006',
        from: '2026-01-01',
        to: '2026-01-02',
        days: [{ day: '2026-01-02', units: 3 }],
      },
    ]);
    expect(r.stats.orderLines).toBe(3);
    const lines = [...orderLines(r.orders?.lines as NonNullable<typeof r.orders>['lines'])];
    expect(lines.find((l) => l.sku === 'TT-006')?.lastUpdatedAt).toBe(Date.parse('2026-01-04T09:40:00Z'));
  });

  it('warns when multi-channel lines were counted in the chosen marketplace', async () => {
    const text = fx.allOrders([
      {
        id: 'S01-0000001-0000001',
        purchase: '2026-01-02T10:00:00+00:00',
        updated: '2026-01-02T10:00:00+00:00',
        status: 'Shipped',
        sku: 'A',
        quantity: 1,
        channel: 'Non-Amazon',
      },
    ]);
    expect((await rejected(text)).error).toEqual({
      code: 'marketplace-required',
      messageKey: 'reports.error.marketplaceRequired',
      params: { channel: 'Non-Amazon' },
    });
    const r = await ok(text, { marketplace: 'UK' });
    expect(r.warnings).toContainEqual({
      messageKey: 'reports.warning.nonAmazon',
      params: { count: 1, marketplace: 'UK' },
    });
  });
});

describe('encodings end to end', () => {
  it('GB18030 (Chinese Excel), one byte per chunk', async () => {
    const text = '商品名称\t卖家 SKU\t价格\t数量\t状态\n竹制砧板（大号）\tBB-001\t24.99\t40\t在售\n';
    const r = await ok(legacy(text, 'gb18030'), { marketplace: 'US' }, 1);
    expect(r).toMatchObject({
      encoding: 'gb18030',
      encodingBasis: 'likely',
      type: 'all-listings',
      headerLanguage: 'zh',
    });
    expect(r.listings[0]).toMatchObject({ sku: 'BB-001', title: '竹制砧板（大号）', price: 24.99, status: '在售' });
  });

  it('Shift_JIS (Japanese Excel), split inside a character', async () => {
    const bytes = legacy(fx.businessJapanese, 'shift_jis');
    const r = await ok(bytes, { period: WEEK, marketplace: 'JP' }, 3);
    expect(r).toMatchObject({ encoding: 'shift_jis', type: 'business-child' });
    expect(r.sales[0]).toMatchObject({ units: 48, sales: 96000 });
  });

  it('UTF-16LE with BOM', async () => {
    const r = await ok(utf16le(fx.allListings), {}, 5);
    expect(r).toMatchObject({ encoding: 'utf-16le', encodingBasis: 'bom', type: 'all-listings' });
    expect(r.listings).toHaveLength(3);
  });

  it('honours the seller’s choice of encoding', async () => {
    const text = 'seller-sku,item-name,price,quantity\nMÜ-1,Café,1.00,1\n';
    const r = await ok(legacy(text, 'windows-1252'), { encoding: 'windows-1252' });
    expect(r.listings[0]).toMatchObject({ sku: 'MÜ-1', title: 'Café' });
  });

  it('a wrong encoding is reported with the byte and line, not imported as mojibake', async () => {
    const text = `seller-sku,item-name,price,quantity\n${'A-1,Board,1.00,1\n'.repeat(3)}MÜ-1,Café,1.00,1\n`;
    const r = await rejected(legacy(text, 'windows-1252'), { encoding: 'utf-8' });
    expect(r.error).toEqual({
      code: 'encoding',
      messageKey: 'reports.error.encoding',
      params: { encoding: 'UTF-8', offset: 36 + 17 * 3 + 1, line: 5 },
    });
  });
});

describe('bad input: a clear message and nothing stored', () => {
  it('an image renamed .csv', async () => {
    const png = concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(2000));
    expect((await rejected(png)).error).toEqual({
      code: 'binary',
      messageKey: 'reports.error.image',
      params: { format: 'PNG' },
    });
  });

  it('an Excel workbook', async () => {
    const xlsx = concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), utf8('[Content_Types].xml'), new Uint8Array(100));
    expect((await rejected(xlsx)).error).toMatchObject({ code: 'binary', messageKey: 'reports.error.spreadsheet' });
  });

  it('an empty file, a BOM alone, blank lines alone', async () => {
    expect((await rejected(new Uint8Array(0))).error.code).toBe('empty');
    expect((await rejected(new Uint8Array([0xef, 0xbb, 0xbf]))).error.code).toBe('empty');
    expect((await rejected('\r\n\r\n')).error.code).toBe('empty');
  });

  it('a file cut off inside a character, inside a quoted field, inside a row', async () => {
    const bytes = utf8('seller-sku,item-name,price,quantity\nA-1,竹,1.00,1\n');
    const midChar = utf8('seller-sku,item-name,price,quantity\nA-1,竹').subarray(0, 41);
    expect((await rejected(midChar)).error).toEqual({
      code: 'truncated',
      messageKey: 'reports.error.truncated',
      params: { offset: 41 },
    });
    expect((await rejected('seller-sku,item-name,price,quantity\nA-1,"Board, la')).error).toMatchObject({
      code: 'unclosed-quote',
      params: { line: 2 },
    });
    const midRow = await rejected(bytes.subarray(0, bytes.length - 7));
    expect(midRow.error).toEqual({ code: 'rows', messageKey: 'reports.error.rows', params: { count: 1 } });
    expect(midRow.errors[0]).toMatchObject({ line: 2, messageKey: 'reports.row.fieldCount' });
  });

  it('a duplicated header column, and a header repeated inside the file', async () => {
    const dup = await rejected('seller-sku\titem-name\tprice\tquantity\tQuantity\nA\tB\t1\t2\t3\n');
    expect(dup.error).toEqual({
      code: 'duplicate-column',
      messageKey: 'reports.error.duplicateColumn',
      params: { column: 'quantity', first: 4, second: 5 },
    });
    const twice = await rejected(`${fx.allListings}${fx.allListings}`);
    expect(twice.error.code).toBe('rows');
    expect(twice.errors).toEqual([
      { line: 5, messageKey: 'reports.row.repeatedHeader', params: {} },
      expect.objectContaining({ line: 6, messageKey: 'reports.row.duplicateKey' }),
      expect.anything(),
      expect.anything(),
    ]);
  });

  it('missing required columns, and a file that is no report at all', async () => {
    const r = await rejected('seller-sku\titem-name\tquantity\nA\tB\t2\n');
    expect(r.error).toEqual({
      code: 'missing-columns',
      messageKey: 'reports.error.missingColumns',
      params: { type: 'active-listings', columns: 'price' },
    });
    const other = await rejected('Name,Phone\nAda,123\n');
    expect(other.error).toMatchObject({ code: 'unrecognised', messageKey: 'reports.error.unrecognised' });
  });

  it('bad rows: the whole import is refused, with each row’s line', async () => {
    const text = `${fx.allListings.trimEnd()}\nBad\t\tx\tBD-1\tabc\t1\t\t\ty\t1\t\t\t11\t\t\t\tB0TESTBAD1\t\t\t\t\t\t1\t\t\t0\tDEFAULT\tT\tActive\n`;
    const r = await rejected(text, { maxErrors: 10 });
    expect(r.errorRows).toBe(1);
    expect(r.errors).toEqual([
      {
        line: 5,
        column: 'price',
        value: 'abc',
        messageKey: 'reports.row.notNumber',
        params: { column: 'price', value: 'abc' },
      },
    ]);
  });

  /** 50 MB of pseudo-random bytes, produced only as they are read; `low` is the smallest byte value. */
  function randomFile(low: number) {
    const file = { produced: 0, closed: false, chunks: undefined as unknown as AsyncGenerator<Uint8Array> };
    file.chunks = (async function* () {
      let state = 12345;
      try {
        for (let chunk = 0; chunk < 800; chunk++) {
          const bytes = new Uint8Array(65536);
          for (let i = 0; i < bytes.length; i++) {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            bytes[i] = low + ((state >>> 24) % (256 - low));
          }
          file.produced += bytes.length;
          yield bytes;
        }
      } finally {
        file.closed = true;
      }
    })();
    return file;
  }

  it('50 MB of random bytes, read as a stream: refused from its first bytes', async () => {
    const file = randomFile(0);
    const r = await importReport(file.chunks);
    expect(r).toMatchObject({ ok: false, error: { code: 'binary', messageKey: 'reports.error.binary' } });
    expect(file.produced).toBeLessThan(1024 * 1024);
    expect(file.closed).toBe(true);
  });

  it('50 MB of random bytes with no control characters: not a report, from its first bytes', async () => {
    const file = randomFile(0x20);
    const r = await importReport(file.chunks);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ ok: false, error: { code: 'unrecognised', messageKey: 'reports.error.noHeader' } });
    expect(file.produced).toBeLessThan(4 * 1024 * 1024);
    expect(file.closed).toBe(true);
  });

  it('random bytes after 300 KB of good rows: refused at the first invalid byte, with its line', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `S-${i}\tBoard ${i}\t1.00\t2\n`).join('');
    const good = utf8(`seller-sku\titem-name\tprice\tquantity\n${rows}`);
    const noise = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    noise[0] = 0xff;
    const r = await rejected(concat(good, noise), {}, 65536);
    expect(good.length).toBeGreaterThan(256 * 1024);
    expect(r.error).toEqual({
      code: 'encoding',
      messageKey: 'reports.error.encoding',
      params: { encoding: 'UTF-8', offset: good.length, line: 12_002 },
    });
  });

  it('releases the source (a file handle, a stream) when it stops early', async () => {
    let closed = false;
    async function* file(): AsyncGenerator<Uint8Array> {
      try {
        yield new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        for (;;) yield new Uint8Array(1024);
      } finally {
        closed = true;
      }
    }
    expect((await importReport(file())).ok).toBe(false);
    expect(closed).toBe(true);
  });

  it('can be cancelled between chunks', async () => {
    const controller = new AbortController();
    const r = await importReport(chunks(utf8(fx.allListings), 10), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('sources', () => {
  it('reads a File/Blob stream, as the dashboard hands it over', async () => {
    const blob = new Blob([fx.allListings]);
    const r = await importReport(streamChunks(blob.stream()));
    expect(r).toMatchObject({ ok: true, type: 'all-listings' });
  });
});

describe('inspectReport', () => {
  it('says what must be asked of the seller before importing', async () => {
    expect(await inspectReport(chunks(utf8(fx.businessChild), 10))).toMatchObject({
      ok: true,
      type: 'business-child',
      needs: 'period',
    });
    expect(await inspectReport(chunks(utf8(fx.restock)))).toMatchObject({
      ok: true,
      type: 'restock',
      needs: 'report-date',
    });
    expect(await inspectReport(pieces(legacy(fx.businessChinese, 'gb18030')))).toMatchObject({
      ok: true,
      encoding: 'gb18030',
      headerLanguage: 'zh',
    });
    expect(await inspectReport(pieces(utf8(fx.allListings)))).toMatchObject({
      ok: true,
      type: 'all-listings',
      delimiter: '\t',
      needs: null,
    });
    expect(await inspectReport(pieces(utf8('no newline at all: sku')))).toMatchObject({
      ok: false,
      error: { code: 'unrecognised' },
    });
  });
});
