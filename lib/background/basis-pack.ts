import type { AmazonRecommendation } from '../alerts/types';
import { skuKey } from '../model/keys';
import type { Channel, ListingState } from '../model/listing';
import type { Confidence } from '../velocity/types';
import type { BasisEntry, BasisRecord } from './alert-basis';

/**
 * The basis record as the store keeps it: columns instead of ten thousand objects.
 *
 * Every alarm reads the whole basis back. Structured clone pays per object and per property, so ten
 * thousand entries of nineteen fields cost more to read than to evaluate; as columns the numbers are
 * one Float64Array, the enumerations one Uint8Array, the strings one joined string, and reading the
 * record is a few large copies. Decoding gives back the very entries that were packed (the unit test
 * holds that), so nothing downstream knows the difference.
 *
 * Conventions: a missing number (null for the rates, undefined for the inbound parts) is NaN, which no
 * stored figure is (a NaN rate would mean "unknown" anyway); a missing string is ABSENT; the key is the
 * SKU's key rebuilt from account, marketplace and SKU, as the store makes it.
 */

export interface PackedBasis extends Omit<BasisRecord, 'entries'> {
  count: number;
  /** sku, asin, parentAsin, title of each entry, joined by SEPARATOR. */
  text: string;
  /** Labels the codes point into (channels, states, confidences as they occur). */
  labels: string[];
  /** channel, state, confidence per entry. */
  codes: Uint8Array;
  /** NUMBERS figures per entry, in NUMERIC order. */
  numbers: Float64Array;
  /** Entry index → Amazon's recommendation, for the few SKUs a report gave one. */
  amazon: Record<number, AmazonRecommendation>;
}

const SEPARATOR = '\u0000';
const ABSENT = '\u0001';
const STRINGS = 4;
const NUMERIC = [
  'perDay',
  'stock',
  'available',
  'inboundCounted',
  'stockAt',
  'sigma',
  'inboundWorking',
  'inboundShipped',
  'inboundReceiving',
  'inbound',
] as const;
const NUMBERS = NUMERIC.length;

export function packBasis(record: BasisRecord): PackedBasis {
  const { entries, ...rest } = record;
  const count = entries.length;
  const text: string[] = new Array(count * STRINGS);
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  const code = (label: string): number => {
    let c = codeOf.get(label);
    if (c === undefined) {
      c = labels.length;
      if (c > 255) throw new Error(`basis-pack: more than 256 distinct labels (${label})`);
      labels.push(label);
      codeOf.set(label, c);
    }
    return c;
  };
  const codes = new Uint8Array(count * 3);
  const numbers = new Float64Array(count * NUMBERS);
  const amazon: Record<number, AmazonRecommendation> = {};
  for (let i = 0; i < count; i++) {
    const e = entries[i] as BasisEntry;
    text[i * STRINGS] = e.sku;
    text[i * STRINGS + 1] = e.asin ?? ABSENT;
    text[i * STRINGS + 2] = e.parentAsin ?? ABSENT;
    text[i * STRINGS + 3] = e.title ?? ABSENT;
    codes[i * 3] = code(e.channel);
    codes[i * 3 + 1] = code(e.state);
    codes[i * 3 + 2] = code(e.confidence);
    for (let n = 0; n < NUMBERS; n++)
      numbers[i * NUMBERS + n] = e[NUMERIC[n] as (typeof NUMERIC)[number]] ?? Number.NaN;
    if (e.amazon) amazon[i] = e.amazon;
  }
  return { ...rest, count, text: text.join(SEPARATOR), labels, codes, numbers, amazon };
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
const orUndefined = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);
const optional = (value: string): string | undefined => (value === ABSENT ? undefined : value);

/** The record packBasis was given, or undefined when `packed` is not a whole packed record. */
export function unpackBasis(packed: PackedBasis): BasisRecord | undefined {
  const { count, text, labels, codes, numbers, amazon, ...rest } = packed;
  if (!(codes instanceof Uint8Array) || !(numbers instanceof Float64Array) || typeof text !== 'string')
    return undefined;
  const strings = count === 0 ? [] : text.split(SEPARATOR);
  if (strings.length !== count * STRINGS || codes.length !== count * 3 || numbers.length !== count * NUMBERS)
    return undefined;
  const entries: BasisEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const s = i * STRINGS;
    const n = i * NUMBERS;
    const sku = strings[s] as string;
    // Every entry is built with BasisEntry's fields in its order: one hidden class for all of them.
    entries[i] = {
      key: skuKey({ account: rest.account, marketplace: rest.marketplace, sku }),
      sku,
      channel: labels[codes[i * 3] as number] as Channel,
      state: labels[codes[i * 3 + 1] as number] as ListingState,
      asin: optional(strings[s + 1] as string),
      parentAsin: optional(strings[s + 2] as string),
      title: optional(strings[s + 3] as string),
      perDay: orNull(numbers[n] as number),
      stock: orNull(numbers[n + 1] as number),
      available: orNull(numbers[n + 2] as number),
      inboundCounted: numbers[n + 3] as number,
      stockAt: orNull(numbers[n + 4] as number),
      confidence: labels[codes[i * 3 + 2] as number] as Confidence,
      sigma: orNull(numbers[n + 5] as number),
      inboundWorking: orUndefined(numbers[n + 6] as number),
      inboundShipped: orUndefined(numbers[n + 7] as number),
      inboundReceiving: orUndefined(numbers[n + 8] as number),
      inbound: orUndefined(numbers[n + 9] as number),
      amazon: amazon?.[i],
    };
  }
  return { ...rest, entries };
}
