import type { ChangeRecord } from '../db/schema';
import type { TableColumn } from '../export/csv';
import type { HistoryKey } from '../i18n/catalog/history';
import type { Translate } from '../i18n/core';
import { marketplaceByCode } from '../marketplaces';
import type { Settings } from '../settings/schema';
import { changeKindLabel } from './kind';

/**
 * The changes table as a file. Times are written in each row's marketplace time as
 * `YYYY-MM-DD HH:mm:ss`, which every spreadsheet reads as a date-time; the marketplace column says
 * which clock. Kinds and origins are written as the seller reads them in the dashboard.
 */

const stamps = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-20 14:03:07` in the zone given (not the computer's). */
export function localStamp(at: number, timeZone: string): string {
  let format = stamps.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    stamps.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The changes file's columns; `erp` names external changes of ERP-managed SKUs as ERP syncs. */
export function changeColumns(t: Translate<HistoryKey>, erp?: Settings['erp']): TableColumn<ChangeRecord>[] {
  return [
    { header: t('history.column.sku'), value: (c) => c.sku, sku: true },
    { header: t('history.column.marketplace'), value: (c) => c.marketplace },
    {
      header: t('history.column.when'),
      value: (c) => localStamp(c.at, marketplaceByCode(c.marketplace)?.timeZone ?? 'UTC'),
    },
    { header: t('history.column.kind'), value: (c) => changeKindLabel(t, c.kind, c.key, erp) },
    { header: t('history.column.origin'), value: (c) => t(`history.origin.${c.origin}`) },
    { header: t('history.column.before'), value: (c) => c.before },
    { header: t('history.column.after'), value: (c) => c.after },
    { header: t('history.column.change'), value: (c) => c.delta },
    { header: t('history.column.inboundChange'), value: (c) => c.inboundDelta },
    { header: t('history.column.batch'), value: (c) => c.batchId },
  ];
}
