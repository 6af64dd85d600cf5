/** The languages Shelfwise speaks. Adding one means adding it to every catalog entry. */
export const LANGUAGES = ['en', 'zh_CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message: plain text with `{name}` placeholders, or plural forms chosen by `{count}`. */
export type Text = string | { one: string; other: string };

/** One catalog entry: the same message in every language, side by side so none can be forgotten. */
export type Entry = Record<Language, Text>;

export type Catalog = Record<string, Entry>;

/** Keeps the literal keys of a catalog while checking every entry has every language. */
export function defineCatalog<const C extends Catalog>(catalog: C): C {
  return catalog;
}
