import { describe, expect, it } from 'vitest';
import type { BasisEntry, BasisRecord } from '@/lib/background/alert-basis';
import { packBasis, unpackBasis } from '@/lib/background/basis-pack';
import { skuKey } from '@/lib/model/keys';

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
    expect(unpackBasis(copy)).toEqual(original);
    // toEqual treats undefined and missing alike: the fields must be there, in BasisEntry's order.
    expect(Object.keys(unpackBasis(copy)?.entries[1] ?? {})).toEqual(Object.keys(original.entries[1] ?? {}));
    expect(unpackBasis(copy)?.entries[1]?.perDay).toBeNull();
    expect(unpackBasis(copy)?.entries[1]?.inbound).toBeUndefined();
  });

  it('stores columns, not an object per SKU, and an empty marketplace too', () => {
    const packed = packBasis(record(Array.from({ length: 300 }, (_, i) => entry(`S-${i}`))));
    expect(packed.numbers).toBeInstanceOf(Float64Array);
    expect(packed.codes).toBeInstanceOf(Uint8Array);
    expect(typeof packed.text).toBe('string');
    expect(packed).not.toHaveProperty('entries');
    expect(unpackBasis(structuredClone(packBasis(record([]))))?.entries).toEqual([]);
  });

  it('refuses a record whose columns do not match its count (rebuilt rather than misread)', () => {
    const packed = packBasis(record([entry('A-1'), entry('B-2')]));
    expect(unpackBasis({ ...packed, count: 3 })).toBeUndefined();
    expect(unpackBasis({ ...packed, numbers: packed.numbers.slice(1) })).toBeUndefined();
  });
});
