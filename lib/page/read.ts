import type { Channel, Generation, Listing, Reason, Stock } from '../model/listing';
import { currencyIn } from './currency';
import { displayedText, katInputValue, katLabelText, outermost, text } from './dom';
import { type FieldLabel, fieldForLabel, readChannelText, readStatusText, salesLabelDays } from './labels';
import { readAccount, readMarketplace } from './marketplace';
import { type DecimalMark, decimalMarkFor, parsePageCount, parsePageNumber } from './numbers';
import { CLASS_PREFIX, LEGACY_COLUMNS, SELECTORS } from './selectors';

/**
 * Seller Central inventory page → Listing[], for both page generations. Structure first
 * (data-sku, data-row-data, data-column, class prefixes, custom elements); text only where two
 * things share a structure (which key/value row is "Reserved"), through the label table.
 * A row that cannot be read with confidence is reported, never guessed.
 */

export interface PageContext {
  generation: Generation;
  account: string;
  accountFromPage: boolean;
  marketplace: string | null;
  marketplaceSource: 'page' | 'host' | null;
  pageLanguage: string;
  mark: DecimalMark;
}

export type RowProblem =
  | 'sku-mismatch'
  | 'no-sku'
  | 'no-structure'
  | 'no-state'
  | 'no-quantity'
  | 'no-channel'
  | 'bad-number'
  | 'loading';

export interface RowReading {
  /** The row element: `tr.mt-row` or the outermost `[data-sku]`. */
  element: Element;
  sku: string;
  listing?: Listing;
  problem?: RowProblem;
  /** The seller has typed into this row's editors and not saved: its figures are not the page's yet. */
  dirty: boolean;
  /** Where the row's decoration goes (place.ts decorationHost), when reading met it on the way. */
  anchor?: Element;
}

export function readPageContext(doc: Document, url: URL, generation: Generation, fallbackAccount: string): PageContext {
  const pageLanguage = doc.documentElement.lang || '';
  const marketplace = readMarketplace(doc, url);
  const account = readAccount(doc);
  return {
    generation,
    account: account ?? fallbackAccount,
    accountFromPage: account !== undefined,
    marketplace: marketplace.code,
    marketplaceSource: marketplace.source,
    pageLanguage,
    mark: decimalMarkFor(pageLanguage),
  };
}

/** The row elements of a page (or of a subtree that arrived later). */
export function findRowElements(root: ParentNode, generation: Generation): Element[] {
  if (generation === 'legacy') return [...root.querySelectorAll(SELECTORS.legacy.row.selector)];
  const selector = SELECTORS.current.row.selector;
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  return outermost(found, selector);
}

/** Whether the page shows any row yet: findRowElements without gathering them. */
export function hasRows(doc: Document, generation: Generation): boolean {
  return doc.querySelector(SELECTORS[generation].row.selector) !== null;
}

export interface ReadOptions {
  /**
   * Walk every element of the row rather than find its parts by the class names learned from the
   * rows before it. For reads a write depends on, and for the first row of each batch, so that a
   * part with a class name not seen yet is learned.
   */
  thorough?: boolean;
}

export function readRow(element: Element, context: PageContext, options: ReadOptions = {}): RowReading {
  return context.generation === 'legacy'
    ? readLegacyRow(element, context)
    : readCurrentRow(element, context, options.thorough ?? false);
}

