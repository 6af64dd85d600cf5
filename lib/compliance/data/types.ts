/**
 * Word lists for one listing language. Terms are written the way a person would type them and are
 * compiled once (see ../phrases.ts), so the lists stay readable data:
 *
 * - Matching is case-insensitive and ignores accents and full-width forms ("Désinfectant",
 *   "DESINFECTANT" and "désinfectant" are the same term).
 * - Latin-script terms match whole words only: "kills" never matches "skills".
 * - A space between words matches any run of spaces or punctuation ("kills 99.9%" also finds
 *   "Kills 99,9 %").
 * - A hyphen inside a word makes the join optional: "anti-bacterial" finds "antibacterial",
 *   "anti-bacterial" and "anti bacterial". A term written without a hyphen matches only joined.
 * - A trailing `*` on the last word matches any ending ("desinfektion*" finds
 *   "Desinfektionsmittel"); the part before it needs at least three letters.
 * - A term that contains Chinese or Japanese characters is matched as a substring, because those
 *   scripts do not separate words with spaces.
 */
export interface LanguageData {
  /** Articles, prepositions and conjunctions: the repeated-word rule does not count them. */
  readonly stopWords: readonly string[];
  /** Promotional or subjective phrases that Amazon does not allow in titles. */
  readonly promotional: readonly string[];
  /** Pesticide (EPA) or biocide claims: the product needs a registration to make them. */
  readonly pesticide: readonly string[];
  /** Disease and medical claims: only approved drugs or devices may make them. */
  readonly medical: readonly string[];
}
