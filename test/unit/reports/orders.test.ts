import { describe, expect, it } from 'vitest';
import { marketplaceByCode } from '@/lib/marketplaces';
import { parseInstant } from '@/lib/reports/dates';
import { ImportFailure } from '@/lib/reports/errors';
import { dailyFromLines, dailyFromTable, OrderAggregator, OrderBook, orderLines } from '@/lib/reports/orders';
import type { AllOrdersRow } from '@/lib/reports/schemas';

function row(
  id: string,
  purchase: string,
  updated: string,
  status: string,
  sku: string,
  quantity: number,
  extra: Partial<AllOrdersRow> = {},
): AllOrdersRow {
  return {
    orderId: id,
    purchaseDate: parseInstant(purchase) as number,
    lastUpdated: parseInstant(updated) as number,
    orderStatus: status,
    sku,
    quantity,
    salesChannel: 'Amazon.com',
    ...extra,
  };
}

function aggregate(rows: AllOrdersRow[], fallback = marketplaceByCode('US')) {
  const orders = new OrderAggregator(fallback);
  const problems = rows.map((r) => orders.add(r)).filter(Boolean);
  const table = orders.table();
  return { orders, problems, table, lines: [...orderLines(table)], daily: dailyFromTable(table) };
}

describe('parseInstant', () => {
  it('reads ISO 8601 with an offset, exactly like Date.parse', () => {
    for (const cell of [
      '2024-11-23T06:43:27+00:00',
      '2026-03-08T01:59:59-08:00',
      '2026-03-29T01:30:00.123+01:00',
      '2024-02-29T12:00:00Z',
    ]) {
      expect(parseInstant(cell)).toBe(Date.parse(cell));
    }
    expect(parseInstant('2024-11-23 06:43:27 UTC')).toBe(Date.parse('2024-11-23T06:43:27Z'));
    expect(parseInstant('2024-11-23T06:43:27+0530')).toBe(Date.parse('2024-11-23T06:43:27+05:30'));
  });

  it('refuses dates without a zone and impossible dates', () => {
    for (const cell of [
      '2024-11-23T06:43:27',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '23/11/2024 06:43',
      '2024-11-23T06:43:27+25:00',
      '',
    ]) {
      expect(parseInstant(cell)).toBeUndefined();
    }
  });
});

