import { IMAGE_LIMITS } from '../data/limits';
import type { ImageCheckResult, NotCheckedReason } from '../types';
import { borderWhiteness } from './pixels';
import { imageSize } from './size';
import { fullSizeUrl, withSizeToken } from './url';

/**
 * Checks main images from the extension's own context (background or offscreen document), never
 * from the page: a limited number at a time, each within a time limit, each URL once per cache
 * period. Every failure is "not checked" with its reason, never a verdict, and `check` never throws.
 * I/O is injected so the checker is tested without a network or a canvas.
 */

export interface FetchedBytes {
  /** HTTP status; 2xx (200, or 206 for a range) means the bytes are the image's. */
  status: number;
  bytes: Uint8Array;
}

/** Fetches a URL's bytes, at most `maxBytes` of them when given (the rest may be skipped). */
export type FetchBytes = (url: string, init: { maxBytes?: number; signal: AbortSignal }) => Promise<FetchedBytes>;

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major, as getImageData returns. */
  data: Uint8Array | Uint8ClampedArray;
}

/** Decodes an image to pixels (in the extension: createImageBitmap + OffscreenCanvas). */
export type DecodePixels = (bytes: Uint8Array, signal: AbortSignal) => Promise<Pixels>;

export interface ImageCheckerOptions {
  fetchBytes: FetchBytes;
  decodePixels: DecodePixels;
  /** Images checked at the same time. */
  concurrency?: number;
  /** Time for one image, from when its turn comes (queueing does not count). */
  timeoutMs?: number;
  now?: () => number;
  /** How long a verdict is reused. */
  cacheTtlMs?: number;
  /** How long a failure is remembered before the image is tried again. */
  failureTtlMs?: number;
  maxCacheEntries?: number;
  /** Bytes read from the full-size image for its header; EXIF or ICC blocks may push the size back. */
  headerBytes?: number;
  /** The sample is refused above this size (a URL without a size token may be a huge original). */
  sampleMaxBytes?: number;
}

export interface ImageChecker {
  check(url: string): Promise<ImageCheckResult>;
  /** The cached result, if any and not expired, without starting a check. */
  cached(url: string): ImageCheckResult | undefined;
  clear(): void;
}

interface CacheEntry {
  promise: Promise<ImageCheckResult>;
  result?: ImageCheckResult;
  expires: number;
}

class NotChecked extends Error {
  constructor(
    readonly reason: NotCheckedReason,
    readonly httpStatus?: number,
  ) {
    super(reason);
  }
}

function notChecked(reason: NotCheckedReason, httpStatus?: number): ImageCheckResult {
  return httpStatus === undefined ? { status: 'not-checked', reason } : { status: 'not-checked', reason, httpStatus };
}

function isHttpUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A slot counter that hands a freed slot straight to the next in line, so the limit is never exceeded. */
function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    acquire(): Promise<void> {
      if (active < limit) {
        active++;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else active--;
    },
  };
}

