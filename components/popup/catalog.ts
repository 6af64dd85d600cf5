import { alerts } from '@/lib/i18n/catalog/alerts';
import { common } from '@/lib/i18n/catalog/common';
import { popup } from '@/lib/i18n/catalog/popup';

/** Everything the popup shows: its own words, the alerts library's reasons and notes, common terms. */
export const popupCatalog = { ...common, ...alerts, ...popup };
export type PopupKey = Extract<keyof typeof popupCatalog, string>;
