import { POLICY } from '../policy';
import { type Detection, defineRule, hasOffer, money } from './define';

/** A price outside the seller's own minimum and maximum: Amazon deactivates it as a potential pricing error. */
export const offerPriceLimits = defineRule({
  id: 'offer.price-limits',
  category: 'offer',
  severity: 'block',
  messageKey: 'compliance.offer.price-limits.message',
  fixKey: 'compliance.offer.price-limits.fix',
  policyUrl: POLICY.pricing,
  affects: ['price'],
  detect(listing): Detection | null {
    if (!hasOffer(listing)) return null;
    const { price, minPrice, maxPrice } = listing;
    const inverted = minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice;
    const below = !inverted && price !== undefined && price > 0 && minPrice !== undefined && price < minPrice;
    const above = !inverted && price !== undefined && price > 0 && maxPrice !== undefined && price > maxPrice;
    if (!inverted && !below && !above) return null;
    const min = minPrice === undefined ? '–' : money(minPrice);
    const max = maxPrice === undefined ? '–' : money(maxPrice);
    const currency = listing.currency ?? '';
    if (inverted) return { messageKey: 'compliance.offer.price-limits.inverted', params: { min, max, currency } };
    return {
      messageKey: below ? 'compliance.offer.price-limits.message' : 'compliance.offer.price-limits.above',
      params: { min, max, currency, price: money(price as number) },
    };
  },
});
