import type { Listing, PageRead } from '@/lib/model/listing';

export function listing(sku: string, overrides: Partial<Listing> = {}): Listing {
  return {
    account: 'Acme',
    marketplace: 'US',
    sku,
    channel: 'mfn',
    quantityEditable: true,
    stock: { available: 10 },
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
    ...overrides,
  };
}

export function pageRead(listings: Listing[], at: number, loadedAt = at - 1000): PageRead {
  return {
    url: 'https://sellercentral.amazon.com/myinventory/inventory',
    generation: 'current',
    account: 'Acme',
    marketplace: 'US',
    pageLanguage: 'en-US',
    loadedAt,
    readAt: at,
    listings,
  };
}
