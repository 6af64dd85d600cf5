import { describe, expect, it } from 'vitest';
import { imageState, notCheckedKey } from '@/lib/compliance/image/state';
import { evaluateListing, summarise } from '@/lib/compliance/registry';
import { imageBackground } from '@/lib/compliance/rules/image-background';
import { imageMissing } from '@/lib/compliance/rules/image-missing';
import { imageNoZoom } from '@/lib/compliance/rules/image-no-zoom';
import { imageTooSmall } from '@/lib/compliance/rules/image-too-small';
import type { ImageCheckResult } from '@/lib/compliance/types';
import { compliance } from '@/lib/i18n/catalog/compliance';
import { complianceSettings, context, listing, only } from './helpers';

const URL_ = 'https://m.media-amazon.com/images/I/71abc._SS40_.jpg';
const PLACEHOLDER = 'https://m.media-amazon.com/images/G/01/x-site/icons/no-img-sm._CB1275522461_.gif';

function withResult(result: ImageCheckResult | undefined) {
  return {
    item: listing({ imageUrl: URL_ }),
    ctx: context({ imageResult: (url) => (url === URL_ ? result : undefined) }),
  };
}

const checked = (width: number, height: number, whiteShare = 1): ImageCheckResult => ({
  status: 'checked',
  width,
  height,
  whiteShare,
});

describe('image.missing', () => {
  it('reports an empty image URL and Amazon’s placeholder', () => {
    expect(only(imageMissing.check(listing({ imageUrl: '' }), context())).severity).toBe('block');
    expect(imageMissing.check(listing({ imageUrl: PLACEHOLDER }), context())).toHaveLength(1);
  });

  it('says nothing when there is an image, or when the page shows no image column', () => {
    expect(imageMissing.check(listing({ imageUrl: URL_ }), context())).toEqual([]);
    expect(imageMissing.check(listing({ imageUrl: undefined }), context())).toEqual([]);
  });
});

describe('image size', () => {
  it('blocks below 500 px on the longest side', () => {
    const { item, ctx } = withResult(checked(499, 300));
    expect(only(imageTooSmall.check(item, ctx))).toMatchObject({
      severity: 'block',
      params: { width: 499, height: 300, min: 500 },
    });
    expect(imageNoZoom.check(item, ctx)).toEqual([]);
  });

  it('warns from 500 to 999 px (no zoom), using the longest side', () => {
    for (const [width, height] of [
      [500, 200],
      [300, 999],
    ] as const) {
      const { item, ctx } = withResult(checked(width, height));
      expect(imageTooSmall.check(item, ctx)).toEqual([]);
      expect(only(imageNoZoom.check(item, ctx)).severity).toBe('warn');
    }
  });

  it('passes 1,000 px and more', () => {
    const { item, ctx } = withResult(checked(600, 1000));
    expect([...imageTooSmall.check(item, ctx), ...imageNoZoom.check(item, ctx)]).toEqual([]);
  });
});

describe('image.background', () => {
  it('warns below 95% white border, and shows the share rounded down', () => {
    const { item, ctx } = withResult(checked(1500, 1500, 0.9499));
    expect(only(imageBackground.check(item, ctx))).toMatchObject({ severity: 'warn', params: { share: '94%' } });
  });

  it('passes at 95% and above', () => {
    const { item, ctx } = withResult(checked(1500, 1500, 0.95));
    expect(imageBackground.check(item, ctx)).toEqual([]);
  });
});

describe('an image that was not checked', () => {
  it('gives no verdict and counts nothing', () => {
    for (const result of [
      undefined,
      { status: 'not-checked', reason: 'timeout' },
      { status: 'not-checked', reason: 'http-error', httpStatus: 404 },
      { status: 'not-checked', reason: 'disabled' },
    ] as const) {
      const { item, ctx } = withResult(result);
      const findings = evaluateListing({ ...item, title: 'Steel Soap Dish' }, ctx, complianceSettings(), {
        categories: ['image'],
      });
      expect(findings).toEqual([]);
      expect(summarise(findings)).toMatchObject({ issues: 0, severity: 'ok' });
    }
  });

  it('is reported as an informational state with its reason', () => {
    expect(imageState(...args(undefined))).toEqual({ state: 'not-checked', reason: 'pending' });
    expect(imageState(...args({ status: 'not-checked', reason: 'http-error', httpStatus: 404 }))).toEqual({
      state: 'not-checked',
      reason: 'http-error',
      httpStatus: 404,
    });
    expect(imageState(...args(checked(1200, 900, 0.99)))).toEqual({
      state: 'checked',
      width: 1200,
      height: 900,
      whiteShare: 0.99,
    });
    expect(imageState(listing({ imageUrl: PLACEHOLDER }), context())).toEqual({ state: 'missing' });
    expect(imageState(listing({ imageUrl: undefined }), context())).toEqual({ state: 'not-shown' });
  });

  it('has a message for every reason', () => {
    for (const reason of [
      'disabled',
      'pending',
      'invalid-url',
      'http-error',
      'network',
      'timeout',
      'unreadable',
      'decode-failed',
    ] as const) {
      expect(Object.hasOwn(compliance, notCheckedKey(reason)), reason).toBe(true);
    }
  });
});

function args(result: ImageCheckResult | undefined) {
  const { item, ctx } = withResult(result);
  return [item, ctx] as const;
}
