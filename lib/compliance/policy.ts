import { MARKETPLACES, SELLER_CENTRAL_HOSTS } from '../marketplaces';

/**
 * Where each rule comes from. Sources: /work/shared/reference/seller-central.md §4 and
 * inventory-planning-and-competitors.md §1.9. The image page (help 1881, "Product image
 * requirements") is from our own knowledge: the reference could not retrieve Amazon's own page.
 */
export const POLICY = {
  /** Product title requirements and guidelines (200 characters, special characters, repeated words). */
  title: 'https://sellercentral-europe.amazon.com/help/hub/reference/external/201100890',
  /** Search-suppression criteria for titles (promotional phrases, decorative characters, all capitals). */
  titleSuppression: 'https://sellercentral.amazon.com/gp/help/external/help.html?itemID=YTR6SYGFA5E3EQC',
  /** Restricted products: pesticide (EPA) and disease (FDA) claims. */
  claims: 'https://sellercentral.amazon.com/gp/help/external/202024200',
  image: 'https://sellercentral.amazon.com/gp/help/external/1881',
  /** Fix Price Alerts, potential pricing errors, minimum and maximum prices. */
  pricing: 'https://sellercentral.amazon.com/gp/help/external/201141430',
  /** Listing statuses (buyable, discoverable) and seller-fulfilled quantity. */
  listingStatus:
    'https://developer-docs.amazon.com/sp-api/docs/understanding-amazon-listing-status-and-seller-fulfilled-inventory-management',
} as const;

const CENTRAL_HOSTS = new Set(['sellercentral.amazon.com', 'sellercentral-europe.amazon.com']);

/**
 * The same help page on the seller's own Seller Central (help ids are shared across
 * marketplaces), so the link opens signed in and in the seller's language. Other URLs and
 * unknown marketplaces are returned unchanged.
 */
export function localisePolicyUrl(url: string, marketplaceCode: string | null): string {
  if (!marketplaceCode) return url;
  const code = marketplaceCode.toUpperCase() === 'GB' ? 'UK' : marketplaceCode.toUpperCase();
  if (!MARKETPLACES.some((m) => m.code === code)) return url;
  const host = Object.keys(SELLER_CENTRAL_HOSTS).find(
    (h) => SELLER_CENTRAL_HOSTS[h] === code && h.startsWith('sellercentral.'),
  );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!host || !CENTRAL_HOSTS.has(parsed.hostname)) return url;
  parsed.hostname = host;
  return parsed.toString();
}
