import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeBadges } from '@/lib/background/badges';
import {
  createImageService,
  decodeWithCanvas,
  hasImagePermission,
  type ImageLookup,
  imageUrls,
  isPermittedImageUrl,
} from '@/lib/background/images';
import type { DecodePixels, FetchBytes } from '@/lib/compliance/image/checker';
import type { ImageCheckResult } from '@/lib/compliance/types';
import { skuKey } from '@/lib/model/keys';
import { defaultSettings, type Settings } from '@/lib/settings';
import { listing } from './helpers';
import { png } from './image-bytes';

const BASE = 'https://m.media-amazon.com/images/I/';
const thumb = (id: string) => `${BASE}${id}._SL75_.jpg`;

interface Served {
  width: number;
  height: number;
  /** Grey border pixels out of the fake sample's 12. */
  grey?: number;
  status?: number;
  hang?: boolean;
}

/** A fake image host: full-size headers and 500 px samples per image id, counting what is fetched. */
function host(images: Record<string, Served>, delayMs = 5) {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchBytes: FetchBytes = (url, { signal }) => {
    calls.push(url);
    const file = /\/I\/([^.]+)\.(?:_SL(\d+)_\.)?jpg$/.exec(url);
    const image = file ? images[file[1] as string] : undefined;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise((resolve, reject) => {
      const done = () => {
        inFlight--;
        if (!image) resolve({ status: 404, bytes: new Uint8Array(0) });
        else if (image.status) resolve({ status: image.status, bytes: new Uint8Array(0) });
        else if (file?.[2]) resolve({ status: 200, bytes: Uint8Array.of(image.grey ?? 0) });
        else resolve({ status: 200, bytes: png(image.width, image.height) });
      };
      const timer = image?.hang ? undefined : setTimeout(done, delayMs);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        inFlight--;
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  };
  return {
    fetchBytes,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** The sample's one byte says how many of a 4×4 image's 12 border pixels are grey. */
const decodePixels: DecodePixels = async (bytes) => {
  const data = new Uint8ClampedArray(4 * 4 * 4).fill(255);
  const border = [0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15];
  for (const index of border.slice(0, bytes[0] ?? 0)) data.set([128, 128, 128, 255], index * 4);
  return { width: 4, height: 4, data };
};

function settings(imageChecks: boolean, change: (s: Settings) => void = () => undefined): Settings {
  const value = defaultSettings();
  value.compliance.imageChecks = imageChecks;
  change(value);
  return value;
}

/** Waits until every started check has settled (fake host delays are a few ms). */
async function settle(ms = 60): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('image checks in the background', () => {
  it('fetches nothing while the seller has not granted the permission, and says "not checked"', async () => {
    const net = host({ a: { width: 1500, height: 1500 } });
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => false });
    const lookup = await service.lookup([thumb('a')], settings(true));
    await settle();
    expect(lookup.enabled).toBe(false);
    expect(lookup.result(thumb('a'))).toEqual({ status: 'not-checked', reason: 'disabled' });
    expect(net.calls).toEqual([]);
  });

  it('fetches nothing and asks no permission while image checks are off', async () => {
    const net = host({ a: { width: 1500, height: 1500 } });
    const hasPermission = vi.fn(async () => true);
    const service = createImageService({ ...net, decodePixels, hasPermission });
    const lookup = await service.lookup([thumb('a')], settings(false));
    await settle();
    expect(lookup.result(thumb('a'))).toEqual({ status: 'not-checked', reason: 'disabled' });
    expect(hasPermission).not.toHaveBeenCalled();
    expect(net.calls).toEqual([]);
  });

  it('answers at once with nothing known, checks afterwards, and answers from the cache next time', async () => {
    const net = host({ a: { width: 1500, height: 1200 }, b: { width: 800, height: 600, grey: 6 } });
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => true });
    const first = await service.lookup([thumb('a'), thumb('b')], settings(true));
    expect(first.enabled).toBe(true);
    expect(first.result(thumb('a'))).toBeUndefined();
    expect(first.result(thumb('b'))).toBeUndefined();
    await settle();
    const second = await service.lookup([thumb('a'), thumb('b')], settings(true));
    expect(second.result(thumb('a'))).toEqual({ status: 'checked', width: 1500, height: 1200, whiteShare: 1 });
    expect(second.result(thumb('b'))).toEqual({ status: 'checked', width: 800, height: 600, whiteShare: 0.5 });
    // Full-size header and 500 px sample, once per image.
    expect([...net.calls].sort()).toEqual(
      [`${BASE}a.jpg`, `${BASE}a._SL500_.jpg`, `${BASE}b.jpg`, `${BASE}b._SL500_.jpg`].sort(),
    );
  });

  it('checks no more images at a time than its limit, and all of them in the end', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const net = host(Object.fromEntries(ids.map((id) => [id, { width: 1200, height: 1200 }])), 10);
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => true, concurrency: 2 });
    await service.lookup(
      ids.map((id) => thumb(id)),
      settings(true),
    );
    await settle(300);
    expect(net.maxInFlight).toBe(2);
    const lookup = await service.known(
      ids.map((id) => thumb(id)),
      settings(true),
    );
    for (const id of ids) expect(lookup.result(thumb(id))).toMatchObject({ status: 'checked' });
  });

  it('says "not checked" for a 404 and for an image that takes too long', async () => {
    vi.useFakeTimers();
    const net = host({ gone: { width: 1, height: 1, status: 404 }, slow: { width: 1500, height: 1500, hang: true } });
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => true, timeoutMs: 1000 });
    await service.lookup([thumb('gone'), thumb('slow')], settings(true));
    await vi.advanceTimersByTimeAsync(1500);
    const lookup = await service.known([thumb('gone'), thumb('slow')], settings(true));
    expect(lookup.result(thumb('gone'))).toEqual({ status: 'not-checked', reason: 'http-error', httpStatus: 404 });
    expect(lookup.result(thumb('slow'))).toEqual({ status: 'not-checked', reason: 'timeout' });
  });

  it('fetches only from the hosts the permission covers, and leaves missing images to their rule', async () => {
    const net = host({});
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => true });
    const elsewhere = 'https://images.example.com/images/I/a.jpg';
    const plain = 'http://m.media-amazon.com/images/I/a.jpg';
    const placeholder = 'https://m.media-amazon.com/images/G/01/x-site/icons/no-img-sm._CB485946458_.gif';
    const lookup = await service.lookup([elsewhere, plain, placeholder, ''], settings(true));
    await settle();
    expect(lookup.result(elsewhere)).toEqual({ status: 'not-checked', reason: 'invalid-url' });
    expect(lookup.result(plain)).toEqual({ status: 'not-checked', reason: 'invalid-url' });
    expect(lookup.result(placeholder)).toBeUndefined();
    expect(net.calls).toEqual([]);
    expect(isPermittedImageUrl('https://images-na.ssl-images-amazon.com/images/I/a.jpg')).toBe(true);
  });

  it('known() starts no check', async () => {
    const net = host({ a: { width: 1500, height: 1500 } });
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => true });
    const lookup = await service.known([thumb('a')], settings(true));
    await settle();
    expect(lookup.enabled).toBe(true);
    expect(lookup.result(thumb('a'))).toBeUndefined();
    expect(net.calls).toEqual([]);
  });

  it('checks again after the permission is granted anew, instead of keeping earlier failures', async () => {
    let granted = true;
    const images = { a: { width: 1500, height: 1500, status: 503 } };
    const net = host(images);
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => granted });
    await service.lookup([thumb('a')], settings(true));
    await settle();
    expect((await service.known([thumb('a')], settings(true))).result(thumb('a'))).toMatchObject({
      reason: 'http-error',
    });
    granted = false;
    await service.lookup([thumb('a')], settings(true));
    granted = true;
    images.a.status = 0;
    await service.lookup([thumb('a')], settings(true));
    await settle();
    expect((await service.known([thumb('a')], settings(true))).result(thumb('a'))).toMatchObject({
      status: 'checked',
    });
  });

  it('a context without a canvas says "not checked", never a verdict', async () => {
    const net = host({ a: { width: 1500, height: 1500 } });
    const service = createImageService({
      ...net,
      decodePixels: decodeWithCanvas,
      hasPermission: async () => true,
    });
    await service.lookup([thumb('a')], settings(true));
    await settle();
    expect((await service.known([thumb('a')], settings(true))).result(thumb('a'))).toEqual({
      status: 'not-checked',
      reason: 'decode-failed',
    });
  });

  it('reads the permission from the browser, and takes a refusal to answer as "not granted"', async () => {
    expect(await hasImagePermission()).toBe(false);
  });

  it('collects the image URLs of listings that show one', () => {
    expect(imageUrls([{ imageUrl: 'x' }, {}, { imageUrl: '' }, { imageUrl: 'y' }])).toEqual(['x', 'y']);
  });
});

