import { POLICY } from '../policy';
import { defineRule } from './define';

/** A title the page shows as empty. An absent title (the page does not show one) is not checked. */
export const titleEmpty = defineRule({
  id: 'title.empty',
  category: 'title',
  severity: 'block',
  messageKey: 'compliance.title.empty.message',
  fixKey: 'compliance.title.empty.fix',
  policyUrl: POLICY.title,
  detect(listing, context) {
    const title = context.title(listing);
    return title && title.text === '' ? {} : null;
  },
});
