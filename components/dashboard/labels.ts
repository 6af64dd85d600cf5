import type { ChangeKind } from '@/lib/db/schema';
import { formatDateTime, formatNumber, INTL_LOCALE, type Language, type Translate } from '@/lib/i18n';
import { marketplaceByCode } from '@/lib/marketplaces';
import type { DashboardKey } from './catalog';

/** Small formatting helpers the dashboard sections share. */

export type T = Translate<DashboardKey>;

export function timeZoneOf(marketplace: string): string {
  return marketplaceByCode(marketplace)?.timeZone ?? 'UTC';
}

/** A time as the marketplace's clock shows it. */
export function marketplaceTime(at: number, marketplace: string, lang: Language): string {
  return formatDateTime(at, lang, timeZoneOf(marketplace));
}

/** "+175", "−3", "0". */
export function signed(value: number, lang: Language): string {
  return formatNumber(value, lang, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
}

export function quantity(value: number | null | undefined, lang: Language, t: T): string {
  return value === null || value === undefined ? t('history.unknownValue') : formatNumber(value, lang);
}

/** "3 sales, 1 receipt" in the language's own list style. */
export function listOf(items: string[], lang: Language): string {
  return new Intl.ListFormat(INTL_LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

const COUNT_ORDER: readonly ChangeKind[] = ['sale', 'receipt', 'external', 'shelfwise', 'adjustment', 'unknown'];

export function kindCounts(counts: Partial<Record<ChangeKind, number>>, t: T): string[] {
  return COUNT_ORDER.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) =>
    t(`history.count.${kind}`, { count: counts[kind] ?? 0 }),
  );
}

/** A batch as people read it: the visit's time for page visits, the id for Shelfwise's own batches. */
export function batchLabel(batchId: string, marketplace: string, lang: Language, t: T): string {
  const visit = /^visit:(\d+)$/.exec(batchId);
  return visit ? t('history.batch.visit', { time: marketplaceTime(Number(visit[1]), marketplace, lang) }) : batchId;
}
