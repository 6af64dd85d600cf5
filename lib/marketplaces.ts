/**
 * Amazon marketplaces and the Seller Central hosts that serve them.
 * Source: ../shared/reference/seller-central.md §6 (SP-API marketplace ids, host table).
 * The host is only a hint for the marketplace: one host (sellercentral-europe, or .ae rendering SA)
 * can show several marketplaces; lib/page decides from the page itself.
 */

export type Region = 'NA' | 'EU' | 'FE';

export interface Marketplace {
  /** Two-letter country code Shelfwise uses as the marketplace key. */
  code: string;
  /** SP-API marketplace id (what `window.ue_mid` and `mons_sel_mkid` carry). */
  id: string;
  region: Region;
  /** Shopper-facing domain, also used for product links. */
  domain: string;
  /** IANA zone in which Amazon counts this marketplace's days. */
  timeZone: string;
  currency: string;
  /** Listing language sellers usually write titles in (compliance word lists key on it). */
  language: string;
  /** Part of the EU pool that Pan-European FBA shares stock across. */
  panEu?: boolean;
}

export const MARKETPLACES: readonly Marketplace[] = [
  {
    code: 'US',
    id: 'ATVPDKIKX0DER',
    region: 'NA',
    domain: 'amazon.com',
    timeZone: 'America/Los_Angeles',
    currency: 'USD',
    language: 'en',
  },
  {
    code: 'CA',
    id: 'A2EUQ1WTGCTBG2',
    region: 'NA',
    domain: 'amazon.ca',
    timeZone: 'America/Los_Angeles',
    currency: 'CAD',
    language: 'en',
  },
  {
    code: 'MX',
    id: 'A1AM78C64UM0Y8',
    region: 'NA',
    domain: 'amazon.com.mx',
    timeZone: 'America/Mexico_City',
    currency: 'MXN',
    language: 'es',
  },
  {
    code: 'BR',
    id: 'A2Q3Y263D00KWC',
    region: 'NA',
    domain: 'amazon.com.br',
    timeZone: 'America/Sao_Paulo',
    currency: 'BRL',
    language: 'pt',
  },
  {
    code: 'UK',
    id: 'A1F83G8C2ARO7P',
    region: 'EU',
    domain: 'amazon.co.uk',
    timeZone: 'Europe/London',
    currency: 'GBP',
    language: 'en',
  },
  {
    code: 'DE',
    id: 'A1PA6795UKMFR9',
    region: 'EU',
    domain: 'amazon.de',
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    language: 'de',
    panEu: true,
  },
  {
    code: 'FR',
    id: 'A13V1IB3VIYZZH',
    region: 'EU',
    domain: 'amazon.fr',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    language: 'fr',
    panEu: true,
  },
  {
    code: 'IT',
    id: 'APJ6JRA9NG5V4',
    region: 'EU',
    domain: 'amazon.it',
    timeZone: 'Europe/Rome',
    currency: 'EUR',
    language: 'it',
    panEu: true,
  },
  {
    code: 'ES',
    id: 'A1RKKUPIHCS9HS',
    region: 'EU',
    domain: 'amazon.es',
    timeZone: 'Europe/Madrid',
    currency: 'EUR',
    language: 'es',
    panEu: true,
  },
  {
    code: 'NL',
    id: 'A1805IZSGTT6HS',
    region: 'EU',
    domain: 'amazon.nl',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    language: 'nl',
    panEu: true,
  },
  {
    code: 'SE',
    id: 'A2NODRKZP88ZB9',
    region: 'EU',
    domain: 'amazon.se',
    timeZone: 'Europe/Stockholm',
    currency: 'SEK',
    language: 'sv',
    panEu: true,
  },
  {
    code: 'PL',
    id: 'A1C3SOZRARQ6R3',
    region: 'EU',
    domain: 'amazon.pl',
    timeZone: 'Europe/Warsaw',
    currency: 'PLN',
    language: 'pl',
    panEu: true,
  },
  {
    code: 'BE',
    id: 'AMEN7PMS3EDWL',
    region: 'EU',
    domain: 'amazon.com.be',
    timeZone: 'Europe/Brussels',
    currency: 'EUR',
    language: 'fr',
    panEu: true,
  },
  {
    code: 'IE',
    id: 'A28R8C7NBKEWEA',
    region: 'EU',
    domain: 'amazon.ie',
    timeZone: 'Europe/Dublin',
    currency: 'EUR',
    language: 'en',
  },
  {
    code: 'TR',
    id: 'A33AVAJ2PDY3EV',
    region: 'EU',
    domain: 'amazon.com.tr',
    timeZone: 'Europe/Istanbul',
    currency: 'TRY',
    language: 'tr',
  },
  {
    code: 'AE',
    id: 'A2VIGQ35RCS4UG',
    region: 'EU',
    domain: 'amazon.ae',
    timeZone: 'Asia/Dubai',
    currency: 'AED',
    language: 'en',
  },
  {
    code: 'SA',
    id: 'A17E79C6D8DWNP',
    region: 'EU',
    domain: 'amazon.sa',
    timeZone: 'Asia/Riyadh',
    currency: 'SAR',
    language: 'ar',
  },
  {
    code: 'EG',
    id: 'ARBP9OOSHTCHU',
    region: 'EU',
    domain: 'amazon.eg',
    timeZone: 'Africa/Cairo',
    currency: 'EGP',
    language: 'ar',
  },
  {
    code: 'ZA',
    id: 'AE08WJ6YKNBMC',
    region: 'EU',
    domain: 'amazon.co.za',
    timeZone: 'Africa/Johannesburg',
    currency: 'ZAR',
    language: 'en',
  },
  {
    code: 'IN',
    id: 'A21TJRUUN4KGV',
    region: 'EU',
    domain: 'amazon.in',
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    language: 'en',
  },
  {
    code: 'SG',
    id: 'A19VAU5U5O7RUS',
    region: 'FE',
    domain: 'amazon.sg',
    timeZone: 'Asia/Singapore',
    currency: 'SGD',
    language: 'en',
  },
  {
    code: 'AU',
    id: 'A39IBJ37TRP1C6',
    region: 'FE',
    domain: 'amazon.com.au',
    timeZone: 'Australia/Sydney',
    currency: 'AUD',
    language: 'en',
  },
  {
    code: 'JP',
    id: 'A1VC38T7YXB528',
    region: 'FE',
    domain: 'amazon.co.jp',
    timeZone: 'Asia/Tokyo',
    currency: 'JPY',
    language: 'ja',
  },
];

