/** Byte sources for importReport, as a File.stream() or a Node stream would deliver them. */

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Yields `bytes` in chunks of `size` (the last may be shorter). */
export async function* chunks(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Yields the given pieces as they are: for chunk boundaries placed on purpose. */
export async function* pieces(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** UTF-16LE with its BOM, as Excel's "Unicode Text" and some Amazon tools write it. */
export function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let at = 0;
  if (bom) {
    out[0] = 0xff;
    out[1] = 0xfe;
    at = 2;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[at++] = c & 0xff;
    out[at++] = c >> 8;
  }
  return out;
}

const encoders = new Map<string, Map<string, number[]>>();

/**
 * An encoder for a legacy code page, built by decoding its whole two-byte space with the
 * platform's own decoder. Tests check a few of its outputs against byte values from the code page
 * tables, so it is not only consistent with itself.
 */
export function legacy(text: string, label: 'gb18030' | 'shift_jis' | 'windows-1252'): Uint8Array {
  let table = encoders.get(label);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(label);
    for (let b = 0; b < 0x80; b++) table.set(String.fromCharCode(b), [b]);
    for (let lead = 0x80; lead <= 0xff; lead++) {
      const single = decoder.decode(new Uint8Array([lead]));
      if (single.length === 1 && single !== '\uFFFD' && !table.has(single)) table.set(single, [lead]);
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    encoders.set(label, table);
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = table.get(ch);
    if (!code) throw new Error(`${label} cannot encode ${ch}`);
    bytes.push(...code);
  }
  return new Uint8Array(bytes);
}
