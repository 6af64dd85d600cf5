/**
 * Numbers as Amazon writes them in report files: `1,200`, `"5,824"`, `£38,000.00`, `8.33%`,
 * `1.234,56 €`, `1 234,56` (spaces, no-break or narrow no-break spaces between groups), full-width
 * `１，２００`. The decimal mark is decided once per file from the cells that can only be read one
 * way; every cell is then read strictly under that decision. A cell that does not fit it is an
 * error, never re-read under the other convention: `1,234` is 1234 in one file and 1.234 in
 * another, and only the file as a whole can say which.
 */

/** `en`: decimal point, comma groups (`1,234.56`); `eu`: decimal comma, dot groups (`1.234,56`). */
export type NumberLocale = 'en' | 'eu';
export const NUMBER_LOCALES: readonly NumberLocale[] = ['en', 'eu'];

/** How a cell is meant to be read; the reason a cell fails depends on it. */
export type NumberKind = 'int' | 'decimal' | 'money' | 'percent';

export type NumberFailure = 'not-number' | 'not-whole' | 'wrong-locale';

export interface ParsedNumber {
  value: number;
  /** The currency symbol or code written with the number (`£`, `US$`, `EUR`), if any. */
  currency?: string;
}

// Full-width forms that Chinese and Japanese Excel write: digits, comma, point, percent, minus,
// yen and pound signs, and the ideographic space.
const FULL_WIDTH = /[\uFF01-\uFF5E\uFFE0-\uFFE6\u3000]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E\u3000]/g;

function halfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))
    .replace(/\uFFE5/g, '¥')
    .replace(/\uFFE1/g, '£')
    .replace(/\uFFE0/g, '¢');
}

const SYMBOLS = '$€£¥₹₩₺₱₽';
/** A currency before the number: `£`, `US$`, `CA$`, `A$`, `R$`, `EUR `, `kr `. */
const LEADING_CURRENCY = new RegExp(`^(?:[A-Z]{1,3}\\s?[${SYMBOLS}]|[${SYMBOLS}]|[A-Z]{3}\\s|kr\\s?|zł\\s?)`);
/** A currency after the number: ` €`, `€`, ` EUR`, ` kr`, ` zł`, `円`, `元`. */
const TRAILING_CURRENCY = new RegExp(`(?:\\s?[${SYMBOLS}]|\\s[A-Z]{3}|\\s?kr|\\s?zł|\\s?円|\\s?元|\\s?TL)$`);
const SPACES = /[\u0020\u00A0\u202F\u2009\u2007]/g;
const MINUS = /^[-\u2212\u2012\u2013]/;

const PLAIN_INT = /^\d{1,15}$/;
const PLAIN_DECIMAL = /^\d{1,15}\.\d+$/;

const EN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$/;
const EU_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;

interface Cleaned {
  digits: string;
  negative: boolean;
  percent: boolean;
  currency?: string;
}

