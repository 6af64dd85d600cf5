import { POLICY } from '../policy';
import { defineRule, listForMessage } from './define';

/** Promotional or subjective phrases; inside a declared brand term they are the brand, not a claim. */
export const titlePromotional = defineRule({
  id: 'title.promotional',
  category: 'title',
  severity: 'block',
  messageKey: 'compliance.title.promotional.message',
  fixKey: 'compliance.title.promotional.fix',
  policyUrl: POLICY.titleSuppression,
  detect(listing, context) {
    const title = context.title(listing);
    if (!title) return null;
    const hits = title.hits('promotional');
    if (hits.length === 0) return null;
    const found = title.brandRanges.length > 0 ? hits.filter((hit) => !title.inBrand(hit.start)) : hits;
    return found.length > 0 ? { params: { terms: listForMessage(found.map((hit) => hit.found)) } } : null;
  },
});