describe('OrderAggregator', () => {
  it('counts a day in the marketplace’s time zone, not UTC and not the machine’s', () => {
    const { daily } = aggregate([
      // 07:30 UTC on 2 January is 23:30 on 1 January in Los Angeles.
      row('111-0000001-0000001', '2026-01-02T07:30:00+00:00', '2026-01-02T08:00:00+00:00', 'Shipped', 'A', 2),
      row('111-0000002-0000001', '2026-06-30T23:30:00+00:00', '2026-07-01T08:00:00+00:00', 'Shipped', 'B', 1, {
        salesChannel: 'Amazon.co.uk',
      }),
      row('111-0000003-0000001', '2026-01-01T15:30:00Z', '2026-01-01T16:00:00Z', 'Shipped', 'C', 4, {
        salesChannel: 'Amazon.co.jp',
      }),
    ]);
    expect(daily.map((d) => [d.marketplace, d.sku, d.days])).toEqual([
      ['JP', 'C', [{ day: '2026-01-02', units: 4 }]],
      ['UK', 'B', [{ day: '2026-07-01', units: 1 }]],
      ['US', 'A', [{ day: '2026-01-01', units: 2 }]],
    ]);
  });

  it('handles the days around a DST change', () => {
    const { daily } = aggregate([
      // 2026-03-08 is 23 hours long in Los Angeles: 07:59 UTC on the 9th is still the 8th.
      row('111-0000001-0000001', '2026-03-09T06:59:00Z', '2026-03-09T07:00:00Z', 'Shipped', 'A', 1),
      row('111-0000002-0000001', '2026-03-09T07:01:00Z', '2026-03-09T08:00:00Z', 'Shipped', 'A', 1),
      row('111-0000003-0000001', '2026-03-08T08:01:00Z', '2026-03-08T09:00:00Z', 'Shipped', 'A', 1),
      row('111-0000004-0000001', '2026-03-08T07:59:00Z', '2026-03-08T09:00:00Z', 'Shipped', 'A', 1),
    ]);
    expect(daily[0]?.days).toEqual([
      { day: '2026-03-07', units: 1 },
      { day: '2026-03-08', units: 2 },
      { day: '2026-03-09', units: 1 },
    ]);
  });

  it('counts a cancelled order or item as 0 units, and the covered span still includes its day', () => {
    const { daily, lines } = aggregate([
      row('111-0000001-0000001', '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Cancelled', 'A', 3),
      row('111-0000002-0000001', '2026-01-06T18:00:00Z', '2026-01-06T19:00:00Z', 'Shipped', 'A', 2, {
        itemStatus: 'Cancelled',
      }),
      row('111-0000003-0000001', '2026-01-07T18:00:00Z', '2026-01-07T19:00:00Z', 'Shipped', 'A', 1),
    ]);
    expect(lines.map((l) => [l.units, l.cancelled])).toEqual([
      [0, true],
      [0, true],
      [1, false],
    ]);
    expect(daily).toEqual([
      { marketplace: 'US', sku: 'A', from: '2026-01-05', to: '2026-01-07', days: [{ day: '2026-01-07', units: 1 }] },
    ]);
  });

  it('keeps each (order, SKU) once, at the state with the latest last-updated-date', () => {
    const id = '111-2222222-3333333';
    const { lines, daily, orders } = aggregate([
      row(id, '2026-01-05T18:00:00Z', '2026-01-05T18:00:00Z', 'Pending', 'A', 2),
      row(id, '2026-01-05T18:00:00Z', '2026-01-07T10:00:00Z', 'Cancelled', 'A', 0),
      // an older export seen after the newer one changes nothing
      row(id, '2026-01-05T18:00:00Z', '2026-01-06T10:00:00Z', 'Shipped', 'A', 2),
      row(id, '2026-01-05T18:00:00Z', '2026-01-06T10:00:00Z', 'Shipped', 'B', 1),
    ]);
    expect(orders.size).toBe(2);
    expect(lines.map((l) => [l.orderId, l.sku, l.units, l.lastUpdatedAt])).toEqual([
      [id, 'A', 0, Date.parse('2026-01-07T10:00:00Z')],
      [id, 'B', 1, Date.parse('2026-01-06T10:00:00Z')],
    ]);
    expect(daily.find((d) => d.sku === 'A')?.days).toEqual([]);
  });

  it('adds up two lines of the same SKU in one order state', () => {
    const id = '111-2222222-3333333';
    const { lines } = aggregate([
      row(id, '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Shipped', 'A', 2),
      row(id, '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Shipped', 'A', 1),
    ]);
    expect(lines.map((l) => l.units)).toEqual([3]);
  });

  it('keeps orders apart that share their last 14 digits or their first 3, over many table growths', () => {
    const rows: AllOrdersRow[] = [];
    for (let i = 0; i < 3000; i++) {
      const high = String(100 + (i % 7)).padStart(3, '0');
      const low = String(1_000_000 + Math.floor(i / 7)).padStart(7, '0');
      rows.push(
        row(`${high}-${low}-0000001`, '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Shipped', `S${i % 3}`, 1),
      );
    }
    // The same lines again in a later state: each replaces its first state, none is added.
    const later = rows.map((r) => ({ ...r, lastUpdated: r.lastUpdated + 3_600_000 }));
    const { lines, daily } = aggregate([...rows, ...later]);
    expect(lines).toHaveLength(3000);
    expect(new Set(lines.map((l) => `${l.orderId}|${l.sku}`)).size).toBe(3000);
    expect(daily.reduce((n, d) => n + (d.days[0]?.units ?? 0), 0)).toBe(3000);
  });

  it('keeps ids that are not Amazon’s 3-7-7 digits by their text', () => {
    const { lines } = aggregate([
      row('S02-1234567-7654321', '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Shipped', 'A', 1),
      row('my-shop-0001', '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Shipped', 'A', 1),
      row('my-shop-0001', '2026-01-05T18:00:00Z', '2026-01-06T19:00:00Z', 'Shipped', 'A', 5),
    ]);
    expect(lines.map((l) => [l.orderId, l.units])).toEqual([
      ['S02-1234567-7654321', 1],
      ['my-shop-0001', 5],
    ]);
  });

  it('counts non-Amazon (multi-channel) lines in the chosen marketplace, and needs one', () => {
    const mcf = row('S01-1111111-1111111', '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Shipped', 'A', 1, {
      salesChannel: 'Non-Amazon',
    });
    const { orders, lines } = aggregate([mcf], marketplaceByCode('UK'));
    expect(orders.nonAmazonLines).toBe(1);
    expect(lines[0]?.marketplace).toBe('UK');
    expect(() => new OrderAggregator(undefined).add(mcf)).toThrow(ImportFailure);
  });

  it('reports an Amazon sales channel it does not know as a row problem', () => {
    const { problems } = aggregate([
      row('111-0000001-0000001', '2026-01-05T18:00:00Z', '2026-01-05T19:00:00Z', 'Shipped', 'A', 1, {
        salesChannel: 'Amazon.moon',
      }),
    ]);
    expect(problems).toEqual([
      {
        column: 'sales-channel',
        value: 'Amazon.moon',
        messageKey: 'reports.row.unknownMarketplace',
        params: { column: 'sales-channel', value: 'Amazon.moon' },
      },
    ]);
  });

  it('gives the same daily units from the table as from line objects', () => {
    const rows: AllOrdersRow[] = [];
    for (let i = 0; i < 500; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      rows.push(
        row(
          `1${String(i % 90).padStart(2, '0')}-${String(i).padStart(7, '0')}-0000001`,
          `2026-02-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`,
          `2026-03-01T00:00:00Z`,
          i % 11 === 0 ? 'Cancelled' : 'Shipped',
          `S${i % 13}`,
          1 + (i % 3),
        ),
      );
    }
    const { table, daily } = aggregate(rows);
    expect(daily).toEqual(dailyFromLines(orderLines(table)));
    expect(daily.reduce((n, d) => n + d.days.reduce((m, x) => m + x.units, 0), 0)).toBe(
      rows.filter((r) => r.orderStatus !== 'Cancelled').reduce((n, r) => n + r.quantity, 0),
    );
  });
});

