import * as z from 'zod/mini';
import { type AlertsKey, alerts as catalog } from '../i18n/catalog/alerts';
import { createTranslator, formatDate, type Translate } from '../i18n/core';
import type { Language } from '../i18n/types';
import type { Settings } from '../settings/schema';
import { zoneOffset } from '../time';
import { type Alert, type AlertState, AlertStateSchema, STATE_RANK } from './types';

/**
 * Whether to notify, and what. The background stores the returned memory (chrome.storage) and passes it
 * back next time; nothing else is remembered, so a stopped service worker loses nothing.
 *
 * A SKU notifies when its state is worse than the level the seller already knows of, so it never
 * notifies twice for the same state. Back to ok, it is forgotten and the next worsening notifies
 * again. A partial improvement (out → low after a small receipt) lowers the known level, so a later
 * relapse notifies too, except for the state it last notified within the last 24 hours: a SKU that
 * hovers at a threshold does not ring every hour.
 *
 * Not notified now but kept for later: snoozed SKUs (until the snooze ends) and anything during quiet
 * hours (in the seller's local time, across midnight). With notifications off, worsening is recorded
 * as known without a notification, so turning them on does not replay the past.
 * A selling SKU out of stock notifies; a listing that does not sell and has no stock does not.
 */

export const NotifyEntrySchema = z.object({
  /** The worst state the seller knows of (lowered when the SKU improves). */
  level: AlertStateSchema,
  /** The state of the last notification, and when it was shown. */
  notified: z.nullable(AlertStateSchema),
  at: z.number(),
});
export type NotifyEntry = z.infer<typeof NotifyEntrySchema>;

/** The memory as it was first stored: an object of entries per SKU key. */
export const NotifyMemorySchema = z.record(z.string(), NotifyEntrySchema);

/**
 * Per SKU key; a SKU that is ok has no entry. A Map: every alarm reads thousands of entries by keys
 * made for that evaluation, and an object that large is a dictionary whose every insertion, lookup
 * and for-in first interns the key and sorts the enumeration (several times the cost of the Map).
 */
export type NotifyMemory = Map<string, NotifyEntry>;

/** Parses memory stored as an object of entries; a corrupt store starts empty rather than failing the alarm. */
export function parseNotifyMemory(raw: unknown): NotifyMemory {
  const parsed = NotifyMemorySchema.safeParse(raw);
  return parsed.success ? new Map(Object.entries(parsed.data)) : new Map();
}

export const REPEAT_AFTER_MS = 24 * 3_600_000;
/** More SKUs than this at once become one notification. */
export const GROUP_ABOVE = 3;
/** SKUs named in a grouped notification. */
const GROUP_NAMES = 3;

export interface NotifyOptions {
  lang: Language;
  /** The seller's own zone (the browser's); quiet hours are local time. */
  timeZone?: string;
  groupAbove?: number;
  repeatAfterMs?: number;
  /** Formats a marketplace day for the text; default: the date in the language's style. */
  formatDay?: (day: string, lang: Language) => string;
}

export interface NotificationPlan {
  /** chrome.notifications id: one per SKU, so a newer notification replaces the older. */
  id: string;
  title: string;
  message: string;
  keys: string[];
  /** The worst state among them (the icon or priority may follow it). */
  state: AlertState;
}

export interface NotifyDecision {
  /** The SKUs notified now, most urgent first. */
  notified: Alert[];
  /** Worse, but held back by quiet hours; they notify at the first evaluation after. */
  deferred: string[];
  notifications: NotificationPlan[];
  /** What to store for next time: `previous` itself when nothing changed (neither is changed later). */
  memory: NotifyMemory;
  quiet: boolean;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** The browser's zone, where it can be read. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Whether `now` falls in quiet hours, local time. start 22:00, end 08:00 runs across midnight; equal
 * start and end is an empty window (a seller who wants silence all day turns notifications off).
 */
export function inQuietHours(
  quiet: Settings['notifications']['quietHours'],
  now: number,
  timeZone = localTimeZone(),
): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const local = (((now + zoneOffset(now, timeZone)) % 86_400_000) + 86_400_000) % 86_400_000;
  const minute = Math.floor(local / 60_000);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The day as people read it, in the marketplace's calendar (a day key is already that day). */
function defaultFormatDay(day: string, lang: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatDate(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12), lang, 'UTC');
}

function notifies(alert: Alert): boolean {
  return alert.state !== 'ok' && !(alert.state === 'out' && !(alert.perDay !== null && alert.perDay > 0));
}

