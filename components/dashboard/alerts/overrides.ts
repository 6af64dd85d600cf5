import type { Settings, ShippingMethod } from '@/lib/settings';
import type { DashboardKey } from '../catalog';
import { MAX_DAYS, MAX_UNITS, parseWhole, text } from './numbers';

/** One SKU's own thresholds and lead time as typed in the form (text; empty = the default). */
export interface OverrideDraft {
  units: string;
  days: string;
  production: string;
  receiving: string;
  buffer: string;
  /** Method id → shortest and longest transit. */
  transit: Record<string, { min: string; max: string }>;
}

type ThresholdOverride = Settings['thresholds']['perSku'][string];
type LeadOverride = Settings['leadTimePerSku'][string];

export interface Problem {
  key: DashboardKey;
  params: Record<string, string | number>;
}

export function overrideDraft(settings: Settings, key: string): OverrideDraft {
  const threshold = settings.thresholds.perSku[key];
  const lead = settings.leadTimePerSku[key];
  const transit: OverrideDraft['transit'] = {};
  for (const method of settings.leadTime.methods) {
    const own = lead?.transit?.[method.id];
    transit[method.id] = { min: text(own?.minDays), max: text(own?.maxDays) };
  }
  return {
    units: text(threshold?.units),
    days: text(threshold?.days),
    production: text(lead?.productionDays),
    receiving: text(lead?.receivingDays),
    buffer: text(lead?.bufferDays),
    transit,
  };
}

export type Built =
  | { ok: true; threshold: ThresholdOverride | undefined; lead: LeadOverride | undefined }
  | { ok: false; problem: Problem };

/**
 * The overrides a draft stands for: each only with the fields the seller filled in, and none at all
 * when every field is empty (the SKU then follows the defaults). A transit range needs both ends.
 */
export function buildOverrides(
  draft: OverrideDraft,
  methods: readonly ShippingMethod[],
  labels: { units: string; days: string; production: string; receiving: string; buffer: string },
): Built {
  const whole = (value: string, field: string, max: number): number | undefined | Problem => {
    const parsed = parseWhole(value, 0, max);
    return parsed.ok ? parsed.value : { key: 'alertSettings.invalidNumber', params: { field, min: 0, max } };
  };
  const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null;
  const units = whole(draft.units, labels.units, MAX_UNITS);
  if (isProblem(units)) return { ok: false, problem: units };
  const days = whole(draft.days, labels.days, MAX_DAYS);
  if (isProblem(days)) return { ok: false, problem: days };
  const production = whole(draft.production, labels.production, MAX_DAYS);
  if (isProblem(production)) return { ok: false, problem: production };
  const receiving = whole(draft.receiving, labels.receiving, MAX_DAYS);
  if (isProblem(receiving)) return { ok: false, problem: receiving };
  const buffer = whole(draft.buffer, labels.buffer, MAX_DAYS);
  if (isProblem(buffer)) return { ok: false, problem: buffer };

  const transit: NonNullable<LeadOverride['transit']> = {};
  for (const method of methods) {
    const typed = draft.transit[method.id] ?? { min: '', max: '' };
    const min = whole(typed.min, method.name, MAX_DAYS);
    if (isProblem(min)) return { ok: false, problem: min };
    const max = whole(typed.max, method.name, MAX_DAYS);
    if (isProblem(max)) return { ok: false, problem: max };
    if ((min === undefined) !== (max === undefined)) {
      return { ok: false, problem: { key: 'alertSettings.sku.transitPair', params: { method: method.name } } };
    }
    if (min !== undefined && max !== undefined) transit[method.id] = { minDays: min, maxDays: max };
  }

  let threshold: ThresholdOverride | undefined;
  if (units !== undefined || days !== undefined) {
    threshold = {};
    if (units !== undefined) threshold.units = units;
    if (days !== undefined) threshold.days = days;
  }
  let lead: LeadOverride | undefined;
  if (production !== undefined || receiving !== undefined || buffer !== undefined || Object.keys(transit).length > 0) {
    lead = {};
    if (production !== undefined) lead.productionDays = production;
    if (receiving !== undefined) lead.receivingDays = receiving;
    if (buffer !== undefined) lead.bufferDays = buffer;
    if (Object.keys(transit).length > 0) lead.transit = transit;
  }
  return { ok: true, threshold, lead };
}

/** Writes (or removes) one SKU's overrides into settings. */
export function applyOverrides(
  settings: Settings,
  key: string,
  threshold: ThresholdOverride | undefined,
  lead: LeadOverride | undefined,
): void {
  if (threshold) settings.thresholds.perSku[key] = threshold;
  else delete settings.thresholds.perSku[key];
  if (lead) settings.leadTimePerSku[key] = lead;
  else delete settings.leadTimePerSku[key];
}
