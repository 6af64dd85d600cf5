import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import type { LanguageData } from './types';
import { zh } from './zh';

/** Word lists by listing language (the `language` of lib/marketplaces.ts, plus zh for Chinese titles). */
export const LANGUAGE_DATA: Readonly<Record<string, LanguageData>> = { en, de, fr, it, es, ja, zh };

export function hasLanguageData(language: string): boolean {
  return Object.hasOwn(LANGUAGE_DATA, language);
}