describe('OrderBook: overlapping exports', () => {
  it('counts each (order, SKU) once at its latest status across files', () => {
    const january = aggregate([
      row('111-0000001-0000001', '2026-01-30T18:00:00Z', '2026-01-30T18:05:00Z', 'Pending', 'A', 2),
      row('111-0000002-0000001', '2026-01-31T18:00:00Z', '2026-02-01T09:00:00Z', 'Shipped', 'A', 1),
      row('111-0000003-0000001', '2026-01-20T18:00:00Z', '2026-01-21T09:00:00Z', 'Shipped', 'A', 4),
    ]).table;
    // The February export covers the last days of January again: one order was cancelled since,
    // one is the same state seen twice.
    const february = aggregate([
      row('111-0000001-0000001', '2026-01-30T18:00:00Z', '2026-02-02T10:00:00Z', 'Cancelled', 'A', 0),
      row('111-0000002-0000001', '2026-01-31T18:00:00Z', '2026-02-01T09:00:00Z', 'Shipped', 'A', 1),
      row('111-0000004-0000001', '2026-02-02T18:00:00Z', '2026-02-03T09:00:00Z', 'Shipped', 'A', 3),
    ]).table;
    const merged = new OrderBook().merge(january).merge(february);
    expect(merged.size).toBe(4);
    expect(merged.daily()[0]?.days).toEqual([
      { day: '2026-01-20', units: 4 },
      { day: '2026-01-31', units: 1 },
      { day: '2026-02-02', units: 3 },
    ]);
    // The order of the files does not matter.
    const reversed = new OrderBook().merge(february).merge(january);
    expect(reversed.daily()).toEqual(merged.daily());
  });
});
