import { type NotifyMemory, parseNotifyMemory } from '../alerts/notify';
import { ALERT_STATES, type AmazonRecommendation, type FeeNote } from '../alerts/types';
import { labelCodes } from '../db/label-codes';
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
  const { labels, code } = labelCodes('basis-pack');
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

/**
 * A record read from the store as the evaluation uses it: its columns, decoded only where read. An
 * alarm evaluates only the SKUs not proven ok for the day (alert-skip.ts), so building ten thousand
 * entries (and their keys) to leave most of them out costs more than the evaluation; inputsFromBasis
 * reads the columns of the entries it evaluates, one entry at a time (basisEntryAt). `entries` is still
 * there for the rare paths (an ingest's refresh, the fee notes), built on first read.
 */
export interface BasisColumns {
  count: number;
  /** STRINGS per entry: sku, asin, parentAsin, title. */
  strings: string[];
  labels: string[];
  codes: Uint8Array;
  numbers: Float64Array;
  amazon: Record<number, AmazonRecommendation>;
}

/** Columns behind exactly the record object readBasis returned (a copy made with spread has none). */
const COLUMNS = new WeakMap<BasisRecord, BasisColumns>();

export function basisColumns(record: BasisRecord): BasisColumns | undefined {
  return COLUMNS.get(record);
}

/** Entry `i` of the columns written into `into` (every field, in BasisEntry's order), which is returned. */
export function basisEntryAt(
  columns: BasisColumns,
  account: string,
  marketplace: string,
  i: number,
  into?: BasisEntry,
): BasisEntry {
  const { strings, labels, codes, numbers, amazon } = columns;
  const s = i * STRINGS;
  const n = i * NUMBERS;
  const sku = strings[s] as string;
  const entry: BasisEntry = into ?? ({} as BasisEntry);
  entry.key = skuKey({ account, marketplace, sku });
  entry.sku = sku;
  entry.channel = labels[codes[i * 3] as number] as Channel;
  entry.state = labels[codes[i * 3 + 1] as number] as ListingState;
  entry.asin = optional(strings[s + 1] as string);
  entry.parentAsin = optional(strings[s + 2] as string);
  entry.title = optional(strings[s + 3] as string);
  entry.perDay = orNull(numbers[n] as number);
  entry.stock = orNull(numbers[n + 1] as number);
  entry.available = orNull(numbers[n + 2] as number);
  entry.inboundCounted = numbers[n + 3] as number;
  entry.stockAt = orNull(numbers[n + 4] as number);
  entry.confidence = labels[codes[i * 3 + 2] as number] as Confidence;
  entry.sigma = orNull(numbers[n + 5] as number);
  entry.inboundWorking = orUndefined(numbers[n + 6] as number);
  entry.inboundShipped = orUndefined(numbers[n + 7] as number);
  entry.inboundReceiving = orUndefined(numbers[n + 8] as number);
  entry.inbound = orUndefined(numbers[n + 9] as number);
  entry.amazon = amazon?.[i];
  return entry;
}

/** The SKU of entry `i`, without decoding the rest. */
export function basisSkuAt(columns: BasisColumns, i: number): string {
  return columns.strings[i * STRINGS] as string;
}

/** When entry `i`'s stock was seen (null when unknown), without decoding the rest. */
export function basisStockAtAt(columns: BasisColumns, i: number): number | null {
  return orNull(columns.numbers[i * NUMBERS + 4] as number);
}

/**
 * The record packBasis was given, as readBasis's lazy form: the same fields, `entries` decoded on
 * first read; undefined when `packed` is not a whole packed record.
 */
export function readBasis(packed: PackedBasis): BasisRecord | undefined {
  const { count, text, labels, codes, numbers, amazon, ...rest } = packed;
  if (!(codes instanceof Uint8Array) || !(numbers instanceof Float64Array) || typeof text !== 'string')
    return undefined;
  const strings = count === 0 ? [] : text.split(SEPARATOR);
  if (strings.length !== count * STRINGS || codes.length !== count * 3 || numbers.length !== count * NUMBERS)
    return undefined;
  const columns: BasisColumns = { count, strings, labels, codes, numbers, amazon };
  let entries: BasisEntry[] | undefined;
  const record = { ...rest } as BasisRecord;
  Object.defineProperty(record, 'entries', {
    enumerable: true,
    get(): BasisEntry[] {
      if (!entries) {
        entries = new Array(count);
        for (let i = 0; i < count; i++) entries[i] = basisEntryAt(columns, rest.account, rest.marketplace, i);
      }
      return entries;
    },
  });
  COLUMNS.set(record, columns);
  return record;
}

