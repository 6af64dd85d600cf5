/**
 * Image dimensions from the first bytes of a file, without decoding it. Works on a partial buffer:
 * answers as soon as the size is in the bytes given, and undefined when it is not (yet).
 * Formats: https://www.w3.org/Graphics/JPEG/itu-t81.pdf (B.2.2 frame header),
 * https://www.w3.org/TR/png/#11IHDR, https://www.w3.org/Graphics/GIF/spec-gif89a.txt (18),
 * https://developers.google.com/speed/webp/docs/riff_container and RFC 9649.
 */

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export interface ImageSize {
  width: number;
  height: number;
  format: ImageFormat;
}

function u16be(b: Uint8Array, at: number): number {
  return ((b[at] as number) << 8) | (b[at + 1] as number);
}

function u16le(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u24le(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16);
}

function u32be(b: Uint8Array, at: number): number {
  return (((b[at] as number) << 24) >>> 0) + u16be(b, at + 1) * 256 + (b[at + 3] as number);
}

function ascii(b: Uint8Array, at: number, text: string): boolean {
  if (b.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function sized(width: number, height: number, format: ImageFormat): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height, format } : undefined;
}

/** Start-of-frame markers: every SOFn except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Markers without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    // End of image, or scan data before any frame header: no size to find.
    if (marker === 0xd9 || marker === 0xda) return undefined;
    if (isStartOfFrame(marker)) {
      if (i + 8 >= b.length) return undefined;
      return sized(u16be(b, i + 7), u16be(b, i + 5), 'jpeg');
    }
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}

function webpSize(b: Uint8Array): ImageSize | undefined {
  if (ascii(b, 12, 'VP8 ')) {
    if (b.length < 30 || b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff, 'webp');
  }
  if (ascii(b, 12, 'VP8L')) {
    if (b.length < 25 || b[20] !== 0x2f) return undefined;
    const bits = u16le(b, 21) + u16le(b, 23) * 0x10000;
    return sized((bits & 0x3fff) + 1, (Math.floor(bits / 0x4000) & 0x3fff) + 1, 'webp');
  }
  if (ascii(b, 12, 'VP8X')) {
    if (b.length < 30) return undefined;
    return sized(u24le(b, 24) + 1, u24le(b, 27) + 1, 'webp');
  }
  return undefined;
}

export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegSize(b);
  if (b.length >= 24 && ascii(b, 0, '\x89PNG\r\n\x1a\n') && ascii(b, 12, 'IHDR')) {
    return sized(u32be(b, 16), u32be(b, 20), 'png');
  }
  if (b.length >= 10 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) return sized(u16le(b, 6), u16le(b, 8), 'gif');
  if (b.length >= 16 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webpSize(b);
  return undefined;
}
