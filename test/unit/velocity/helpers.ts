import { addDays, type DayKey, startOfDay } from '@/lib/time';
import type { VelocitySettings } from '@/lib/velocity/rate';
import type { Observation, SalesHistory, ShelfwiseWrite } from '@/lib/velocity/types';

export const LA = 'America/Los_Angeles';
export const TOKYO = 'Asia/Tokyo';
export const HOUR = 3_600_000;

export const SETTINGS: VelocitySettings = {
  weights: { d7: 0.4, d14: 0.3, d30: 0.2, d90: 0.1 },
  includeWorkingShipments: false,
};

/** An instant given as a marketplace day and a local time of day in hours. */
export function local(day: DayKey, hours: number, timeZone: string): number {
  return startOfDay(day, timeZone) + hours * HOUR;
}

export function mfn(at: number, available: number): Observation {
  return { at, available, channel: 'mfn' };
}

export function fba(at: number, available: number, rest: Partial<Observation> = {}): Observation {
  return { at, available, channel: 'fba', ...rest };
}

export function write(
  at: number,
  before: number,
  after: number,
  kind: ShelfwiseWrite['kind'] = 'bulk',
): ShelfwiseWrite {
  return { at, before, after, batchId: `batch-${at}`, kind };
}

/**
 * A merchant SKU seen once a day at `hour` local time for `days` days ending `today`, selling
 * `perDay(d)` units between the visit of day d − 1 and that of day d; observations are stored only
 * when the stock changed, as the store does.
 */
export function dailyVisits(options: {
  today: DayKey;
  days: number;
  timeZone: string;
  start: number;
  perDay: (dayIndex: number) => number;
  hour?: number;
  restock?: (dayIndex: number, available: number) => number | null;
}): SalesHistory {
  const { today, days, timeZone, start, perDay, hour = 10, restock } = options;
  const observations: Observation[] = [];
  let available = start;
  let lastSeenAt = 0;
  for (let d = 0; d < days; d++) {
    const day = addDays(today, d - (days - 1));
    const at = local(day, hour, timeZone);
    if (d > 0) available = Math.max(0, available - perDay(d));
    const restocked = restock?.(d, available);
    if (restocked !== null && restocked !== undefined) available = restocked;
    const previous = observations[observations.length - 1];
    if (!previous || previous.available !== available) observations.push(mfn(at, available));
    lastSeenAt = at;
  }
  return { observations, writes: [], lastSeenAt };
}
