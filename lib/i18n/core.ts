import { type Catalog, LANGUAGES, type Language, type Text } from './types';

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** `Intl` locale for each language: number, date and plural rules follow it. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-US', zh_CN: 'zh-CN' };

const pluralRules = new Map<Language, Intl.PluralRules>();

function pick(text: Text, lang: Language, params: Params | undefined): string {
  if (typeof text === 'string') return text;
  const count = Number(params?.count ?? 0);
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[lang]);
    pluralRules.set(lang, rules);
  }
  return rules.select(count) === 'one' ? text.one : text.other;
}

function interpolate(text: string, lang: Language, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/**
 * A translator over one or more catalogs. Each bundle (content script, panel, popup, dashboard)
 * passes only the catalogs it shows, so the content script does not carry the dashboard's text.
 */
export function createTranslator<C extends Catalog>(catalog: C, lang: Language): Translate<Extract<keyof C, string>> {
  return (key, params) => {
    const entry = catalog[key];
    // A missing key is a bug that the catalog test catches; show the key rather than nothing.
    if (!entry) return key;
    return interpolate(pick(entry[lang], lang, params), lang, params);
  };
}

/**
 * The language to show. `auto` follows the browser's UI language, never the page's: a seller who
 * browses Seller Central in English on a Chinese browser still gets Chinese, and vice versa.
 */
export function resolveLanguage(setting: 'auto' | Language, browserUiLanguage: string | undefined): Language {
  if (setting !== 'auto') return setting;
  const ui = (browserUiLanguage ?? '').toLowerCase().replace('-', '_');
  // Traditional-Chinese browsers get Simplified rather than English: closer for most readers.
  if (ui === 'zh' || ui.startsWith('zh_')) return 'zh_CN';
  return 'en';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: Language, options?: Intl.NumberFormatOptions): string {
  const key = `${lang}|${JSON.stringify(options ?? {})}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[lang], options ?? { maximumFractionDigits: 1 });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Built once per language, zone and kind: a popup screen formats dozens of dates, each format costs a formatter. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Language, timeZone: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone ?? ''}|${withTime ? 't' : 'd'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date in the given zone (a marketplace's, where the date is a marketplace day). */
export function formatDate(value: Date | number, lang: Language, timeZone?: string): string {
  return dateFormat(lang, timeZone, false).format(value);
}

export function formatDateTime(value: Date | number, lang: Language, timeZone?: string): string {
  return dateFormat(lang, timeZone, true).format(value);
}
