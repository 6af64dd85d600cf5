import { isPlaceholderImage } from '../image/url';
import { POLICY } from '../policy';
import { defineRule } from './define';

/**
 * No main image: the row shows no image URL ('') or Amazon's "no image" placeholder. An absent
 * `imageUrl` means the page does not show the column, which says nothing about the listing.
 */
export const imageMissing = defineRule({
  id: 'image.missing',
  category: 'image',
  severity: 'block',
  messageKey: 'compliance.image.missing.message',
  fixKey: 'compliance.image.missing.fix',
  policyUrl: POLICY.image,
  detect(listing) {
    const url = listing.imageUrl;
    if (url === undefined) return null;
    return url.trim() === '' || isPlaceholderImage(url) ? {} : null;
  },
});
