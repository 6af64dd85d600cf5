import { type ContextOptions, createRuleContext } from '@/lib/compliance/context';
import type { ComplianceSettings } from '@/lib/compliance/registry';
import type { Finding, Rule, RuleContext } from '@/lib/compliance/types';
import type { Listing } from '@/lib/model/listing';

export function listing(overrides: Partial<Listing> = {}): Listing {
  return {
    account: 'A1',
    marketplace: 'US',
    sku: 'SKU-1',
    asin: 'B000TEST01',
    channel: 'mfn',
    price: 19.99,
    quantityEditable: true,
    stock: { available: 5 },
    state: 'active',
    reasons: [],
    statusText: 'Active',
    isParent: false,
    ...overrides,
  };
}

export function complianceSettings(overrides: Partial<ComplianceSettings> = {}): ComplianceSettings {
  return { rules: {}, mutedPerSku: {}, brandTerms: [], imageChecks: false, ...overrides };
}

export function context(options: ContextOptions = {}): RuleContext {
  return createRuleContext(options);
}

/** Runs one rule on a title in a marketplace and returns its findings. */
export function checkTitle(
  rule: Rule,
  title: string,
  marketplace = 'US',
  options: ContextOptions = {},
): readonly Finding[] {
  return rule.check(listing({ title, marketplace }), context(options));
}

export function only(findings: readonly Finding[]): Finding {
  if (findings.length !== 1) throw new Error(`expected one finding, got ${findings.length}`);
  return findings[0]!;
}
