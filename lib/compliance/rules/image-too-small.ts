import { IMAGE_LIMITS } from '../data/limits';
import { checkedImage } from '../image/state';
import { POLICY } from '../policy';
import { defineRule } from './define';

export const imageTooSmall = defineRule({
  id: 'image.too-small',
  category: 'image',
  severity: 'block',
  messageKey: 'compliance.image.too-small.message',
  fixKey: 'compliance.image.too-small.fix',
  policyUrl: POLICY.image,
  detect(listing, context) {
    const image = checkedImage(listing, context);
    if (!image || Math.max(image.width, image.height) >= IMAGE_LIMITS.minSide) return null;
    return { params: { width: image.width, height: image.height, min: IMAGE_LIMITS.minSide } };
  },
});
