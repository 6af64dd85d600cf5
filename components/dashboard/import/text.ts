import type { ImportLogRecord } from '@/lib/db/schema';
import { formatDate, type Language } from '@/lib/i18n';
import type { ReportsKey } from '@/lib/i18n/catalog/reports';
import type { Encoding } from '@/lib/reports/decode';
import { formatReportMessage, type MessageParams } from '@/lib/reports/errors';
import type { T } from '../labels';

/** Text helpers the import components share. */

/** A `YYYY-MM-DD` day as the seller's language writes dates (a calendar day: no zone shift). */
export function dayText(day: string, lang: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatDate(Date.UTC(y as number, (m as number) - 1, d as number), lang, 'UTC');
}

export function rangeText(from: string, to: string, lang: Language, t: T): string {
  return from === to
    ? dayText(from, lang)
    : t('import.review.range', { from: dayText(from, lang), to: dayText(to, lang) });
}

export function encodingText(encoding: Encoding, t: T): string {
  return t(`import.encoding.${encoding}`);
}

export function reportText(messageKey: string, params: MessageParams, t: T): string {
  return formatReportMessage(t, messageKey as ReportsKey, params);
}

/** What an import stored, in a few words: "1,204 order lines (1,180 new, 24 updated), 57 SKUs". */
export function storedText(counts: ImportLogRecord['counts'], t: T): string {
  const parts: string[] = [];
  if (counts.orderLines > 0) {
    parts.push(
      t('import.count.orderLinesStored', {
        count: counts.orderLines,
        added: counts.orderLinesAdded,
        updated: counts.orderLinesUpdated,
      }),
    );
  }
  if (counts.periodSales > 0) parts.push(t('import.count.periodSales', { count: counts.periodSales }));
  if (counts.fba > 0) parts.push(t('import.count.fba', { count: counts.fba }));
  if (counts.listings > 0) parts.push(t('import.count.listings', { count: counts.listings }));
  parts.push(t('import.count.skus', { count: counts.skus }));
  if (counts.unmapped > 0) parts.push(t('import.count.unmapped', { count: counts.unmapped }));
  return parts.join(' · ');
}
