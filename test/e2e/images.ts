import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { BrowserContext, Route, Worker } from '@playwright/test';
import { IMAGE_HOST_MATCHES } from '../../lib/marketplaces';
import { EXTENSION_DIR } from '../support/browser';

/**
 * Generated product images for the main-image checks: real PNG files of any size with a chosen
 * background, served at Amazon's image URLs (the size token `._SL<n>_` scales them down as
 * Amazon's image server does), with every request recorded.
 */

export type Rgb = readonly [number, number, number];
export const WHITE: Rgb = [255, 255, 255];
export const GREY: Rgb = [200, 200, 200];
const PRODUCT: Rgb = [30, 90, 160];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const made = new Map<string, Buffer>();

/** An RGB PNG: a product block in the middle (60% of each side) on a plain background. */
export function productPng(width: number, height: number, background: Rgb = WHITE): Buffer {
  const key = `${width}x${height}:${background.join(',')}`;
  const cached = made.get(key);
  if (cached) return cached;
  const stride = 1 + width * 3;
  const plain = Buffer.alloc(stride);
  const middle = Buffer.alloc(stride);
  const [left, right] = [Math.floor(width * 0.2), Math.ceil(width * 0.8)];
  for (let x = 0; x < width; x++) {
    plain.set(background, 1 + x * 3);
    middle.set(x >= left && x < right ? PRODUCT : background, 1 + x * 3);
  }
  const raw = Buffer.alloc(stride * height);
  const [top, bottom] = [Math.floor(height * 0.2), Math.ceil(height * 0.8)];
  for (let y = 0; y < height; y++) (y >= top && y < bottom ? middle : plain).copy(raw, y * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  made.set(key, png);
  return png;
}

export interface ServedImage {
  width: number;
  height: number;
  background?: Rgb;
  /** Answer with this HTTP status instead. */
  status?: number;
  /** Never answer (the checker's time limit must end it). */
  hang?: boolean;
}

export interface ImageCall {
  url: string;
  fromServiceWorker: boolean;
  /** When the request arrived (Date.now()). */
  at: number;
}

/** The id in `…/images/I/<id>._SL75_.jpg`. */
export function imageId(url: string | undefined): string {
  const id = url ? /\/images\/I\/([^./]+)/.exec(url)?.[1] : undefined;
  if (!id) throw new Error(`Not an Amazon product-image URL: ${url}`);
  return id;
}

/**
 * Answers https://m.media-amazon.com/images/I/… with generated images: `images` by id, anything
 * else as `fallback` (1,500 px on white unless given). Register it after the harness's own image
 * route: Playwright tries the most recent route first.
 */
export async function routeGeneratedImages(
  context: BrowserContext,
  images: Record<string, ServedImage>,
  fallback: ServedImage = { width: 1500, height: 1500 },
): Promise<ImageCall[]> {
  const calls: ImageCall[] = [];
  const hanging: Route[] = [];
  await context.route('https://m.media-amazon.com/images/I/**', async (route, request) => {
    const url = request.url();
    calls.push({ url, fromServiceWorker: !!request.serviceWorker(), at: Date.now() });
    const file = /\/images\/I\/([^./]+)(?:\._([A-Z]+)(\d+)_)?\.[a-z]+$/i.exec(new URL(url).pathname);
    const image = (file && images[file[1] as string]) || fallback;
    if (image.hang) {
      hanging.push(route);
      return;
    }
    if (image.status) {
      await route.fulfill({ status: image.status, contentType: 'text/html', body: 'Not found' });
      return;
    }
    let { width, height } = image;
    const side = file?.[2] === 'SL' || file?.[2] === 'SS' ? Number(file[3]) : undefined;
    if (side && side < Math.max(width, height)) {
      const scale = side / Math.max(width, height);
      width = Math.max(1, Math.round(width * scale));
      height = Math.max(1, Math.round(height * scale));
    }
    await route.fulfill({
      status: 200,
      contentType: 'image/png',
      body: productPng(width, height, image.background ?? WHITE),
    });
  });
  context.once('close', () => {
    for (const route of hanging) void route.abort().catch(() => undefined);
  });
  return calls;
}

/**
 * A copy of the built extension whose manifest lists the image hosts under host_permissions, as
 * if the seller had granted the optional permission: Playwright cannot answer the browser's
 * permission prompt (microsoft/playwright#32755). Only the image tests use it; "without the
 * permission, nothing is fetched" runs on the real build.
 */
export function extensionWithImageAccess(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shelfwise-images-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...IMAGE_HOST_MATCHES];
  writeFileSync(path, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Switches image checks in the stored settings, as the dashboard toggle does, from the worker. */
export async function setImageChecks(worker: Worker, on: boolean): Promise<void> {
  await worker.evaluate(async (value) => {
    const storage = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } };
        };
      }
    ).chrome.storage.local;
    const { settings } = (await storage.get('settings')) as { settings?: Record<string, unknown> };
    const compliance = {
      rules: {},
      mutedPerSku: {},
      brandTerms: [],
      ...(settings?.compliance ?? {}),
      imageChecks: value,
    };
    await storage.set({ settings: { ...(settings ?? {}), compliance } });
  }, on);
}
