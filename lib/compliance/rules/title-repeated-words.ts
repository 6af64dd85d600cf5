import { TITLE_LIMITS } from '../data/limits';
import { POLICY } from '../policy';
import { originalIndex, type Token } from '../text';
import { defineRule } from './define';

const { maxRepeats, minWordLength } = TITLE_LIMITS;

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Counts per bucket of a cheap word hash, reused between titles and left all zero after each. */
const buckets = new Uint8Array(256);

function bucket(word: string): number {
  return (word.charCodeAt(0) * 31 + word.charCodeAt(word.length - 1) * 7 + word.length) & 0xff;
}

/**
 * Whether any word could occur more than twice: a word that does lands in a bucket at least three
 * times. Most titles repeat nothing, and this answers for them without comparing words.
 */
function mayRepeat(tokens: readonly Token[]): boolean {
  let may = false;
  for (const token of tokens) {
    if (token.text.length < minWordLength) continue;
    const at = bucket(token.text);
    const count = (buckets[at] as number) + 1;
    buckets[at] = count;
    if (count > maxRepeats) may = true;
  }
  for (const token of tokens) if (token.text.length >= minWordLength) buckets[bucket(token.text)] = 0;
  return may;
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
    const tokens = title.tokens;
    if (!mayRepeat(tokens)) return null;
    let repeated: string[] | undefined;
    // A title has a few dozen words at most: comparing them pairwise is cheaper than hashing each.
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const word = token.text;
      if (word.length < minWordLength) continue;
      let count = 1;
      for (let j = i + 1; j < tokens.length; j++) if ((tokens[j] as Token).text === word) count++;
      if (count <= maxRepeats || title.stopWords.has(word) || isNumber(word)) continue;
      let seenBefore = false;
      for (let j = 0; j < i && !seenBefore; j++) seenBefore = (tokens[j] as Token).text === word;
      if (seenBefore) continue;
      // Reported at its first occurrence, in the title's own spelling.
      const written = title.text.slice(
        originalIndex(title.folded, token.start),
        originalIndex(title.folded, token.end),
      );
      repeated ??= [];
      repeated.push(`“${written}” ×${count}`);
    }
    return repeated ? { params: { words: repeated.join(', '), count: repeated.length } } : null;
  },
});
