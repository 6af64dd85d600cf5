import { POLICY } from '../policy';
import { defineRule, listForMessage } from './define';

/** Pesticide and antimicrobial claims; a brand name does not exempt them (Amazon's scan reads it too). */
export const claimsPesticide = defineRule({
  id: 'claims.pesticide',
  category: 'claims',
  severity: 'block',
  messageKey: 'compliance.claims.pesticide.message',
  fixKey: 'compliance.claims.pesticide.fix',
  policyUrl: POLICY.claims,
  detect(listing, context) {
    const found = context.title(listing)?.hits('pesticide') ?? [];
    return found.length > 0 ? { params: { terms: listForMessage(found.map((hit) => hit.found)) } } : null;
  },
});
