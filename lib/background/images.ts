import { browser } from 'wxt/browser';
import {
  createImageChecker,
  type DecodePixels,
  type FetchBytes,
  fetchBytesWith,
  type ImageCheckerOptions,
} from '../compliance/image/checker';
import { isPlaceholderImage } from '../compliance/image/url';
import type { ImageCheckResult } from '../compliance/types';
import { IMAGE_HOST_MATCHES } from '../marketplaces';
import type { Settings } from '../settings/schema';

/**
 * Main-image checks in the background. The page never waits for them: a badge request gets the
 * results known now and starts checks for the rest (the badge says "not checked yet" and the
 * content script asks again). Nothing is fetched unless the seller has turned image checks on
 * and granted the optional image-host permission. The cache lives in memory: a restarted worker
 * simply checks again when asked.
 */

export interface ImageLookup {
  /** Image checks are on and permitted. */
  enabled: boolean;
  /** The result for a main-image URL, or undefined while its check is under way. */
  result(url: string): ImageCheckResult | undefined;
}

export interface ImageService {
  /** The setting is on and the permission granted: only then is anything fetched. */
  allowed(settings: Settings): Promise<boolean>;
  /** Results known now; checks start (not awaited) for the URLs without one. */
  lookup(urls: Iterable<string>, settings: Settings): Promise<ImageLookup>;
  /** Results known now, starting nothing (the dashboard's list). */
  known(urls: Iterable<string>, settings: Settings): Promise<ImageLookup>;
}

export interface ImageServiceOptions extends Partial<Omit<ImageCheckerOptions, 'fetchBytes' | 'decodePixels'>> {
  fetchBytes?: FetchBytes;
  decodePixels?: DecodePixels;
  /** Whether the optional image-host permission is granted. */
  hasPermission?: () => Promise<boolean>;
  /**
   * Checks start once no new image has been asked about for this long (0: at once). Decoding
   * competes with the page for the machine's cores: while the seller's page is still streaming rows
   * in, the checks wait for it to settle.
   */
  quietMs?: number;
  /** The longest an image waits for that quiet, so a page that never settles still gets its checks. */
  maxWaitMs?: number;
}

/** What the worker's own service waits for (see ImageServiceOptions.quietMs). */
export const QUIET_MS = 1500;
export const MAX_WAIT_MS = 15_000;
/** Longer than a check can take, queueing included, for a page's worth of images. */
const STARTED_RECENTLY_MS = 120_000;

const DISABLED: ImageCheckResult = Object.freeze({ status: 'not-checked', reason: 'disabled' });
const INVALID: ImageCheckResult = Object.freeze({ status: 'not-checked', reason: 'invalid-url' });

/** The hosts the optional permission covers (`https://m.media-amazon.com/*` → m.media-amazon.com). */
const PERMITTED_HOSTS = new Set(IMAGE_HOST_MATCHES.map((match) => new URL(match.replace(/\*$/, '')).hostname));

/**
 * Only URLs the permission covers are fetched: any other host would be a cross-origin request the
 * extension may not read, and a request to a host the seller never approved.
 */
export function isPermittedImageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && PERMITTED_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** Whether the seller has granted the optional image-host permission. */
export async function hasImagePermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [...IMAGE_HOST_MATCHES] });
  } catch {
    return false;
  }
}

/**
 * Pixels through createImageBitmap and OffscreenCanvas, which Chrome's MV3 worker and Firefox's
 * background page both have (so no offscreen document is needed). Where they are missing the
 * decode fails, and the image is "not checked", never judged.
 */
export const decodeWithCanvas: DecodePixels = async (bytes, signal) => {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    throw new Error('This context cannot decode images (no createImageBitmap or OffscreenCanvas).');
  }
  const bitmap = await createImageBitmap(new Blob([bytes.slice()]));
  try {
    signal.throwIfAborted();
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('No 2D canvas context.');
    context.drawImage(bitmap, 0, 0);
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  } finally {
    bitmap.close();
  }
};

