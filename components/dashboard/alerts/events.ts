import { type CalendarEvent, DEFAULT_EVENTS } from '@/lib/settings';
import type { DashboardKey } from '../catalog';
import { MAX_DAYS, parseDecimal, parseWhole, text } from './numbers';

/** One event as typed in the form. */
export interface EventDraft {
  id: string;
  name: string;
  kind: CalendarEvent['kind'];
  start: string;
  end: string;
  uplift: string;
  cutoff: string;
  extra: string;
  marketplaces: string[];
  confirmed: boolean;
}

export function eventDraft(event: CalendarEvent): EventDraft {
  return {
    id: event.id,
    name: event.name,
    kind: event.kind,
    start: event.start,
    end: event.end,
    uplift: text(event.uplift),
    cutoff: event.inboundCutoff ?? '',
    extra: text(event.extraLeadDays),
    marketplaces: [...event.marketplaces],
    // Editing the dates is checking them: a seller who corrects a date has confirmed it.
    confirmed: event.confirmed,
  };
}

/** A fresh event's id: readable, and unique among the seller's. */
export function newEventId(name: string, events: readonly CalendarEvent[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'event';
  let id = base;
  for (let n = 2; events.some((e) => e.id === id); n++) id = `${base}-${n}`;
  return id;
}

export function blankDraft(kind: CalendarEvent['kind'], today: string): EventDraft {
  return {
    id: '',
    name: '',
    kind,
    start: today,
    end: today,
    uplift: kind === 'demand' ? '1.5' : '',
    cutoff: '',
    extra: kind === 'supply' ? '14' : '',
    marketplaces: [],
    confirmed: true,
  };
}

export interface EventProblem {
  key: DashboardKey;
  params?: Record<string, string | number>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The event a draft stands for, or what is wrong with it: a name, both dates in order, and for a
 * demand event a multiplier (0–50) and an optional cut-off no later than its first day; for a supply
 * event the extra days.
 */
export function buildEvent(
  draft: EventDraft,
  labels: { name: string; start: string; end: string; uplift: string; cutoff: string; extra: string },
): { ok: true; event: CalendarEvent } | { ok: false; problem: EventProblem } {
  const name = draft.name.trim();
  if (!name) return { ok: false, problem: { key: 'alertSettings.required', params: { field: labels.name } } };
  if (!DATE.test(draft.start))
    return { ok: false, problem: { key: 'alertSettings.required', params: { field: labels.start } } };
  if (!DATE.test(draft.end))
    return { ok: false, problem: { key: 'alertSettings.required', params: { field: labels.end } } };
  if (draft.end < draft.start) return { ok: false, problem: { key: 'alertSettings.events.endBeforeStart' } };
  let demand: Pick<CalendarEvent, 'uplift' | 'inboundCutoff'> = {};
  let supply: Pick<CalendarEvent, 'extraLeadDays'> = {};
  if (draft.kind === 'demand') {
    const uplift = parseDecimal(draft.uplift, 0, 50);
    if (!uplift.ok || uplift.value === undefined) {
      return {
        ok: false,
        problem: { key: 'alertSettings.invalidDecimal', params: { field: labels.uplift, min: 0, max: 50 } },
      };
    }
    demand = { uplift: uplift.value };
    if (draft.cutoff.trim() !== '') {
      if (!DATE.test(draft.cutoff)) {
        return { ok: false, problem: { key: 'alertSettings.required', params: { field: labels.cutoff } } };
      }
      if (draft.cutoff > draft.start) return { ok: false, problem: { key: 'alertSettings.events.cutoffAfterStart' } };
      demand.inboundCutoff = draft.cutoff;
    }
  } else {
    const extra = parseWhole(draft.extra, 0, MAX_DAYS);
    if (!extra.ok || extra.value === undefined) {
      return {
        ok: false,
        problem: { key: 'alertSettings.invalidNumber', params: { field: labels.extra, min: 0, max: MAX_DAYS } },
      };
    }
    supply = { extraLeadDays: extra.value };
  }
  // In the schema's key order: saveSettings compares what it was given with what the schema parsed, so a
  // different order would read as a replaced value and the save would be refused.
  const event: CalendarEvent = {
    id: draft.id,
    name: name.slice(0, 120),
    kind: draft.kind,
    marketplaces: [...draft.marketplaces],
    start: draft.start,
    end: draft.end,
    ...demand,
    ...supply,
    confirmed: draft.confirmed,
  };
  return { ok: true, event };
}

/** Events that apply in a marketplace ('' = every event), in date order. */
export function eventsShown(events: readonly CalendarEvent[], marketplace: string): CalendarEvent[] {
  const shown = marketplace
    ? events.filter((e) => e.marketplaces.length === 0 || e.marketplaces.includes(marketplace))
    : [...events];
  return shown.sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
}

/** The default events the seller has deleted, to add back (their own edits of the others are kept). */
export function missingDefaults(events: readonly CalendarEvent[]): CalendarEvent[] {
  const ids = new Set(events.map((e) => e.id));
  return DEFAULT_EVENTS.filter((e) => !ids.has(e.id)).map((e) => structuredClone(e));
}
