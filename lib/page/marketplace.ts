import { marketplaceByCode, marketplaceById, marketplaceHintForHost } from '../marketplaces';
import { text } from './dom';
import { SELECTORS } from './selectors';

/**
 * Which marketplace and account a page shows. The host is only a hint: sellercentral-europe
 * serves five marketplaces, and `.ae` has been seen rendering Saudi inventory
 * (seller-central.md §1.1), so signals from the page come first.
 */

/** Country names as the marketplace switcher writes them, in the UI languages we read. */
const COUNTRY_NAMES: Record<string, readonly string[]> = {
  US: [
    'United States',
    'USA',
    'Amazon.com',
    '美国',
    '美國',
    'Vereinigte Staaten',
    'États-Unis',
    'Estados Unidos',
    'Stati Uniti',
    'アメリカ合衆国',
    'アメリカ',
  ],
  CA: ['Canada', 'Amazon.ca', '加拿大', 'Kanada', 'Canadá', 'カナダ'],
  MX: ['Mexico', 'México', 'Amazon.com.mx', '墨西哥', 'Mexiko', 'Mexique', 'Messico', 'メキシコ'],
  BR: ['Brazil', 'Brasil', 'Amazon.com.br', '巴西', 'Brasilien', 'Brésil', 'Brasile', 'ブラジル'],
  UK: [
    'United Kingdom',
    'UK',
    'Amazon.co.uk',
    '英国',
    '英國',
    'Vereinigtes Königreich',
    'Royaume-Uni',
    'Reino Unido',
    'Regno Unito',
    'イギリス',
  ],
  DE: ['Germany', 'Amazon.de', '德国', '德國', 'Deutschland', 'Allemagne', 'Alemania', 'Germania', 'ドイツ'],
  FR: ['France', 'Amazon.fr', '法国', '法國', 'Frankreich', 'Francia', 'フランス'],
  IT: ['Italy', 'Amazon.it', '意大利', '義大利', 'Italien', 'Italie', 'Italia', 'イタリア'],
  ES: ['Spain', 'Amazon.es', '西班牙', 'Spanien', 'Espagne', 'España', 'Spagna', 'スペイン'],
  NL: [
    'Netherlands',
    'Amazon.nl',
    '荷兰',
    '荷蘭',
    'Niederlande',
    'Pays-Bas',
    'Países Bajos',
    'Paesi Bassi',
    'オランダ',
  ],
  SE: ['Sweden', 'Amazon.se', '瑞典', 'Schweden', 'Suède', 'Suecia', 'Svezia', 'スウェーデン'],
  PL: ['Poland', 'Amazon.pl', '波兰', '波蘭', 'Polen', 'Pologne', 'Polonia', 'ポーランド'],
  BE: ['Belgium', 'Amazon.com.be', '比利时', '比利時', 'Belgien', 'Belgique', 'Bélgica', 'Belgio', 'ベルギー'],
  IE: ['Ireland', 'Amazon.ie', '爱尔兰', '愛爾蘭', 'Irland', 'Irlande', 'Irlanda', 'アイルランド'],
  TR: ['Turkey', 'Türkiye', 'Amazon.com.tr', '土耳其', 'Türkei', 'Turquie', 'Turquía', 'Turchia', 'トルコ'],
  AE: [
    'United Arab Emirates',
    'UAE',
    'Amazon.ae',
    '阿联酋',
    '阿拉伯联合酋长国',
    'Vereinigte Arabische Emirate',
    'Émirats arabes unis',
    'アラブ首長国連邦',
  ],
  SA: ['Saudi Arabia', 'Amazon.sa', '沙特阿拉伯', '沙特', 'Saudi-Arabien', 'Arabie saoudite', 'サウジアラビア'],
  EG: ['Egypt', 'Amazon.eg', '埃及', 'Ägypten', 'Égypte', 'Egipto', 'エジプト'],
  ZA: ['South Africa', 'Amazon.co.za', '南非', 'Südafrika', 'Afrique du Sud', 'Sudáfrica', '南アフリカ'],
  IN: ['India', 'Amazon.in', '印度', 'Indien', 'Inde', 'インド'],
  SG: ['Singapore', 'Amazon.sg', '新加坡', 'Singapur', 'Singapour', 'シンガポール'],
  AU: ['Australia', 'Amazon.com.au', '澳大利亚', '澳洲', 'Australien', 'Australie', 'オーストラリア'],
  JP: ['Japan', 'Amazon.co.jp', '日本', 'Japon', 'Japón', 'Giappone'],
};

