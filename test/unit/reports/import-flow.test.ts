import { describe, expect, it } from 'vitest';
import {
  accountChoices,
  defaultChoices,
  importOptions,
  marketplaceChoices,
  needsOf,
  summarise,
} from '@/components/dashboard/import/model';
import { type ImportSuccess, type Inspection, importReport, inspectReport } from '@/lib/reports';
import { defaultSettings } from '@/lib/settings';
import { allOrders, businessChild, restock } from './fixtures/reports';
import { chunks, utf8 } from './helpers';

/** The dashboard's import decisions outside React: what it asks, what it passes the worker, what it shows. */

async function inspect(text: string): Promise<Inspection> {
  const inspection = await inspectReport(chunks(utf8(text), 1024));
  if (!inspection.ok) throw new Error(JSON.stringify(inspection.error));
  return inspection;
}

const KNOWN = [
  { account: 'A1', marketplace: 'UK' },
  { account: 'A2', marketplace: 'DE' },
];

describe('what the dashboard asks of a file', () => {
  it('asks a Business Report its period and a Restock report its download day, nothing of the others', () => {
    expect(needsOf('business-child')).toBe('period');
    expect(needsOf('business-asin')).toBe('period');
    expect(needsOf('restock')).toBe('report-date');
    expect(needsOf('all-orders')).toBeNull();
    expect(needsOf('fba-inventory')).toBeNull();
  });

  it('offers the accounts and marketplaces the store knows first, the active account chosen', async () => {
    const settings = { ...defaultSettings(), accounts: [{ id: 'A2', name: 'Second shop' }], activeAccount: 'A2' };
    expect(accountChoices(KNOWN, settings)).toEqual([
      { id: 'A1', name: 'A1' },
      { id: 'A2', name: 'Second shop' },
    ]);
    expect(marketplaceChoices(KNOWN).slice(0, 2)).toEqual(['UK', 'DE']);
    const lastModified = new Date(2026, 2, 16, 9).getTime();
    const choices = defaultChoices(await inspect(restock), KNOWN, settings, lastModified);
    expect(choices).toMatchObject({
      type: 'restock',
      account: 'A2',
      marketplace: 'DE',
      numberLocale: 'auto',
      dateOrder: 'auto',
      reportDate: '2026-03-16',
    });
  });
});

describe('the options the worker gets', () => {
  it('passes only what the seller changed, and the period a Business Report needs', async () => {
    const inspection = await inspect(businessChild);
    const choices = {
      ...defaultChoices(inspection, KNOWN, defaultSettings(), 0),
      periodFrom: '2026-03-01',
      periodTo: '2026-03-07',
    };
    expect(importOptions(choices, inspection)).toEqual({
      marketplace: 'UK',
      period: { from: '2026-03-01', to: '2026-03-07' },
    });
    const overridden = importOptions(
      { ...choices, encoding: 'gb18030', numberLocale: 'eu', dateOrder: 'dmy', type: 'business-asin' },
      inspection,
      { B0TESTCHD1: ['BB-001'] },
    );
    expect(overridden).toEqual({
      marketplace: 'UK',
      type: 'business-asin',
      encoding: 'gb18030',
      numberLocale: 'eu',
      dateOrder: 'dmy',
      period: { from: '2026-03-01', to: '2026-03-07' },
      asinToSku: { B0TESTCHD1: ['BB-001'] },
    });
  });
});

describe('the summary before Import', () => {
  it('counts order lines, units (a cancelled line counts none), SKUs and the days covered', async () => {
    const text = allOrders([
      {
        id: '111-0000001-0000001',
        purchase: '2026-03-10T12:00:00-07:00',
        updated: '2026-03-10T20:00:00-07:00',
        status: 'Shipped',
        sku: 'BB-001',
        quantity: 3,
        itemStatus: 'Shipped',
      },
      {
        id: '111-0000002-0000002',
        purchase: '2026-03-12T12:00:00-07:00',
        updated: '2026-03-12T20:00:00-07:00',
        status: 'Shipped',
        sku: 'TT-006',
        quantity: 1,
        itemStatus: 'Shipped',
      },
      {
        id: '111-0000003-0000003',
        purchase: '2026-03-11T12:00:00-07:00',
        updated: '2026-03-11T20:00:00-07:00',
        status: 'Cancelled',
        sku: 'BB-001',
        quantity: 5,
      },
    ]);
    const result = (await importReport(chunks(utf8(text), 512))) as ImportSuccess;
    expect(result.ok).toBe(true);
    expect(summarise(result)).toEqual({
      skus: 2,
      periodSales: 0,
      fba: 0,
      listings: 0,
      unmapped: 0,
      orderLines: 3,
      orderUnits: 4,
      orderSpan: { from: '2026-03-10', to: '2026-03-12' },
      storable: true,
    });
  });
});
