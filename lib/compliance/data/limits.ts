/**
 * Thresholds and character sets, shared by every marketplace language (Amazon states them once for
 * all marketplaces). Sources, in /work/shared/reference/seller-central.md:
 * - §4.1 "Product title": Seller Central help 201100890 (200 characters including spaces; the
 *   characters ! $ ? _ { } ^ ¬ ¦ are not allowed; ~ # < > * only in context such as "Style #4301"
 *   or "<10 lb"; brand names keep their characters), the January 2025 announcement (a word at most
 *   twice, articles, prepositions and conjunctions excepted), and help YTR6SYGFA5E3EQC (no ALL CAPS).
 * - §4.2 "Main image": longest side 1000 px for zoom, 500 px minimum, pure white background.
 *
 * Extended from our own knowledge (not in the sources): the full-width forms of the same characters
 * (！ ？ ＄ …, common in titles typed with a Chinese or Japanese input method), and the contexts in
 * which the decorative characters count as ordinary use (see DECORATIVE_CONTEXT).
 */

export const TITLE_LIMITS = {
  /** Counted in Unicode code points after NFC normalisation and trimming. */
  maxChars: 200,
  /** A word may appear this many times; one more is a finding. */
  maxRepeats: 2,
  /** Tokens shorter than this (in code points) are not words for the repeated-word rule ("x" in "10 x 20"). */
  minWordLength: 2,
  /** Fewer cased letters than this and a title is too short to call "all capitals" (e.g. "USB LED"). */
  allCapsMinLetters: 12,
  /** Share of upper-case letters from which a title counts as written in capitals. */
  allCapsShare: 0.8,
} as const;

/** Not allowed anywhere in a title, except inside a brand term the seller has declared. */
export const FORBIDDEN_CHARS: readonly string[] = [
  '!',
  '$',
  '?',
  '_',
  '{',
  '}',
  '^',
  '¬',
  '¦',
  // Full-width forms (our extension).
  '！',
  '＄',
  '？',
  '＿',
  '｛',
  '｝',
  '＾',
  '￢',
  '￤',
];

/**
 * Allowed only in context. `number-follows`: a digit comes next, spaces aside ("#4301", "<10 lb",
 * "3~5 years"). `measure`: a digit comes next and a letter or digit came before ("30*40 cm",
 * "30cm*40cm"), which is how sellers write dimensions.
 */
export const DECORATIVE_CONTEXT: Readonly<Record<string, 'number-follows' | 'measure'>> = {
  '~': 'number-follows',
  '#': 'number-follows',
  '<': 'number-follows',
  '>': 'number-follows',
  '*': 'measure',
  // Full-width forms and the Japanese wave dash used for ranges (our extension).
  '～': 'number-follows',
  '〜': 'number-follows',
  '＃': 'number-follows',
  '＜': 'number-follows',
  '＞': 'number-follows',
  '＊': 'measure',
};

export const IMAGE_LIMITS = {
  /** Below this on the longest side, Amazon offers no zoom. */
  zoomMinSide: 1000,
  /** Below this on the longest side, the image is not accepted. */
  minSide: 500,
  /** A border pixel is white when every channel is at least this. */
  whiteChannelMin: 250,
  /** Share of white border pixels below which the background is reported as not white. */
  whiteShareMin: 0.95,
  /**
   * The background is sampled from a copy no larger than this on its longest side: only its
   * outermost ring is looked at (almost 2,000 pixels at this size), and a smaller copy is a quarter
   * of the decoding a 1,000 px one costs the machine the seller's page runs on.
   */
  sampleMaxSide: 500,
} as const;
