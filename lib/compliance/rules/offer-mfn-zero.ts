import { POLICY } from '../policy';
import { defineRule, hasOffer } from './define';

/**
 * A merchant-fulfilled offer at 0 whose ASIN has no sellable FBA stock either: nobody can buy the
 * product from this seller. With FBA stock on a sibling listing, an MFN offer at 0 is the usual
 * back-up set-up and not a finding. Stock counts only in the same account and marketplace (another
 * marketplace's FBA stock does not sell here). An unknown quantity is not 0.
 */
export const offerMfnZero = defineRule({
  id: 'offer.mfn-zero',
  category: 'offer',
  severity: 'warn',
  messageKey: 'compliance.offer.mfn-zero.message',
  fixKey: 'compliance.offer.mfn-zero.fix',
  policyUrl: POLICY.listingStatus,
  detect(listing, context) {
    if (!hasOffer(listing) || listing.channel !== 'mfn' || listing.stock.available !== 0) return null;
    const asin = listing.asin;
    const fbaStock = asin
      ? context
          .listingsForAsin(asin)
          .some(
            (other) =>
              other !== listing &&
              other.channel === 'fba' &&
              other.account === listing.account &&
              other.marketplace === listing.marketplace &&
              (other.stock.available ?? 0) > 0,
          )
      : false;
    return fbaStock ? null : { params: { asin: asin ?? '' } };
  },
});
