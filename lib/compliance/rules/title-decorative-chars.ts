import { DECORATIVE_CONTEXT } from '../data/limits';
import { POLICY } from '../policy';
import { isDigit, isLetterOrDigit } from '../text';
import { defineRule, listForMessage } from './define';

function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  let i = index + step;
  while (i >= 0 && i < text.length && (text[i] === ' ' || text[i] === '\u3000')) i += step;
  return i >= 0 && i < text.length ? text[i] : undefined;
}

/** Whether the character at `index` is used as Amazon allows ("Style #4301", "<10 lb", "30*40 cm"). */
export function isOrdinaryUse(text: string, index: number): boolean {
  const context = DECORATIVE_CONTEXT[text[index] as string];
  let next = neighbour(text, index, 1);
  // "<=5", ">= 10": a comparison before a number.
  if (next === '=' && (text[index] === '<' || text[index] === '>')) next = neighbour(text, index + 1, 1);
  if (!isDigit(next)) return false;
  return context === 'number-follows' || isLetterOrDigit(neighbour(text, index, -1));
}

export const titleDecorativeChars = defineRule({
  id: 'title.decorative-chars',
  category: 'title',
  severity: 'warn',
  messageKey: 'compliance.title.decorative-chars.message',
  fixKey: 'compliance.title.decorative-chars.fix',
  policyUrl: POLICY.titleSuppression,
  detect(listing, context) {
    const title = context.title(listing);
    if (!title) return null;
    const found: string[] = [];
    for (const i of title.specialChars) {
      const ch = title.text[i] as string;
      if (Object.hasOwn(DECORATIVE_CONTEXT, ch) && !title.inBrand(i) && !isOrdinaryUse(title.text, i)) found.push(ch);
    }
    return found.length > 0 ? { params: { chars: listForMessage(found, 9), count: found.length } } : null;
  },
});