export function decideNotifications(
  previous: NotifyMemory,
  alerts: readonly Alert[],
  settings: Settings['notifications'],
  now: number,
  options: NotifyOptions,
): NotifyDecision {
  // Copied on the first change only: an alarm mostly finds every SKU where the last one left it, and
  // copying thousands of entries to change none cost more than deciding.
  let memory: NotifyMemory = previous;
  const remember = (key: string, entry: NotifyEntry) => {
    if (memory === previous) memory = new Map(previous);
    memory.set(key, entry);
  };
  const forget = (key: string) => {
    if (memory === previous) memory = new Map(previous);
    memory.delete(key);
  };
  const quiet = settings.enabled && inQuietHours(settings.quietHours, now, options.timeZone);
  const repeatAfter = options.repeatAfterMs ?? REPEAT_AFTER_MS;
  const notified: Alert[] = [];
  const deferred: string[] = [];
  for (const alert of alerts) {
    const entry = memory.get(alert.key);
    if (alert.state === 'ok') {
      if (entry !== undefined) forget(alert.key);
      continue;
    }
    const level = entry?.level ?? 'ok';
    if (STATE_RANK[alert.state] <= STATE_RANK[level]) {
      if (entry && STATE_RANK[alert.state] < STATE_RANK[level]) remember(alert.key, { ...entry, level: alert.state });
      continue;
    }
    if (alert.snoozed) continue;
    const relapse =
      entry !== undefined &&
      entry.notified !== null &&
      STATE_RANK[alert.state] <= STATE_RANK[entry.notified] &&
      now - entry.at < repeatAfter;
    if (!settings.enabled || relapse || !notifies(alert)) {
      remember(alert.key, { level: alert.state, notified: entry?.notified ?? null, at: entry?.at ?? 0 });
      continue;
    }
    if (quiet) {
      deferred.push(alert.key);
      continue;
    }
    remember(alert.key, { level: alert.state, notified: alert.state, at: now });
    notified.push(alert);
  }
  notified.sort((a, b) => b.urgency - a.urgency);
  const t = createTranslator(catalog, options.lang);
  return {
    notified,
    deferred,
    notifications: notificationTexts(notified, t, options, now),
    memory,
    quiet,
  };
}

function worst(alerts: readonly Alert[]): AlertState {
  let state: AlertState = 'ok';
  for (const a of alerts) if (STATE_RANK[a.state] > STATE_RANK[state]) state = a.state;
  return state;
}

const TITLE_KEYS: Record<Exclude<AlertState, 'ok'>, AlertsKey> = {
  low: 'alerts.notify.title.low',
  critical: 'alerts.notify.title.critical',
  out: 'alerts.notify.title.out',
};

function productName(alert: Alert): string {
  return alert.title ?? alert.asin ?? alert.sku;
}

/** One notification per SKU, or one for all of them when more than `groupAbove` change at once. */
export function notificationTexts(
  notified: readonly Alert[],
  t: Translate<AlertsKey>,
  options: NotifyOptions,
  now: number,
): NotificationPlan[] {
  if (notified.length === 0) return [];
  const formatDay = options.formatDay ?? defaultFormatDay;
  if (notified.length > (options.groupAbove ?? GROUP_ABOVE)) {
    const count = (state: AlertState) => notified.filter((a) => a.state === state).length;
    const names = notified.slice(0, GROUP_NAMES).map((a) => a.sku);
    const more = notified.length - names.length;
    const skus = more > 0 ? t('alerts.notify.group.more', { skus: names.join(', '), more }) : names.join(', ');
    return [
      {
        id: `shelfwise:alerts:${now}`,
        title: t('alerts.notify.group.title', { count: notified.length }),
        message: t('alerts.notify.group.body', {
          out: count('out'),
          critical: count('critical'),
          low: count('low'),
          skus,
        }),
        keys: notified.map((a) => a.key),
        state: worst(notified),
      },
    ];
  }
  return notified.map((alert) => {
    const lines: string[] = [];
    const product = productName(alert);
    const available = alert.available ?? '—';
    lines.push(
      alert.daysOfCover === null || alert.state === 'out'
        ? t('alerts.notify.bodyNoCover', { product, marketplace: alert.marketplace, available })
        : t('alerts.notify.body', {
            product,
            marketplace: alert.marketplace,
            available,
            days: Math.floor(alert.daysOfCover),
          }),
    );
    const method = alert.methods.find((m) => m.methodId === alert.recommendedMethod);
    if (alert.suggestion && method) {
      const quantity = alert.suggestion.quantity;
      lines.push(
        method.reorderBy && !method.late
          ? t('alerts.notify.reorder', {
              quantity,
              date: formatDay(method.reorderBy, options.lang),
              method: method.name,
            })
          : t('alerts.notify.reorderLate', { quantity, method: method.name }),
      );
    }
    return {
      id: `shelfwise:alert:${alert.key}`,
      title: t(TITLE_KEYS[alert.state as Exclude<AlertState, 'ok'>], { sku: alert.sku }),
      message: lines.join('\n'),
      keys: [alert.key],
      state: alert.state,
    };
  });
}

export const BADGE_COLORS = { critical: '#D92D20', low: '#DC6803' } as const;

export interface Badge {
  /** '' when nothing needs attention; '999+' above 999 (the badge has room for about four characters). */
  text: string;
  color: string;
  low: number;
  critical: number;
}

/**
 * The toolbar badge: how many SKUs are low or critical, red when any is critical, amber otherwise.
 * A SKU that sells and is out of stock counts as critical (it is past critical); a listing that does
 * not sell and has no stock is not counted, nor is a snoozed SKU.
 */
export function badgeFor(alerts: readonly Alert[]): Badge {
  let low = 0;
  let critical = 0;
  for (const a of alerts) {
    if (a.snoozed) continue;
    if (a.state === 'low') low++;
    else if (a.state === 'critical' || (a.state === 'out' && notifies(a))) critical++;
  }
  const total = low + critical;
  return {
    text: total === 0 ? '' : total > 999 ? '999+' : String(total),
    color: critical > 0 ? BADGE_COLORS.critical : BADGE_COLORS.low,
    low,
    critical,
  };
}

/** The badge's tooltip: what the number counts. */
export function badgeTitle(badge: Badge, t: Translate<AlertsKey>): string {
  const count = badge.low + badge.critical;
  return count === 0 ? t('alerts.badge.none') : t('alerts.badge.title', { count });
}
