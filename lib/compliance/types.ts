import type { compliance } from '../i18n/catalog/compliance';
import type { Listing } from '../model/listing';
import type { TitleAnalysis } from './analyse';

/** `block`: Amazon suppresses, deactivates or removes the listing for it. `warn`: a risk or a lost feature. */
export type Severity = 'warn' | 'block';
export type Category = 'title' | 'claims' | 'image' | 'offer';
/** What a bulk change can touch; a rule names the ones its findings must be confirmed before. */
export type ChangeField = 'quantity' | 'price' | 'handlingTime';

export type ComplianceKey = Extract<keyof typeof compliance, string>;

/** Values for the message and fix texts ({chars}, {terms}, {length} …), ready to interpolate. */
export type FindingParams = Readonly<Record<string, string | number>>;

export interface Finding {
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly messageKey: ComplianceKey;
  readonly fixKey: ComplianceKey;
  readonly params: FindingParams;
  readonly policyUrl: string;
  /** Muted for this SKU: shown greyed, not counted in the badge, never holds a change back. */
  readonly muted: boolean;
}

export interface Rule {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly messageKey: ComplianceKey;
  readonly fixKey: ComplianceKey;
  /** The Amazon policy (or documentation) the rule comes from. */
  readonly policyUrl: string;
  /** Changes that an unmuted `block` finding of this rule holds back for confirmation. */
  readonly affects: readonly ChangeField[];
  /** The rule's test: null when the listing passes, else the message values. */
  detect(listing: Listing, context: RuleContext): Detection | null;
  /** The test's findings (none or one), not yet muted. */
  check(listing: Listing, context: RuleContext): readonly Finding[];
}

/** What a rule's test reports: the message values, and a different message where the case needs one. */
export interface Detection {
  readonly params?: FindingParams;
  readonly messageKey?: ComplianceKey;
}

/** The result of checking one main image, as the background reports it. */
export type ImageCheckResult =
  | { readonly status: 'checked'; readonly width: number; readonly height: number; readonly whiteShare: number }
  | { readonly status: 'not-checked'; readonly reason: NotCheckedReason; readonly httpStatus?: number };

export type NotCheckedReason =
  /** Image checks are off, or the seller has not granted the image-host permission. */
  | 'disabled'
  /** Waiting for its turn or for the background's answer. */
  | 'pending'
  | 'invalid-url'
  | 'http-error'
  | 'network'
  | 'timeout'
  /** The header did not give a size (unknown format, or truncated before the size). */
  | 'unreadable'
  | 'decode-failed';

export interface RuleContext {
  /** The listing language (lib/marketplaces.ts), or the override the context was made with. */
  languageOf(listing: Listing): string;
  /** The seller's brand terms, whose characters are part of the brand. */
  readonly brandTerms: readonly string[];
  /** The title prepared for the text rules (shared by the rules of one listing), or undefined when the page shows none. */
  title(listing: Listing): TitleAnalysis | undefined;
  /** Every listing known for an ASIN, on this page or in the store (the listing itself may be among them). */
  listingsForAsin(asin: string): readonly Listing[];
  /** The background's result for a main-image URL; undefined until there is one. */
  imageResult(url: string): ImageCheckResult | undefined;
}
