import type { TableColumn } from '../export/csv';
import type { SyncKey } from '../i18n/catalog/sync';
import type { Translate } from '../i18n/core';
import type { AbcEntry } from './abc';
import type { MoverEntry, StockValueEntry } from './movers';

/**
 * The analysis lists as export tables (toCsv, toXlsx), headed in the seller's language. Ratios are
 * written as numbers (0.8, not "80 %") so that a spreadsheet can sort and sum them; days of cover
 * and per-day rates are rounded to one decimal, as the dashboard shows them.
 */

const round1 = (n: number | undefined) => (n === undefined ? null : Math.round(n * 10) / 10);
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function abcColumns(t: Translate<SyncKey>, by: 'units' | 'revenue'): TableColumn<AbcEntry>[] {
  return [
    { header: 'SKU', value: (e) => e.sku, sku: true },
    { header: t('sync.analysis.class'), value: (e) => e.class ?? t('sync.analysis.noData') },
    { header: t(by === 'units' ? 'sync.analysis.units' : 'sync.analysis.revenue'), value: (e) => e.value },
    { header: t('sync.analysis.share'), value: (e) => round4(e.share) },
    { header: t('sync.analysis.cumulativeShare'), value: (e) => round4(e.cumulative) },
  ];
}

export function moverColumns(t: Translate<SyncKey>): TableColumn<MoverEntry>[] {
  return [
    { header: 'SKU', value: (e) => e.sku, sku: true },
    { header: t('sync.analysis.units'), value: (e) => e.units },
    { header: t('sync.analysis.perDay'), value: (e) => round1(e.perDay) },
    { header: t('sync.analysis.stock'), value: (e) => e.stock },
    { header: t('sync.analysis.daysOfCover'), value: (e) => round1(e.daysOfCover) },
    { header: t('sync.analysis.lastSale'), value: (e) => e.lastSaleDay },
    { header: t('sync.analysis.daysSinceSale'), value: (e) => e.daysSinceSale },
  ];
}

export function stockValueColumns(t: Translate<SyncKey>): TableColumn<StockValueEntry>[] {
  return [
    { header: 'SKU', value: (e) => e.sku, sku: true },
    { header: t('sync.analysis.stock'), value: (e) => e.stock },
    { header: t('sync.analysis.unitCost'), value: (e) => e.cost },
    { header: t('sync.analysis.stockValue'), value: (e) => Math.round(e.value * 100) / 100 },
  ];
}
