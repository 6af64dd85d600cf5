import type { AlertInput, VelocityFigures } from '@/lib/alerts/types';
import { skuKey } from '@/lib/model/keys';
import { type CalendarEvent, defaultSettings, type Settings } from '@/lib/settings/schema';
import { DAY_MS, type DayKey, startOfDay } from '@/lib/time';

export const LA = 'America/Los_Angeles';
export const BERLIN = 'Europe/Berlin';
export const SHANGHAI = 'Asia/Shanghai';
export const HOUR = 3_600_000;
export const ACCOUNT = 'A1TEST';

/** An instant given as a marketplace day and a local time of day in hours. */
export function local(day: DayKey, hours: number, timeZone: string): number {
  return startOfDay(day, timeZone) + hours * HOUR;
}

/** Velocity figures as of `now`: days of cover is stock ÷ rate unless given. */
export function velocity(
  v: Partial<VelocityFigures> & { perDay: number | null; stock: number | null },
): VelocityFigures {
  const { perDay, stock } = v;
  return {
    daysOfCover: stock === null ? null : perDay !== null && perDay > 0 ? stock / perDay : stock === 0 ? 0 : null,
    stockOutDay: null,
    available: stock,
    inboundCounted: 0,
    stockAt: 0,
    confidence: 'high',
    timeZone: LA,
    ...v,
  };
}

export function input(
  sku: string,
  v: Partial<VelocityFigures> & { perDay: number | null; stock: number | null },
  rest: Partial<AlertInput> = {},
): AlertInput {
  const marketplace = rest.marketplace ?? 'US';
  const account = rest.account ?? ACCOUNT;
  return {
    key: skuKey({ account, marketplace, sku }),
    account,
    marketplace,
    sku,
    channel: 'fba',
    asin: `B0${sku.padEnd(8, 'X').slice(0, 8)}`,
    velocity: velocity(v),
    ...rest,
  };
}

export function event(e: Partial<CalendarEvent> & Pick<CalendarEvent, 'id' | 'kind' | 'start' | 'end'>): CalendarEvent {
  return { name: e.id, marketplaces: [], confirmed: true, ...e };
}

/** Default settings with the given events only (the defaults' own events would move dates). */
export function settingsWith(events: CalendarEvent[] = [], change?: (s: Settings) => void): Settings {
  const s = defaultSettings();
  s.events = events;
  change?.(s);
  return s;
}

/** Days from `now` to `fraction` of the way through marketplace day `day`: a cover that runs out that day. */
export function coverUntil(now: number, day: DayKey, timeZone: string, fraction = 0.5): number {
  return (startOfDay(day, timeZone) + fraction * DAY_MS - now) / DAY_MS;
}
