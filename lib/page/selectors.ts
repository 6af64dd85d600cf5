/**
 * Every selector that knows Seller Central's markup, each with the fixtures where it must match
 * (checked in real Chromium by test/e2e/selectors.spec.ts) and, where it matters, where it must not.
 * Hashed CSS-module classes (`JanusTable-module__tableContentRow--MGDsi`) change with Amazon's
 * deployments, so they are matched by their stable prefix only.
 * Source for each: ../shared/reference/seller-central.md §1 (section noted per entry).
 */

export interface SelectorSpec {
  selector: string;
  /** Fixtures on which at least one element must match. */
  matches: readonly string[];
  /** Fixtures on which nothing may match. */
  absent?: readonly string[];
}

const LEGACY_FIXTURES = ['legacy-en', 'legacy-de'] as const;

const CURRENT_FIXTURES = [
  'current-en',
  'current-zh',
  'current-zh-tw',
  'current-de',
  'current-fr',
  'current-es',
  'current-it',
  'current-ja',
  'current-uk-europe-host',
  'current-250',
  'current-1000',
  'no-marketplace',
  'current-en-later',
] as const;

/**
 * The stable prefixes of the current page's CSS-module classes (§1.3). The reader matches them in
 * one pass over a row's elements rather than one `[class*=…]` scan per part; the selectors below
 * are built from the same names, so there is one source for both.
 */
export const CLASS_PREFIX = {
  rowContent: 'JanusTable-module__tableContentRow',
  productDetails: 'ProductDetails-module__container',
  productText: 'ProductDetails-module__textFieldsContainer',
  titleContainer: 'ProductDetails-module__titleContainer',
  splitRow: 'JanusSplitBox-module__row',
  splitPanel: 'JanusSplitBox-module__panel',
  status: 'Status-module__container',
  priceContainer: 'VolusPriceInputComposite-module__container',
  priceRow: 'VolusPriceInputComposite-module__priceInputRow',
  editBar: 'VolusEditBar-module__container',
  searchButton: 'SearchBox-module__searchButton',
} as const;

const prefix = (name: string) => `[class*="${name}"]`;

