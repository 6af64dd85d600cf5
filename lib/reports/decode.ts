/**
 * Bytes → text for report files. Amazon's own downloads are UTF-8 (often with a BOM) or, for some
 * tools, UTF-16LE with a BOM; a file the seller re-saved in Excel is in the machine's code page:
 * GB18030/GBK on a Chinese Windows, Windows-31J (Shift_JIS) on a Japanese one, Windows-1252 on a
 * Western European one.
 *
 * The whole file goes through one TextDecoder in streaming mode: decoding each chunk on its own
 * (as papaparse's file reader does) corrupts a multi-byte character that straddles two chunks.
 */

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'shift_jis', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export function isEncoding(value: unknown): value is Encoding {
  return typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value);
}

/** How the encoding was decided, so the UI can offer the manual choice where it was only likely. */
export type EncodingBasis = 'bom' | 'override' | 'ascii' | 'utf-8' | 'null-bytes' | 'likely' | 'guess';

export interface EncodingDecision {
  encoding: Encoding;
  basis: EncodingBasis;
  /** Length of the byte-order mark at the start of the file (the decoder drops it). */
  bomLength: number;
}

/** What a file that is not text at all most likely is. */
export type BinaryKind = 'image' | 'pdf' | 'spreadsheet' | 'archive' | 'binary';

interface Magic {
  kind: BinaryKind;
  name: string;
  bytes: readonly number[];
  at?: number;
}

const MAGIC: readonly Magic[] = [
  { kind: 'image', name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'image', name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'image', name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'image', name: 'WebP', bytes: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { kind: 'image', name: 'BMP', bytes: [0x42, 0x4d], at: 0 },
  { kind: 'image', name: 'TIFF', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'image', name: 'TIFF', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'image', name: 'HEIC', bytes: [0x66, 0x74, 0x79, 0x70], at: 4 },
  { kind: 'pdf', name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // .xlsx (and every other OOXML/zip container) and the older .xls compound file.
  { kind: 'spreadsheet', name: 'XLSX', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'spreadsheet', name: 'XLS', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'archive', name: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'archive', name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'archive', name: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
];

function startsWith(sample: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (sample.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (sample[at + i] !== bytes[i]) return false;
  return true;
}

export interface BinaryVerdict {
  kind: BinaryKind;
  /** The format's name where a magic number identified it (`PNG`, `XLSX`). */
  format?: string;
}

/**
 * Whether the sample is not text. Magic numbers name the common mistakes (an image or an .xlsx
 * renamed .csv); otherwise control bytes give it away. NUL bytes are left to the caller for UTF-16,
 * where every ASCII character carries one.
 */
export function sniffBinary(sample: Uint8Array, utf16 = false): BinaryVerdict | undefined {
  for (const magic of MAGIC) {
    // BMP's "BM" is also how a text file could begin; only call it an image when the rest is binary.
    if (magic.name === 'BMP') continue;
    if (startsWith(sample, magic.bytes, magic.at)) return { kind: magic.kind, format: magic.name };
  }
  if (utf16) return undefined;
  let control = 0;
  const n = Math.min(sample.length, 65_536);
  for (let i = 0; i < n; i++) {
    const b = sample[i] as number;
    if (b === 0) return startsWith(sample, [0x42, 0x4d]) ? { kind: 'image', format: 'BMP' } : { kind: 'binary' };
    // Tab, LF, CR, form feed and ESC-free text: other C0 controls do not occur in reports.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (n > 0 && control / n > 0.01) return { kind: 'binary' };
  return undefined;
}

function bomOf(sample: Uint8Array): EncodingDecision | undefined {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', basis: 'bom', bomLength: 3 };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', basis: 'bom', bomLength: 2 };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', basis: 'bom', bomLength: 2 };
  if (startsWith(sample, [0x84, 0x31, 0x95, 0x33])) return { encoding: 'gb18030', basis: 'bom', bomLength: 4 };
  return undefined;
}

/** UTF-16 without a BOM: ASCII text leaves a NUL in every other byte. */
function utf16ByNulls(sample: Uint8Array): Encoding | undefined {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function decodes(label: Encoding, sample: Uint8Array): boolean {
  try {
    // stream: true so that a character cut by the end of the sample is not an error.
    new TextDecoder(label, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function isAscii(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) if ((sample[i] as number) >= 0x80) return false;
  return true;
}

/**
 * Share of the non-ASCII characters, read as GB18030, that fall in GB2312's two-byte area (lead
 * A1–F7, trail A1–FE): the symbols and the 6,763 common hanzi. Chinese text lives there almost
 * entirely; Japanese Shift_JIS read as GB lands mostly in the GBK extension areas (lead 81–A0).
 */
function gbPlausibility(sample: Uint8Array): number {
  let common = 0;
  let total = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b < 0x80) continue;
    const t = sample[i + 1];
    if (t === undefined) break;
    total++;
    if (t >= 0x30 && t <= 0x39) {
      i += 3; // four-byte GB18030 sequence: rare characters
      continue;
    }
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common++;
    i++;
  }
  return total === 0 ? 0 : common / total;
}

/**
 * Share of the non-ASCII characters, read as Shift_JIS, that are full-width kana, JIS symbols or
 * level-1/2 kanji (lead 81–9F, E0–EA). GBK Chinese read as Shift_JIS turns mostly into
 * half-width katakana (single bytes A1–DF) and user-defined characters (lead F0–FC).
 */
function sjisPlausibility(sample: Uint8Array): number {
  let common = 0;
  let total = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b < 0x80) continue;
    total++;
    if (b >= 0xa1 && b <= 0xdf) continue; // half-width katakana: rare in real Japanese files
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xea)) common++;
    i++;
  }
  return total === 0 ? 0 : common / total;
}

/**
 * Share of the high bytes that stand alone between ASCII bytes, as Windows-1252's accented letters,
 * currency signs and typographic quotes do (`£12.50`, `Müller`). In the two-byte encodings high
 * bytes come in pairs.
 */
function latinPlausibility(sample: Uint8Array): number {
  let alone = 0;
  let total = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b < 0x80) continue;
    total++;
    const before = i === 0 ? 0 : (sample[i - 1] as number);
    const after = i + 1 >= sample.length ? 0 : (sample[i + 1] as number);
    if (before < 0x80 && after < 0x80) alone++;
  }
  return total === 0 ? 0 : alone / total;
}

