import { describe, expect, it } from 'vitest';
import {
  type BasisEntry,
  type BasisRecord,
  inputsFromBasis,
  LEFT_OUT,
  ORIGIN_STRIDE,
} from '@/lib/background/alert-basis';
import { basisColumns, packBasis, readBasis } from '@/lib/background/basis-pack';
import { skuKey } from '@/lib/model/keys';
import { defaultSettings } from '@/lib/settings/schema';

function entry(sku: string, overrides: Partial<BasisEntry> = {}): BasisEntry {
  return {
    key: skuKey({ account: 'Acme', marketplace: 'UK', sku }),
    sku,
    channel: 'fba',
    state: 'active',
    asin: 'B0000001',
    parentAsin: undefined,
    title: '保温杯 500ml — “Travel” mug',
    perDay: 2.5,
    stock: 40,
    available: 38,
    inboundCounted: 0,
    stockAt: 1_773_000_000_000,
    confidence: 'high',
    sigma: 1.25,
    inboundWorking: undefined,
    inboundShipped: 12,
    inboundReceiving: 0,
    inbound: 12,
    amazon: undefined,
    ...overrides,
  };
}

function record(entries: BasisEntry[]): BasisRecord {
  return {
    version: 2,
    account: 'Acme',
    marketplace: 'UK',
    timeZone: 'Europe/London',
    day: '2026-03-20',
    velocity: '{}',
    builtAt: 1,
    feeBuiltAt: 1,
    entries,
  };
}

describe('the packed basis', () => {
  it('gives back exactly the entries it was given: nulls, undefined, empty strings and reports kept apart', () => {
    const original = record([
      entry('A-1'),
      entry('B 2', {
        channel: 'mfn',
        state: 'inactive',
        asin: undefined,
        title: '',
        perDay: null,
        stock: null,
        available: null,
        stockAt: null,
        sigma: null,
        confidence: 'low',
        inboundShipped: undefined,
        inboundReceiving: undefined,
        inbound: undefined,
      }),
      entry('C-3', {
        perDay: 0,
        stock: 0,
        sigma: 0,
        parentAsin: 'B0PARENT',
        amazon: { quantity: 120, asOf: '2026-03-16' },
      }),
      entry('D-4', { amazon: { shipDate: '2026-03-30' }, inboundWorking: 5, title: undefined }),
    ]);
    const copy = structuredClone(packBasis(original));
    expect(readBasis(copy)).toEqual(original);
    // toEqual treats undefined and missing alike: the fields must be there, in BasisEntry's order.
    expect(Object.keys(readBasis(copy)?.entries[1] ?? {})).toEqual(Object.keys(original.entries[1] ?? {}));
    expect(readBasis(copy)?.entries[1]?.perDay).toBeNull();
    expect(readBasis(copy)?.entries[1]?.inbound).toBeUndefined();
  });

  it('stores columns, not an object per SKU, and an empty marketplace too', () => {
    const packed = packBasis(record(Array.from({ length: 300 }, (_, i) => entry(`S-${i}`))));
    expect(packed.numbers).toBeInstanceOf(Float64Array);
    expect(packed.codes).toBeInstanceOf(Uint8Array);
    expect(typeof packed.text).toBe('string');
    expect(packed).not.toHaveProperty('entries');
    expect(readBasis(structuredClone(packBasis(record([]))))?.entries).toEqual([]);
  });

  it('refuses a record whose columns do not match its count (rebuilt rather than misread)', () => {
    const packed = packBasis(record([entry('A-1'), entry('B-2')]));
    expect(readBasis({ ...packed, count: 3 })).toBeUndefined();
    expect(readBasis({ ...packed, numbers: packed.numbers.slice(1) })).toBeUndefined();
    // A record of the layout before (no string ends) is rebuilt, as is one whose ends do not fit its text.
    const { ends, ...before } = packed;
    expect(readBasis({ ...before, layout: 1 } as unknown as typeof packed)).toBeUndefined();
    expect(readBasis({ ...packed, layout: 1 })).toBeUndefined();
    const shifted = Uint32Array.from(ends, (end, j) => (j === 2 ? end + 1 : end));
    expect(readBasis({ ...packed, ends: shifted })).toBeUndefined();
    expect(readBasis({ ...packed, text: `${packed.text}x` })).toBeUndefined();
  });

  it('read back, gives alert inputs from its columns, entry by entry, as from the entries, leaving out what is flagged', () => {
    const entries = Array.from({ length: 9 }, (_, i) =>
      entry(`SKU-${i}`, {
        perDay: i % 3 === 0 ? null : i / 2,
        stock: i === 4 ? 0 : 10 * i,
        stockAt: i === 5 ? null : 1_773_000_000_000 + i,
        asin: i % 2 === 0 ? undefined : `B0${i}`,
        amazon: i === 7 ? { quantity: 3 } : undefined,
      }),
    );
    const plain = record(entries);
    const read = readBasis(structuredClone(packBasis(plain))) as BasisRecord;
    expect(basisColumns(read)?.count).toBe(9);
    expect(basisColumns(plain)).toBeUndefined();
    const settings = defaultSettings();
    const now = 1_773_050_000_000;
    const flags = Uint8Array.from([0, LEFT_OUT, 0, 2, LEFT_OUT, 0, 0, 0, LEFT_OUT]);
    const kept = entries.filter((_, i) => flags[i] !== LEFT_OUT);
    const origin: number[] = [];
    const fromColumns = inputsFromBasis([plain, read], settings, {}, now, undefined, [null, flags], origin);
    expect(fromColumns).toEqual([
      ...inputsFromBasis([plain], settings, {}, now),
      ...inputsFromBasis([record(kept)], settings, {}, now),
    ]);
    expect(origin).toEqual([...entries.map((_, i) => i), ...[0, 2, 3, 5, 6, 7].map((i) => ORIGIN_STRIDE + i)]);
    // Each input has its own figures: nothing is shared through the entry decoded in place.
    expect(new Set(fromColumns.map((input) => input.velocity)).size).toBe(fromColumns.length);
    expect(fromColumns.at(-1)?.amazon).toEqual({ quantity: 3 });
  });
});
