/**
 * The text Seller Central shows, per UI language, for the few places where structure alone cannot
 * tell two things apart (which key/value row is "Reserved", which status is "Inactive").
 * Every language is tried on every page: a seller can switch the UI language at any time, and
 * the reader must not depend on guessing it.
 *
 * Sources: ../shared/reference/seller-central.md §1.3 (English labels; zh-CN 有货（亚马逊物流）,
 * 有货（卖家自配送）, 预留, 在售, 价格, 保存所有; zh-TW 有貨 (FBA), 有貨, 入庫數量, 預留數量;
 * DE Preis, Mindestpreis, Höchstpreis/Maximalpreis) and §4.4 (Inactive (Pricing Error),
 * Inaktiv (Preisfehler)). Entries marked GUESSED are our best reading of Amazon's wording in that
 * language and are not confirmed by a source; they only ever widen what is recognised.
 */

export type LabelLanguage = 'en' | 'zh_CN' | 'zh_TW' | 'de' | 'fr' | 'es' | 'it' | 'ja';

export type FieldLabel =
  | 'asin'
  | 'sku'
  | 'fnsku'
  | 'condition'
  | 'availableFba'
  | 'availableMfn'
  | 'available'
  | 'inbound'
  | 'inboundWorking'
  | 'inboundShipped'
  | 'inboundReceiving'
  | 'reserved'
  | 'unfulfillable'
  | 'stranded'
  | 'price'
  | 'minPrice'
  | 'maxPrice'
  | 'handlingTime';

type Table<K extends string> = Record<K, Partial<Record<LabelLanguage, readonly string[]>>>;

