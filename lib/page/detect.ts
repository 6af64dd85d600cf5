import { isSellerCentralHost } from '../marketplaces';
import { SELECTORS } from './selectors';

/**
 * Which page this is. The URL says whether it is an inventory page at all; the document says
 * which generation it really is (Amazon has served the new page under old paths before, and a
 * stale bookmark can land on either), so structure decides when both are available.
 */
export type PageKind = 'legacy-inventory' | 'current-inventory' | 'other';

/** `/inventory…` and `/hz/inventory…` (but not `/inventoryplanning`, `/hz/inventory-health` …). */
const LEGACY_PATH = /^\/(?:hz\/)?inventory(?:\/|$)/;
/** `/myinventory/inventory…`, including its views (`/myinventory/inventory/views/fix-issues`). */
const CURRENT_PATH = /^\/myinventory\/inventory(?:\/|$)/;

export function isLegacyInventoryUrl(url: URL): boolean {
  return url.protocol === 'https:' && isSellerCentralHost(url.hostname) && LEGACY_PATH.test(url.pathname);
}

export function isCurrentInventoryUrl(url: URL): boolean {
  return url.protocol === 'https:' && isSellerCentralHost(url.hostname) && CURRENT_PATH.test(url.pathname);
}

export function isInventoryUrl(url: URL): boolean {
  return isLegacyInventoryUrl(url) || isCurrentInventoryUrl(url);
}

/** From the URL alone: what the page is expected to be. */
export function detectUrl(url: URL): PageKind {
  if (isCurrentInventoryUrl(url)) return 'current-inventory';
  if (isLegacyInventoryUrl(url)) return 'legacy-inventory';
  return 'other';
}

/**
 * From URL and document: 'other' for non-inventory URLs whatever the document holds; for an
 * inventory URL, the generation whose structure is present, or the URL's guess while the page
 * has not rendered either yet.
 */
export function detectPage(url: URL, doc: Document): PageKind {
  const byUrl = detectUrl(url);
  if (byUrl === 'other') return 'other';
  if (doc.querySelector(SELECTORS.legacy.table.selector)) return 'legacy-inventory';
  if (doc.querySelector(SELECTORS.current.row.selector)) return 'current-inventory';
  return byUrl;
}
