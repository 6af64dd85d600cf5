import { TITLE_LIMITS } from '../data/limits';
import { POLICY } from '../policy';
import { originalIndex, WORD_FIELDS, WordField } from '../text';
import { defineRule } from './define';

const { maxRepeats, minWordLength } = TITLE_LIMITS;

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Module-local copies of the word-data layout (see WordField): imported bindings read per word cost a getter call under CommonJS. */
const FIELDS = WORD_FIELDS;
const START = WordField.Start;
const END = WordField.End;
const HASH = WordField.Hash;

/** Counts per bucket of the word hashes, reused between titles and left all zero after each. */
const buckets = new Uint8Array(256);

/**
 * Whether any word could occur more than twice: a word that does lands in a bucket at least three
 * times. Most titles repeat nothing, and this answers for them without comparing words.
 */
function mayRepeat(words: readonly number[]): boolean {
  let may = false;
  for (let w = 0; w < words.length; w += FIELDS) {
    if ((words[w + END] as number) - (words[w + START] as number) < minWordLength) continue;
    const at = (words[w + HASH] as number) & 0xff;
    const count = (buckets[at] as number) + 1;
    buckets[at] = count;
    if (count > maxRepeats) may = true;
  }
  for (let w = 0; w < words.length; w += FIELDS) buckets[(words[w + HASH] as number) & 0xff] = 0;
  return may;
}

/** Whether words `a` and `b` (word data offsets) are the same word: same hash, then same text. */
function sameWord(folded: string, words: readonly number[], a: number, b: number): boolean {
  if (words[a + HASH] !== words[b + HASH]) return false;
  const start = words[a + START] as number;
  const length = (words[a + END] as number) - start;
  const other = words[b + START] as number;
  if ((words[b + END] as number) - other !== length) return false;
  for (let k = 0; k < length; k++) if (folded.charCodeAt(start + k) !== folded.charCodeAt(other + k)) return false;
  return true;
}

/**
 * A word used more than twice, case and accents aside ("Soap soap SOAP"). Articles, prepositions
 * and conjunctions of the title's languages do not count, nor do numbers and one-letter tokens
 * ("10 x 20 x 30"). Chinese and Japanese text is not split into words (no spaces to split on, and
 * a dictionary segmenter is too slow and too large for the content script), so only the Latin
 * words inside such a title are counted.
 */
export const titleRepeatedWords = defineRule({
  id: 'title.repeated-words',
  category: 'title',
  severity: 'warn',
  messageKey: 'compliance.title.repeated-words.message',
  fixKey: 'compliance.title.repeated-words.fix',
  policyUrl: POLICY.title,
  detect(listing, context) {
    const title = context.title(listing);
    if (!title) return null;
    const words = title.words;
    if (!mayRepeat(words)) return null;
    const folded = title.folded.text;
    let repeated: string[] | undefined;
    // A title has a few dozen words at most: comparing them pairwise is cheaper than hashing each.
    for (let i = 0; i < words.length; i += FIELDS) {
      const start = words[i + START] as number;
      const end = words[i + END] as number;
      if (end - start < minWordLength) continue;
      let count = 1;
      for (let j = i + FIELDS; j < words.length; j += FIELDS) if (sameWord(folded, words, i, j)) count++;
      if (count <= maxRepeats) continue;
      const word = folded.slice(start, end);
      if (title.stopWords.has(word) || isNumber(word)) continue;
      let seenBefore = false;
      for (let j = 0; j < i && !seenBefore; j += FIELDS) seenBefore = sameWord(folded, words, j, i);
      if (seenBefore) continue;
      // Reported at its first occurrence, in the title's own spelling.
      const written = title.text.slice(originalIndex(title.folded, start), originalIndex(title.folded, end));
      repeated ??= [];
      repeated.push(`“${written}” ×${count}`);
    }
    return repeated ? { params: { words: repeated.join(', '), count: repeated.length } } : null;
  },
});
