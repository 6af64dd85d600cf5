import { SELECTORS } from './selectors';

/**
 * Where a row's decoration goes: appended as the last child of a container inside the row, never
 * wrapping or moving the page's own nodes (the current page is rendered by React, and moving its
 * nodes breaks its saves). Current page: under the product details' text (title, ASIN, SKU);
 * legacy page: in the title cell.
 */
export function decorationHost(row: Element): Element {
  if (row.localName === 'tr') {
    return (
      row.querySelector('td[data-column="title"]') ??
      row.querySelector('td[data-column="sku"]') ??
      row.querySelector('td:nth-child(3)') ??
      row.querySelector('td') ??
      row
    );
  }
  // Under the title, ASIN and SKU: inside the text column, so the row's columns keep their widths.
  return (
    row.querySelector(SELECTORS.current.productText.selector) ??
    row.querySelector(SELECTORS.current.productDetails.selector) ??
    row
  );
}

/**
 * Where page-level actions (the Bulk edit button) go: next to the page's own actions, or
 * undefined when that toolbar cannot be found (the caller then uses a fixed-position button).
 */
export function toolbarHost(doc: Document, generation: 'legacy' | 'current'): Element | undefined {
  if (generation === 'legacy') return doc.querySelector(SELECTORS.legacy.toolbar.selector) ?? undefined;
  const search = doc.querySelector(SELECTORS.current.toolbar.selector);
  return search?.parentElement?.parentElement ?? undefined;
}