describe('the compliance badge with image results', () => {
  const now = Date.UTC(2026, 0, 15, 12);
  const request = (listings: ReturnType<typeof listing>[]) => ({ account: 'A1', marketplace: 'US', listings });
  const clean = (sku: string, id: string) =>
    listing({ sku, title: 'Lumen Ceramic Coffee Mug 350ml, Blue', imageUrl: thumb(id), price: 10 });
  const lookup = (results: Record<string, ImageCheckResult | undefined>, enabled = true): ImageLookup => ({
    enabled,
    result: (url) => (enabled ? results[url] : { status: 'not-checked', reason: 'disabled' }),
  });

  it('counts image findings, says which images are pending or not checked, and never counts those', async () => {
    const rows = [
      clean('OK', 'ok'),
      clean('SMALL', 'small'),
      clean('TINY', 'tiny'),
      clean('GREY', 'grey'),
      clean('GONE', 'gone'),
      clean('WAIT', 'wait'),
    ];
    const badges = await computeBadges(
      undefined,
      request(rows),
      settings(true),
      'en',
      now,
      lookup({
        [thumb('ok')]: { status: 'checked', width: 1500, height: 1500, whiteShare: 1 },
        [thumb('small')]: { status: 'checked', width: 800, height: 800, whiteShare: 1 },
        [thumb('tiny')]: { status: 'checked', width: 400, height: 300, whiteShare: 1 },
        [thumb('grey')]: { status: 'checked', width: 1500, height: 1500, whiteShare: 0.2 },
        [thumb('gone')]: { status: 'not-checked', reason: 'http-error', httpStatus: 404 },
      }),
    );
    const by = Object.fromEntries(badges.map((b) => [b.sku, b.compliance]));
    expect(by.OK).toMatchObject({ issues: 0, severity: 'ok', image: 'checked' });
    expect(by.OK?.imageNote).toBeUndefined();
    expect(by.SMALL).toMatchObject({ issues: 1, severity: 'warn', image: 'checked' });
    expect(by.SMALL?.findings.map((f) => f.ruleId)).toEqual(['image.no-zoom']);
    expect(by.TINY).toMatchObject({ issues: 1, severity: 'block' });
    expect(by.TINY?.findings.map((f) => f.ruleId)).toEqual(['image.too-small']);
    expect(by.GREY).toMatchObject({ issues: 1, severity: 'warn' });
    expect(by.GREY?.findings.map((f) => f.ruleId)).toEqual(['image.background']);
    expect(by.GONE).toMatchObject({ issues: 0, severity: 'ok', image: 'not-checked' });
    expect(by.GONE?.imageNote).toContain('404');
    expect(by.WAIT).toMatchObject({ issues: 0, severity: 'ok', image: 'pending' });
    expect(by.WAIT?.imageNote).toBe('Main image not checked yet.');
  });

  it('says image checks are off, in the seller language, when they are', async () => {
    const [badge] = await computeBadges(
      undefined,
      request([clean('OFF', 'off')]),
      settings(false),
      'zh_CN',
      now,
      lookup({}, false),
    );
    expect(badge?.compliance).toMatchObject({ issues: 0, severity: 'ok', image: 'not-checked' });
    expect(badge?.compliance.imageNote).toContain('未检查主图');
    expect(badge?.compliance.labels.mute).toBe('对此 SKU 忽略');
  });

  it('shows a muted image finding greyed and does not count it', async () => {
    const row = clean('SMALL', 'small');
    const key = skuKey({ account: 'A1', marketplace: 'US', sku: 'SMALL' });
    const [badge] = await computeBadges(
      undefined,
      request([row]),
      settings(true, (s) => {
        s.compliance.mutedPerSku[key] = ['image.no-zoom'];
      }),
      'en',
      now,
      lookup({ [thumb('small')]: { status: 'checked', width: 800, height: 800, whiteShare: 1 } }),
    );
    expect(badge?.compliance).toMatchObject({ issues: 0, severity: 'ok', muteKey: key });
    expect(badge?.compliance.findings).toMatchObject([{ ruleId: 'image.no-zoom', muted: true }]);
  });

  it('flags a listing without a main image whether or not image checks are on', async () => {
    const row = listing({ sku: 'NONE', title: 'Lumen Ceramic Coffee Mug 350ml, Blue', imageUrl: '' });
    const [badge] = await computeBadges(undefined, request([row]), settings(false), 'en', now, lookup({}, false));
    expect(badge?.compliance).toMatchObject({ severity: 'block', image: 'missing' });
    expect(badge?.compliance.findings.map((f) => f.ruleId)).toEqual(['image.missing']);
  });
});

