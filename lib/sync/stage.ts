import { marketplaceByCode, SELLER_CENTRAL_HOSTS } from '../marketplaces';

/**
 * "Stage as bulk edit": the differing merchant rows go to the bulk-edit panel through its existing
 * paste path (lib/bulk/paste.ts), so every guard of a pasted batch applies to them as well, and
 * nothing about them is trusted that the panel does not check again against the page.
 */

export interface StagedRow {
  sku: string;
  setTo: number;
}

/**
 * The rows as text the paste parser reads back exactly: SKU, tab, quantity per line. A SKU that
 * begins with a quote or holds a tab or line break is written as a quoted cell (quotes doubled),
 * the way Excel puts such a cell on the clipboard; any other SKU is written as it is.
 */
export function stagedPasteText(rows: readonly StagedRow[]): string {
  return rows
    .map(({ sku, setTo }) => {
      const cell = /^"|[\t\r\n]/.test(sku) ? `"${sku.replaceAll('"', '""')}"` : sku;
      return `${cell}\t${setTo}`;
    })
    .join('\n');
}

/** Seller Central's host for a marketplace: the one host that serves it alone, else its region's. */
export function sellerCentralHostFor(code: string): string | undefined {
  const marketplace = marketplaceByCode(code);
  if (!marketplace) return undefined;
  for (const [host, hint] of Object.entries(SELLER_CENTRAL_HOSTS)) if (hint === marketplace.code) return host;
  // Marketplaces without a host of their own are served from the European host.
  return marketplace.region === 'EU' ? 'sellercentral-europe.amazon.com' : undefined;
}

/** Manage Inventory (the current page) for a marketplace, where the panel picks the staged rows up. */
export function manageInventoryUrl(code: string): string | undefined {
  const host = sellerCentralHostFor(code);
  return host ? `https://${host}/myinventory/inventory` : undefined;
}
