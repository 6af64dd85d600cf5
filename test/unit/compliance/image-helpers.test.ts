import { describe, expect, it } from 'vitest';
import { borderWhiteness } from '@/lib/compliance/image/pixels';
import { imageSize } from '@/lib/compliance/image/size';
import { fullSizeUrl, isAmazonImageUrl, isPlaceholderImage, withSizeToken } from '@/lib/compliance/image/url';
import { bytes, gif, jpeg, le32, png, webpExtended, webpLossless, webpLossy } from './image-bytes';

describe('imageSize', () => {
  it('reads a baseline JPEG, skipping APP, DQT and DHT segments', () => {
    expect(imageSize(jpeg(1500, 1200))).toEqual({ width: 1500, height: 1200, format: 'jpeg' });
  });

  it('reads a progressive JPEG and one with fill bytes', () => {
    expect(imageSize(jpeg(640, 480, { sof: 0xc2 }))).toMatchObject({ width: 640, height: 480 });
    expect(imageSize(jpeg(640, 480, { fill: true }))).toMatchObject({ width: 640, height: 480 });
  });

  it('reads past a large EXIF block when the buffer holds it', () => {
    const file = jpeg(2000, 2000, { exifBytes: 40_000 });
    expect(imageSize(file)).toMatchObject({ width: 2000, height: 2000 });
  });

  it('answers from a partial buffer that holds the header, and undefined from one that does not', () => {
    const file = jpeg(1001, 999, { exifBytes: 3000 });
    const sofAt = file.findIndex((b, i) => b === 0xff && file[i + 1] === 0xc0);
    expect(imageSize(file.subarray(0, sofAt + 9))).toMatchObject({ width: 1001, height: 999 });
    expect(imageSize(file.subarray(0, sofAt + 8))).toBeUndefined();
    expect(imageSize(file.subarray(0, 2000))).toBeUndefined();
  });

  it('reads PNG, GIF and the three WebP forms', () => {
    expect(imageSize(png(1000, 500))).toEqual({ width: 1000, height: 500, format: 'png' });
    expect(imageSize(gif('87a', 320, 200))).toEqual({ width: 320, height: 200, format: 'gif' });
    expect(imageSize(gif('89a', 65_535, 480))).toMatchObject({ width: 65_535, height: 480 });
    expect(imageSize(webpLossy(1200, 800))).toEqual({ width: 1200, height: 800, format: 'webp' });
    expect(imageSize(webpLossless(1600, 1600))).toEqual({ width: 1600, height: 1600, format: 'webp' });
    expect(imageSize(webpExtended(10_000, 3_000))).toEqual({ width: 10_000, height: 3_000, format: 'webp' });
  });

  it('reads large PNG dimensions as unsigned', () => {
    expect(imageSize(png(0x80000001, 2))).toMatchObject({ width: 0x80000001 });
  });

  it('returns undefined for other formats, truncated headers and zero sizes', () => {
    expect(imageSize(bytes('<html>not an image</html>'))).toBeUndefined();
    expect(imageSize(new Uint8Array(0))).toBeUndefined();
    expect(imageSize(png(1000, 500).subarray(0, 20))).toBeUndefined();
    expect(imageSize(png(0, 500))).toBeUndefined();
    expect(imageSize(bytes([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
    expect(imageSize(bytes('RIFF', le32(4), 'WEBP', 'VP8 '))).toBeUndefined();
  });
});

describe('Amazon image URLs', () => {
  const base = 'https://m.media-amazon.com/images/I/71abc+DEF-L';

  it('removes the size token for the full-size image', () => {
    expect(fullSizeUrl(`${base}._AC_SL1500_.jpg`)).toBe(`${base}.jpg`);
    expect(fullSizeUrl(`${base}._SX425_.jpg`)).toBe(`${base}.jpg`);
    expect(fullSizeUrl(`${base}._SY300_.png`)).toBe(`${base}.png`);
    expect(fullSizeUrl(`${base}._SS40_.jpg`)).toBe(`${base}.jpg`);
    expect(fullSizeUrl(`${base}._AC_UL320_SR320,320_.jpg`)).toBe(`${base}.jpg`);
    expect(fullSizeUrl(`${base}.jpg`)).toBe(`${base}.jpg`);
  });

  it('sets a longest-side token, replacing any other', () => {
    expect(withSizeToken(`${base}._SS40_.jpg`, 1000)).toBe(`${base}._SL1000_.jpg`);
    expect(withSizeToken(`${base}.jpg`, 1000)).toBe(`${base}._SL1000_.jpg`);
    expect(withSizeToken(`${base}._AC_SX679_.jpg`, 500.4)).toBe(`${base}._SL500_.jpg`);
    expect(withSizeToken('https://images-na.ssl-images-amazon.com/images/I/51x._SL75_.jpg', 1000)).toBe(
      'https://images-na.ssl-images-amazon.com/images/I/51x._SL1000_.jpg',
    );
  });

  it('leaves other URLs unchanged', () => {
    for (const url of [
      'https://example.com/images/I/71abc._SL100_.jpg',
      'not a url',
      'https://m.media-amazon.com/images/G/01/logo._CB1_.png',
    ]) {
      expect(fullSizeUrl(url)).toBe(url);
      expect(withSizeToken(url, 1000)).toBe(url);
      expect(isAmazonImageUrl(url)).toBe(false);
    }
    expect(isAmazonImageUrl(`${base}._SS40_.jpg`)).toBe(true);
  });

  it('recognises the "no image" placeholder', () => {
    expect(isPlaceholderImage('https://m.media-amazon.com/images/G/01/x-site/icons/no-img-sm._CB1275522461_.gif')).toBe(
      true,
    );
    expect(isPlaceholderImage(`${base}._SS40_.jpg`)).toBe(false);
  });
});

function image(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  }
  return data;
}

describe('borderWhiteness', () => {
  it('is 1 for a product on white and 0 for a dark frame', () => {
    const onWhite = image(10, 8, (x, y) =>
      x > 2 && x < 7 && y > 2 && y < 5 ? [200, 0, 0, 255] : [255, 255, 255, 255],
    );
    expect(borderWhiteness(onWhite, 10, 8)).toBe(1);
    const framed = image(10, 8, (x, y) =>
      x === 0 || y === 0 || x === 9 || y === 7 ? [0, 0, 0, 255] : [255, 255, 255, 255],
    );
    expect(borderWhiteness(framed, 10, 8)).toBe(0);
  });

  it('counts each border pixel once', () => {
    // 4×3: 10 border pixels; make the left column (3 pixels) grey.
    const data = image(4, 3, (x) => (x === 0 ? [128, 128, 128, 255] : [255, 255, 255, 255]));
    expect(borderWhiteness(data, 4, 3)).toBeCloseTo(7 / 10);
  });

  it('requires every channel at the threshold', () => {
    expect(
      borderWhiteness(
        image(3, 3, () => [250, 250, 250, 255]),
        3,
        3,
      ),
    ).toBe(1);
    expect(
      borderWhiteness(
        image(3, 3, () => [255, 255, 249, 255]),
        3,
        3,
      ),
    ).toBe(0);
    expect(
      borderWhiteness(
        image(3, 3, () => [245, 245, 245, 255]),
        3,
        3,
        240,
      ),
    ).toBe(1);
  });

  it('counts transparent pixels as white, as Amazon shows them', () => {
    expect(
      borderWhiteness(
        image(3, 3, () => [0, 0, 0, 0]),
        3,
        3,
      ),
    ).toBe(1);
    expect(
      borderWhiteness(
        image(3, 3, () => [0, 0, 0, 128]),
        3,
        3,
      ),
    ).toBe(0);
  });

  it('handles one-pixel-wide and one-pixel-high images', () => {
    expect(
      borderWhiteness(
        image(1, 5, (_, y) => (y === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255])),
        1,
        5,
      ),
    ).toBeCloseTo(4 / 5);
    expect(
      borderWhiteness(
        image(5, 1, () => [255, 255, 255, 255]),
        5,
        1,
      ),
    ).toBe(1);
  });

  it('refuses inconsistent input with a clear message', () => {
    expect(() => borderWhiteness(new Uint8Array(0), 0, 0)).toThrow(/no pixels/);
    expect(() => borderWhiteness(new Uint8Array(10), 2, 2)).toThrow(/10 bytes for 2×2/);
  });
});