/**
 * Decides the encoding from the first bytes of a file:
 * 1. a byte-order mark decides (UTF-8, UTF-16LE/BE, GB18030);
 * 2. NULs in every other byte mean UTF-16 without a BOM;
 * 3. pure ASCII, or a sample that is valid UTF-8, is UTF-8 (a legacy-encoded sample with any
 *    non-ASCII text is practically never valid UTF-8);
 * 4. otherwise GB18030, Shift_JIS and Windows-1252 are each scored by the share of their
 *    non-ASCII characters that land in the ranges real text uses (see the three functions above),
 *    among those that decode the sample without error. The highest share wins; on a tie GB18030
 *    comes first (Shelfwise's sellers are mostly Chinese), then Shift_JIS. A winner under 60 % is
 *    reported as a guess so that the UI can ask the seller to confirm or choose.
 */
export function detectEncoding(sample: Uint8Array): EncodingDecision {
  const bom = bomOf(sample);
  if (bom) return bom;
  const utf16 = utf16ByNulls(sample);
  if (utf16) return { encoding: utf16, basis: 'null-bytes', bomLength: 0 };
  if (isAscii(sample)) return { encoding: 'utf-8', basis: 'ascii', bomLength: 0 };
  if (decodes('utf-8', sample)) return { encoding: 'utf-8', basis: 'utf-8', bomLength: 0 };
  const candidates: Array<{ encoding: Encoding; score: number }> = [];
  if (decodes('gb18030', sample)) candidates.push({ encoding: 'gb18030', score: gbPlausibility(sample) });
  if (decodes('shift_jis', sample)) candidates.push({ encoding: 'shift_jis', score: sjisPlausibility(sample) });
  candidates.push({ encoding: 'windows-1252', score: latinPlausibility(sample) });
  let best = candidates[0] as { encoding: Encoding; score: number };
  for (const c of candidates) if (c.score > best.score) best = c;
  return { encoding: best.encoding, basis: best.score >= 0.6 ? 'likely' : 'guess', bomLength: 0 };
}

/** The encoding to use: the seller's choice when given, else the detected one. */
export function chooseEncoding(sample: Uint8Array, override?: Encoding): EncodingDecision {
  if (!override) return detectEncoding(sample);
  const bom = bomOf(sample);
  // The decoder drops a BOM only for its own encoding; a UTF-8 BOM read as GB18030 would be text.
  return { encoding: override, basis: 'override', bomLength: bom && bom.encoding === override ? bom.bomLength : 0 };
}

/**
 * The file's bytes are not valid in the encoding: at `offset` (0-based), or truncated at the end.
 * `lineFeeds` counts the line breaks in the chunk before the offset, which the caller's text so
 * far does not include.
 */
export class DecodeError extends Error {
  constructor(
    readonly encoding: Encoding,
    readonly offset: number,
    readonly truncated: boolean,
    readonly lineFeeds = 0,
  ) {
    super(
      truncated
        ? `The file ends in the middle of a ${encoding} character (byte ${offset})`
        : `Byte ${offset} is not valid ${encoding}`,
    );
    this.name = 'DecodeError';
  }
}

