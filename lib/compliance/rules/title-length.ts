import { TITLE_LIMITS } from '../data/limits';
import { POLICY } from '../policy';
import { defineRule } from './define';

const MAX = TITLE_LIMITS.maxChars;

/** Over 200 characters, counted in code points (see codePointLength in text.ts). */
export const titleLength = defineRule({
  id: 'title.length',
  category: 'title',
  severity: 'block',
  messageKey: 'compliance.title.length.message',
  fixKey: 'compliance.title.length.fix',
  policyUrl: POLICY.title,
  detect(listing, context) {
    const title = context.title(listing);
    if (!title) return null;
    return title.length > MAX ? { params: { length: title.length, max: MAX } } : null;
  },
});