export function createImageChecker(options: ImageCheckerOptions): ImageChecker {
  const {
    fetchBytes,
    decodePixels,
    concurrency = 3,
    timeoutMs = 15_000,
    now = Date.now,
    cacheTtlMs = 6 * 60 * 60 * 1000,
    failureTtlMs = 5 * 60 * 1000,
    maxCacheEntries = 5000,
    headerBytes = 64 * 1024,
    sampleMaxBytes = 8 * 1024 * 1024,
  } = options;
  const limiter = createLimiter(Math.max(1, Math.floor(concurrency)));
  const cache = new Map<string, CacheEntry>();

  async function inspect(url: string, signal: AbortSignal): Promise<ImageCheckResult> {
    const header = await attempt(() => fetchBytes(fullSizeUrl(url), { maxBytes: headerBytes, signal }), 'network');
    if (header.status < 200 || header.status > 299) throw new NotChecked('http-error', header.status);
    const size = imageSize(header.bytes);
    if (!size) throw new NotChecked('unreadable');
    const sampleUrl = withSizeToken(url, IMAGE_LIMITS.sampleMaxSide);
    const sample = await attempt(() => fetchBytes(sampleUrl, { maxBytes: sampleMaxBytes, signal }), 'network');
    if (sample.status < 200 || sample.status > 299) throw new NotChecked('http-error', sample.status);
    const whiteShare = await attempt(async () => {
      const pixels = await decodePixels(sample.bytes, signal);
      return borderWhiteness(pixels.data, pixels.width, pixels.height);
    }, 'decode-failed');
    return { status: 'checked', width: size.width, height: size.height, whiteShare };
  }

  async function run(url: string): Promise<ImageCheckResult> {
    await limiter.acquire();
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new NotChecked('timeout'));
      }, timeoutMs);
    });
    try {
      return await Promise.race([inspect(url, controller.signal), timedOut]);
    } catch (error) {
      if (controller.signal.aborted) return notChecked('timeout');
      if (error instanceof NotChecked) return notChecked(error.reason, error.httpStatus);
      return notChecked('network');
    } finally {
      clearTimeout(timer);
      // A decode that ignores the abort may still finish in the background; the slot is freed now
      // so one stuck image cannot hold the queue.
      limiter.release();
    }
  }

  function live(key: string): CacheEntry | undefined {
    const entry = cache.get(key);
    if (entry && entry.expires <= now()) {
      cache.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    check(url) {
      if (!isHttpUrl(url)) return Promise.resolve(notChecked('invalid-url'));
      const key = fullSizeUrl(url);
      const existing = live(key);
      if (existing) return existing.promise;
      const promise = run(url).then((result) => {
        const entry = cache.get(key);
        // Cleared or evicted meanwhile: answer the caller, but do not bring the entry back.
        if (entry?.promise === promise) {
          entry.result = result;
          entry.expires = now() + (result.status === 'checked' ? cacheTtlMs : failureTtlMs);
        }
        return result;
      });
      cache.set(key, { promise, expires: Number.POSITIVE_INFINITY });
      while (cache.size > maxCacheEntries) {
        const oldest = cache.keys().next().value as string;
        cache.delete(oldest);
      }
      return promise;
    },
    cached(url) {
      if (!isHttpUrl(url)) return undefined;
      return live(fullSizeUrl(url))?.result;
    },
    clear() {
      cache.clear();
    },
  };
}

/** Runs injected I/O so that whatever it throws, synchronously or not, becomes a NotChecked reason. */
async function attempt<T>(io: () => Promise<T> | T, reason: NotCheckedReason): Promise<T> {
  try {
    return await io();
  } catch (error) {
    throw error instanceof NotChecked ? error : new NotChecked(reason);
  }
}

/**
 * FetchBytes over a `fetch` function (the background passes the global one): asks for a byte
 * range and stops reading at `maxBytes` whether or not the server honoured the range. No cookies
 * are sent; image hosts need none.
 */
export function fetchBytesWith(fetchImpl: typeof fetch): FetchBytes {
  return async (url, { maxBytes, signal }) => {
    const init: RequestInit = { signal, credentials: 'omit' };
    if (maxBytes !== undefined) init.headers = { Range: `bytes=0-${maxBytes - 1}` };
    const response = await fetchImpl(url, init);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, bytes: new Uint8Array(0) };
    }
    if (maxBytes === undefined || !response.body) {
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
    if (total >= maxBytes) await reader.cancel().catch(() => undefined);
    const bytes = new Uint8Array(Math.min(total, maxBytes));
    let at = 0;
    for (const chunk of chunks) {
      const part = chunk.subarray(0, bytes.length - at);
      bytes.set(part, at);
      at += part.length;
      if (at >= bytes.length) break;
    }
    return { status: response.status, bytes };
  };
}
