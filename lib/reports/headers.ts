/**
 * Which Amazon report a file is, from its header row alone. Headers are compared after
 * normalisation (case, spaces, hyphens, underscores, en and em dashes, full-width forms, accents,
 * BOM and quotes do not matter), because Amazon itself is inconsistent: `Units Ordered` and
 * `Units ordered`, `Sessions - Total` and `Sessions – Total`, `Mobile App` and `Mobile APP`.
 * Localised names are listed only where public code shows them (seller-central.md §5 and the
 * samples' README); a report whose localisation is not listed is recognised by its English names.
 */

export const REPORT_TYPES = [
  'all-orders',
  'business-child',
  'business-asin',
  'fba-inventory',
  'restock',
  'all-listings',
  'active-listings',
  'manage-fba',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export function isReportType(value: unknown): value is ReportType {
  return typeof value === 'string' && (REPORT_TYPES as readonly string[]).includes(value);
}

/** How a column's cells are read. `instant`: ISO date-time with offset; `day`: a calendar date. */
export type CellKind = 'text' | 'int' | 'decimal' | 'money' | 'percent' | 'instant' | 'day';

export const HEADER_LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'ja', 'zh'] as const;
export type HeaderLanguage = (typeof HEADER_LANGUAGES)[number];

export interface FieldSpec {
  key: string;
  /** English names, the first one being how messages name the column. */
  names: readonly string[];
  local?: Partial<Record<Exclude<HeaderLanguage, 'en'>, readonly string[]>>;
  kind: CellKind;
  /** The report is not recognised without this column. */
  required?: boolean;
}

/** Whether a report carries the period its sales figures cover, or the seller must say it. */
export type PeriodSource = 'none' | 'range' | 'report-date' | 'column';

export interface ReportSpec {
  type: ReportType;
  fields: readonly FieldSpec[];
  period: PeriodSource;
}

// Zero-width characters, dashes of every width, underscores, whitespace and dots between words.
const SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF_\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D.·・]+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Canonical form of a header: NFKC (full-width `（子）ＡＳＩＮ` → `(子)asin`), lower case, Latin
 * accents dropped (`Quantità` = `quantita`), typographic apostrophes straightened, and every
 * separator removed, so `seller-sku`, `Seller SKU` and `seller_sku` are the same column.
 */
export function normalizeHeader(header: string): string {
  let h = header.trim();
  if (h.length >= 2 && h.startsWith('"') && h.endsWith('"')) h = h.slice(1, -1);
  h = h.normalize('NFKD').replace(COMBINING_MARKS, '').normalize('NFKC').toLowerCase();
  return h.replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(SEPARATORS, '');
}

const sku = ['sku', 'seller-sku', 'merchant-sku'];
const asin = ['asin'];
const fnsku = ['fnsku'];
const productName = ['product-name'];

const ALL_ORDERS: ReportSpec = {
  type: 'all-orders',
  period: 'none',
  fields: [
    { key: 'orderId', names: ['amazon-order-id'], kind: 'text', required: true },
    { key: 'purchaseDate', names: ['purchase-date'], kind: 'instant', required: true },
    { key: 'lastUpdated', names: ['last-updated-date'], kind: 'instant', required: true },
    { key: 'orderStatus', names: ['order-status'], kind: 'text', required: true },
    { key: 'sku', names: ['sku'], kind: 'text', required: true },
    { key: 'quantity', names: ['quantity'], kind: 'int', required: true },
    // Only the columns the daily units need: every column read costs on a million-row file.
    { key: 'salesChannel', names: ['sales-channel'], kind: 'text' },
    { key: 'itemStatus', names: ['item-status'], kind: 'text' },
  ],
};