export const FIELD_LABELS: Table<FieldLabel> = {
  asin: { en: ['ASIN'], zh_CN: ['ASIN'], ja: ['ASIN'] },
  sku: { en: ['SKU', 'Seller SKU', 'MSKU'], zh_CN: ['SKU', '卖家 SKU'], ja: ['SKU', '出品者SKU'] },
  fnsku: { en: ['FNSKU'] },
  condition: {
    en: ['Condition'],
    zh_CN: ['状况'], // GUESSED
    de: ['Zustand'], // GUESSED
    fr: ['État'], // GUESSED
    es: ['Estado'], // GUESSED
    it: ['Condizione'], // GUESSED
    ja: ['コンディション'], // GUESSED
  },
  availableFba: {
    en: ['Available (FBA)', 'Available (Fulfilled by Amazon)'],
    zh_CN: ['有货（亚马逊物流）', '可售（亚马逊物流）'],
    zh_TW: ['有貨 (FBA)', '有貨（亞馬遜物流）'],
    de: ['Verfügbar (FBA)', 'Verfügbar (Versand durch Amazon)'], // GUESSED
    fr: ['Disponible (FBA)', 'Disponible (Expédié par Amazon)'], // GUESSED
    es: ['Disponible (FBA)', 'Disponible (Logística de Amazon)'], // GUESSED
    it: ['Disponibile (FBA)', 'Disponibile (Logistica di Amazon)'], // GUESSED
    ja: ['在庫あり (FBA)', '在庫あり（FBA）', '販売可能 (FBA)'], // GUESSED
  },
  availableMfn: {
    en: ['Available (FBM)', 'Available (Fulfilled by Merchant)', 'Available (Seller fulfilled)'],
    zh_CN: ['有货（卖家自配送）', '可售（卖家自配送）'],
    zh_TW: ['有貨 (FBM)', '有貨（賣家自行配送）'], // GUESSED
    de: ['Verfügbar (FBM)', 'Verfügbar (Versand durch Verkäufer)'], // GUESSED
    fr: ['Disponible (FBM)', 'Disponible (Expédié par le vendeur)'], // GUESSED
    es: ['Disponible (FBM)', 'Disponible (Gestionado por el vendedor)'], // GUESSED
    it: ['Disponibile (FBM)', 'Disponibile (Gestito dal venditore)'], // GUESSED
    ja: ['在庫あり (FBM)', '在庫あり（出品者出荷）', '販売可能 (出品者出荷)'], // GUESSED
  },
  available: {
    en: ['Available', 'Quantity', 'Fulfillable'],
    zh_CN: ['有货', '可售', '数量'],
    zh_TW: ['有貨', '數量'],
    de: ['Verfügbar', 'Menge', 'Bestand'], // GUESSED
    fr: ['Disponible', 'Quantité'], // GUESSED
    es: ['Disponible', 'Cantidad'], // GUESSED
    it: ['Disponibile', 'Quantità'], // GUESSED
    ja: ['在庫あり', '在庫数', '販売可能', '数量'], // GUESSED
  },
  inbound: {
    en: ['Inbound'],
    zh_CN: ['入库', '入库中', '在途'], // GUESSED
    zh_TW: ['入庫數量'],
    de: ['Eingehend', 'Unterwegs'], // GUESSED
    fr: ['En cours d’acheminement', "En cours d'acheminement", 'Entrant'], // GUESSED
    es: ['En tránsito', 'Entrante'], // GUESSED
    it: ['In entrata', 'In arrivo'], // GUESSED
    ja: ['入荷中', '入荷予定', '納品中'], // GUESSED
  },
  inboundWorking: {
    en: ['Working', 'Inbound working'], // GUESSED: the finer split is unverified on the page
    zh_CN: ['处理中', '正在处理'], // GUESSED
    de: ['In Bearbeitung'], // GUESSED
    fr: ['En préparation'], // GUESSED
    es: ['En preparación'], // GUESSED
    it: ['In lavorazione'], // GUESSED
    ja: ['作業中', '準備中'], // GUESSED
  },
  inboundShipped: {
    en: ['Shipped', 'Inbound shipped'], // GUESSED
    zh_CN: ['已发货', '已发出'], // GUESSED
    de: ['Versandt'], // GUESSED
    fr: ['Expédié'], // GUESSED
    es: ['Enviado'], // GUESSED
    it: ['Spedito'], // GUESSED
    ja: ['発送済み', '出荷済み'], // GUESSED
  },
  inboundReceiving: {
    en: ['Receiving', 'Inbound receiving'], // GUESSED
    zh_CN: ['接收中', '正在接收'], // GUESSED
    de: ['Wird empfangen', 'Im Wareneingang'], // GUESSED
    fr: ['En cours de réception'], // GUESSED
    es: ['Recibiendo', 'En recepción'], // GUESSED
    it: ['In ricezione'], // GUESSED
    ja: ['受領中', '受領作業中'], // GUESSED
  },
  reserved: {
    en: ['Reserved'],
    zh_CN: ['预留', '已预留'],
    zh_TW: ['預留數量', '預留'],
    de: ['Reserviert'], // GUESSED
    fr: ['Réservé', 'Réservée'], // GUESSED
    es: ['Reservado', 'Reservada'], // GUESSED
    it: ['Riservato', 'Riservata'], // GUESSED
    ja: ['予約済み', '引当済み'], // GUESSED
  },
  unfulfillable: {
    en: ['Unfulfillable'],
    zh_CN: ['不可售', '不可配送'], // GUESSED
    zh_TW: ['不可售'], // GUESSED
    de: ['Nicht verkaufsfähig'], // GUESSED
    fr: ['Invendable'], // GUESSED
    es: ['No apto para la venta', 'No vendible'], // GUESSED
    it: ['Non vendibile'], // GUESSED
    ja: ['販売不可'], // GUESSED
  },
  stranded: {
    en: ['Stranded'],
    zh_CN: ['无在售信息', '无在售信息的库存'], // GUESSED
    zh_TW: ['滯留'], // GUESSED
    de: ['Gestrandet', 'Gestrandeter Bestand', 'Verwaist'], // GUESSED
    fr: ['Bloqué', 'Stock bloqué'], // GUESSED
    es: ['Inmovilizado', 'Inventario inmovilizado'], // GUESSED
    it: ['Bloccato', 'Inventario bloccato'], // GUESSED
    ja: ['出品情報のない在庫', '孤立'], // GUESSED
  },
  price: {
    en: ['Price', 'Your price'],
    zh_CN: ['价格', '您的价格'],
    zh_TW: ['價格'],
    de: ['Preis'],
    fr: ['Prix'], // GUESSED
    es: ['Precio'], // GUESSED
    it: ['Prezzo'], // GUESSED
    ja: ['価格', '販売価格'], // GUESSED
  },
  minPrice: {
    en: ['Minimum price', 'Min. price', 'Min price'],
    zh_CN: ['最低价格', '最低价'], // GUESSED
    zh_TW: ['最低價格'], // GUESSED
    de: ['Mindestpreis'],
    fr: ['Prix minimum'], // GUESSED
    es: ['Precio mínimo'], // GUESSED
    it: ['Prezzo minimo'], // GUESSED
    ja: ['最低価格', '販売価格の下限'], // GUESSED
  },
  maxPrice: {
    en: ['Maximum price', 'Max. price', 'Max price'],
    zh_CN: ['最高价格', '最高价'], // GUESSED
    zh_TW: ['最高價格'], // GUESSED
    de: ['Höchstpreis', 'Maximalpreis'],
    fr: ['Prix maximum'], // GUESSED
    es: ['Precio máximo'], // GUESSED
    it: ['Prezzo massimo'], // GUESSED
    ja: ['最高価格', '販売価格の上限'], // GUESSED
  },
  handlingTime: {
    en: ['Handling time', 'Handling Time'],
    zh_CN: ['处理时间', '备货时间'], // GUESSED
    zh_TW: ['處理時間'], // GUESSED
    de: ['Bearbeitungszeit'], // GUESSED
    fr: ['Délai de traitement'], // GUESSED
    es: ['Tiempo de preparación', 'Tiempo de gestión'], // GUESSED
    it: ['Tempo di gestione'], // GUESSED
    ja: ['出荷作業日数', '出荷までの日数'], // GUESSED
  },
};

