import { apply } from '@/lib/i18n/catalog/apply';
import { bulk } from '@/lib/i18n/catalog/bulk';
import { common } from '@/lib/i18n/catalog/common';
import { panel } from '@/lib/i18n/catalog/panel';
import { syncStaged } from '@/lib/i18n/catalog/syncStaged';
import { createTranslator, type Params, type Translate } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';

/** Only the catalogs the panel shows: the on-demand bundle does not carry the dashboard's text. */
export const PANEL_CATALOG = { ...common, ...bulk, ...panel, ...apply, ...syncStaged };

export type PanelKey = Extract<keyof typeof PANEL_CATALOG, string>;
export type T = Translate<PanelKey>;

/** A message decided away from the UI (the bulk library, the panel's model), said by the UI. */
export interface Say {
  key: PanelKey;
  params?: Params;
}

export function panelTranslator(lang: Language): T {
  return createTranslator(PANEL_CATALOG, lang);
}

export function say(t: T, message: Say): string {
  return t(message.key, message.params);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How old a before value is, in words: read on the page just now or minutes ago, or last seen by
 * Shelfwise hours or days ago (a SKU not on this page).
 */
export function ageText(t: T, ageMs: number, onPage: boolean): string {
  if (onPage) {
    if (ageMs < MINUTE) return t('panel.age.now');
    if (ageMs < HOUR) return t('panel.age.minutes', { count: Math.floor(ageMs / MINUTE) });
    return t('panel.age.hours', { count: Math.floor(ageMs / HOUR) });
  }
  if (ageMs < HOUR) return t('panel.age.seenMinutes', { count: Math.max(1, Math.floor(ageMs / MINUTE)) });
  if (ageMs < 2 * DAY) return t('panel.age.seenHours', { count: Math.floor(ageMs / HOUR) });
  return t('panel.age.seenDays', { count: Math.floor(ageMs / DAY) });
}
