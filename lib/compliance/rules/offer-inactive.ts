import type { Reason } from '../../model/listing';
import { POLICY } from '../policy';
import { defineRule, hasOffer } from './define';

/**
 * Reasons that take an offer off sale for something other than stock. Out of stock alone is left
 * to the stock features (and to offer.mfn-zero), so one empty shelf is not counted twice.
 */
const NOT_STOCK: ReadonlySet<Reason> = new Set([
  'pricing_error',
  'search_suppressed',
  'missing_information',
  'approval_required',
  'stranded',
]);

/** Inactive or suppressed, reported with the page's own words for the reason. */
export const offerInactive = defineRule({
  id: 'offer.inactive',
  category: 'offer',
  severity: 'block',
  messageKey: 'compliance.offer.inactive.message',
  fixKey: 'compliance.offer.inactive.fix',
  policyUrl: POLICY.listingStatus,
  detect(listing) {
    if (!hasOffer(listing)) return null;
    const inactiveForNoStatedReason = listing.state === 'inactive' && listing.reasons.length === 0;
    // Most listings have no reason at all: no list is made for them.
    if (!inactiveForNoStatedReason && !listing.reasons.some((reason) => NOT_STOCK.has(reason))) return null;
    const other = listing.reasons.filter((reason) => NOT_STOCK.has(reason));
    const status = listing.statusText.trim() || other.join(', ') || listing.state;
    return { params: { status } };
  },
});