export type StatusWord = 'active' | 'inactive' | 'closed';
export type ReasonWord =
  | 'out_of_stock'
  | 'pricing_error'
  | 'search_suppressed'
  | 'missing_information'
  | 'approval_required'
  | 'stranded';

/**
 * Words found inside a status text. Checked as normalised substrings, so "Inactive (Pricing Error)"
 * yields inactive + pricing_error. `inactive` is tested before `active` (it contains it).
 */
export const STATUS_WORDS: Table<StatusWord> = {
  inactive: {
    en: ['inactive'],
    zh_CN: ['不可售', '不在售', '非在售', '停售'],
    zh_TW: ['不可售', '不在售', '非在售'], // GUESSED
    de: ['inaktiv'],
    fr: ['inactif', 'inactive'], // GUESSED
    es: ['inactivo', 'inactiva'], // GUESSED
    it: ['inattivo', 'inattiva'], // GUESSED
    ja: ['停止中', '出品停止', '非アクティブ'], // GUESSED
  },
  closed: {
    en: ['closed'],
    zh_CN: ['已关闭', '关闭'],
    zh_TW: ['已關閉'], // GUESSED
    de: ['geschlossen'], // GUESSED
    fr: ['fermé', 'fermée', 'clôturé'], // GUESSED
    es: ['cerrado', 'cerrada'], // GUESSED
    it: ['chiuso', 'chiusa'], // GUESSED
    ja: ['クローズ', '出品終了'], // GUESSED
  },
  active: {
    en: ['active'],
    zh_CN: ['在售', '有效', '活动'],
    zh_TW: ['在售', '有效'], // GUESSED
    de: ['aktiv'], // GUESSED
    fr: ['actif', 'active'], // GUESSED
    es: ['activo', 'activa'], // GUESSED
    it: ['attivo', 'attiva'], // GUESSED
    ja: ['出品中', 'アクティブ'], // GUESSED
  },
};

