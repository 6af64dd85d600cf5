import { describe, expect, it } from 'vitest';
import {
  type FileRow,
  fileRowsFromPlan,
  firstNonWindows31J,
  type InventoryFile,
  priceQuantityFile,
} from '@/lib/bulk/files';
import { planBatch } from '@/lib/bulk/plan';
import { context, listing } from './fixtures';

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

function ok(result: ReturnType<typeof priceQuantityFile>): InventoryFile {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.file;
}

function errors(result: ReturnType<typeof priceQuantityFile>): Array<[string, string]> {
  return result.ok ? [] : result.errors.map((e) => [e.sku, e.message.key]);
}

/*
 * Expected files, byte for byte. Produced independently of this code (Python's utf-8 and cp932
 * codecs over the hand-written expected text), so a change in the writer or the encoder shows here.
 *
 * UK, UTF-8 without BOM, CRLF:
 *   TemplateType=PriceInventory⇥Version=2018.0924⇥The top 3 rows are for Amazon.com use only. Do not
 *     modify or delete the top 3 rows.⇥⇥⇥⇥
 *   SKU⇥Price⇥Minimum Seller Allowed Price⇥Maximum Seller Allowed Price⇥Quantity⇥Handling Time⇥Fulfillment Channel
 *   sku⇥price⇥minimum-seller-allowed-price⇥maximum-seller-allowed-price⇥quantity⇥handling-time⇥fulfillment-channel
 *   TOWEL-01⇥⇥⇥⇥12⇥⇥  /  Café-Mug "Blue"⇥⇥⇥⇥0⇥⇥  /  =SUM(A1)⇥⇥⇥⇥5⇥⇥  /  LAMP-7⇥⇥⇥⇥⇥5⇥
 */
const EXPECTED_UK = hex(`
54656d706c617465547970653d5072696365496e76656e746f72790956657273696f6e3d323031382e303932340954686520746f70203320
726f77732061726520666f7220416d617a6f6e2e636f6d20757365206f6e6c792e20446f206e6f74206d6f64696679206f722064656c6574
652074686520746f70203320726f77732e090909090d0a534b55095072696365094d696e696d756d2053656c6c657220416c6c6f77656420
5072696365094d6178696d756d2053656c6c657220416c6c6f776564205072696365095175616e746974790948616e646c696e672054696d
650946756c66696c6c6d656e74204368616e6e656c0d0a736b75097072696365096d696e696d756d2d73656c6c65722d616c6c6f7765642d
7072696365096d6178696d756d2d73656c6c65722d616c6c6f7765642d7072696365097175616e746974790968616e646c696e672d74696d
650966756c66696c6c6d656e742d6368616e6e656c0d0a544f57454c2d303109090909313209090d0a436166c3a92d4d75672022426c7565
22090909093009090d0a3d53554d28413129090909093509090d0a4c414d502d37090909090935090d0a
`);

/*
 * JP, Windows-31J, CRLF, Amazon.co.jp's header texts:
 *   TemplateType=PriceInventory⇥Version=2018.0924⇥この行はAmazonが使用しますので変更や削除しないでください。⇥⇥⇥⇥
 *   商品管理番号⇥販売価格⇥販売価格の下限設定⇥販売価格の上限設定⇥在庫数⇥出荷作業日数⇥出荷経路
 *   sku⇥price⇥…⇥fulfillment-channel
 *   TOWEL-01⇥⇥⇥⇥3⇥⇥  /  和柄タオル-青①⇥⇥⇥⇥0⇥⇥  /  ｱｲｳ-01⇥⇥⇥⇥⇥7⇥
 */
const EXPECTED_JP = hex(`
54656d706c617465547970653d5072696365496e76656e746f72790956657273696f6e3d323031382e303932340982b182cc8d7382cd416d
617a6f6e82aa8e67977082b582dc82b782cc82c595cf8d5882e28ded8f9c82b582c882a282c582ad82be82b382a28142090909090d0a8fa4
95698ac7979d94d48d860994cc948489bf8a690994cc948489bf8a6982cc89ba8cc090dd92e80994cc948489bf8a6982cc8fe38cc090dd92
e8098ddd8cc99094098f6f89d78dec8bc693fa9094098f6f89d78c6f98480d0a736b75097072696365096d696e696d756d2d73656c6c6572
2d616c6c6f7765642d7072696365096d6178696d756d2d73656c6c65722d616c6c6f7765642d7072696365097175616e746974790968616e
646c696e672d74696d650966756c66696c6c6d656e742d6368616e6e656c0d0a544f57454c2d3031090909093309090d0a986195bf835e83
49838b2d90c28740090909093009090d0ab1b2b32d3031090909090937090d0a
`);