/** Columns both Business Report variants share (Detail Page Sales and Traffic). */
const BUSINESS_FIELDS: readonly FieldSpec[] = [
  {
    key: 'parentAsin',
    names: ['(Parent) ASIN'],
    local: { ja: ['（親）ASIN'], zh: ['（父）ASIN'], de: ['(Übergeordnete) ASIN'] },
    kind: 'text',
  },
  {
    key: 'asin',
    names: ['(Child) ASIN'],
    local: { ja: ['（子）ASIN'], zh: ['（子）ASIN'], de: ['(Untergeordnete) ASIN'] },
    kind: 'text',
    required: true,
  },
  { key: 'title', names: ['Title'], local: { ja: ['タイトル'], zh: ['标题'], de: ['Titel'] }, kind: 'text' },
  {
    key: 'sessions',
    names: ['Sessions - Total', 'Sessions'],
    local: {
      ja: ['セッション数 - 合計', 'セッション - 合計'],
      zh: ['会话次数 – 总计', '会话数 - 总计'],
      de: ['Sitzungen – Summe'],
    },
    kind: 'int',
  },
  {
    key: 'pageViews',
    names: ['Page Views - Total', 'Page Views'],
    local: { ja: ['ページビュー - 合計'], zh: ['页面浏览量 – 总计'], de: ['Seitenaufrufe – Summe'] },
    kind: 'int',
  },
  {
    key: 'buyBoxPercent',
    names: ['Featured Offer (Buy Box) Percentage', 'Buy Box Percentage', 'Featured Offer Percentage'],
    local: {
      ja: ['おすすめ出品（おすすめ商品）の獲得率', 'おすすめ出品の獲得率'],
      zh: ['推荐报价（推荐报价展示位）百分比'],
    },
    kind: 'percent',
  },
  {
    key: 'unitsOrdered',
    names: ['Units Ordered'],
    local: { ja: ['注文された商品点数'], zh: ['已订购商品数量'], de: ['Bestellte Einheiten'] },
    kind: 'int',
    required: true,
  },
  {
    key: 'unitsOrderedB2B',
    names: ['Units Ordered - B2B'],
    local: { zh: ['已订购商品数量 – B2B'], de: ['Bestellte Einheiten – B2B'] },
    kind: 'int',
  },
  {
    key: 'unitSessionPercent',
    names: ['Unit Session Percentage'],
    local: { ja: ['ユニットセッション率'], zh: ['商品会话百分比'] },
    kind: 'percent',
  },
  {
    key: 'sales',
    names: ['Ordered Product Sales'],
    local: {
      ja: ['注文商品の売上額', '注文商品売上'],
      zh: ['已订购商品销售额'],
      de: ['Durch bestellte Produkte erzielter Umsatz', 'Umsatz bestellter Produkte'],
    },
    kind: 'money',
  },
  {
    key: 'totalOrderItems',
    names: ['Total Order Items'],
    local: { ja: ['注文品目総数'], zh: ['订单商品总数'], de: ['Zahl der Bestellposten'] },
    kind: 'int',
  },
];

const BUSINESS_CHILD: ReportSpec = {
  type: 'business-child',
  period: 'range',
  fields: [...BUSINESS_FIELDS, { key: 'sku', names: ['SKU'], kind: 'text', required: true }],
};

const BUSINESS_ASIN: ReportSpec = { type: 'business-asin', period: 'range', fields: BUSINESS_FIELDS };

const FBA_INVENTORY: ReportSpec = {
  type: 'fba-inventory',
  period: 'column',
  fields: [
    { key: 'snapshotDate', names: ['snapshot-date'], kind: 'day', required: true },
    { key: 'sku', names: sku, kind: 'text', required: true },
    { key: 'available', names: ['available'], kind: 'int', required: true },
    { key: 'fnsku', names: fnsku, kind: 'text' },
    { key: 'asin', names: asin, kind: 'text' },
    { key: 'productName', names: productName, kind: 'text' },
    { key: 'condition', names: ['condition'], kind: 'text' },
    { key: 'marketplace', names: ['marketplace'], kind: 'text' },
    { key: 'inbound', names: ['inbound-quantity'], kind: 'int' },
    { key: 'inboundWorking', names: ['inbound-working'], kind: 'int' },
    { key: 'inboundShipped', names: ['inbound-shipped'], kind: 'int' },
    { key: 'inboundReceiving', names: ['inbound-received'], kind: 'int' },
    { key: 'reserved', names: ['reserved-quantity', 'Total Reserved Quantity'], kind: 'int' },
    { key: 'unfulfillable', names: ['unfulfillable-quantity'], kind: 'int' },
    { key: 'shippedT7', names: ['units-shipped-t7'], kind: 'int' },
    { key: 'shippedT30', names: ['units-shipped-t30'], kind: 'int' },
    { key: 'shippedT60', names: ['units-shipped-t60'], kind: 'int' },
    { key: 'shippedT90', names: ['units-shipped-t90'], kind: 'int' },
    { key: 'recommendedQuantity', names: ['recommended-ship-in-quantity'], kind: 'int' },
    { key: 'recommendedDate', names: ['recommended-ship-in-date'], kind: 'day' },
    { key: 'daysOfSupply', names: ['days-of-supply'], kind: 'decimal' },
  ],
};

