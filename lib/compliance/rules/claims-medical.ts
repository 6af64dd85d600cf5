import { POLICY } from '../policy';
import { defineRule, listForMessage } from './define';

export const claimsMedical = defineRule({
  id: 'claims.medical',
  category: 'claims',
  severity: 'block',
  messageKey: 'compliance.claims.medical.message',
  fixKey: 'compliance.claims.medical.fix',
  policyUrl: POLICY.claims,
  detect(listing, context) {
    const found = context.title(listing)?.hits('medical') ?? [];
    return found.length > 0 ? { params: { terms: listForMessage(found.map((hit) => hit.found)) } } : null;
  },
});
