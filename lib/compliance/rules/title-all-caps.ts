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

export function upperShare(text: string, inBrand?: (index: number) => boolean): { letters: number; share: number } {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const found = letterCase(text.charCodeAt(i));
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
    // The counts of the whole title serve unless brand terms have to be left out.
    const { letters, share } =
      title.brandRanges.length > 0
        ? upperShare(title.text, (i) => title.inBrand(i))
        : { letters: title.letters, share: title.letters === 0 ? 0 : title.upper / title.letters };
    return letters >= TITLE_LIMITS.allCapsMinLetters && share >= TITLE_LIMITS.allCapsShare ? {} : null;
  },
});
