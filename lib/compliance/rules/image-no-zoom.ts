import { IMAGE_LIMITS } from '../data/limits';
import { checkedImage } from '../image/state';
import { POLICY } from '../policy';
import { defineRule } from './define';

/** Large enough to be accepted, too small for zoom. Below the minimum, image.too-small reports it instead. */
export const imageNoZoom = defineRule({
  id: 'image.no-zoom',
  category: 'image',
  severity: 'warn',
  messageKey: 'compliance.image.no-zoom.message',
  fixKey: 'compliance.image.no-zoom.fix',
  policyUrl: POLICY.image,
  detect(listing, context) {
    const image = checkedImage(listing, context);
    if (!image) return null;
    const side = Math.max(image.width, image.height);
    if (side < IMAGE_LIMITS.minSide || side >= IMAGE_LIMITS.zoomMinSide) return null;
    return {
      params: { width: image.width, height: image.height, min: IMAGE_LIMITS.zoomMinSide },
    };
  },
});
