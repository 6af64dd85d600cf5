import type { Listing } from '../../model/listing';
import type { ChangeField, ComplianceKey, Detection, Finding, Rule, RuleContext } from '../types';

export type { Detection };

export interface RuleSpec {
  id: string;
  category: Rule['category'];
  severity: Rule['severity'];
  messageKey: ComplianceKey;
  fixKey: ComplianceKey;
  policyUrl: string;
  affects?: readonly ChangeField[];
  /** Null when the listing passes; a rule reports at most one finding per listing. */
  detect(listing: Listing, context: RuleContext): Detection | null;
}

/** Most checks find nothing: one shared empty answer spares an allocation per rule and listing. */
const NONE: readonly Finding[] = Object.freeze([]);

const NO_PARAMS = Object.freeze({});

/** The finding a rule reports for a detection. */
export function toFinding(rule: Rule, detection: Detection, muted: boolean): Finding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    messageKey: detection.messageKey ?? rule.messageKey,
    fixKey: rule.fixKey,
    params: detection.params ?? NO_PARAMS,
    policyUrl: rule.policyUrl,
    muted,
  };
}

export function defineRule(spec: RuleSpec): Rule {
  const { affects = [], ...meta } = spec;
  const rule: Rule = {
    ...meta,
    affects,
    check(listing, context) {
      const detection = rule.detect(listing, context);
      return detection ? [toFinding(rule, detection, false)] : NONE;
    },
  };
  return rule;
}

/** A list of found items for a message: unique, in order, quoted, at most `max` then "…". */
export function listForMessage(items: readonly string[], max = 5): string {
  // Most findings name one item.
  if (items.length === 1 && max >= 1) return `“${items[0]}”`;
  const unique = [...new Set(items)];
  const shown = unique.slice(0, max).map((item) => `“${item}”`);
  return unique.length > max ? `${shown.join(', ')} …` : shown.join(', ');
}

/** Offer rules apply to listings that have an offer of their own. */
export function hasOffer(listing: Listing): boolean {
  return !listing.isParent && listing.state !== 'closed';
}

/** A money amount for a message, without locale (the currency code travels alongside). */
export function money(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