export const REASON_WORDS: Table<ReasonWord> = {
  out_of_stock: {
    en: ['out of stock'],
    zh_CN: ['缺货', '无库存'],
    zh_TW: ['缺貨'], // GUESSED
    de: ['nicht vorrätig', 'ausverkauft', 'kein bestand'], // GUESSED
    fr: ['en rupture de stock', 'rupture de stock'], // GUESSED
    es: ['sin stock', 'agotado'], // GUESSED
    it: ['esaurito', 'non disponibile'], // GUESSED
    ja: ['在庫切れ'], // GUESSED
  },
  pricing_error: {
    en: ['pricing error', 'price error', 'pricing issue', 'potential pricing error'],
    zh_CN: ['价格错误', '定价错误', '价格问题'], // GUESSED
    zh_TW: ['價格錯誤'], // GUESSED
    de: ['preisfehler'],
    fr: ['erreur de prix'], // GUESSED
    es: ['error de precio'], // GUESSED
    it: ['errore di prezzo', 'errore nel prezzo'], // GUESSED
    ja: ['価格エラー', '価格の誤り'], // GUESSED
  },
  search_suppressed: {
    en: ['search suppressed', 'suppressed'],
    zh_CN: ['搜索禁止显示', '禁止显示', '被抑制'], // GUESSED
    zh_TW: ['搜尋禁止顯示'], // GUESSED
    de: ['von der suche ausgeschlossen', 'unterdrückt'], // GUESSED
    fr: ['supprimé des résultats de recherche', 'supprimé de la recherche'], // GUESSED
    es: ['suprimido de la búsqueda', 'suprimido'], // GUESSED
    it: ['soppresso dalla ricerca', 'soppresso'], // GUESSED
    ja: ['検索非表示', '検索抑制', '検索対象外'], // GUESSED
  },
  missing_information: {
    en: ['missing information', 'incomplete', 'missing info'],
    zh_CN: ['信息不完整', '缺少信息', '不完整'], // GUESSED
    zh_TW: ['資訊不完整'], // GUESSED
    de: ['unvollständig', 'fehlende informationen'], // GUESSED
    fr: ['incomplet', 'informations manquantes'], // GUESSED
    es: ['incompleto', 'información incompleta'], // GUESSED
    it: ['incompleto', 'informazioni mancanti'], // GUESSED
    ja: ['情報不足', '不完全'], // GUESSED
  },
  approval_required: {
    en: ['approval required', 'requires approval'],
    zh_CN: ['需要审批', '需要批准'], // GUESSED
    zh_TW: ['需要審核'], // GUESSED
    de: ['genehmigung erforderlich'], // GUESSED
    fr: ['approbation requise'], // GUESSED
    es: ['aprobación necesaria', 'se requiere aprobación'], // GUESSED
    it: ['approvazione richiesta'], // GUESSED
    ja: ['承認が必要', '要承認'], // GUESSED
  },
  stranded: {
    en: ['stranded'],
    zh_CN: ['无在售信息', '滞留'], // GUESSED
    zh_TW: ['滯留'], // GUESSED
    de: ['gestrandet', 'verwaist'], // GUESSED
    fr: ['bloqué', 'stock bloqué'], // GUESSED
    es: ['inmovilizado'], // GUESSED
    it: ['bloccato'], // GUESSED
    ja: ['出品情報のない在庫', '孤立'], // GUESSED
  },
};