/** A batch of rows: the first walked in full (new class names are learned), the rest found by name. */
export function readRows(elements: readonly Element[], context: PageContext): RowReading[] {
  return elements.map((element, index) => readRow(element, context, { thorough: index === 0 }));
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

interface Fields {
  values: Partial<Record<FieldLabel, string>>;
  editable: Partial<Record<FieldLabel, boolean>>;
  dirty: boolean;
}

function emptyFields(): Fields {
  return { values: {}, editable: {}, dirty: false };
}

function setField(fields: Fields, field: FieldLabel, valueElement: Element): void {
  // The editor is the value element itself or, most often, its only child: no search then.
  const child = valueElement.firstElementChild;
  const input =
    valueElement.localName === 'kat-input'
      ? valueElement
      : child !== null && child.localName === 'kat-input' && child.nextElementSibling === null
        ? child
        : (valueElement.querySelector('kat-input') ?? valueElement.querySelector('input'));
  if (input) {
    if (input.localName === 'kat-input') {
      const { value, rendered } = katInputValue(input);
      fields.values[field] = value;
      if (rendered !== null && rendered !== value) fields.dirty = true;
    } else {
      const plain = input as HTMLInputElement;
      fields.values[field] = plain.value;
      if (plain.defaultValue !== plain.value) fields.dirty = true;
    }
    fields.editable[field] = !input.hasAttribute('disabled') && !input.hasAttribute('readonly');
  } else {
    fields.values[field] = displayedText(valueElement);
  }
}

function count(value: string | undefined, mark: DecimalMark): number | undefined | null {
  if (value === undefined) return undefined;
  const parsed = parsePageCount(value, mark);
  // null marks "the page shows something here that is not a count": a read error, not a zero.
  return parsed === undefined ? (value.trim() === '' || /^[-—–]$/.test(value.trim()) ? undefined : null) : parsed;
}

/** A cell that shows nothing but a currency sign or a dash has no amount (an empty maximum price). */
const BLANK_AMOUNT = /^[\s$€£¥￥₹₺—–-]*(?:[A-Z]{1,3})?[\s$€£¥￥₹₺—–-]*$/;

function money(value: string | undefined, mark: DecimalMark): number | undefined | null {
  if (value === undefined || BLANK_AMOUNT.test(value)) return undefined;
  const parsed = parsePageNumber(value, mark);
  return parsed === undefined || parsed < 0 ? null : parsed;
}

const ASIN_IN_URL = /\/(?:dp|gp\/product)\/([A-Z0-9]{10})(?:[/?#]|$)/;

function asinFromHref(href: string | null | undefined): string | undefined {
  return href ? ASIN_IN_URL.exec(href)?.[1] : undefined;
}

const STOCK_FIELDS: ReadonlyArray<readonly [keyof Stock, FieldLabel]> = [
  ['inbound', 'inbound'],
  ['inboundWorking', 'inboundWorking'],
  ['inboundShipped', 'inboundShipped'],
  ['inboundReceiving', 'inboundReceiving'],
  ['reserved', 'reserved'],
  ['unfulfillable', 'unfulfillable'],
  ['stranded', 'stranded'],
];

const PRICE_FIELDS = [
  ['price', 'price'],
  ['minPrice', 'minPrice'],
  ['maxPrice', 'maxPrice'],
] as const;

interface Assembled {
  listing?: Listing;
  problem?: RowProblem;
}

/**
 * Turns what a row shows into a Listing, or names what is missing. Shared by both generations so
 * that the rules (what makes a row readable, what "out of stock" means) are one.
 */
function assemble(
  context: PageContext,
  sku: string,
  parts: {
    fields: Fields;
    statusTexts: string[];
    channelHint?: Channel;
    title?: string;
    imageUrl?: string;
    asin?: string;
    fnsku?: string;
    parentAsin?: string;
    isParent: boolean;
    quantityEditable: boolean;
    currency?: string;
    pageSales?: { units: number; days: number };
  },
): Assembled {
  const { fields, isParent } = parts;
  const v = fields.values;
  const mark = context.mark;

  const stock: Stock = {};
  const availableText = v.availableMfn ?? v.availableFba ?? v.available;
  const available = count(availableText, mark);
  if (available === null) return { problem: 'bad-number' };
  if (available !== undefined) stock.available = available;
  for (const [key, field] of STOCK_FIELDS) {
    const value = count(v[field], mark);
    if (value === null) return { problem: 'bad-number' };
    if (value !== undefined) stock[key] = value;
  }

  let channel: Channel | undefined = parts.channelHint;
  if (!channel) {
    if (v.availableFba !== undefined || parts.fnsku) channel = 'fba';
    else if (v.availableMfn !== undefined || parts.quantityEditable) channel = 'mfn';
    // A plain "Available" (zh-TW 有貨, reference §1.3) with nothing of Amazon's warehouse beside
    // it: no FNSKU (shown for FBA offers only) and no inbound, reserved, unfulfillable or stranded
    // units. A closed or non-editable merchant row says no more than that.
    else if (v.available !== undefined && !isParent && STOCK_FIELDS.every(([, field]) => v[field] === undefined)) {
      channel = 'mfn';
    }
  }

  const status = readStatusText(...parts.statusTexts);
  const reasons = new Set<Reason>(status.reasons);
  let state = status.state;

  if (!isParent) {
    if (!channel) return { problem: 'no-channel' };
    if (!state) {
      // A status line that only names a reason ("Stranded", "Out of stock") is an inactive offer.
      if (reasons.size > 0) state = 'inactive';
      else return { problem: 'no-state' };
    }
    if (stock.available === undefined && state !== 'closed' && reasons.size === 0) return { problem: 'no-quantity' };
    // An inactive merchant-fulfilled listing at 0 is out of stock, not broken.
    if (channel === 'mfn' && state === 'inactive' && stock.available === 0 && reasons.size === 0) {
      reasons.add('out_of_stock');
    }
  }

  const [main = '', ...reasonLines] = parts.statusTexts.filter(Boolean);
  const listing: Listing = {
    account: context.account,
    marketplace: context.marketplace,
    sku,
    // A parent has no offer; the schema wants a channel, and a parent is nobody's FBA stock.
    channel: channel ?? 'mfn',
    quantityEditable: !isParent && parts.quantityEditable,
    stock,
    state: state ?? 'active',
    reasons: [...reasons],
    // The status as the page writes it: the main line, then its reason lines in parentheses.
    statusText: reasonLines.length ? `${main} (${reasonLines.join(', ')})` : main,
    isParent,
  };
  if (parts.asin) listing.asin = parts.asin;
  if (parts.fnsku) listing.fnsku = parts.fnsku;
  if (parts.parentAsin) listing.parentAsin = parts.parentAsin;
  if (parts.title) listing.title = parts.title;
  if (parts.imageUrl) listing.imageUrl = parts.imageUrl;
  for (const [key, field] of PRICE_FIELDS) {
    const value = money(v[field], mark);
    if (value === null) return { problem: 'bad-number' };
    if (value !== undefined) listing[key] = value;
  }
  const handling = count(v.handlingTime?.replace(/[^\d０-９]/g, '') || undefined, mark);
  if (typeof handling === 'number') listing.handlingTime = handling;
  if (v.condition) listing.condition = v.condition;
  if (parts.currency && !isParent) listing.currency = parts.currency;
  if (parts.pageSales && !isParent) listing.pageSales = parts.pageSales;
  return { listing };
}

// ---------------------------------------------------------------------------------------------
// Current page (/myinventory/inventory)

/** The parts of a current-page row. */
interface CurrentParts {
  details?: Element;
  titleContainer?: Element;
  productText?: Element;
  splitRows: Element[];
  priceContainer?: Element;
  priceRows: Element[];
  statusLabel?: Element;
}

type PartKind = 'splitRow' | 'priceRow' | 'details' | 'productText' | 'titleContainer' | 'priceContainer' | 'status';

/** Checked in this order: an element whose classes name two parts is the first of them. */
const PART_PREFIXES: ReadonlyArray<readonly [PartKind, string]> = [
  ['splitRow', CLASS_PREFIX.splitRow],
  ['priceRow', CLASS_PREFIX.priceRow],
  ['details', CLASS_PREFIX.productDetails],
  ['productText', CLASS_PREFIX.productText],
  ['titleContainer', CLASS_PREFIX.titleContainer],
  ['priceContainer', CLASS_PREFIX.priceContainer],
  ['status', CLASS_PREFIX.status],
];

/**
 * The full class names (prefix plus build hash) each part has been seen with on this document. A
 * CSS-module class is fixed for a page load, so once a row has been walked, the other rows' parts are
 * found by exact class name, which the browser indexes, instead of testing every element's class
 * string against every prefix (a quarter of a millisecond per row on a 250-row page).
 */
type PartTokens = Record<PartKind, string[]>;
const learnedTokens = new WeakMap<Document, PartTokens>();

function tokensFor(doc: Document): PartTokens {
  let tokens = learnedTokens.get(doc);
  if (!tokens) {
    tokens = {
      splitRow: [],
      priceRow: [],
      details: [],
      productText: [],
      titleContainer: [],
      priceContainer: [],
      status: [],
    };
    learnedTokens.set(doc, tokens);
  }
  return tokens;
}

function learn(tokens: PartTokens, kind: PartKind, cls: string, prefix: string): void {
  for (const token of cls.split(/\s+/)) {
    if (token.includes(prefix) && !tokens[kind].includes(token)) tokens[kind].push(token);
  }
}

/**
 * Every part of the row by one walk over its elements, matching class prefixes in script (one
 * `[class*=…]` query per part costs more still). Records the class names it met.
 */
function walkCurrentParts(row: Element): CurrentParts {
  const tokens = tokensFor(row.ownerDocument);
  const parts: CurrentParts = { splitRows: [], priceRows: [] };
  const all = row.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const element = all[i] as Element;
    if (element.localName === 'kat-label') {
      const container = element.parentElement?.getAttribute('class');
      if (!parts.statusLabel && container?.includes(CLASS_PREFIX.status)) {
        parts.statusLabel = element;
        learn(tokens, 'status', container, CLASS_PREFIX.status);
      }
      continue;
    }
    const cls = element.getAttribute('class');
    if (!cls) continue;
    for (const [kind, prefix] of PART_PREFIXES) {
      if (!cls.includes(prefix)) continue;
      learn(tokens, kind, cls, prefix);
      if (kind === 'splitRow') parts.splitRows.push(element);
      else if (kind === 'priceRow') parts.priceRows.push(element);
      else if (kind !== 'status' && !parts[kind]) parts[kind] = element;
      break;
    }
  }
  // The status label may sit deeper than a direct child of its container.
  if (!parts.statusLabel) parts.statusLabel = row.querySelector(SELECTORS.current.status.selector) ?? undefined;
  return parts;
}

function firstByClass(row: Element, names: readonly string[]): Element | undefined {
  let first: Element | undefined;
  for (const name of names) {
    const found = row.getElementsByClassName(name)[0];
    if (found && (!first || first.compareDocumentPosition(found) & Node.DOCUMENT_POSITION_PRECEDING)) first = found;
  }
  return first;
}

function allByClass(row: Element, names: readonly string[]): Element[] {
  const found: Element[] = [];
  for (const name of names) {
    const list = row.getElementsByClassName(name);
    for (let i = 0; i < list.length; i++) found.push(list[i] as Element);
  }
  return found;
}

/**
 * The row's parts by the class names learned from earlier rows. Undefined until every kind of part
 * has been seen: a part whose name is not known yet would be missed without a trace (a price row, if
 * only parents had been walked), so until then every row is walked.
 */
function findCurrentParts(row: Element): CurrentParts | undefined {
  const tokens = learnedTokens.get(row.ownerDocument);
  if (!tokens) return undefined;
  for (const [kind] of PART_PREFIXES) if (tokens[kind].length === 0) return undefined;
  const parts: CurrentParts = { splitRows: allByClass(row, tokens.splitRow), priceRows: [] };
  for (const priceRow of allByClass(row, tokens.priceRow)) {
    if (!parts.splitRows.includes(priceRow)) parts.priceRows.push(priceRow);
  }
  const details = firstByClass(row, tokens.details);
  if (details) parts.details = details;
  const productText = firstByClass(row, tokens.productText);
  if (productText) parts.productText = productText;
  const titleContainer = firstByClass(row, tokens.titleContainer);
  if (titleContainer) parts.titleContainer = titleContainer;
  const priceContainer = firstByClass(row, tokens.priceContainer);
  if (priceContainer) parts.priceContainer = priceContainer;
  const status = firstByClass(row, tokens.status);
  if (status) {
    let label: Element | null | undefined = status.firstElementChild;
    while (label && label.localName !== 'kat-label') label = label.nextElementSibling;
    label ??= status.getElementsByTagName('kat-label')[0];
    if (label) parts.statusLabel = label;
  }
  return parts;
}

function isSplitPanel(element: Element): boolean {
  return element.getAttribute('class')?.includes(CLASS_PREFIX.splitPanel) ?? false;
}

function readCurrentRow(element: Element, context: PageContext, thorough: boolean): RowReading {
  if (!thorough) {
    const parts = findCurrentParts(element);
    const quick = parts && readCurrentParts(element, context, parts);
    // A row the learned class names do not explain is walked in full (and teaches new names): one
    // that reads with a problem, and one missing a part every such row has (its key/value rows, an
    // offer's price box). Otherwise a price box under a name not seen yet would go unread, silently.
    if (
      quick &&
      !quick.problem &&
      parts.splitRows.length > 0 &&
      (quick.listing?.isParent || parts.priceContainer !== undefined)
    ) {
      return quick;
    }
  }
  return readCurrentParts(element, context, walkCurrentParts(element));
}

function readCurrentParts(element: Element, context: PageContext, parts: CurrentParts): RowReading {
  const sku = element.getAttribute('data-sku') ?? '';
  const base = { element, sku, dirty: false };
  if (!sku) return { ...base, problem: 'no-sku' };

  const { details, splitRows, priceContainer } = parts;
  if (!details && splitRows.length === 0) return { ...base, problem: 'no-structure' };

  const fields = emptyFields();
  let skuShown: string | undefined;
  let quantityEditable = false;
  let pageSales: { units: number; days: number } | undefined;
  for (const row of splitRows) {
    let labelPanel: Element | undefined;
    let valuePanel: Element | undefined;
    // Label and value are the row's two panels; a row with more children says which by class.
    if (row.childElementCount > 2) {
      for (const child of row.children) {
        if (!isSplitPanel(child)) continue;
        if (!labelPanel) labelPanel = child;
        else if (!valuePanel) valuePanel = child;
      }
    }
    labelPanel ??= row.firstElementChild ?? undefined;
    valuePanel ??= labelPanel?.nextElementSibling ?? undefined;
    if (!labelPanel || !valuePanel) continue;
    const labelText = displayedText(labelPanel);
    const field = fieldForLabel(labelText);
    if (!field) {
      const days = salesLabelDays(labelText);
      const units = days === undefined ? undefined : parsePageCount(displayedText(valuePanel), context.mark);
      if (days !== undefined && units !== undefined) pageSales = { units, days };
      continue;
    }
    if (field === 'sku') {
      skuShown = displayedText(valuePanel);
      continue;
    }
    setField(fields, field, valuePanel);
    if ((field === 'availableMfn' || field === 'available') && fields.editable[field]) quantityEditable = true;
  }
  if (skuShown !== undefined && skuShown !== sku) return { ...base, problem: 'sku-mismatch' };

  // Price, minimum and maximum: label in the row's first child, value in its kat-input.
  for (const priceRow of parts.priceRows) {
    const label = priceRow.firstElementChild;
    const field = label ? fieldForLabel(displayedText(label)) : undefined;
    if (!label || !field || (field !== 'price' && field !== 'minPrice' && field !== 'maxPrice')) continue;
    const input = priceRow.querySelector('kat-input');
    if (input) {
      setField(fields, field, input);
    } else {
      // Rows that cannot be edited (closed) print the price as text after the label.
      const shown = [...priceRow.children]
        .filter((child) => child !== label)
        .map(displayedText)
        .join(' ')
        .trim();
      if (shown) fields.values[field] = shown;
    }
  }

  const titleLink = (parts.titleContainer?.querySelector('a') ??
    parts.productText?.querySelector('a[href*="/dp/"]') ??
    null) as HTMLAnchorElement | null;
  const image = details?.querySelector('img') as HTMLImageElement | null;
  const statusTexts = readCurrentStatus(parts.statusLabel);
  const asin = fields.values.asin?.trim() || asinFromHref(titleLink?.getAttribute('href'));
  const fnsku = fields.values.fnsku?.trim() || undefined;

  // A variation parent has product details but no offer: no price editor and no stock figures.
  const hasOffer =
    !!priceContainer ||
    fields.values.availableFba !== undefined ||
    fields.values.availableMfn !== undefined ||
    fields.values.available !== undefined;
  const isParent = !!details && !hasOffer;

  const assembled = assemble(context, sku, {
    fields,
    statusTexts,
    title: titleLink ? text(titleLink) : undefined,
    imageUrl: image?.getAttribute('src') ?? undefined,
    asin,
    fnsku,
    isParent,
    quantityEditable,
    currency: priceContainer ? currencyIn(text(priceContainer), context.marketplace) : undefined,
    pageSales,
  });
  const anchor = parts.productText ?? details;
  return anchor
    ? { ...base, dirty: fields.dirty, anchor, ...assembled }
    : { ...base, dirty: fields.dirty, ...assembled };
}

/** The status label, then any reason lines the status cell shows under it. */
function readCurrentStatus(label: Element | undefined): string[] {
  if (!label) return [];
  const texts = [katLabelText(label)];
  const container = label.parentElement;
  if (container) {
    for (const child of container.children) {
      if (child === label || child.contains(label)) continue;
      const line = displayedText(child);
      if (line) texts.push(line);
    }
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------
// Legacy page (/inventory, /hz/inventory)

interface LegacyRowData {
  sku?: unknown;
  asin?: unknown;
  fnsku?: unknown;
  title?: unknown;
  price?: unknown;
}

function parseRowData(element: Element): LegacyRowData {
  const raw = element.getAttribute('data-row-data');
  if (!raw) return {};
  try {
    const data = JSON.parse(raw) as unknown;
    return data && typeof data === 'object' ? (data as LegacyRowData) : {};
  } catch {
    return {};
  }
}

/** Row ids are base64(SKU) with `=` written `_e` (seller-central.md §1.2). */
export function skuFromLegacyRowId(id: string): string | undefined {
  if (!id) return undefined;
  const encoded = id.replace(/-.*$/, '').replace(/_e/g, '=');
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Texts of the innermost elements, in order: the separate lines of a cell. */
function leafTexts(root: Element): string[] {
  const lines: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.children.length === 0) {
      const line = displayedText(element);
      if (line) lines.push(line);
    }
  }
  return lines;
}

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Column label by column id, from the header row, so unknown columns can still be named. */
function legacyHeaderLabels(table: Element | null): Map<string, FieldLabel> {
  const labels = new Map<string, FieldLabel>();
  if (!table) return labels;
  for (const header of table.querySelectorAll('th[data-column], #head-row [data-column]')) {
    const column = header.getAttribute('data-column');
    const field = fieldForLabel(displayedText(header));
    if (column && field) labels.set(column, field);
  }
  return labels;
}

const headerCache = new WeakMap<Element, Map<string, FieldLabel>>();

function readLegacyRow(element: Element, context: PageContext): RowReading {
  const data = parseRowData(element);
  const cell = (column: string) => element.querySelector(`td[data-column="${column}"]`);
  const skuCell = cell(LEGACY_COLUMNS.sku);
  const skuCellText = skuCell ? displayedText(skuCell.querySelector('[data-column="sku"], a, span') ?? skuCell) : '';
  const sku = asString(data.sku) ?? (skuCellText || skuFromLegacyRowId(element.id) || '');
  const base = { element, sku, dirty: false };
  if (!sku) return { ...base, problem: 'no-sku' };
  if (skuCellText && skuCellText !== sku) return { ...base, problem: 'sku-mismatch' };
  const fromId = skuFromLegacyRowId(element.id);
  if (element.id && fromId !== undefined && fromId !== sku) return { ...base, problem: 'sku-mismatch' };

  // Delayed cells show a loading placeholder until their data arrives: read the row again then.
  if (element.querySelector('.mt-delay-loading, .mt-loading')) return { ...base, problem: 'loading' };

  const fields = emptyFields();
  let quantityEditable = false;
  const quantityCell = cell(LEGACY_COLUMNS.quantity);
  if (quantityCell) {
    const input = quantityCell.querySelector('input');
    if (input) {
      setField(fields, 'available', quantityCell);
      quantityEditable = fields.editable.available === true;
    } else {
      fields.values.available = displayedText(quantityCell.querySelector('a') ?? quantityCell);
    }
  }
  for (const [column, field] of [
    [LEGACY_COLUMNS.price, 'price'],
    [LEGACY_COLUMNS.minPrice, 'minPrice'],
    [LEGACY_COLUMNS.maxPrice, 'maxPrice'],
  ] as const) {
    const c = cell(column);
    if (c) setField(fields, field, c);
  }
  // Any other column whose header names a stock figure (inbound, reserved …).
  const table = element.closest(SELECTORS.legacy.table.selector);
  let headers = table ? headerCache.get(table) : undefined;
  if (table && !headers) {
    headers = legacyHeaderLabels(table);
    headerCache.set(table, headers);
  }
  for (const [column, field] of headers ?? []) {
    if (fields.values[field] !== undefined || column === LEGACY_COLUMNS.quantity) continue;
    if (field === 'inbound' || field === 'reserved' || field === 'unfulfillable' || field === 'stranded') {
      const c = cell(column);
      if (c) fields.values[field] = displayedText(c);
    }
  }
  if (fields.values.price === undefined && data.price !== undefined && data.price !== null) {
    fields.values.price = String(data.price);
  }

  const statusCell = cell(LEGACY_COLUMNS.status);
  const statusTexts: string[] = [];
  if (statusCell) {
    // The main status, then one line per reason (seller-central.md §1.2: the status cell's second line).
    const lines = leafTexts(statusCell);
    statusTexts.push(...(lines.length ? lines : [displayedText(statusCell)]));
  }

  const fnskuShown = element.querySelector('[data-column="fnsku"]');
  const fnsku = asString(data.fnsku) ?? (fnskuShown ? displayedText(fnskuShown) || undefined : undefined);
  const conditionShown = element.querySelector('[data-column="condition"]');
  if (conditionShown && displayedText(conditionShown)) fields.values.condition = displayedText(conditionShown);
  const channelCell = cell(LEGACY_COLUMNS.channel);
  const channelHint = fnsku ? 'fba' : channelCell ? readChannelText(displayedText(channelCell)) : undefined;

  const titleCell = cell(LEGACY_COLUMNS.title);
  const titleLink = titleCell?.querySelector('a[title], .mt-link[title]');
  const title = asString(data.title) ?? (titleLink?.getAttribute('title') || text(titleLink) || undefined);
  const asinShown = titleCell?.querySelector('[data-column="asin"]');
  const asin = asString(data.asin) ?? (asinShown ? displayedText(asinShown) || undefined : undefined);
  const image = element.querySelector('td img, img') as HTMLImageElement | null;

  // A variation parent's row has no quantity, no price and no fulfilment channel of its own.
  const hasOffer =
    (fields.values.available !== undefined && fields.values.available.trim() !== '') ||
    (fields.values.price !== undefined && fields.values.price.trim() !== '') ||
    channelHint !== undefined;
  const priceCell = cell(LEGACY_COLUMNS.price);
  const assembled = assemble(context, sku, {
    fields,
    statusTexts,
    ...(channelHint ? { channelHint } : {}),
    title,
    imageUrl: image?.getAttribute('src') ?? undefined,
    asin,
    fnsku,
    isParent: !hasOffer,
    quantityEditable,
    currency: priceCell ? currencyIn(text(priceCell), context.marketplace) : undefined,
  });
  return { ...base, dirty: fields.dirty, ...assembled };
}
