/**
 * Numbers as Seller Central prints them, in the page's UI language: `1,234.56` (English, Chinese,
 * Japanese), `1.234,56` (German, Spanish, Italian), `1 234,56` (French, with a narrow no-break
 * space), full-width `１，２３４` (Japanese), with currency symbols and codes around them.
 * The decimal mark comes from the page's language, never guessed per number: `1,234` is one
 * thousand two hundred thirty-four on an English page and one point two three four on a German one.
 */

export type DecimalMark = '.' | ',';

/** Page languages whose pages write a decimal comma. */
const COMMA_DECIMAL = new Set(['de', 'fr', 'es', 'it', 'nl', 'pl', 'sv', 'tr', 'pt', 'cs', 'da']);

export function decimalMarkFor(pageLanguage: string): DecimalMark {
  const primary = pageLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  return COMMA_DECIMAL.has(primary) ? ',' : '.';
}

/** Full-width digits and punctuation (Japanese and Chinese pages) to their ASCII forms. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\uFFE5/g, '¥');
}

const PLAIN_DIGITS = /^\d{1,15}$/;

/** A space used as a thousands separator: only directly between digits, before a group of three. */
const GROUP_SPACE = /(\d)[\u0020\u00A0\u202F\u2009\u2007](?=\d{3}(?!\d))/g;

/**
 * Parses a number written on the page, or returns undefined when the text is not one number
 * (empty, a dash for "none", two numbers, letters). Currency symbols and codes are ignored.
 */
export function parsePageNumber(text: string | null | undefined, mark: DecimalMark): number | undefined {
  if (text == null) return undefined;
  // Most figures on a page are plain digits: no need for the full parse.
  if (PLAIN_DIGITS.test(text)) return Number(text);
  let s = toHalfWidth(text).trim();
  // Currency symbols and ISO codes before or after the number (`$`, `€`, `¥`, `￥` via half-width, `US$`, `EUR`, `円`).
  s = s.replace(/^(?:[A-Z]{1,3}\s?)?[$€£¥₹₩]|[$€£¥₹₩]$|\b[A-Z]{3}\b|円|元/g, '').trim();
  s = s.replace(GROUP_SPACE, '$1').trim();
  if (/\s/.test(s)) return undefined;
  if (!s || s === '-' || s === '—' || s === '–') return undefined;
  let negative = false;
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  const group = mark === '.' ? ',' : '.';
  // Thousands groups must be of three digits, so "1,5" on an English page is not 15.
  const pattern = mark === '.' ? /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/ : /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
  // French pages group with (narrow) spaces, already removed above; an apostrophe is Swiss style.
  s = s.replace(/'/g, '');
  const match = pattern.exec(s);
  if (!match) return undefined;
  const whole = (match[1] ?? '').split(group).join('');
  const value = Number(match[2] !== undefined ? `${whole}.${match[2]}` : whole);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/** A whole, non-negative count (stock figures); undefined for anything else. */
export function parsePageCount(text: string | null | undefined, mark: DecimalMark): number | undefined {
  const value = parsePageNumber(text, mark);
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
}
