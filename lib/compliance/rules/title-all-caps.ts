import { TITLE_LIMITS } from '../data/limits';
import { POLICY } from '../policy';
import { LetterCase, letterCase } from '../text';
import { defineRule } from './define';

/**
 * A title written in capitals. Brand terms are left out (many brands are written in capitals), and
 * a title needs enough cased letters to judge, so "USB LED" or a Chinese title with one model
 * number is never "all capitals".
 */
const UPPER = LetterCase.Upper;
const NO_CASE = LetterCase.None;
/** Module-local bindings: under CommonJS (tsx: the bench, the unit tests) each read of an import is a getter call. */
const { allCapsMinLetters, allCapsShare } = TITLE_LIMITS;
const caseOf = letterCase;

export function upperShare(text: string, inBrand?: (index: number) => boolean): { letters: number; share: number } {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const found = caseOf(text.charCodeAt(i));
    if (found === NO_CASE || inBrand?.(i)) continue;
    letters++;
    if (found === UPPER) upper++;
  }
  return { letters, share: letters === 0 ? 0 : upper / letters };
}

export const titleAllCaps = defineRule({
  id: 'title.all-caps',
  category: 'title',
  severity: 'warn',
  messageKey: 'compliance.title.all-caps.message',
  fixKey: 'compliance.title.all-caps.fix',
  policyUrl: POLICY.titleSuppression,
  detect(listing, context) {
    const title = context.title(listing);
    if (!title) return null;
    // The counts of the whole title, less those of the characters inside brand terms.
    let letters = title.letters;
    let upper = title.upper;
    if (title.brandRanges.length > 0) {
      let from = title.text.length;
      let to = 0;
      for (const [start, end] of title.brandRanges) {
        from = Math.min(from, start);
        to = Math.max(to, end);
      }
      for (let i = from; i < to; i++) {
        if (!title.inBrand(i)) continue;
        const found = caseOf(title.text.charCodeAt(i));
        if (found === NO_CASE) continue;
        letters--;
        if (found === UPPER) upper--;
      }
    }
    const share = letters === 0 ? 0 : upper / letters;
    return letters >= allCapsMinLetters && share >= allCapsShare ? {} : null;
  },
});