const RESTOCK: ReportSpec = {
  type: 'restock',
  period: 'report-date',
  fields: [
    { key: 'sku', names: ['Merchant SKU'], kind: 'text', required: true },
    { key: 'unitsSold30', names: ['Units Sold Last 30 Days'], kind: 'int', required: true },
    { key: 'recommendedQuantity', names: ['Recommended replenishment qty'], kind: 'int', required: true },
    { key: 'country', names: ['Country'], kind: 'text' },
    { key: 'productName', names: ['Product Name'], kind: 'text' },
    { key: 'fnsku', names: fnsku, kind: 'text' },
    { key: 'asin', names: asin, kind: 'text' },
    { key: 'condition', names: ['Condition'], kind: 'text' },
    { key: 'currency', names: ['Currency code'], kind: 'text' },
    { key: 'sales30', names: ['Sales last 30 days'], kind: 'money' },
    { key: 'inbound', names: ['Inbound'], kind: 'int' },
    { key: 'available', names: ['Available'], kind: 'int' },
    { key: 'fcTransfer', names: ['FC transfer'], kind: 'int' },
    { key: 'fcProcessing', names: ['FC Processing'], kind: 'int' },
    { key: 'customerOrder', names: ['Customer Order'], kind: 'int' },
    { key: 'unfulfillable', names: ['Unfulfillable'], kind: 'int' },
    { key: 'inboundWorking', names: ['Working'], kind: 'int' },
    { key: 'inboundShipped', names: ['Shipped'], kind: 'int' },
    { key: 'inboundReceiving', names: ['Receiving'], kind: 'int' },
    { key: 'recommendedDate', names: ['Recommended ship date'], kind: 'day' },
    { key: 'alert', names: ['Alert'], kind: 'text' },
    { key: 'daysOfSupply', names: ['Total Days of Supply (including units from open shipments)'], kind: 'decimal' },
  ],
};

/** All Listings and Active Listings share their columns; only All Listings has `status`. */
const LISTING_FIELDS: readonly FieldSpec[] = [
  {
    key: 'sku',
    names: ['seller-sku'],
    local: {
      de: ['Händler-SKU'],
      zh: ['卖家 SKU'],
      it: ['SKU venditore'],
      fr: ['sku-vendeur'],
      ja: ['出品者SKU'],
      es: ['SKU del vendedor'],
    },
    kind: 'text',
    required: true,
  },
  {
    key: 'title',
    names: ['item-name'],
    local: {
      de: ['Artikelbezeichnung'],
      zh: ['商品名称'],
      it: ["Nome dell'articolo"],
      fr: ['nom-produit'],
      ja: ['商品名'],
      es: ['Título del producto'],
    },
    kind: 'text',
    required: true,
  },
  {
    key: 'price',
    names: ['price'],
    // 价格 is inferred (the other Chinese names are from public code; this one was not listed).
    local: { de: ['Preis'], it: ['Prezzo'], fr: ['prix'], ja: ['価格'], es: ['precio'], zh: ['价格'] },
    kind: 'money',
    required: true,
  },
  {
    key: 'quantity',
    names: ['quantity'],
    local: { de: ['Menge'], zh: ['数量'], it: ['Quantità'], fr: ['quantite'], es: ['cantidad'] },
    kind: 'int',
    required: true,
  },
  { key: 'listingId', names: ['listing-id'], kind: 'text' },
  { key: 'asin', names: ['asin1'], kind: 'text' },
  {
    key: 'productId',
    names: ['product-id'],
    local: {
      de: ['Produkt-ID'],
      zh: ['商品编码'],
      ja: ['商品ID'],
      it: ['Identificativo del prodotto'],
      fr: ['id-produit'],
      es: ['Identificador del producto'],
    },
    kind: 'text',
  },
  {
    key: 'productIdType',
    names: ['product-id-type'],
    local: {
      de: ['Produkt-ID-Typ'],
      zh: ['商品编码类型'],
      ja: ['商品IDタイプ'],
      it: ['Tipo di identificativo del prodotto'],
      fr: ['type-id-produit'],
      es: ['Tipo de identificador de producto'],
    },
    kind: 'text',
  },
  {
    key: 'condition',
    names: ['item-condition'],
    local: {
      de: ['Artikelzustand'],
      it: ["Condizione dell'articolo"],
      fr: ['état-produit'],
      ja: ['コンディション'],
      es: ['Estado del producto'],
    },
    kind: 'text',
  },
  {
    key: 'openDate',
    names: ['open-date'],
    local: {
      de: ['Erstellungsdatum'],
      es: ['Fecha de creación'],
      ja: ['出品日'],
      it: ['Data di creazione'],
      zh: ['开售日期'],
    },
    kind: 'text',
  },
  {
    key: 'fulfillmentChannel',
    names: ['fulfillment-channel', 'fulfilment-channel'],
    local: {
      de: ['Versender'],
      zh: ['配送渠道'],
      it: ['Canale di gestione'],
      fr: ['canal-traitement'],
      ja: ['フルフィルメント・チャンネル'],
      es: ['Canal de gestión logística'],
    },
    kind: 'text',
  },
  { key: 'pendingQuantity', names: ['pending-quantity'], kind: 'int' },
  { key: 'businessPrice', names: ['Business Price'], kind: 'money' },
];