/** The legacy page's fulfillment column: who ships. */
export const CHANNEL_WORDS: Table<'fba' | 'mfn'> = {
  fba: {
    en: ['amazon', 'fba', 'fulfilled by amazon'],
    zh_CN: ['亚马逊', '亚马逊物流'],
    zh_TW: ['亞馬遜'], // GUESSED
    de: ['amazon', 'versand durch amazon'], // GUESSED
    ja: ['amazon', 'fba', 'amazon出荷'], // GUESSED
  },
  mfn: {
    en: ['merchant', 'seller', 'fbm', 'fulfilled by merchant'],
    zh_CN: ['卖家', '卖家自配送', '自发货'],
    zh_TW: ['賣家'], // GUESSED
    de: ['händler', 'verkäufer'], // GUESSED
    fr: ['vendeur', 'marchand'], // GUESSED
    es: ['vendedor', 'comerciante'], // GUESSED
    it: ['venditore', 'commerciante'], // GUESSED
    ja: ['出品者', '出品者出荷'], // GUESSED
  },
};

/** "Save all" as the edit bar labels it (the current page's kat-button[label]). */
export const SAVE_ALL_LABELS: readonly string[] = [
  'Save all',
  '保存所有',
  '全部保存', // GUESSED (zh-TW)
  'Alle speichern', // GUESSED
  'Tout enregistrer', // GUESSED
  'Guardar todo', // GUESSED
  'Salva tutto', // GUESSED
  'すべて保存', // GUESSED
];

/**
 * Lower case, full-width forms folded (NFKC turns （ into ( and ＦＢＡ into FBA), every kind of
 * space and dash unified, trailing colons dropped: labels are compared in this form.
 */
const normalised = new Map<string, string>();

export function normaliseLabel(text: string): string {
  // Pages repeat the same few dozen labels on every row: remember them.
  let result = normalised.get(text);
  if (result === undefined) {
    result = normaliseUncached(text);
    if (normalised.size < 5000) normalised.set(text, result);
  }
  return result;
}

function normaliseUncached(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)\s*/g, ')')
    .trim();
}

function invert<K extends string>(table: Table<K>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, byLanguage] of Object.entries(table) as Array<
    [K, Partial<Record<LabelLanguage, readonly string[]>>]
  >) {
    for (const words of Object.values(byLanguage)) {
      for (const word of words ?? []) {
        const normal = normaliseLabel(word);
        // The first table entry wins: e.g. 不可售 is "inactive" as a status but "unfulfillable" as a stock label.
        if (!map.has(normal)) map.set(normal, key);
      }
    }
  }
  return map;
}

const fieldByLabel = invert(FIELD_LABELS);

/** The field a key/value label names, in any known language; undefined for labels we do not use. */
export function fieldForLabel(text: string): FieldLabel | undefined {
  return fieldByLabel.get(normaliseLabel(text));
}

function wordList<K extends string>(table: Table<K>, order: readonly K[]): Array<[K, string[]]> {
  return order.map((key) => [
    key,
    Object.values(table[key])
      .flat()
      .map((w) => normaliseLabel(w as string)),
  ]);
}

const STATUS_ORDER: readonly StatusWord[] = ['inactive', 'closed', 'active'];
const statusLists = wordList(STATUS_WORDS, STATUS_ORDER);
const reasonLists = wordList(REASON_WORDS, Object.keys(REASON_WORDS) as ReasonWord[]);
const channelLists = wordList(CHANNEL_WORDS, ['mfn', 'fba']);

/** Latin words match on word boundaries ("inactive" must not be read as "active"); CJK by substring. */
function containsWord(haystack: string, word: string): boolean {
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(word)) {
    // 在售 (on sale) inside 不在售 / 无在售 / 非在售 says the opposite: a negated match does not count.
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(word, from);
      if (at < 0) return false;
      if (!/[不无非未無]/.test(haystack[at - 1] ?? '')) return true;
      from = at + 1;
    }
  }
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : (haystack[at - 1] ?? '');
    const after = haystack[at + word.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}

