import Encoding from 'encoding-japanese';
import { type Marketplace, marketplaceByCode, marketplaceById } from '../marketplaces';
import type { Channel } from '../model/listing';
import { type ListingsFeed, ListingsFeedSchema, MAX_FEED_MESSAGES } from './feed-schema';
import { type BulkMessage, message } from './message';
import { MAX_HANDLING_DAYS } from './operations';
import type { PlannedRow } from './plan';

/**
 * Inventory files for what the page's editors cannot do (or for sellers who prefer uploading):
 * Amazon's Price & Quantity file for "Add Products via Upload", and a JSON_LISTINGS_FEED document
 * for sellers with their own Selling Partner API access.
 *
 * Decisions, from reference/seller-central.md §3 and inventory-planning §1.2:
 * - Columns: the Price & Quantity template's column set used by tools against Amazon,
 *   `sku, price, minimum-seller-allowed-price, maximum-seller-allowed-price, quantity,
 *   handling-time, fulfillment-channel`. Amazon reads columns by the machine names in row 3 and
 *   leaves blank cells unchanged in this modify-only template, so only the changed cells are filled.
 *   `fulfillment-channel` stays blank: writing DEFAULT would itself convert a listing to
 *   merchant-fulfilled if the page had misreported it.
 * - Three header rows (TemplateType/Version marker, labels, machine names); row 1 is padded to the
 *   column count, as Excel saves the template. Record 1 is therefore file line 4.
 * - CRLF line ends: what Excel writes when the template is saved as tab-delimited text on Windows,
 *   the path Amazon's upload sees most (public tooling for Amazon.co.jp writes CRLF too).
 * - UTF-8 without a byte-order mark: Amazon recognises the template by the file starting with
 *   `TemplateType=PriceInventory`; a BOM would come before it. Japan: Windows-31J (Shift_JIS), as
 *   Amazon.co.jp requires; a SKU that Windows-31J cannot hold exactly is refused, never replaced.
 * - SKUs are written byte for byte: no spreadsheet formula escaping (this file is never opened as
 *   a formula sheet by Amazon, and an added prefix would be a different SKU).
 */

export interface FileRow {
  sku: string;
  channel: Channel;
  quantity?: number;
  handlingTime?: number;
}

export interface FileError {
  sku: string;
  message: BulkMessage;
}

export interface InventoryFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  encoding: 'UTF-8' | 'Windows-31J';
  /** SKU of each record in written order: record n (Amazon's original-record-number) is `records[n - 1]`. */
  records: string[];
  headerRows: number;
  /** The file line of record 1. */
  firstRecordLine: number;
}

export type FileResult<T> = { ok: true; file: T } | { ok: false; errors: FileError[] };

export const PRICE_QUANTITY_COLUMNS = [
  'sku',
  'price',
  'minimum-seller-allowed-price',
  'maximum-seller-allowed-price',
  'quantity',
  'handling-time',
  'fulfillment-channel',
] as const;
type Column = (typeof PRICE_QUANTITY_COLUMNS)[number];

interface Template {
  note: string;
  labels: Record<Column, string>;
}

/**
 * Amazon's own header texts, in the template's language (not the seller's: Amazon reads this file,
 * so these are not translated). Japanese texts are those of Amazon.co.jp's template as used by
 * public tooling; English ones follow Amazon's flat-file templates.
 */
const TEMPLATES: Record<'en' | 'ja', Template> = {
  en: {
    note: 'The top 3 rows are for Amazon.com use only. Do not modify or delete the top 3 rows.',
    labels: {
      sku: 'SKU',
      price: 'Price',
      'minimum-seller-allowed-price': 'Minimum Seller Allowed Price',
      'maximum-seller-allowed-price': 'Maximum Seller Allowed Price',
      quantity: 'Quantity',
      'handling-time': 'Handling Time',
      'fulfillment-channel': 'Fulfillment Channel',
    },
  },
  ja: {
    note: 'この行はAmazonが使用しますので変更や削除しないでください。',
    labels: {
      sku: '商品管理番号',
      price: '販売価格',
      'minimum-seller-allowed-price': '販売価格の下限設定',
      'maximum-seller-allowed-price': '販売価格の上限設定',
      quantity: '在庫数',
      'handling-time': '出荷作業日数',
      'fulfillment-channel': '出荷経路',
    },
  },
};

