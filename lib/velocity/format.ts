import type { VelocityKey } from '../i18n/catalog/velocity';
import { formatDate, formatDateTime, formatNumber, type Translate } from '../i18n/core';
import type { Language } from '../i18n/types';
import { DAY_MS, startOfDay } from '../time';
import type { Velocity, WindowKey } from './types';

/**
 * What the badge shows: compact text, its accessible name, the contract attributes and the popover
 * lines. Pure, with no zod and no computation, so the content script can carry it. Where there is no
 * number the badge says why instead of showing one.
 */

/** types.ts carries zod; this module must not, so the window order is spelled out here. */
const WINDOW_ORDER: readonly WindowKey[] = ['d7', 'd14', 'd30', 'd90'];

export interface VelocityBadge {
  /** "3.2/day · 12 d" / "日均 3.2 · 可售 12 天", or why there is no number. */
  text: string;
  /** The badge's accessible name / title: its kind, then the text. */
  label: string;
  /** `data-per-day`: dot decimal, empty when unknown. */
  perDay: string;
  /** `data-days-of-cover`: dot decimal, empty when unknown. */
  daysOfCover: string;
  /** One line each, in reading order. */
  lines: string[];
}

/** Dot-decimal number for a data attribute (never locale-formatted, never exponent): '' when unknown. */
export function attributeNumber(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '';
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** A rate as people read it: 12, 3.2, 0.29 (two significant digits below 1). */
export function rateText(perDay: number, lang: Language): string {
  if (perDay === 0) return formatNumber(0, lang);
  if (perDay >= 100) return formatNumber(perDay, lang, { maximumFractionDigits: 0 });
  if (perDay >= 1) return formatNumber(perDay, lang, { maximumFractionDigits: 1 });
  return formatNumber(perDay, lang, { maximumSignificantDigits: 2 });
}

/** Whole days of cover, rounded down (12.9 days is not 13); under a day shows as "<1". */
export function coverText(days: number, lang: Language): string {
  if (days > 0 && days < 1) return '<1';
  return formatNumber(Math.floor(days), lang, { maximumFractionDigits: 0 });
}

function compactText(v: Velocity, t: Translate<VelocityKey>, lang: Language): string {
  if (v.perDay === null) {
    if (v.available === 0 && v.stock === 0) return t('velocity.badge.outNoRate');
    return t(v.gap === 'no-data' ? 'velocity.badge.noData' : 'velocity.badge.tooLittle');
  }
  const perDay = rateText(v.perDay, lang);
  if (v.stock === 0) return t('velocity.badge.out', { perDay });
  if (v.perDay === 0) return t('velocity.badge.noSales');
  if (v.daysOfCover === null) return t('velocity.badge.rateOnly', { perDay });
  return t('velocity.badge.compact', { perDay, days: coverText(v.daysOfCover, lang) });
}

function windowLine(v: Velocity, key: WindowKey, t: Translate<VelocityKey>, lang: Language): string {
  const w = v.windows[key];
  const inStock = formatNumber(w.inStockDays, lang, { maximumFractionDigits: 1 });
  if (w.perDay === null) return t('velocity.popover.windowShort', { days: w.days, inStock });
  return t('velocity.popover.window', {
    days: w.days,
    perDay: rateText(w.perDay, lang),
    units: formatNumber(w.units, lang, { maximumFractionDigits: 0 }),
    inStock,
  });
}

function sourceLine(v: Velocity, t: Translate<VelocityKey>): string | null {
  switch (v.source) {
    case 'page':
      return t('velocity.popover.source.page', { days: v.sourceDays ?? 0 });
    case 'orders':
      return t('velocity.popover.source.orders');
    case 'reports':
      return t('velocity.popover.source.reports', { days: v.sourceDays ?? 0 });
    case 'snapshots':
      return t('velocity.popover.source.snapshots', { count: v.visits });
    default:
      return null;
  }
}

function methodLine(v: Velocity, t: Translate<VelocityKey>): string | null {
  if (v.method === 'blend') return t('velocity.popover.method.blend');
  if (v.method === 'period') return t('velocity.popover.method.period', { days: v.sourceDays ?? 0 });
  if (v.method === 'intermittent') return t('velocity.popover.method.intermittent', { count: v.events });
  return null;
}

function percent(change: number, lang: Language): string {
  return formatNumber(change, lang, { style: 'percent', signDisplay: 'always', maximumFractionDigits: 0 });
}

function popoverLines(v: Velocity, t: Translate<VelocityKey>, lang: Language, now: number): string[] {
  if (v.perDay === null) {
    const lines = [
      v.gap === 'no-data' ? t('velocity.popover.noData') : t('velocity.popover.tooLittle', { count: v.visits }),
    ];
    if (v.stock === 0) lines.push(t('velocity.popover.outNow'));
    return lines;
  }
  const lines: string[] = [t('velocity.popover.rate', { perDay: rateText(v.perDay, lang) })];
  const method = methodLine(v, t);
  if (method) lines.push(method);
  for (const key of WINDOW_ORDER) lines.push(windowLine(v, key, t, lang));
  if (v.outOfStockDays30 >= 0.05) {
    const count = Math.round(v.outOfStockDays30 * 10) / 10;
    lines.push(t('velocity.popover.outOfStockDays', { count }));
  }
  if (v.stock === 0) {
    lines.push(t('velocity.popover.outNow'));
  } else if (v.daysOfCover === null) {
    lines.push(t('velocity.popover.coverUnknown'));
  } else {
    lines.push(t('velocity.popover.cover', { days: coverText(v.daysOfCover, lang) }));
  }
  if (v.available !== null && v.inboundCounted > 0) {
    lines.push(t('velocity.popover.stock', { available: v.available, inbound: v.inboundCounted }));
    if (v.inboundIncludesWorking) lines.push(t('velocity.popover.inboundTotal'));
    if (v.availableDays !== null && v.stock !== 0) {
      lines.push(t('velocity.popover.availableDays', { days: coverText(v.availableDays, lang) }));
    }
  }
  if (v.stockOutDay) {
    // Noon of the marketplace day: a date, not an instant, so no zone can move it to the next day.
    const noon = startOfDay(v.stockOutDay, v.timeZone) + DAY_MS / 2;
    lines.push(t('velocity.popover.stockOut', { date: formatDate(noon, lang, v.timeZone) }));
  }
  if (v.trend === 'up' || v.trend === 'down') {
    lines.push(
      t(`velocity.popover.trend.${v.trend}`, { change: v.trendChange === null ? '—' : percent(v.trendChange, lang) }),
    );
  } else {
    lines.push(t(`velocity.popover.trend.${v.trend}`));
  }
  const source = sourceLine(v, t);
  if (source) lines.push(source);
  lines.push(t(`velocity.popover.confidence.${v.confidence}`));
  // Stock last seen more than a day ago: say when, since cover was projected from then.
  if (v.stockAt !== null && now - v.stockAt > DAY_MS) {
    lines.push(t('velocity.popover.asOf', { time: formatDateTime(v.stockAt, lang, v.timeZone) }));
  }
  return lines;
}

/** The badge for one SKU. `now` only decides whether to say how old the stock figure is. */
export function formatVelocity(v: Velocity, t: Translate<VelocityKey>, lang: Language, now: number): VelocityBadge {
  const text = compactText(v, t, lang);
  return {
    text,
    label: `${t('velocity.badge.name')}: ${text}`,
    perDay: attributeNumber(v.perDay, 2),
    daysOfCover: attributeNumber(v.daysOfCover, 1),
    lines: popoverLines(v, t, lang, now),
  };
}