export interface StatusReading {
  state: StatusWord | undefined;
  reasons: ReasonWord[];
}

const statusCache = new Map<string, StatusReading>();

/** Reads state and reasons out of the status text(s) a row shows, in any known language. */
export function readStatusText(...texts: string[]): StatusReading {
  const joined = texts.filter(Boolean).join(' | ');
  // A page has a handful of distinct statuses across all its rows.
  const cached = statusCache.get(joined);
  if (cached) return { state: cached.state, reasons: [...cached.reasons] };
  const reading = readStatusUncached(joined);
  if (statusCache.size < 1000) statusCache.set(joined, reading);
  return { state: reading.state, reasons: [...reading.reasons] };
}

function readStatusUncached(joined: string): StatusReading {
  const haystack = normaliseLabel(joined);
  let state: StatusWord | undefined;
  for (const [key, words] of statusLists) {
    if (words.some((w) => containsWord(haystack, w))) {
      state = key;
      break;
    }
  }
  const reasons: ReasonWord[] = [];
  for (const [key, words] of reasonLists) {
    if (words.some((w) => containsWord(haystack, w))) reasons.push(key);
  }
  return { state, reasons };
}

export function readChannelText(text: string): 'fba' | 'mfn' | undefined {
  const haystack = normaliseLabel(text);
  for (const [key, words] of channelLists) {
    if (words.some((w) => containsWord(haystack, w))) return key as 'fba' | 'mfn';
  }
  return undefined;
}

/**
 * A units-sold label with its period ("Units sold (30 days)", "已售商品数量（30 天）"): the sales
 * figure the current page shows. GUESSED wordings: the column is not in the reference. A money
 * amount ("Sales (30 days)") is deliberately not matched.
 */
const SALES_LABELS: readonly RegExp[] = [
  /^units sold(?:\((?:last )?(\d+) days?\))?$/,
  /^(?:已售商品数量|已售数量|销量)(?:\((?:过去 ?)?(\d+) ?天\))?$/,
  // GUESSED (zh-TW): the simplified forms' traditional spellings.
  /^(?:已售出數量|已售數量|銷量)(?:\((?:過去 ?)?(\d+) ?天\))?$/,
  /^verkaufte einheiten(?:\((?:letzte )?(\d+) tage\))?$/,
  /^unités vendues(?:\((?:derniers )?(\d+) jours\))?$/,
  /^unidades vendidas(?:\((?:últimos )?(\d+) días\))?$/,
  /^unità vendute(?:\((?:ultimi )?(\d+) giorni\))?$/,
  /^(?:販売数|販売個数)(?:\((?:過去)?(\d+) ?日(?:間)?\))?$/,
];

export function salesLabelDays(text: string): number | undefined {
  const normal = normaliseLabel(text);
  for (const pattern of SALES_LABELS) {
    const match = pattern.exec(normal);
    if (match) return match[1] ? Number(match[1]) : 30;
  }
  return undefined;
}

export function isSaveAllLabel(text: string): boolean {
  const normal = normaliseLabel(text);
  return SAVE_ALL_LABELS.some((label) => normaliseLabel(label) === normal);
}

/**
 * Words of the page's own error and rate-limit messages after Save all (seller-central.md §1.3:
 * scripts check the body for "too many requests" / "request limit" / "rate exceeded").
 * The Chinese, German and Japanese forms are GUESSED.
 */
export const RATE_LIMIT_WORDS: readonly string[] = [
  'too many requests',
  'request limit',
  'rate exceeded',
  'throttl',
  '请求过多',
  '请求次数过多',
  '请求太频繁',
  '請求過多', // GUESSED (zh-TW)
  'zu viele anfragen', // GUESSED
  'リクエストが多すぎます', // GUESSED
];

export function isRateLimitText(text: string): boolean {
  const lower = text.toLowerCase();
  return RATE_LIMIT_WORDS.some((word) => lower.includes(word));
}