/** Strips sign, percent, currency and the spaces between groups; undefined when nothing numeric is left. */
function clean(cell: string): Cleaned | undefined {
  let s = FULL_WIDTH.test(cell) ? halfWidth(cell) : cell;
  s = s.trim();
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let currency: string | undefined;
  const lead = LEADING_CURRENCY.exec(s);
  if (lead) {
    currency = lead[0].trim();
    s = s.slice(lead[0].length).trim();
  } else {
    const trail = TRAILING_CURRENCY.exec(s);
    if (trail) {
      currency = trail[0].trim();
      s = s.slice(0, -trail[0].length).trim();
    }
  }
  // A sign may also follow the currency: `£-12.50`, `-£12.50` was handled above.
  if (!negative && MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (s === '') return undefined;
  s = s.replace(SPACES, ' ');
  if (s.includes(' ')) {
    if (!SPACE_GROUPED.test(s)) return { digits: '\u0000', negative, percent, currency };
    s = s.replace(/ /g, '');
  }
  return currency === undefined ? { digits: s, negative, percent } : { digits: s, negative, percent, currency };
}

/**
 * What a single cell says about the file's decimal mark: 'en', 'eu', or null when it reads the
 * same either way (`12`, `1,234` in a money column) or is not a number at all.
 * In a whole-number column a separator before exactly three digits can only be a group separator.
 */
export function numberEvidence(cell: string, kind: NumberKind): NumberLocale | null {
  if (cell === '' || PLAIN_INT.test(cell)) return null;
  const c = clean(cell);
  if (!c) return null;
  const s = c.digits;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? 'en' : 'eu';
  if (comma >= 0) {
    if (s.indexOf(',') !== comma) return 'en';
    const after = s.length - comma - 1;
    if (after === 3) return kind === 'int' ? 'en' : null;
    return after > 0 ? 'eu' : null;
  }
  if (dot >= 0) {
    if (s.indexOf('.') !== dot) return 'eu';
    const after = s.length - dot - 1;
    if (after === 3) return kind === 'int' ? 'eu' : null;
    return after > 0 ? 'en' : null;
  }
  return null;
}

export interface LocaleDecision {
  locale: NumberLocale;
  /** Cells that could only be read as `en` / as `eu`. */
  evidence: Record<NumberLocale, number>;
  /** True when the cells alone decided it; false when the fallback did. */
  decided: boolean;
}

/**
 * Decides a file's decimal mark from sample cells (numeric columns only). The convention with
 * more unambiguous cells wins; with none, the fallback (from the header language or the
 * marketplace) applies. Cells of the losing convention then fail as errors, which is the point:
 * a file that mixes both is reported, not silently half-misread.
 */
export function decideNumberLocale(
  cells: Iterable<{ cell: string; kind: NumberKind }>,
  fallback: NumberLocale,
): LocaleDecision {
  const evidence: Record<NumberLocale, number> = { en: 0, eu: 0 };
  for (const { cell, kind } of cells) {
    const vote = numberEvidence(cell, kind);
    if (vote) evidence[vote]++;
  }
  if (evidence.en === evidence.eu) return { locale: fallback, evidence, decided: false };
  return { locale: evidence.en > evidence.eu ? 'en' : 'eu', evidence, decided: true };
}

export type NumberResult = { ok: true; number: ParsedNumber } | { ok: false; reason: NumberFailure };

const NOT_NUMBER: NumberResult = { ok: false, reason: 'not-number' };
const NOT_WHOLE: NumberResult = { ok: false, reason: 'not-whole' };
const WRONG_LOCALE: NumberResult = { ok: false, reason: 'wrong-locale' };

/**
 * Reads one non-empty cell under the file's locale. Plain digits take a fast path: most cells of a
 * large orders file are small whole numbers.
 */
export function parseNumberCell(cell: string, locale: NumberLocale, kind: NumberKind): NumberResult {
  if (PLAIN_INT.test(cell)) return { ok: true, number: { value: Number(cell) } };
  const c = clean(cell);
  if (!c) return NOT_NUMBER;
  let s = c.digits;
  if (locale === 'en') {
    if (!EN_NUMBER.test(s)) return EU_NUMBER.test(s) ? WRONG_LOCALE : NOT_NUMBER;
    s = s.replace(/,/g, '');
  } else {
    if (!EU_NUMBER.test(s)) return EN_NUMBER.test(s) || PLAIN_DECIMAL.test(s) ? WRONG_LOCALE : NOT_NUMBER;
    s = s.replace(/\./g, '').replace(',', '.');
  }
  let value = Number(s);
  if (!Number.isFinite(value)) return NOT_NUMBER;
  if (c.negative) value = -value;
  if (kind === 'int' && !Number.isInteger(value)) return NOT_WHOLE;
  if (c.percent && kind !== 'percent') return NOT_NUMBER;
  const number: ParsedNumber = c.currency === undefined ? { value } : { value, currency: c.currency };
  return { ok: true, number };
}

/** How the file's numbers look, for messages: `1,234.56` or `1.234,56`. */
export function localeExample(locale: NumberLocale): string {
  return locale === 'en' ? '1,234.56' : '1.234,56';
}
