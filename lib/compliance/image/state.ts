import type { Listing } from '../../model/listing';
import type { ImageCheckResult, NotCheckedReason, RuleContext } from '../types';
import { isPlaceholderImage } from './url';

type Checked = Extract<ImageCheckResult, { status: 'checked' }>;

/** The background's verdict for a listing's main image, when there is one. */
export function checkedImage(listing: Listing, context: RuleContext): Checked | undefined {
  const url = listing.imageUrl;
  if (!url || isPlaceholderImage(url)) return undefined;
  const result = context.imageResult(url);
  return result?.status === 'checked' ? result : undefined;
}

/**
 * What the badge says about the main image, findings aside: "not checked" is information, never a
 * verdict and never counted.
 */
export type ImageState =
  | { state: 'not-shown' }
  | { state: 'missing' }
  | ({ state: 'checked' } & Omit<Checked, 'status'>)
  | { state: 'not-checked'; reason: NotCheckedReason; httpStatus?: number };

export function imageState(listing: Listing, context: RuleContext): ImageState {
  const url = listing.imageUrl;
  if (url === undefined) return { state: 'not-shown' };
  if (url.trim() === '' || isPlaceholderImage(url)) return { state: 'missing' };
  const result = context.imageResult(url);
  if (!result) return { state: 'not-checked', reason: 'pending' };
  if (result.status === 'checked') {
    return { state: 'checked', width: result.width, height: result.height, whiteShare: result.whiteShare };
  }
  return result.httpStatus === undefined
    ? { state: 'not-checked', reason: result.reason }
    : { state: 'not-checked', reason: result.reason, httpStatus: result.httpStatus };
}

/** The catalog key explaining why an image was not checked; `status` is the `httpStatus` param for http-error. */
export function notCheckedKey(reason: NotCheckedReason): `compliance.image.not-checked.${NotCheckedReason}` {
  return `compliance.image.not-checked.${reason}`;
}
