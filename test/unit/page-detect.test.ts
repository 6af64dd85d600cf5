import { describe, expect, it } from 'vitest';
import { SELLER_CENTRAL_HOSTS } from '@/lib/marketplaces';
import { detectUrl, isCurrentInventoryUrl, isInventoryUrl, isLegacyInventoryUrl } from '@/lib/page/detect';

/**
 * Every detector against every URL of the corpus, on every Seller Central host: each URL must be
 * claimed by exactly the detectors listed for it (github-url-detection's matrix, for Seller Central).
 * Paths from ../shared/reference/seller-central.md §1.1 and the URLs public code uses.
 */
const PATHS: Record<'legacy' | 'current' | 'other', string[]> = {
  legacy: [
    '/inventory',
    '/inventory/',
    '/inventory/ref=xx_invmgr_dnav_xx?tbla_myitable=sort:%7B%22sortOrder%22%3A%22DESCENDING%22%7D;search:;pagination:1;',
    '/inventory?viewId=PRICING',
    '/inventory?tbla_myitable=search:B0ABCDEFGH;',
    '/hz/inventory',
    '/hz/inventory?tbla_myitable=sort:%7B%7D;search:;pagination:2;',
    '/hz/inventory/ref=id_invmgr_dnav_xx_?tbla_myitable=pagination:3;',
    '/hz/inventory/view/FBAKNIGHTS/',
  ],
  current: [
    '/myinventory/inventory',
    '/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25&searchField=all&searchTerm=&sort=date_created_desc&status=all&ref_=xx_invmgr_dnav_xx',
    '/myinventory/inventory?pageSize=250&sort=sales_desc&status=pricing_issue',
    '/myinventory/inventory?searchField=sku&searchTerm=ABC-123',
    '/myinventory/inventory/views/fix-issues?status=approval_required',
    '/myinventory/inventory/',
  ],
  other: [
    '/',
    '/home',
    '/orders-v3?page=1',
    '/payments/dashboard/index.html',
    '/inventoryplanning/manageinventoryhealth',
    '/hz/inventoryplanning/restockinventory',
    '/hz/inventory-health',
    '/myinventory',
    '/myinventory/',
    '/myinventory/inventoryhealth',
    '/fba/inventory/FBAInventoryReport',
    '/skucentral?mSku=ABC&ref=myi_skuc',
    '/listing/upload',
    '/gp/help/external/G201576660',
    '/account-switcher/global-and-regional-account/merchantMarketplace',
    '/reportcentral/FlatFileAllOrdersReport/1',
    '/inventory.html',
    '/xinventory',
  ],
};

const detectors = {
  legacy: isLegacyInventoryUrl,
  current: isCurrentInventoryUrl,
} as const;

const hosts = Object.keys(SELLER_CENTRAL_HOSTS);

describe('page detection matrix', () => {
  for (const host of hosts) {
    it(`${host}: every detector claims exactly its own URLs`, () => {
      for (const [expected, paths] of Object.entries(PATHS)) {
        for (const path of paths) {
          const url = new URL(`https://${host}${path}`);
          for (const [name, detector] of Object.entries(detectors)) {
            expect(detector(url), `${name} on ${url.href}`).toBe(name === expected);
          }
          expect(isInventoryUrl(url), `inventory on ${url.href}`).toBe(expected !== 'other');
          expect(detectUrl(url)).toBe(
            expected === 'legacy' ? 'legacy-inventory' : expected === 'current' ? 'current-inventory' : 'other',
          );
        }
      }
    });
  }

  it.each([
    'https://example.com/myinventory/inventory',
    'https://sellercentral.amazon.com.evil.io/myinventory/inventory',
    'https://www.amazon.com/inventory',
    'https://sellercentral.amazon.dev/myinventory/inventory',
    'http://sellercentral.amazon.com/myinventory/inventory',
    'https://vendorcentral.amazon.com/hz/inventory',
  ])('claims nothing off Seller Central: %s', (href) => {
    const url = new URL(href);
    expect(isLegacyInventoryUrl(url)).toBe(false);
    expect(isCurrentInventoryUrl(url)).toBe(false);
    expect(detectUrl(url)).toBe('other');
  });

  it('is case-sensitive on the host only as browsers are (hosts arrive lower-cased)', () => {
    expect(isCurrentInventoryUrl(new URL('https://SELLERCENTRAL.AMAZON.DE/myinventory/inventory'))).toBe(true);
  });
});
