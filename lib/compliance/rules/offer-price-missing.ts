import { POLICY } from '../policy';
import { defineRule, hasOffer } from './define';

/**
 * An offer with no price (or a price of 0, which Amazon does not accept) cannot be bought. A
 * warning rather than a block: the reader cannot always tell a missing price from a price the
 * row does not show.
 */
export const offerPriceMissing = defineRule({
  id: 'offer.price-missing',
  category: 'offer',
  severity: 'warn',
  messageKey: 'compliance.offer.price-missing.message',
  fixKey: 'compliance.offer.price-missing.fix',
  policyUrl: POLICY.listingStatus,
  affects: ['price'],
  detect(listing) {
    if (!hasOffer(listing)) return null;
    return listing.price === undefined || listing.price <= 0 ? {} : null;
  },
});