/**
 * Fee notes (one per FBA SKU, thousands) as columns, for the same reason as the basis: read on every
 * alarm, they cost more to clone as objects than the evaluation that uses them.
 */
export interface PackedFeeNotes {
  count: number;
  /** key, parentAsin of each note, joined by SEPARATOR. */
  text: string;
  /** dos30, dos90 per note (NaN for null). */
  numbers: Float64Array;
  atRisk: Uint8Array;
}

export function packFeeNotes(notes: ReadonlyMap<string, FeeNote>): PackedFeeNotes {
  const count = notes.size;
  const text: string[] = new Array(count * 2);
  const numbers = new Float64Array(count * 2);
  const atRisk = new Uint8Array(count);
  let i = 0;
  for (const [key, note] of notes) {
    text[i * 2] = key;
    text[i * 2 + 1] = note.parentAsin;
    numbers[i * 2] = note.dos30 ?? Number.NaN;
    numbers[i * 2 + 1] = note.dos90 ?? Number.NaN;
    atRisk[i] = note.atRisk ? 1 : 0;
    i++;
  }
  return { count, text: text.join(SEPARATOR), numbers, atRisk };
}

/** The notes packFeeNotes was given (in the same order), or undefined when `packed` is not a whole record. */
export function unpackFeeNotes(packed: PackedFeeNotes | undefined): Map<string, FeeNote> | undefined {
  if (!packed || typeof packed !== 'object') return undefined;
  const { count, text, numbers, atRisk } = packed;
  if (typeof text !== 'string' || !(numbers instanceof Float64Array) || !(atRisk instanceof Uint8Array))
    return undefined;
  const strings = count === 0 ? [] : text.split(SEPARATOR);
  if (strings.length !== count * 2 || numbers.length !== count * 2 || atRisk.length !== count) return undefined;
  const notes = new Map<string, FeeNote>();
  for (let i = 0; i < count; i++) {
    notes.set(strings[i * 2] as string, {
      parentAsin: strings[i * 2 + 1] as string,
      dos30: orNull(numbers[i * 2] as number),
      dos90: orNull(numbers[i * 2 + 1] as number),
      atRisk: atRisk[i] === 1,
    });
  }
  return notes;
}

/**
 * The notification memory (an entry per SKU that is not ok: thousands) as columns: read and written on
 * every evaluation, and as objects it cost more to clone and to check entry by entry than to decide on.
 */
export interface PackedNotifyMemory {
  packed: 1;
  /** The SKU keys, as one JSON array. */
  keys: string;
  /** level, notified (STATES index; 255 for null) per entry. */
  states: Uint8Array;
  at: Float64Array;
}

const NO_STATE = 255;

export function packNotifyMemory(memory: NotifyMemory): PackedNotifyMemory {
  const keys = Object.keys(memory);
  const states = new Uint8Array(keys.length * 2);
  const at = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    const entry = memory[key] as NotifyMemory[string];
    states[i * 2] = ALERT_STATES.indexOf(entry.level);
    states[i * 2 + 1] = entry.notified === null ? NO_STATE : ALERT_STATES.indexOf(entry.notified);
    at[i] = entry.at;
  });
  return { packed: 1, keys: JSON.stringify(keys), states, at };
}

/**
 * The memory packNotifyMemory was given; a memory stored as plain entries (before packing) is checked
 * entry by entry as before, and anything unreadable starts empty rather than failing the alarm.
 */
export function unpackNotifyMemory(raw: unknown): NotifyMemory {
  const p = raw as PackedNotifyMemory | undefined;
  if (!p || typeof p !== 'object' || p.packed !== 1) return parseNotifyMemory(raw);
  if (typeof p.keys !== 'string' || !(p.states instanceof Uint8Array) || !(p.at instanceof Float64Array)) return {};
  let keys: unknown;
  try {
    keys = JSON.parse(p.keys);
  } catch {
    return {};
  }
  if (!Array.isArray(keys) || p.states.length !== keys.length * 2 || p.at.length !== keys.length) return {};
  const memory: NotifyMemory = {};
  for (let i = 0; i < keys.length; i++) {
    const level = ALERT_STATES[p.states[i * 2] as number];
    const notifiedCode = p.states[i * 2 + 1] as number;
    const notified = notifiedCode === NO_STATE ? null : ALERT_STATES[notifiedCode];
    const at = p.at[i] as number;
    if (typeof keys[i] !== 'string' || !level || notified === undefined || !Number.isFinite(at)) return {};
    memory[keys[i] as string] = { level, notified, at };
  }
  return memory;
}