const STATUS_FIELD: FieldSpec = {
  key: 'status',
  names: ['status'],
  local: { it: ['stato'], fr: ['statut', 'état'], ja: ['ステータス'], zh: ['状态'], es: ['estado'] },
  kind: 'text',
  required: true,
};

const ALL_LISTINGS: ReportSpec = { type: 'all-listings', period: 'none', fields: [...LISTING_FIELDS, STATUS_FIELD] };
const ACTIVE_LISTINGS: ReportSpec = { type: 'active-listings', period: 'none', fields: LISTING_FIELDS };

const MANAGE_FBA: ReportSpec = {
  type: 'manage-fba',
  period: 'none',
  fields: [
    { key: 'sku', names: ['sku'], kind: 'text', required: true },
    { key: 'available', names: ['afn-fulfillable-quantity'], kind: 'int', required: true },
    { key: 'unfulfillable', names: ['afn-unsellable-quantity'], kind: 'int', required: true },
    { key: 'reserved', names: ['afn-reserved-quantity'], kind: 'int', required: true },
    { key: 'fnsku', names: fnsku, kind: 'text' },
    { key: 'asin', names: asin, kind: 'text' },
    { key: 'productName', names: productName, kind: 'text' },
    { key: 'condition', names: ['condition'], kind: 'text' },
    { key: 'price', names: ['your-price'], kind: 'money' },
    { key: 'afnListingExists', names: ['afn-listing-exists'], kind: 'text' },
    { key: 'mfnListingExists', names: ['mfn-listing-exists'], kind: 'text' },
    { key: 'mfnFulfillable', names: ['mfn-fulfillable-quantity'], kind: 'int' },
    { key: 'warehouse', names: ['afn-warehouse-quantity'], kind: 'int' },
    { key: 'total', names: ['afn-total-quantity'], kind: 'int' },
    { key: 'inboundWorking', names: ['afn-inbound-working-quantity'], kind: 'int' },
    { key: 'inboundShipped', names: ['afn-inbound-shipped-quantity'], kind: 'int' },
    { key: 'inboundReceiving', names: ['afn-inbound-receiving-quantity'], kind: 'int' },
    { key: 'researching', names: ['afn-researching-quantity'], kind: 'int' },
  ],
};

export const REPORT_SPECS: Readonly<Record<ReportType, ReportSpec>> = {
  'all-orders': ALL_ORDERS,
  'business-child': BUSINESS_CHILD,
  'business-asin': BUSINESS_ASIN,
  'fba-inventory': FBA_INVENTORY,
  restock: RESTOCK,
  'all-listings': ALL_LISTINGS,
  'active-listings': ACTIVE_LISTINGS,
  'manage-fba': MANAGE_FBA,
};

interface NormalisedName {
  name: string;
  language: HeaderLanguage;
}

const normalisedNames = new Map<FieldSpec, NormalisedName[]>();

function namesOf(field: FieldSpec): NormalisedName[] {
  let names = normalisedNames.get(field);
  if (!names) {
    names = field.names.map((n) => ({ name: normalizeHeader(n), language: 'en' as HeaderLanguage }));
    for (const [language, local] of Object.entries(field.local ?? {}) as Array<[HeaderLanguage, readonly string[]]>) {
      for (const n of local) names.push({ name: normalizeHeader(n), language });
    }
    normalisedNames.set(field, names);
  }
  return names;
}