const UK_ROWS: FileRow[] = [
  { sku: 'TOWEL-01', channel: 'mfn', quantity: 12 },
  { sku: 'Café-Mug "Blue"', channel: 'mfn', quantity: 0 },
  { sku: '=SUM(A1)', channel: 'mfn', quantity: 5 },
  { sku: 'LAMP-7', channel: 'mfn', handlingTime: 5 },
];

const JP_ROWS: FileRow[] = [
  { sku: 'TOWEL-01', channel: 'mfn', quantity: 3 },
  { sku: '和柄タオル-青①', channel: 'mfn', quantity: 0 },
  { sku: 'ｱｲｳ-01', channel: 'mfn', handlingTime: 7 },
];

const NOW = Date.UTC(2026, 0, 2, 3, 4);

describe('priceQuantityFile: bytes', () => {
  it('writes the UK file byte for byte: UTF-8, no BOM, CRLF, only changed cells, SKUs untouched', () => {
    const file = ok(priceQuantityFile(UK_ROWS, { marketplace: 'UK', now: NOW }));
    expect(Buffer.from(file.bytes).toString('hex')).toBe(Buffer.from(EXPECTED_UK).toString('hex'));
    expect(file.encoding).toBe('UTF-8');
    expect(file.mimeType).toBe('text/plain;charset=UTF-8');
    expect(file.filename).toBe('shelfwise-price-quantity-UK-20260102-0304.txt');
  });

  it('writes the JP file byte for byte in Windows-31J, with Amazon.co.jp’s labels', () => {
    const file = ok(priceQuantityFile(JP_ROWS, { marketplace: 'JP', now: NOW }));
    expect(Buffer.from(file.bytes).toString('hex')).toBe(Buffer.from(EXPECTED_JP).toString('hex'));
    expect(file.encoding).toBe('Windows-31J');
    expect(file.mimeType).toBe('text/plain;charset=Shift_JIS');
    // Named in the marketplace's own time (Tokyo, UTC+9).
    expect(file.filename).toBe('shelfwise-price-quantity-JP-20260102-1204.txt');
  });

  it('reads back through an independent Shift_JIS decoder to the same SKUs', () => {
    const file = ok(priceQuantityFile(JP_ROWS, { marketplace: 'JP', now: NOW }));
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(file.bytes);
    const lines = text.split('\r\n');
    expect(lines.slice(file.firstRecordLine - 1, -1).map((line) => line.split('\t')[0])).toEqual(
      JP_ROWS.map((r) => r.sku),
    );
  });

  it('maps record n to file line headerRows + n, as the processing report counts', () => {
    const file = ok(priceQuantityFile(UK_ROWS, { marketplace: 'US', now: NOW }));
    expect(file.headerRows).toBe(3);
    expect(file.firstRecordLine).toBe(4);
    expect(file.records).toEqual(UK_ROWS.map((r) => r.sku));
    const lines = new TextDecoder().decode(file.bytes).split('\r\n');
    expect(lines[file.firstRecordLine - 1]!.startsWith('TOWEL-01\t')).toBe(true);
    expect(lines[2]).toBe(
      'sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\thandling-time\tfulfillment-channel',
    );
    // Every line has the same seven columns.
    for (const line of lines.slice(0, -1)) expect(line.split('\t')).toHaveLength(7);
  });

  it('keeps Windows-31J extension kanji exact (髙, 﨑, ⅰ, ㈱)', () => {
    const skus = ['髙橋-01', '山﨑-02', 'ⅰ-03', '㈱-04', 'バック\\スラッシュ'];
    const file = ok(
      priceQuantityFile(
        skus.map((sku) => ({ sku, channel: 'mfn', quantity: 1 })),
        { marketplace: 'JP' },
      ),
    );
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(file.bytes);
    expect(
      text
        .split('\r\n')
        .slice(3, -1)
        .map((line) => line.split('\t')[0]),
    ).toEqual(skus);
  });
});