const nameToCode = new Map<string, string>();
for (const [code, names] of Object.entries(COUNTRY_NAMES)) {
  for (const name of names) nameToCode.set(name.normalize('NFKC').toLowerCase(), code);
}

function codeForName(name: string): string | undefined {
  const clean = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^www\./, '')
    .trim();
  return nameToCode.get(clean);
}

export interface MarketplaceSignal {
  code: string | null;
  source: 'page' | 'host' | null;
}

const UE_MID = /\bue_mid\s*=\s*["']([A-Z0-9]{8,20})["']/;
const MKID_PARAM = /[?&]mons_sel_mkid=([A-Z0-9]{8,20})/;

/** Amazon pages name their marketplace id in an inline script (`ue_mid = '…'`). */
function fromInlineScripts(doc: Document): string | undefined {
  const scripts = doc.querySelectorAll(SELECTORS.page.inlineScript);
  // The ue_ block sits near the top of the page; a cap keeps this cheap on huge pages.
  const limit = Math.min(scripts.length, 60);
  for (let i = 0; i < limit; i++) {
    const match = UE_MID.exec(scripts[i]?.textContent ?? '');
    if (match?.[1]) {
      const marketplace = marketplaceById(match[1]);
      if (marketplace) return marketplace.code;
    }
  }
  return undefined;
}

function fromLegacySwitcher(doc: Document): string | undefined {
  const form = doc.querySelector(SELECTORS.legacy.marketplaceSwitcher.selector);
  if (!form) return undefined;
  const selected = form.querySelector('option[selected], option:checked') as HTMLOptionElement | null;
  if (selected) {
    const byId = marketplaceById(selected.value.trim());
    if (byId) return byId.code;
    const byName = codeForName(text(selected));
    if (byName) return byName;
  }
  const mkid = form.querySelector('input[name="mons_sel_mkid"]') as HTMLInputElement | null;
  return mkid ? marketplaceById(mkid.value.trim())?.code : undefined;
}

/** The current nav writes "Store name | Marketplace" in the account switcher. */
function switcherParts(doc: Document): { account?: string; marketplace?: string } {
  const label = doc.querySelector(SELECTORS.current.account.selector);
  if (!label) return {};
  const parts = text(label)
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  return { account: parts[0], marketplace: parts.length > 1 ? parts[parts.length - 1] : undefined };
}

export function readMarketplace(doc: Document, url: URL): MarketplaceSignal {
  const fromPage =
    fromInlineScripts(doc) ??
    fromLegacySwitcher(doc) ??
    (() => {
      const name = switcherParts(doc).marketplace;
      return name ? codeForName(name) : undefined;
    })() ??
    (() => {
      const match = MKID_PARAM.exec(url.search);
      return match?.[1] ? marketplaceById(match[1])?.code : undefined;
    })();
  if (fromPage && marketplaceByCode(fromPage)) return { code: fromPage, source: 'page' };
  const hint = marketplaceHintForHost(url.hostname);
  return hint ? { code: hint.code, source: 'host' } : { code: null, source: null };
}

/** The account (store) the page shows, or undefined where it shows none. */
export function readAccount(doc: Document): string | undefined {
  const legacy = doc.querySelector(SELECTORS.legacy.account.selector);
  const legacyName = text(legacy);
  if (legacyName) return legacyName;
  return switcherParts(doc).account || undefined;
}
