import { IMAGE_LIMITS } from '../data/limits';
import { checkedImage } from '../image/state';
import { POLICY } from '../policy';
import { defineRule } from './define';

export const imageBackground = defineRule({
  id: 'image.background',
  category: 'image',
  severity: 'warn',
  messageKey: 'compliance.image.background.message',
  fixKey: 'compliance.image.background.fix',
  policyUrl: POLICY.image,
  detect(listing, context) {
    const image = checkedImage(listing, context);
    if (!image || image.whiteShare >= IMAGE_LIMITS.whiteShareMin) return null;
    // Rounded down, so a share just under the limit never reads as the limit itself.
    return { params: { share: `${Math.floor(image.whiteShare * 100)}%` } };
  },
});