export function createImageService(options: ImageServiceOptions = {}): ImageService {
  const {
    fetchBytes,
    decodePixels,
    hasPermission = hasImagePermission,
    quietMs = 0,
    maxWaitMs = MAX_WAIT_MS,
    ...checkerOptions
  } = options;
  const checker = createImageChecker({
    concurrency: 3,
    // Long enough for a sample on a slow line; a stuck image must not hold its slot longer.
    timeoutMs: 10_000,
    ...checkerOptions,
    fetchBytes: fetchBytes ?? fetchBytesWith((input, init) => fetch(input, init)),
    decodePixels: decodePixels ?? decodeWithCanvas,
  });
  let wasAllowed: boolean | undefined;
  /** Images asked about whose check waits for the quiet. */
  const waiting = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince: number | undefined;

  /** When each recent check was started: asking again about one under way is not page activity. */
  const startedAt = new Map<string, number>();

  function startWaiting(): void {
    timer = undefined;
    waitingSince = undefined;
    const urls = [...waiting];
    waiting.clear();
    const now = Date.now();
    if (startedAt.size > 5000) startedAt.clear();
    for (const url of urls) {
      startedAt.set(url, now);
      void checker.check(url);
    }
  }

  function forgetWaiting(): void {
    startedAt.clear();
    clearTimeout(timer);
    timer = undefined;
    waitingSince = undefined;
    waiting.clear();
  }

  /** Queues checks; only images not asked about before push the start back (re-asks do not). */
  function startSoon(urls: readonly string[]): void {
    if (urls.length === 0) return;
    if (quietMs <= 0) {
      for (const url of urls) void checker.check(url);
      return;
    }
    const now = Date.now();
    let added = false;
    for (const url of urls) {
      if (waiting.has(url)) continue;
      const started = startedAt.get(url);
      // Under way (or just finished): the checker answers it from its cache; nothing to wait for.
      if (started !== undefined && now - started < STARTED_RECENTLY_MS) {
        void checker.check(url);
        continue;
      }
      waiting.add(url);
      added = true;
    }
    if (!added) return;
    waitingSince ??= now;
    clearTimeout(timer);
    timer = setTimeout(startWaiting, Math.max(0, Math.min(quietMs, waitingSince + maxWaitMs - now)));
  }

  async function allowed(settings: Settings): Promise<boolean> {
    // The setting first: with checks off, not even the permission is asked about.
    const now = settings.compliance.imageChecks && (await hasPermission());
    // Failures from before a grant (or a revocation) are not the images' fault: check afresh.
    if (now && wasAllowed === false) checker.clear();
    if (!now) forgetWaiting();
    wasAllowed = now;
    return now;
  }

  async function answer(urls: Iterable<string>, settings: Settings, start: boolean): Promise<ImageLookup> {
    if (!(await allowed(settings))) return { enabled: false, result: () => DISABLED };
    const results = new Map<string, ImageCheckResult | undefined>();
    const toStart: string[] = [];
    for (const url of urls) {
      if (results.has(url) || url.trim() === '' || isPlaceholderImage(url)) continue;
      if (!isPermittedImageUrl(url)) {
        results.set(url, INVALID);
        continue;
      }
      const cached = checker.cached(url);
      results.set(url, cached);
      // The check runs after this answer; its result is cached for the next request.
      if (!cached && start) toStart.push(url);
    }
    startSoon(toStart);
    return { enabled: true, result: (url) => results.get(url) };
  }

  return {
    allowed,
    lookup: (urls, settings) => answer(urls, settings, true),
    known: (urls, settings) => answer(urls, settings, false),
  };
}

let shared: ImageService | undefined;

/** The worker's one image service, made on first use (a cache: a restart makes a new, empty one). */
export function backgroundImages(): ImageService {
  shared ??= createImageService({ quietMs: QUIET_MS });
  return shared;
}

/** The main-image URLs of some listings, for a lookup. */
export function imageUrls(listings: readonly { imageUrl?: string | undefined }[]): string[] {
  const urls: string[] = [];
  for (const listing of listings) if (listing.imageUrl) urls.push(listing.imageUrl);
  return urls;
}