describe('priceQuantityFile: refusals', () => {
  it('refuses SKUs Windows-31J cannot hold exactly, naming SKU and character, never writing "?"', () => {
    const result = priceQuantityFile(
      [
        { sku: 'OK-1', channel: 'mfn', quantity: 1 },
        { sku: '波〜ダッシュ', channel: 'mfn', quantity: 1 },
        { sku: 'Crème', channel: 'mfn', quantity: 1 },
        { sku: 'emoji😀', channel: 'mfn', quantity: 1 },
        { sku: 'minus−1', channel: 'mfn', quantity: 1 },
      ],
      { marketplace: 'JP' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      { key: 'bulk.file.notWindows31J', params: { sku: '波〜ダッシュ', char: '〜' } },
      { key: 'bulk.file.notWindows31J', params: { sku: 'Crème', char: 'è' } },
      { key: 'bulk.file.notWindows31J', params: { sku: 'emoji😀', char: '😀' } },
      { key: 'bulk.file.notWindows31J', params: { sku: 'minus−1', char: '−' } },
    ]);
    expect(firstNonWindows31J('～全角チルダ')).toBeUndefined();
  });

  it('the same SKUs are fine in UTF-8 marketplaces', () => {
    expect(priceQuantityFile([{ sku: '波〜ダッシュ😀', channel: 'mfn', quantity: 1 }], { marketplace: 'DE' }).ok).toBe(
      true,
    );
  });

  it('refuses a SKU with a tab, line break or other control character', () => {
    const result = priceQuantityFile(
      [
        { sku: 'A\tB', channel: 'mfn', quantity: 1 },
        { sku: 'A\nB', channel: 'mfn', quantity: 1 },
        { sku: 'A\r', channel: 'mfn', quantity: 1 },
        { sku: 'A\u0000', channel: 'mfn', quantity: 1 },
      ],
      { marketplace: 'UK' },
    );
    expect(errors(result).map(([, key]) => key)).toEqual(Array(4).fill('bulk.file.skuControl'));
    if (!result.ok) expect(result.errors[0]!.message.params).toEqual({ sku: 'A\\tB' });
  });

  it('never writes a quantity or handling time for an FBA row (second line of defence)', () => {
    const result = priceQuantityFile(
      [
        { sku: 'MFN-1', channel: 'mfn', quantity: 4 },
        { sku: 'FBA-1', channel: 'fba', quantity: 0 },
        { sku: 'FBA-2', channel: 'fba', handlingTime: 3 },
        { sku: 'FBA-3', channel: 'fba' },
      ],
      { marketplace: 'UK' },
    );
    expect(errors(result)).toEqual([
      ['FBA-1', 'bulk.file.fbaQuantity'],
      ['FBA-2', 'bulk.file.fbaHandling'],
      ['FBA-3', 'bulk.file.nothingToWrite'],
    ]);
  });

  it('refuses duplicates, bad values, empty SKUs, an empty batch and an unknown marketplace', () => {
    expect(
      errors(
        priceQuantityFile(
          [
            { sku: 'A', channel: 'mfn', quantity: 1 },
            { sku: 'A', channel: 'mfn', quantity: 2 },
            { sku: 'B', channel: 'mfn', quantity: -1 },
            { sku: 'C', channel: 'mfn', quantity: 1.5 },
            { sku: 'D', channel: 'mfn', quantity: Number.NaN },
            { sku: 'E', channel: 'mfn', handlingTime: 31 },
            { sku: '', channel: 'mfn', quantity: 1 },
          ],
          { marketplace: 'UK' },
        ),
      ),
    ).toEqual([
      ['A', 'bulk.file.duplicateSku'],
      ['B', 'bulk.file.badValue'],
      ['C', 'bulk.file.badValue'],
      ['D', 'bulk.file.badValue'],
      ['E', 'bulk.file.badValue'],
      ['', 'bulk.file.emptySku'],
    ]);
    expect(errors(priceQuantityFile([], { marketplace: 'UK' }))).toEqual([['', 'bulk.file.empty']]);
    expect(errors(priceQuantityFile([{ sku: 'A', channel: 'mfn', quantity: 1 }], { marketplace: 'XX' }))).toEqual([
      ['', 'bulk.file.unknownMarketplace'],
    ]);
  });
});

describe('fileRowsFromPlan', () => {
  it('takes only changed rows, so refused FBA rows never reach the file', () => {
    const plan = planBatch(
      [
        { listing: listing('MFN-1', { available: 3 }) },
        { listing: listing('FBA-1', { channel: 'fba', quantityEditable: false, available: 100 }) },
        { listing: listing('MFN-2', { available: 0 }) },
      ],
      { kind: 'set', amount: 0 },
      context(),
    );
    const rows = fileRowsFromPlan(plan.rows);
    expect(rows).toEqual([{ sku: 'MFN-1', channel: 'mfn', quantity: 0 }]);
    const file = ok(priceQuantityFile(rows, { marketplace: 'UK' }));
    expect(new TextDecoder().decode(file.bytes)).not.toContain('FBA-1');
  });

  it('merges a quantity and a handling-time change of one SKU into one row', () => {
    const l = listing('MFN-1', { available: 3, handlingTime: 2 });
    const quantity = planBatch([{ listing: l }], { kind: 'set', amount: 0 }, context()).rows;
    const handling = planBatch([{ listing: l }], { kind: 'handlingTime', days: 9 }, context()).rows;
    expect(fileRowsFromPlan([...quantity, ...handling])).toEqual([
      { sku: 'MFN-1', channel: 'mfn', quantity: 0, handlingTime: 9 },
    ]);
    // The same field twice is kept twice, so the writer refuses it rather than choosing one.
    expect(fileRowsFromPlan([...quantity, ...quantity])).toHaveLength(2);
  });
});
