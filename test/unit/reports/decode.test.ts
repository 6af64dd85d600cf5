import { describe, expect, it } from 'vitest';
import { chooseEncoding, DecodeError, decodeStream, detectEncoding, sniffBinary } from '@/lib/reports/decode';
import { concat, legacy, pieces, utf8, utf16le } from './helpers';

async function decodeAll(parts: Uint8Array[], label: Parameters<typeof decodeStream>[1]): Promise<string> {
  let text = '';
  for await (const piece of decodeStream(pieces(...parts), label)) text += piece;
  return text;
}

async function decodeError(parts: Uint8Array[], label: Parameters<typeof decodeStream>[1]): Promise<DecodeError> {
  try {
    await decodeAll(parts, label);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('decoded without error');
}

const CHINESE_HEADER = '卖家 SKU\t商品名称\t数量\n';
const JAPANESE_HEADER = '出品者SKU\t商品名\t価格\t数量\n';

describe('the test encoders agree with the code page tables', () => {
  it('GBK and Shift_JIS byte values', () => {
    expect([...legacy('中文', 'gb18030')]).toEqual([0xd6, 0xd0, 0xce, 0xc4]);
    expect([...legacy('在庫数', 'shift_jis')]).toEqual([0x8d, 0xdd, 0x8c, 0xc9, 0x90, 0x94]);
    expect([...legacy('£é', 'windows-1252')]).toEqual([0xa3, 0xe9]);
  });
});

describe('detectEncoding', () => {
  it('trusts a byte-order mark', () => {
    expect(detectEncoding(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('sku')))).toEqual({
      encoding: 'utf-8',
      basis: 'bom',
      bomLength: 3,
    });
    expect(detectEncoding(utf16le('sku\tquantity'))).toMatchObject({ encoding: 'utf-16le', basis: 'bom' });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x73]))).toMatchObject({ encoding: 'utf-16be' });
  });

  it('recognises UTF-16LE without a BOM by its NUL bytes', () => {
    expect(detectEncoding(utf16le('seller-sku\tprice\tquantity\n', false))).toMatchObject({
      encoding: 'utf-16le',
      basis: 'null-bytes',
    });
  });

  it('reads ASCII and valid UTF-8 as UTF-8', () => {
    expect(detectEncoding(utf8('sku\tquantity\nA-1\t3\n'))).toMatchObject({ encoding: 'utf-8', basis: 'ascii' });
    expect(detectEncoding(utf8(`${CHINESE_HEADER}竹制砧板\n`))).toMatchObject({ encoding: 'utf-8', basis: 'utf-8' });
  });

  it('tells GB18030 (Chinese Excel) from Shift_JIS (Japanese Excel)', () => {
    const chinese = legacy(`${CHINESE_HEADER}BB-001\t竹制砧板 大号，加厚\t12\n`, 'gb18030');
    const japanese = legacy(`${JAPANESE_HEADER}BB-001\t竹製まな板 大きいサイズ\t2480\t12\n`, 'shift_jis');
    expect(detectEncoding(chinese)).toMatchObject({ encoding: 'gb18030', basis: 'likely' });
    expect(detectEncoding(japanese)).toMatchObject({ encoding: 'shift_jis', basis: 'likely' });
  });

  it('recognises Windows-1252 (Western European Excel) by lone high bytes', () => {
    // Only A0–FF here: Node 20's TextDecoder reads windows-1252's 80–9F (€, curly quotes) as
    // Latin-1 control characters, unlike browsers.
    const latin = legacy('seller-sku,price\nBB-001,£12.50\nMÜ-2,£7.00\nCAFÉ-3,£1.00\n', 'windows-1252');
    expect(detectEncoding(latin)).toMatchObject({ encoding: 'windows-1252', basis: 'likely' });
  });

  it('lets the seller override, dropping only that encoding’s own BOM', () => {
    expect(chooseEncoding(utf8('sku'), 'shift_jis')).toEqual({
      encoding: 'shift_jis',
      basis: 'override',
      bomLength: 0,
    });
    expect(chooseEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x73]), 'utf-8')).toMatchObject({ bomLength: 3 });
  });
});

