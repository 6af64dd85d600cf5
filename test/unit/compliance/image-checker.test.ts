import { describe, expect, it, vi } from 'vitest';
import { createImageChecker, type DecodePixels, type FetchBytes, fetchBytesWith } from '@/lib/compliance/image/checker';
import { jpeg, png } from './image-bytes';

const ID = 'https://m.media-amazon.com/images/I/71abc';

interface File {
  status?: number;
  bytes?: Uint8Array;
  delayMs?: number;
  /** Never answers until aborted. */
  hang?: boolean;
  error?: 'reject' | 'throw';
}

/** A fake image server: full-size headers and samples by URL; counts calls and concurrent fetches. */
function server(files: Record<string, File>) {
  const calls: { url: string; maxBytes?: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const aborted: string[] = [];
  const fetchBytes: FetchBytes = (url, { maxBytes, signal }) => {
    const file = files[url] ?? { status: 404 };
    calls.push({ url, maxBytes });
    if (file.error === 'throw') throw new Error('synchronous failure');
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise((resolve, reject) => {
      const finish = () => {
        inFlight--;
        if (file.error === 'reject') reject(new TypeError('Failed to fetch'));
        else resolve({ status: file.status ?? 200, bytes: file.bytes ?? new Uint8Array(0) });
      };
      const timer = file.hang ? undefined : setTimeout(finish, file.delayMs ?? 1);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        inFlight--;
        aborted.push(url);
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      });
    });
  };
  return {
    fetchBytes,
    calls,
    aborted,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** Samples are one byte: how many of the 12 border pixels of a 4×4 image are grey. */
const decodePixels: DecodePixels = async (bytes) => {
  const grey = bytes[0] ?? 0;
  const data = new Uint8ClampedArray(4 * 4 * 4).fill(255);
  const border = [0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15];
  for (const index of border.slice(0, grey)) data.set([128, 128, 128, 255], index * 4);
  return { width: 4, height: 4, data };
};

function image(id: string, width: number, height: number, greyBorder: number, delayMs = 1): Record<string, File> {
  return {
    [`${id}.jpg`]: { bytes: jpeg(width, height), delayMs },
    [`${id}._SL500_.jpg`]: { bytes: Uint8Array.of(greyBorder), delayMs },
  };
}

describe('createImageChecker', () => {
  it('reads the size from the full-size header and the background from a 500 px sample', async () => {
    const net = server(image(ID, 1500, 1200, 3));
    const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels, headerBytes: 4096 });
    const result = await checker.check(`${ID}._SS40_.jpg`);
    expect(result).toEqual({ status: 'checked', width: 1500, height: 1200, whiteShare: 9 / 12 });
    expect(net.calls).toEqual([
      { url: `${ID}.jpg`, maxBytes: 4096 },
      { url: `${ID}._SL500_.jpg`, maxBytes: 8 * 1024 * 1024 },
    ]);
  });

  it('never runs more checks at once than allowed, and runs them all', async () => {
    const files = Object.assign({}, ...Array.from({ length: 10 }, (_, i) => image(`${ID}${i}`, 1000, 1000, 0, 5)));
    const net = server(files);
    const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels, concurrency: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => checker.check(`${ID}${i}._SS40_.jpg`)));
    expect(results.every((r) => r.status === 'checked')).toBe(true);
    expect(net.maxInFlight).toBe(2);
    expect(net.calls).toHaveLength(20);
  });

  it('gives up after the time limit, aborts the fetch and says "not checked"', async () => {
    const net = server({ [`${ID}.jpg`]: { hang: true } });
    const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels, timeoutMs: 20 });
    expect(await checker.check(`${ID}._SS40_.jpg`)).toEqual({ status: 'not-checked', reason: 'timeout' });
    expect(net.aborted).toEqual([`${ID}.jpg`]);
  });

  it('does not count time spent waiting for a turn against the limit', async () => {
    vi.useFakeTimers();
    try {
      // Each image takes 40 ms (two 20 ms fetches); the second waits 40 ms for its turn, then has its own 50 ms.
      const files = Object.assign({}, image(`${ID}1`, 800, 800, 0, 20), image(`${ID}2`, 800, 800, 0, 20));
      const net = server(files);
      const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels, concurrency: 1, timeoutMs: 50 });
      const results = Promise.all([checker.check(`${ID}1.jpg`), checker.check(`${ID}2.jpg`)]);
      await vi.advanceTimersByTimeAsync(200);
      expect((await results).map((r) => r.status)).toEqual(['checked', 'checked']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns HTTP errors into "not checked" with the status', async () => {
    const missing = server({});
    const checker = createImageChecker({ fetchBytes: missing.fetchBytes, decodePixels });
    expect(await checker.check(`${ID}.jpg`)).toEqual({ status: 'not-checked', reason: 'http-error', httpStatus: 404 });
    expect(missing.calls).toHaveLength(1);

    const sampleGone = server({ [`${ID}.jpg`]: { bytes: png(1200, 1200) }, [`${ID}._SL500_.jpg`]: { status: 503 } });
    const second = createImageChecker({ fetchBytes: sampleGone.fetchBytes, decodePixels });
    expect(await second.check(`${ID}.jpg`)).toEqual({ status: 'not-checked', reason: 'http-error', httpStatus: 503 });
  });

  it('turns network failures, thrown or rejected, into "not checked"', async () => {
    for (const error of ['reject', 'throw'] as const) {
      const net = server({ [`${ID}.jpg`]: { error } });
      const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels });
      expect(await checker.check(`${ID}.jpg`)).toEqual({ status: 'not-checked', reason: 'network' });
    }
  });

  it('says "unreadable" for a header without a size, and "decode-failed" when pixels fail', async () => {
    const html = server({ [`${ID}.jpg`]: { bytes: new TextEncoder().encode('<html>Sorry</html>') } });
    expect(await createImageChecker({ fetchBytes: html.fetchBytes, decodePixels }).check(`${ID}.jpg`)).toEqual({
      status: 'not-checked',
      reason: 'unreadable',
    });

    const net = server(image(ID, 1200, 1200, 0));
    const failing: DecodePixels = async () => {
      throw new Error('The source image cannot be decoded.');
    };
    expect(await createImageChecker({ fetchBytes: net.fetchBytes, decodePixels: failing }).check(`${ID}.jpg`)).toEqual({
      status: 'not-checked',
      reason: 'decode-failed',
    });
    const empty: DecodePixels = () => ({ width: 0, height: 0, data: new Uint8Array(0) }) as never;
    expect(await createImageChecker({ fetchBytes: net.fetchBytes, decodePixels: empty }).check(`${ID}.jpg`)).toEqual({
      status: 'not-checked',
      reason: 'decode-failed',
    });
  });

  it('refuses an invalid URL without fetching', async () => {
    const net = server({});
    const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels });
    expect(await checker.check('javascript:alert(1)')).toEqual({ status: 'not-checked', reason: 'invalid-url' });
    expect(await checker.check('')).toEqual({ status: 'not-checked', reason: 'invalid-url' });
    expect(net.calls).toEqual([]);
  });

  it('answers a second check of the same image from the cache, whatever its size token', async () => {
    const net = server(image(ID, 1500, 1500, 0));
    const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels });
    const [first, concurrent] = await Promise.all([
      checker.check(`${ID}._SS40_.jpg`),
      checker.check(`${ID}._SX425_.jpg`),
    ]);
    const later = await checker.check(`${ID}._AC_SL1500_.jpg`);
    expect(concurrent).toEqual(first);
    expect(later).toEqual(first);
    expect(net.calls).toHaveLength(2);
    expect(checker.cached(`${ID}.jpg`)).toEqual(first);
  });

  it('checks again once a verdict expires, and retries failures sooner', async () => {
    let clock = 0;
    const now = () => clock;
    const net = server(image(ID, 1500, 1500, 0));
    const checker = createImageChecker({
      fetchBytes: net.fetchBytes,
      decodePixels,
      now,
      cacheTtlMs: 1000,
      failureTtlMs: 100,
    });
    await checker.check(`${ID}.jpg`);
    clock = 999;
    await checker.check(`${ID}.jpg`);
    expect(net.calls).toHaveLength(2);
    clock = 1000;
    expect(checker.cached(`${ID}.jpg`)).toBeUndefined();
    await checker.check(`${ID}.jpg`);
    expect(net.calls).toHaveLength(4);

    const down = server({});
    const failing = createImageChecker({
      fetchBytes: down.fetchBytes,
      decodePixels,
      now,
      cacheTtlMs: 1000,
      failureTtlMs: 100,
    });
    clock = 0;
    await failing.check(`${ID}.jpg`);
    clock = 99;
    await failing.check(`${ID}.jpg`);
    expect(down.calls).toHaveLength(1);
    clock = 100;
    await failing.check(`${ID}.jpg`);
    expect(down.calls).toHaveLength(2);
  });

  it('keeps at most maxCacheEntries images, dropping the oldest', async () => {
    const files = Object.assign(
      {},
      image(`${ID}1`, 600, 600, 0),
      image(`${ID}2`, 600, 600, 0),
      image(`${ID}3`, 600, 600, 0),
    );
    const net = server(files);
    const checker = createImageChecker({ fetchBytes: net.fetchBytes, decodePixels, maxCacheEntries: 2 });
    for (const i of [1, 2, 3]) await checker.check(`${ID}${i}.jpg`);
    expect(checker.cached(`${ID}1.jpg`)).toBeUndefined();
    expect(checker.cached(`${ID}3.jpg`)?.status).toBe('checked');
    checker.clear();
    expect(checker.cached(`${ID}3.jpg`)).toBeUndefined();
  });
});

