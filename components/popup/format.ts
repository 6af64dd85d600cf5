import { methodNotes, type PopupRow } from '@/lib/alerts/popup';
import type { AlertMessage } from '@/lib/alerts/types';
import { formatDate, formatDateTime, formatNumber, type Language, type Params, type Translate } from '@/lib/i18n';
import type { CalendarEvent } from '@/lib/settings';
import type { PopupKey } from './catalog';

/** How the popup writes a row's figures: numbers and dates in the seller's language, '—' where unknown. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A marketplace day as people read it (a day key is already that marketplace's day). */
export function formatDay(day: string, lang: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatDate(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12), lang, 'UTC');
}

/** Message parameters with day keys written as dates. */
export function readableParams(params: AlertMessage['params'], lang: Language): Params | undefined {
  if (!params) return undefined;
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'string' && DAY.test(value) ? formatDay(value, lang) : value;
  }
  return out;
}

/** A message of the alerts library or of the popup's own catalog. */
export interface Note {
  key: PopupKey;
  params?: AlertMessage['params'];
}

export function say(t: Translate<PopupKey>, message: Note, lang: Language): string {
  return t(message.key, readableParams(message.params, lang));
}

export interface RowText {
  available: string;
  inTransit: string;
  perDay: string;
  daysOfCover: string;
  stockOut: string;
  reorderBy: string;
  suggested: string;
  amazon: string;
  /** Why the row is listed, and the notes on its dates and quantity, in reading order. */
  why: string;
}

export function rowText(
  row: PopupRow,
  t: Translate<PopupKey>,
  lang: Language,
  events: readonly CalendarEvent[],
): RowText {
  const unknown = t('popup.unknown');
  const count = (value: number | null) => (value === null ? unknown : formatNumber(value, lang));
  const recommended = row.methods.find((m) => m.name === row.method && m.reorderBy === row.reorderBy);
  const notes: Note[] = [...row.messages];
  if (recommended) notes.push(...methodNotes(recommended, events).filter((n) => n.key !== 'alerts.method.late'));
  // Amazon's ship date and the capacity cap; Amazon's quantity has a cell of its own.
  if (row.amazonSuggested !== null && row.amazonShipDate) {
    notes.push({
      key: 'alerts.amazon.suggestion',
      params: { quantity: row.amazonSuggested, date: row.amazonShipDate },
    });
  }
  if (row.capApplied) notes.push({ key: 'popup.capped' });
  if (row.snoozed && row.snoozedUntil !== null) {
    notes.push({ key: 'alerts.reason.snoozed', params: { date: formatDateTime(row.snoozedUntil, lang) } });
  }
  let reorderBy = unknown;
  if (row.reorderBy) {
    const date = t('popup.reorderBy', { date: formatDay(row.reorderBy, lang), method: row.method ?? '' });
    reorderBy = row.late ? t('popup.reorderBy.late', { date }) : date;
  }
  return {
    available: count(row.available),
    inTransit: formatNumber(row.inTransit, lang),
    perDay: row.perDay === null ? unknown : formatNumber(row.perDay, lang, { maximumFractionDigits: 2 }),
    daysOfCover: row.daysOfCover === null ? unknown : t('unit.days', { count: Math.floor(row.daysOfCover) }),
    stockOut: row.stockOutDay ? formatDay(row.stockOutDay, lang) : unknown,
    reorderBy,
    suggested: count(row.suggested),
    amazon: count(row.amazonSuggested),
    why: notes.map((n) => say(t, n, lang)).join(t('popup.separator')),
  };
}

/** A number for a data attribute: dot decimals, two places, empty when unknown. */
export function dataNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(Math.round(value * 100) / 100);
}