describe('decodeStream: one decoder across chunks', () => {
  it('keeps a three-byte UTF-8 character split across two chunks', async () => {
    const bytes = utf8('sku\t商品名称\n');
    const cut = bytes.indexOf(0xe5) + 1; // inside 商
    expect(await decodeAll([bytes.subarray(0, cut), bytes.subarray(cut)], 'utf-8')).toBe('sku\t商品名称\n');
  });

  it('keeps a GB18030 character split between its two bytes', async () => {
    const bytes = legacy(CHINESE_HEADER, 'gb18030');
    const cut = legacy('卖家 SKU\t', 'gb18030').length + 1; // between the two bytes of 商
    expect(bytes[cut - 1]).toBeGreaterThanOrEqual(0x81);
    expect(await decodeAll([bytes.subarray(0, cut), bytes.subarray(cut)], 'gb18030')).toBe(CHINESE_HEADER);
  });

  it('keeps a Shift_JIS character split between its two bytes, one byte per chunk', async () => {
    const bytes = legacy(JAPANESE_HEADER, 'shift_jis');
    const parts = [...bytes].map((b) => new Uint8Array([b]));
    expect(await decodeAll(parts, 'shift_jis')).toBe(JAPANESE_HEADER);
  });

  it('keeps a UTF-16LE code unit split at an odd byte', async () => {
    const bytes = utf16le('数量\t3\n');
    expect(await decodeAll([bytes.subarray(0, 3), bytes.subarray(3, 7), bytes.subarray(7)], 'utf-16le')).toBe(
      '数量\t3\n',
    );
  });

  it('reports the byte offset of an invalid byte, even inside a later chunk', async () => {
    const good = utf8('sku\tquantity\nBB-001\t3\n');
    const bad = concat(utf8('BB-0'), new Uint8Array([0xff]), utf8('2\t4\n'));
    const error = await decodeError([good, bad], 'utf-8');
    expect(error.truncated).toBe(false);
    expect(error.offset).toBe(good.length + 4);
  });

  it('finds the offset when the invalid sequence began in the previous chunk', async () => {
    // 0xE5 0x95 starts a three-byte character; 0x41 is not a continuation byte.
    const first = concat(utf8('abc'), new Uint8Array([0xe5, 0x95]));
    const error = await decodeError([first, utf8('A rest')], 'utf-8');
    expect(error.offset).toBeGreaterThanOrEqual(3);
    expect(error.offset).toBeLessThanOrEqual(5);
  });

  it('reports a file that ends inside a character as truncated', async () => {
    const bytes = utf8('sku\t商');
    const error = await decodeError([bytes.subarray(0, bytes.length - 1)], 'utf-8');
    expect(error).toMatchObject({ truncated: true, offset: bytes.length - 1 });
  });
});

describe('sniffBinary', () => {
  it('names images, PDFs, workbooks and archives by their magic numbers', () => {
    expect(sniffBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({
      kind: 'image',
      format: 'PNG',
    });
    expect(sniffBinary(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toEqual({ kind: 'image', format: 'JPEG' });
    expect(sniffBinary(utf8('%PDF-1.7\n'))).toEqual({ kind: 'pdf', format: 'PDF' });
    expect(sniffBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toEqual({
      kind: 'spreadsheet',
      format: 'XLSX',
    });
    expect(sniffBinary(new Uint8Array([0x1f, 0x8b, 8, 0]))).toEqual({ kind: 'archive', format: 'gzip' });
  });

  it('calls random bytes binary and text text', () => {
    const random = new Uint8Array(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    expect(sniffBinary(random)).toEqual({ kind: 'binary' });
    expect(sniffBinary(utf8('item-name\tseller-sku\n"Best" board\tBB-1\n'))).toBeUndefined();
    expect(sniffBinary(utf16le('sku\tquantity'), true)).toBeUndefined();
  });
});