describe('image checks wait for the page to settle', () => {
  const sheet = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, { width: 1500, height: 1500 }]));
  const headers = (calls: string[]) => calls.filter((url) => !url.includes('._SL')).sort();

  it('start once no new image has been asked about for the quiet period; re-asks do not push that back', async () => {
    vi.useFakeTimers();
    const net = host(sheet(['a', 'b', 'c']));
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => true, quietMs: 1500 });
    await service.lookup([thumb('a')], settings(true));
    await vi.advanceTimersByTimeAsync(1000);
    // A new image (the page streamed more rows in): the quiet starts again.
    await service.lookup([thumb('a'), thumb('b')], settings(true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(net.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(headers(net.calls)).toEqual([`${BASE}a.jpg`, `${BASE}b.jpg`]);
    // Asked about again while under way: answered by the running checks, no new wait.
    await service.lookup([thumb('a'), thumb('b'), thumb('c')], settings(true));
    await vi.advanceTimersByTimeAsync(1000);
    await service.lookup([thumb('a'), thumb('b')], settings(true));
    await vi.advanceTimersByTimeAsync(600);
    expect(headers(net.calls)).toEqual([`${BASE}a.jpg`, `${BASE}b.jpg`, `${BASE}c.jpg`]);
    const known = await service.known([thumb('a'), thumb('b'), thumb('c')], settings(true));
    for (const id of ['a', 'b', 'c']) expect(known.result(thumb(id))).toMatchObject({ status: 'checked' });
  });

  it('start within the longest wait on a page that never settles', async () => {
    vi.useFakeTimers();
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const net = host(sheet(ids));
    const service = createImageService({
      ...net,
      decodePixels,
      hasPermission: async () => true,
      quietMs: 1500,
      maxWaitMs: 5000,
    });
    for (const [index, id] of ids.entries()) {
      await service.lookup([thumb(id)], settings(true));
      await vi.advanceTimersByTimeAsync(1000);
      if (index === 3) expect(net.calls).toEqual([]);
    }
    // The first five waited 5 s at most; the rest went out in the next window.
    expect(headers(net.calls).length).toBeGreaterThanOrEqual(5);
    expect(headers(net.calls)).toContain(`${BASE}p0.jpg`);
  });

  it('forget what waits when image checks are turned off meanwhile', async () => {
    vi.useFakeTimers();
    const net = host(sheet(['a']));
    const service = createImageService({ ...net, decodePixels, hasPermission: async () => true, quietMs: 1500 });
    await service.lookup([thumb('a')], settings(true));
    await service.lookup([thumb('a')], settings(false));
    await vi.advanceTimersByTimeAsync(5000);
    expect(net.calls).toEqual([]);
  });
});