/** A column the report uses, found at `index` in the header row. */
export interface ColumnMatch {
  field: FieldSpec;
  index: number;
  /** The header exactly as the file wrote it (for messages). */
  header: string;
  language: HeaderLanguage;
}

export interface SpecMatch {
  spec: ReportSpec;
  columns: ColumnMatch[];
  /** Required fields with no column, by their English name. */
  missing: string[];
  /** Fields whose column appears more than once: [name, first index, second index]. */
  duplicates: Array<{ header: string; first: number; second: number }>;
  language: HeaderLanguage;
}

/**
 * Matches a header row against one report type. For each field the first listed name found wins;
 * a name found twice is a duplicate (two columns would claim the same figure).
 */
export function matchSpec(spec: ReportSpec, headers: readonly string[]): SpecMatch {
  const normalised = headers.map(normalizeHeader);
  const positions = new Map<string, number[]>();
  normalised.forEach((h, i) => {
    const list = positions.get(h);
    if (list) list.push(i);
    else positions.set(h, [i]);
  });
  const columns: ColumnMatch[] = [];
  const missing: string[] = [];
  const duplicates: SpecMatch['duplicates'] = [];
  const languages = new Map<HeaderLanguage, number>();
  for (const field of spec.fields) {
    let found: ColumnMatch | undefined;
    for (const { name, language } of namesOf(field)) {
      const at = positions.get(name);
      if (!at) continue;
      const index = at[0] as number;
      found = { field, index, header: headers[index] ?? '', language };
      if (at.length > 1) duplicates.push({ header: headers[index] ?? '', first: index, second: at[1] as number });
      break;
    }
    if (found) {
      columns.push(found);
      // Only columns that have localised names say anything about the header's language.
      if (field.local) languages.set(found.language, (languages.get(found.language) ?? 0) + 1);
    } else if (field.required) missing.push(field.names[0] as string);
  }
  let language: HeaderLanguage = 'en';
  let most = languages.get('en') ?? 0;
  for (const [lang, n] of languages) {
    if (n > most) {
      language = lang;
      most = n;
    }
  }
  return { spec, columns, missing, duplicates, language };
}

export type Detection =
  | { ok: true; match: SpecMatch }
  | { ok: false; closest: SpecMatch; recognisable: boolean; duplicate?: false }
  | { ok: false; closest: SpecMatch; recognisable: true; duplicate: true };

/**
 * The report type of a header row. Among the types whose required columns are all present, the
 * one that uses the most columns wins (All Listings over Active Listings when `status` is there,
 * the child-item Business Report over the by-ASIN one when `SKU` is). Otherwise the closest type is
 * the one missing the fewest required columns; `recognisable` says whether it resembles the file
 * enough (at least half its required columns) to name what is missing rather than call the file
 * unknown.
 */
export function detectReport(headers: readonly string[], forced?: ReportType): Detection {
  const matches = (forced ? [REPORT_SPECS[forced]] : Object.values(REPORT_SPECS)).map((spec) =>
    matchSpec(spec, headers),
  );
  const complete = matches.filter((m) => m.missing.length === 0);
  const score = (m: SpecMatch) => m.spec.fields.filter((f) => f.required).length * 100 + m.columns.length;
  if (complete.length > 0) {
    const best = complete.reduce((a, b) => (score(b) > score(a) ? b : a));
    if (best.duplicates.length > 0) return { ok: false, closest: best, recognisable: true, duplicate: true };
    return { ok: true, match: best };
  }
  const closest = matches.reduce((a, b) => {
    const ra = requiredShare(a);
    const rb = requiredShare(b);
    return rb > ra || (rb === ra && b.columns.length > a.columns.length) ? b : a;
  });
  return { ok: false, closest, recognisable: requiredShare(closest) >= 0.5 };
}

function requiredShare(m: SpecMatch): number {
  const required = m.spec.fields.filter((f) => f.required).length;
  return required === 0 ? 0 : (required - m.missing.length) / required;
}

/** Header languages whose numbers use a decimal comma, when the cells themselves do not say. */
export function numberLocaleForLanguage(language: HeaderLanguage): 'en' | 'eu' {
  return language === 'de' || language === 'fr' || language === 'it' || language === 'es' ? 'eu' : 'en';
}
