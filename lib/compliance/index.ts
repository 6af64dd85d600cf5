/**
 * The compliance rules engine. The content script uses the registry over page listings; the
 * background uses the image checker; the bulk-edit preview uses gateChange.
 */
export { analyseTitle, type FoundTerm, type TitleAnalysis, titleLanguages } from './analyse';
export { type ContextOptions, createRuleContext, indexByAsin, listingLanguage } from './context';
export {
  createImageChecker,
  type DecodePixels,
  type FetchBytes,
  type FetchedBytes,
  fetchBytesWith,
  type ImageChecker,
  type ImageCheckerOptions,
  type Pixels,
} from './image/checker';
export { borderWhiteness } from './image/pixels';
export { type ImageFormat, type ImageSize, imageSize } from './image/size';
export { checkedImage, type ImageState, imageState, notCheckedKey } from './image/state';
export { fullSizeUrl, isAmazonImageUrl, isPlaceholderImage, withSizeToken } from './image/url';
export { localisePolicyUrl, POLICY } from './policy';
export {
  badgeAttributes,
  type ComplianceSettings,
  type EvaluateOptions,
  enabledRules,
  evaluateListing,
  evaluateListings,
  gateChange,
  listingKey,
  RULES,
  ruleById,
  type Summary,
  summarise,
} from './registry';
export type * from './types';
