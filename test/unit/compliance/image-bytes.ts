/** Minimal image files, byte by byte, for the header reader and the image checker. */

export const bytes = (...parts: (number[] | string | Uint8Array)[]): Uint8Array => {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const ch of part) out.push(ch.charCodeAt(0));
    else out.push(...part);
  }
  return Uint8Array.from(out);
};
export const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
export const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
export const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
export const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
export const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** A segment: marker, then a length that counts itself, then the payload. */
export const segment = (marker: number, payload: number[]) => [0xff, marker, ...be16(payload.length + 2), ...payload];

export function jpeg(
  width: number,
  height: number,
  options: { sof?: number; exifBytes?: number; fill?: boolean } = {},
) {
  const app0 = segment(0xe0, [...'JFIF'].map((c) => c.charCodeAt(0)).concat([0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const app1 = options.exifBytes ? segment(0xe1, new Array(options.exifBytes).fill(0x41)) : [];
  const dqt = segment(0xdb, [0, ...new Array(64).fill(1)]);
  // DHT is C4: inside the SOF marker range but not a frame header.
  const dht = segment(0xc4, [0, ...new Array(16).fill(0)]);
  const sof = segment(options.sof ?? 0xc0, [8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const sos = segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]);
  return bytes(
    [0xff, 0xd8],
    app0,
    app1,
    options.fill ? [0xff, 0xff] : [],
    dqt,
    dht,
    sof,
    sos,
    [0x12, 0x34, 0xff, 0xd9],
  );
}

export const png = (width: number, height: number) =>
  bytes([0x89], 'PNG\r\n\x1a\n', be32(13), 'IHDR', be32(width), be32(height), [8, 6, 0, 0, 0], be32(0));

export const gif = (version: '87a' | '89a', width: number, height: number) =>
  bytes(`GIF${version}`, le16(width), le16(height), [0xf7, 0, 0]);

export const riff = (chunk: Uint8Array) => bytes('RIFF', le32(chunk.length + 4), 'WEBP', chunk);
export const webpLossy = (width: number, height: number) =>
  // frame tag (3 bytes), start code, then 14-bit width and height.
  riff(bytes('VP8 ', le32(10), [0, 0, 0], [0x9d, 0x01, 0x2a], le16(width), le16(height)));
export const webpLossless = (width: number, height: number) => {
  const bits = (width - 1) | ((height - 1) << 14);
  return riff(bytes('VP8L', le32(5), [0x2f], le32(bits >>> 0)));
};
export const webpExtended = (width: number, height: number) =>
  riff(bytes('VP8X', le32(10), [0x10, 0, 0, 0], le24(width - 1), le24(height - 1)));
