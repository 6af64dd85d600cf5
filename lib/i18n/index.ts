import { browser } from 'wxt/browser';
import { createTranslator, resolveLanguage, type Translate } from './core';
import type { Catalog, Language } from './types';

export * from './core';
export * from './types';

/** The browser's own UI language (not the page's `lang`), or undefined where it cannot be read. */
export function browserUiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator !== 'undefined' ? navigator.language : undefined;
  }
}

export function translatorFor<C extends Catalog>(
  catalog: C,
  setting: 'auto' | Language,
): { lang: Language; t: Translate<Extract<keyof C, string>> } {
  const lang = resolveLanguage(setting, browserUiLanguage());
  return { lang, t: createTranslator(catalog, lang) };
}