export const TEMPLATE_MARKER = ['TemplateType=PriceInventory', 'Version=2018.0924'] as const;
const HEADER_ROWS = 3;
const EOL = '\r\n';
/** C0 controls and DEL: a tab or line break would split the row; the others are never part of a real SKU. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
const QUANTITY_CEILING = 10_000_000;

/** The rows of a plan that a file should carry: changed rows only, one per SKU (fields merged). */
export function fileRowsFromPlan(rows: readonly PlannedRow[]): FileRow[] {
  const out: FileRow[] = [];
  const byKey = new Map<string, FileRow>();
  for (const row of rows) {
    if (row.action !== 'change' || row.after === null) continue;
    const existing = byKey.get(row.key);
    if (existing && existing[row.field] === undefined) {
      existing[row.field] = row.after;
      continue;
    }
    // The same field twice stays two rows, so the writer reports the duplicate instead of picking one.
    const fileRow: FileRow = { sku: row.sku, channel: row.channel, [row.field]: row.after };
    out.push(fileRow);
    if (!existing) byKey.set(row.key, fileRow);
  }
  return out;
}

function isWhole(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

/** Checks every row the same way for both formats; all problems are returned, not just the first. */
function validateRows(rows: readonly FileRow[]): FileError[] {
  const errors: FileError[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const sku = row.sku;
    if (sku === '') {
      errors.push({ sku, message: message('bulk.file.emptySku') });
      continue;
    }
    if (hasControl(sku)) {
      errors.push({ sku, message: message('bulk.file.skuControl', { sku: JSON.stringify(sku).slice(1, -1) }) });
      continue;
    }
    if (seen.has(sku)) errors.push({ sku, message: message('bulk.file.duplicateSku', { sku }) });
    seen.add(sku);
    // Second line of defence: the plan already refuses FBA rows, but a quantity in this file would
    // turn an FBA listing merchant-fulfilled and strand its stock, so the writer checks again.
    if (row.channel === 'fba') {
      if (row.quantity !== undefined) errors.push({ sku, message: message('bulk.file.fbaQuantity', { sku }) });
      if (row.handlingTime !== undefined) errors.push({ sku, message: message('bulk.file.fbaHandling', { sku }) });
    }
    if (row.quantity === undefined && row.handlingTime === undefined) {
      errors.push({ sku, message: message('bulk.file.nothingToWrite', { sku }) });
    }
    if (row.quantity !== undefined && !isWhole(row.quantity, QUANTITY_CEILING)) {
      errors.push({ sku, message: message('bulk.file.badValue', { sku, value: String(row.quantity) }) });
    }
    if (row.handlingTime !== undefined && !isWhole(row.handlingTime, MAX_HANDLING_DAYS)) {
      errors.push({ sku, message: message('bulk.file.badValue', { sku, value: String(row.handlingTime) }) });
    }
  }
  return errors;
}

function encodeWindows31J(text: string): number[] {
  return Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', fallback: 'error' });
}

let shiftJisDecoder: TextDecoder | undefined;

/**
 * Reads bytes back the way a Windows-31J consumer does: the Encoding Standard's Shift_JIS decoder
 * is Windows-31J (NEC and IBM extensions included), is native, and is independent of the encoder.
 */
function decodeWindows31J(bytes: readonly number[] | Uint8Array): string {
  shiftJisDecoder ??= new TextDecoder('shift_jis');
  return shiftJisDecoder.decode(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
}

/**
 * The first character of `text` that Windows-31J cannot carry exactly, or undefined. "Exactly"
 * means it reads back as the same character: WAVE DASH (U+301C) encodes to the byte pair that
 * Windows-31J reads as FULLWIDTH TILDE (U+FF5E), which on Amazon's side would be another SKU.
 */
export function firstNonWindows31J(text: string): string | undefined {
  for (const char of text) {
    if (char.charCodeAt(0) >= 0x80 && !roundTrips(char)) return char;
  }
  return undefined;
}

/** Per-character verdicts: a batch repeats the same few hundred characters thousands of times. */
const roundTripCache = new Map<string, boolean>();

function roundTrips(char: string): boolean {
  let verdict = roundTripCache.get(char);
  if (verdict === undefined) {
    try {
      verdict = decodeWindows31J(encodeWindows31J(char)) === char;
    } catch {
      verdict = false;
    }
    roundTripCache.set(char, verdict);
  }
  return verdict;
}

/** The whole text in Windows-31J, or undefined if any character would not read back as itself. */
function windows31JExactly(text: string): Uint8Array | undefined {
  try {
    const bytes = Uint8Array.from(encodeWindows31J(text));
    return decodeWindows31J(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function pad(cells: string[], width: number): string[] {
  return cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill('')];
}

function templateFor(marketplace: Marketplace): Template {
  return marketplace.language === 'ja' ? TEMPLATES.ja : TEMPLATES.en;
}

function stamp(now: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}`;
}

export interface PriceQuantityOptions {
  /** Marketplace code (US, UK, JP …): decides the header language and the encoding. */
  marketplace: string;
  /** For the file name only (ms since epoch); the marketplace's local time is used. */
  now?: number;
}

/** The text of a Price & Quantity file, before encoding (exported for tests and previews). */
export function priceQuantityText(rows: readonly FileRow[], marketplace: Marketplace): string {
  const template = templateFor(marketplace);
  const width = PRICE_QUANTITY_COLUMNS.length;
  const lines: string[] = [
    pad([...TEMPLATE_MARKER, template.note], width).join('\t'),
    PRICE_QUANTITY_COLUMNS.map((column) => template.labels[column]).join('\t'),
    PRICE_QUANTITY_COLUMNS.join('\t'),
  ];
  for (const row of rows) {
    const cells: Record<Column, string> = {
      sku: row.sku,
      price: '',
      'minimum-seller-allowed-price': '',
      'maximum-seller-allowed-price': '',
      quantity: row.quantity === undefined ? '' : String(row.quantity),
      'handling-time': row.handlingTime === undefined ? '' : String(row.handlingTime),
      'fulfillment-channel': '',
    };
    lines.push(PRICE_QUANTITY_COLUMNS.map((column) => cells[column]).join('\t'));
  }
  return lines.join(EOL) + EOL;
}

/**
 * Amazon's Price & Quantity inventory file (TemplateType=PriceInventory), tab-delimited, for
 * "Add Products via Upload". Refuses, naming each SKU, rather than writing anything unsafe.
 */
export function priceQuantityFile(rows: readonly FileRow[], options: PriceQuantityOptions): FileResult<InventoryFile> {
  const marketplace = marketplaceByCode(options.marketplace);
  if (!marketplace) {
    return {
      ok: false,
      errors: [{ sku: '', message: message('bulk.file.unknownMarketplace', { marketplace: options.marketplace }) }],
    };
  }
  if (rows.length === 0) return { ok: false, errors: [{ sku: '', message: message('bulk.file.empty') }] };
  const errors = validateRows(rows);
  const japanese = marketplace.code === 'JP';
  const text = priceQuantityText(rows, marketplace);
  let bytes: Uint8Array | undefined;
  if (!japanese) bytes = new TextEncoder().encode(text);
  else if (errors.length === 0) bytes = windows31JExactly(text);
  // Only when the whole file does not round-trip (or is refused anyway) are SKUs checked one by one,
  // so the seller learns every SKU at fault at once.
  if (japanese && bytes === undefined) {
    for (const row of rows) {
      const char = firstNonWindows31J(row.sku);
      if (char !== undefined) {
        errors.push({ sku: row.sku, message: message('bulk.file.notWindows31J', { sku: row.sku, char }) });
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (bytes === undefined) throw new Error('Windows-31J encoding failed although every SKU round-trips');
  return {
    ok: true,
    file: {
      filename: `shelfwise-price-quantity-${marketplace.code}-${stamp(options.now ?? Date.now(), marketplace.timeZone)}.txt`,
      mimeType: japanese ? 'text/plain;charset=Shift_JIS' : 'text/plain;charset=UTF-8',
      bytes,
      encoding: japanese ? 'Windows-31J' : 'UTF-8',
      records: rows.map((row) => row.sku),
      headerRows: HEADER_ROWS,
      firstRecordLine: HEADER_ROWS + 1,
    },
  };
}

export interface FeedOptions {
  sellerId: string;
  /** Where the feed is submitted (createFeed's marketplaceIds); the document itself does not carry it. */
  marketplaceId: string;
  issueLocale?: string;
  now?: number;
}

export interface FeedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  feed: ListingsFeed;
  feedType: 'JSON_LISTINGS_FEED';
  marketplaceIds: string[];
  /** SKU of each message: messageId n is `records[n - 1]`. */
  records: string[];
}

/**
 * A JSON_LISTINGS_FEED document: one PATCH message per SKU with a `merge` on
 * `/attributes/fulfillment_availability` for the merchant channel (DEFAULT). Only the fields that
 * change are sent: `quantity` for quantity operations, `lead_time_to_ship_max_days` for handling
 * time; merge leaves every other field (restock date, the other one of the two) as it is.
 */
export function jsonListingsFeed(rows: readonly FileRow[], options: FeedOptions): FileResult<FeedFile> {
  if (rows.length === 0) return { ok: false, errors: [{ sku: '', message: message('bulk.file.empty') }] };
  if (rows.length > MAX_FEED_MESSAGES) {
    return { ok: false, errors: [{ sku: '', message: message('bulk.file.tooMany', { max: MAX_FEED_MESSAGES }) }] };
  }
  const errors = validateRows(rows);
  if (errors.length > 0) return { ok: false, errors };

  const feed: ListingsFeed = {
    header: {
      sellerId: options.sellerId,
      version: '2.0',
      ...(options.issueLocale ? { issueLocale: options.issueLocale } : {}),
    },
    messages: rows.map((row, index) => {
      const value: Record<string, string | number> = { fulfillment_channel_code: 'DEFAULT' };
      if (row.quantity !== undefined) value.quantity = row.quantity;
      if (row.handlingTime !== undefined) value.lead_time_to_ship_max_days = row.handlingTime;
      return {
        messageId: index + 1,
        sku: row.sku,
        operationType: 'PATCH' as const,
        productType: 'PRODUCT',
        patches: [{ op: 'merge' as const, path: '/attributes/fulfillment_availability', value: [value] }],
      };
    }),
  };
  // The builder's own output must meet the documented shape; a failure here is a bug, not bad input.
  const checked = ListingsFeedSchema.safeParse(feed);
  if (!checked.success) throw new Error(`JSON_LISTINGS_FEED does not match its schema: ${checked.error.message}`);

  const marketplace = marketplaceById(options.marketplaceId);
  const name = `${marketplace?.code ?? options.marketplaceId}-${stamp(options.now ?? Date.now(), marketplace?.timeZone ?? 'UTC')}`;
  return {
    ok: true,
    file: {
      filename: `shelfwise-listings-feed-${name}.json`,
      mimeType: 'application/json',
      bytes: new TextEncoder().encode(JSON.stringify(feed)),
      feed,
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: [options.marketplaceId],
      records: rows.map((row) => row.sku),
    },
  };
}