/**
 * Every Seller Central host, with the marketplace it suggests (undefined where the host serves
 * several). This list is the manifest's content-script matches and host permissions: adding a
 * host later would disable the extension for every user until they re-approve it.
 */
export const SELLER_CENTRAL_HOSTS: Readonly<Record<string, string | undefined>> = {
  'sellercentral.amazon.com': 'US',
  'sellercentral.amazon.ca': 'CA',
  'sellercentral.amazon.com.mx': 'MX',
  'sellercentral.amazon.com.br': 'BR',
  'sellercentral.amazon.co.uk': 'UK',
  'sellercentral.amazon.de': 'DE',
  'sellercentral.amazon.fr': 'FR',
  'sellercentral.amazon.it': 'IT',
  'sellercentral.amazon.es': 'ES',
  'sellercentral.amazon.nl': 'NL',
  'sellercentral.amazon.se': 'SE',
  'sellercentral.amazon.pl': 'PL',
  'sellercentral.amazon.com.be': 'BE',
  'sellercentral.amazon.ie': 'IE',
  'sellercentral.amazon.com.tr': 'TR',
  'sellercentral.amazon.ae': 'AE',
  'sellercentral.amazon.sa': 'SA',
  'sellercentral.amazon.eg': 'EG',
  'sellercentral.amazon.co.za': 'ZA',
  'sellercentral.amazon.in': 'IN',
  'sellercentral.amazon.co.jp': 'JP',
  'sellercentral.amazon.sg': 'SG',
  'sellercentral.amazon.com.au': 'AU',
  'sellercentral-europe.amazon.com': undefined,
  'sellercentral-japan.amazon.com': 'JP',
};

export const SELLER_CENTRAL_MATCHES: readonly string[] = Object.keys(SELLER_CENTRAL_HOSTS).map(
  (host) => `https://${host}/*`,
);

/** Product-image hosts, requested only when the seller turns image checks on. */
export const IMAGE_HOST_MATCHES: readonly string[] = [
  'https://m.media-amazon.com/*',
  'https://images-na.ssl-images-amazon.com/*',
];

const byCode = new Map(MARKETPLACES.map((m) => [m.code, m]));
const byId = new Map(MARKETPLACES.map((m) => [m.id, m]));

export function marketplaceByCode(code: string): Marketplace | undefined {
  return byCode.get(code.toUpperCase() === 'GB' ? 'UK' : code.toUpperCase());
}

export function marketplaceById(id: string): Marketplace | undefined {
  return byId.get(id);
}

export function isSellerCentralHost(host: string): boolean {
  return Object.hasOwn(SELLER_CENTRAL_HOSTS, host.toLowerCase());
}

/** The marketplace a host suggests; undefined for unknown hosts and for hosts that serve several. */
export function marketplaceHintForHost(host: string): Marketplace | undefined {
  const code = SELLER_CENTRAL_HOSTS[host.toLowerCase()];
  return code ? byCode.get(code) : undefined;
}
