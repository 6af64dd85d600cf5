import { FORBIDDEN_CHARS } from '../data/limits';
import { POLICY } from '../policy';
import { defineRule, listForMessage } from './define';

const FORBIDDEN = new Set(FORBIDDEN_CHARS);

export const titleForbiddenChars = defineRule({
  id: 'title.forbidden-chars',
  category: 'title',
  severity: 'block',
  messageKey: 'compliance.title.forbidden-chars.message',
  fixKey: 'compliance.title.forbidden-chars.fix',
  policyUrl: POLICY.title,
  detect(listing, context) {
    const title = context.title(listing);
    if (!title) return null;
    const found: string[] = [];
    for (const i of title.specialChars) {
      const ch = title.text[i] as string;
      if (FORBIDDEN.has(ch) && !title.inBrand(i)) found.push(ch);
    }
    return found.length > 0 ? { params: { chars: listForMessage(found, 9), count: found.length } } : null;
  },
});
