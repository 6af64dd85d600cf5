/**
 * Records are keyed by (account, marketplace, SKU). SKUs may contain any character Amazon allows,
 * so the parts are joined with a separator that cannot occur in a SKU (a control character).
 */
export const KEY_SEPARATOR = '\u001f';

export interface SkuRef {
  account: string;
  marketplace: string;
  sku: string;
}

export function skuKey(ref: SkuRef): string {
  return `${ref.account}${KEY_SEPARATOR}${ref.marketplace}${KEY_SEPARATOR}${ref.sku}`;
}

export function parseSkuKey(key: string): SkuRef | undefined {
  const first = key.indexOf(KEY_SEPARATOR);
  const second = key.indexOf(KEY_SEPARATOR, first + 1);
  if (first < 0 || second < 0) return undefined;
  return { account: key.slice(0, first), marketplace: key.slice(first + 1, second), sku: key.slice(second + 1) };
}

/** The account used when the page does not show one and the seller has not named any. */
export const DEFAULT_ACCOUNT = 'default';