export const SELECTORS = {
  legacy: {
    /** §1.2 the MYI table container. */
    table: { selector: '#myitable', matches: LEGACY_FIXTURES, absent: CURRENT_FIXTURES },
    /** §1.2 data rows: `tr.mt-row`; real data rows carry data-row-data / data-actions. */
    row: { selector: '#myitable tr.mt-row, #myitable tr[data-row-data]', matches: LEGACY_FIXTURES },
    /** §1.2 cells by column id (`td[data-column="quantity"]`). */
    cell: { selector: 'td[data-column]', matches: LEGACY_FIXTURES },
    /** §1.2 the row checkbox in the select column. */
    rowCheckbox: { selector: 'td[data-column="select"] input[type="checkbox"]', matches: LEGACY_FIXTURES },
    /** §1.2 Save all. */
    saveAll: { selector: '#saveall', matches: LEGACY_FIXTURES },
    /** §1.2 the table's error messages after a save (AUI alert). */
    saveError: { selector: '#myitable .a-alert-error, .a-alert-error', matches: [] },
    /** §1.2 account name in the partner switcher. */
    account: { selector: '#partner-switcher > button > span > b, #partner-switcher b', matches: LEGACY_FIXTURES },
    /** §1.2 marketplace switcher form. */
    marketplaceSwitcher: { selector: '#sc-mkt-switcher-form', matches: LEGACY_FIXTURES },
    /** §1.2 the toolbar row above the table, where page actions live. */
    toolbar: {
      selector: '#myitable .mt-header .mt-header-bulk-action, #myitable .mt-header',
      matches: LEGACY_FIXTURES,
    },
  },
  current: {
    /** §1.3 the per-listing wrapper; the outermost one is the row. */
    row: { selector: '[data-sku]', matches: CURRENT_FIXTURES },
    /** §1.3 content row inside the wrapper. */
    rowContent: { selector: prefix(CLASS_PREFIX.rowContent), matches: CURRENT_FIXTURES },
    /** §1.3 product details: image, title link, key/value block. */
    productDetails: { selector: prefix(CLASS_PREFIX.productDetails), matches: CURRENT_FIXTURES },
    /** §1.3 the text column of product details (title link, key/value block): decorations go under it. */
    productText: { selector: prefix(CLASS_PREFIX.productText), matches: CURRENT_FIXTURES },
    titleLink: {
      selector: `${prefix(CLASS_PREFIX.titleContainer)} a, ${prefix(CLASS_PREFIX.productText)} a[href*="/dp/"]`,
      matches: CURRENT_FIXTURES,
    },
    /** §1.3 JanusSplitBox label/value rows (ASIN, SKU, FNSKU, Available, Reserved …). */
    splitRow: { selector: prefix(CLASS_PREFIX.splitRow), matches: CURRENT_FIXTURES },
    splitPanel: { selector: prefix(CLASS_PREFIX.splitPanel), matches: CURRENT_FIXTURES },
    /** §1.3 status: `kat-label[emphasis]` inside the Status container. */
    status: { selector: `${prefix(CLASS_PREFIX.status)} kat-label`, matches: CURRENT_FIXTURES },
    /** §1.3 price editor composite and its rows (Price, Minimum price, Maximum price). */
    priceContainer: { selector: prefix(CLASS_PREFIX.priceContainer), matches: CURRENT_FIXTURES },
    priceRow: { selector: prefix(CLASS_PREFIX.priceRow), matches: CURRENT_FIXTURES },
    /** UNVERIFIED (§1.3 "not found"): the row checkbox, taken as the row's first kat-checkbox. */
    rowCheckbox: { selector: 'kat-checkbox', matches: CURRENT_FIXTURES },
    /** §1.3 edit bar holding Save all once a value is edited. */
    editBar: { selector: prefix(CLASS_PREFIX.editBar), matches: [] },
    /** §1.3 Save all and Cancel in the edit bar (labels per language in labels.ts). */
    editBarButton: { selector: 'kat-button[label]', matches: [] },
    /** Error messages the page shows after a save (UNVERIFIED: an alert in or near the edit bar). */
    saveError: { selector: '[role="alert"], [class*="VolusEditBar-module__error"]', matches: [] },
    /** §1.3 account / store name in the global nav. */
    account: {
      selector:
        '#navbar .dropdown-account-switcher-header-label-global, .dropdown-account-switcher-header-label-global',
      matches: ['current-en', 'current-zh', 'current-de', 'current-ja', 'current-uk-europe-host'],
    },
    /** §1.3 pagination (shadow DOM). */
    pagination: { selector: 'kat-pagination', matches: ['current-en'] },
    /** §1.3 the search box's button: page actions live in that bar. UNVERIFIED beyond the button. */
    toolbar: { selector: prefix(CLASS_PREFIX.searchButton), matches: [] },
  },
  /** Custom elements read through attributes or open shadow roots (isolated world). */
  kat: {
    input: 'kat-input',
    label: 'kat-label',
    checkbox: 'kat-checkbox',
    button: 'kat-button',
  },
  /** Page-wide marketplace signals. */
  page: {
    inlineScript: 'script:not([src])',
  },
} as const satisfies Record<string, unknown>;

/** The column ids the legacy table uses (`td[data-column=…]`), §1.2. */
export const LEGACY_COLUMNS = {
  select: 'select',
  sku: 'sku',
  title: 'title',
  status: 'status',
  quantity: 'quantity',
  price: 'price',
  minPrice: 'minimumPrice',
  maxPrice: 'maximumPrice',
  channel: 'fulfillment_channel',
  image: 'image',
} as const;