function streamResponse(chunks: Uint8Array[], status = 200): { response: Response; cancelled: () => boolean } {
  let cancelled = false;
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body, { status }), cancelled: () => cancelled };
}

describe('fetchBytesWith', () => {
  it('asks for a range and stops reading at maxBytes even when the whole file comes back', async () => {
    const chunks = [new Uint8Array(1000).fill(1), new Uint8Array(1000).fill(2), new Uint8Array(1000).fill(3)];
    const { response, cancelled } = streamResponse(chunks);
    let init: RequestInit | undefined;
    const fetchBytes = fetchBytesWith((async (_url: string, given: RequestInit) => {
      init = given;
      return response;
    }) as typeof fetch);
    const result = await fetchBytes(`${ID}.jpg`, { maxBytes: 1500, signal: new AbortController().signal });
    expect(result.status).toBe(200);
    expect(result.bytes.length).toBe(1500);
    expect(result.bytes[999]).toBe(1);
    expect(result.bytes[1000]).toBe(2);
    expect(cancelled()).toBe(true);
    expect(init?.headers).toEqual({ Range: 'bytes=0-1499' });
    expect(init?.credentials).toBe('omit');
  });

  it('returns a short file whole, and an error status with no bytes', async () => {
    const short = fetchBytesWith((async () => streamResponse([Uint8Array.of(1, 2, 3)], 206).response) as typeof fetch);
    expect(await short(`${ID}.jpg`, { maxBytes: 100, signal: new AbortController().signal })).toEqual({
      status: 206,
      bytes: Uint8Array.of(1, 2, 3),
    });
    const missing = fetchBytesWith((async () => new Response('Not found', { status: 404 })) as typeof fetch);
    expect(await missing(`${ID}.jpg`, { signal: new AbortController().signal })).toEqual({
      status: 404,
      bytes: new Uint8Array(0),
    });
  });

  it('reads everything when no maximum is given', async () => {
    const whole = fetchBytesWith((async () => new Response(Uint8Array.of(9, 8, 7))) as typeof fetch);
    expect((await whole(`${ID}.jpg`, { signal: new AbortController().signal })).bytes).toEqual(Uint8Array.of(9, 8, 7));
  });
});
