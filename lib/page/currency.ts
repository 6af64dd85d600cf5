import { marketplaceByCode } from '../marketplaces';

/**
 * The currency a price cell shows, from its symbol or code. A bare `$` or `¥` is read in the
 * light of the marketplace (dollars on .ca are CAD); where the marketplace is unknown an
 * ambiguous symbol gives no currency rather than a guess.
 */
const CODES = [
  'USD',
  'CAD',
  'MXN',
  'BRL',
  'GBP',
  'EUR',
  'SEK',
  'PLN',
  'TRY',
  'AED',
  'SAR',
  'EGP',
  'ZAR',
  'INR',
  'SGD',
  'AUD',
  'JPY',
];

const SYMBOLS: Array<[RegExp, string[]]> = [
  [/R\$/, ['BRL']],
  [/US\$/, ['USD']],
  [/C\$|CA\$/, ['CAD']],
  [/A\$|AU\$/, ['AUD']],
  [/S\$/, ['SGD']],
  [/MX\$/, ['MXN']],
  [/\$/, ['USD', 'CAD', 'MXN', 'AUD', 'SGD']],
  [/€/, ['EUR']],
  [/£/, ['GBP']],
  [/[¥￥]|円/, ['JPY']],
  [/₹/, ['INR']],
  [/₺|\bTL\b/, ['TRY']],
  [/zł/, ['PLN']],
  [/\bkr\b/, ['SEK']],
  [/\bR\s?\d/, ['ZAR']],
];

const cache = new Map<string, string | undefined>();

export function currencyIn(text: string, marketplace: string | null): string | undefined {
  if (!text) return undefined;
  // Price cells differ by amount; what matters is their symbols, so cache on the text without digits.
  const shape = `${marketplace}|${text.replace(/[\d.,\s]+/g, '')}`;
  if (cache.has(shape)) return cache.get(shape);
  const found = currencyUncached(text, marketplace);
  if (cache.size < 1000) cache.set(shape, found);
  return found;
}

function currencyUncached(text: string, marketplace: string | null): string | undefined {
  const local = marketplace ? marketplaceByCode(marketplace)?.currency : undefined;
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  if (code && CODES.includes(code)) return code;
  for (const [pattern, currencies] of SYMBOLS) {
    if (!pattern.test(text)) continue;
    if (currencies.length === 1) return currencies[0];
    return local && currencies.includes(local) ? local : undefined;
  }
  return undefined;
}