function decodesWhole(label: Encoding, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the first byte of the invalid sequence in a chunk that failed to decode. `before` is the
 * end of the previous chunk: the failing decoder may have been holding the start of a character
 * from it, so a fresh decoder starts at the first of those bytes that begins a valid sequence.
 */
function locateError(label: Encoding, before: Uint8Array, chunk: Uint8Array): number {
  let lead = before;
  while (lead.length > 0 && !decodes(label, lead)) lead = lead.subarray(1);
  const joined = new Uint8Array(lead.length + chunk.length);
  joined.set(lead);
  joined.set(chunk, lead.length);
  // The smallest prefix that fails ends with the byte that made it fail…
  let lo = 0;
  let hi = joined.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (decodes(label, joined.subarray(0, mid + 1))) lo = mid + 1;
    else hi = mid;
  }
  // …but the invalid sequence may have begun a few bytes earlier (a lead byte whose follower is
  // wrong): step back to where the text before it was last complete.
  let start = lo;
  while (start > lead.length && lo - start < 4 && !decodesWhole(label, joined.subarray(0, start))) start--;
  return Math.max(0, start - lead.length);
}

/** Line breaks in bytes of an ASCII-compatible encoding or UTF-16 (for "near line N"). */
function lineFeeds(label: Encoding, bytes: Uint8Array): number {
  let n = 0;
  if (label === 'utf-16le' || label === 'utf-16be') {
    const low = label === 'utf-16le' ? 0 : 1;
    for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i + low] === 0x0a && bytes[i + 1 - low] === 0) n++;
  } else {
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) n++;
  }
  return n;
}

const DECODE_PIECE = 64 * 1024;

export interface DecodeProgress {
  /** Bytes read so far. */
  bytes: number;
}

/**
 * Decodes a byte stream with one fatal TextDecoder. Yields text chunks (never splitting a
 * character); throws DecodeError with the byte offset of the first invalid byte, or with
 * `truncated` when the file stops inside a character.
 */
export async function* decodeStream(
  chunks: AsyncIterable<Uint8Array>,
  label: Encoding,
  onBytes?: (progress: DecodeProgress) => void,
): AsyncGenerator<string, void, undefined> {
  // ignoreBOM false: the decoder removes its own encoding's BOM at the start.
  const decoder = new TextDecoder(label, { fatal: true });
  let offset = 0;
  let tail: Uint8Array = new Uint8Array(0);
  for await (const whole of chunks) {
    // Large chunks are decoded in 64 KB pieces: smaller strings are cheaper for everything after.
    for (let at = 0; at < whole.length; at += DECODE_PIECE) {
      const chunk = whole.length <= DECODE_PIECE ? whole : whole.subarray(at, at + DECODE_PIECE);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const bad = locateError(label, tail, chunk);
        throw new DecodeError(label, offset + bad, false, lineFeeds(label, chunk.subarray(0, bad)));
      }
      offset += chunk.length;
      tail = chunk.subarray(Math.max(0, chunk.length - 4));
      onBytes?.({ bytes: offset });
      if (text) yield text;
    }
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new DecodeError(label, offset, true);
  }
  if (rest) yield rest;
}

/**
 * Reads the first `size` bytes of a source so they can be inspected, then replays them followed by
 * the rest. `close` releases the source (a file handle, a stream) when the caller stops early.
 */
export async function peekBytes(
  source: AsyncIterable<Uint8Array>,
  size: number,
): Promise<{ head: Uint8Array; chunks: AsyncIterable<Uint8Array>; ended: boolean; close: () => Promise<void> }> {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = toBytes(next.value);
    buffered.push(chunk);
    length += chunk.length;
  }
  const head = concat(buffered, Math.min(length, size));
  let closed = ended;
  const close = async () => {
    if (closed) return;
    closed = true;
    await iterator.return?.();
  };
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      for (const chunk of buffered) yield chunk;
      buffered.length = 0;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          closed = true;
          return;
        }
        yield toBytes(next.value);
      }
    } finally {
      await close();
    }
  }
  return { head, chunks: replay(), ended, close };
}

/**
 * A ReadableStream (`File.stream()`) as an async iterable, for browsers whose streams are not
 * async-iterable themselves (Chrome before 124). The reader is released when iteration stops.
 */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Node streams yield Buffers (a Uint8Array subclass); anything array-buffer-like is accepted. */
function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('A report source must yield bytes (Uint8Array chunks)');
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= length) break;
    const part = chunk.subarray(0, Math.min(chunk.length, length - at));
    out.set(part, at);
    at += part.length;
  }
  return out;
}
