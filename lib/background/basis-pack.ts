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
  /** BASIS_LAYOUT; a record without it (or of another) is not read, and alert-basis.ts rebuilds it. */
  layout: number;
  count: number;
  /** sku, asin, parentAsin, title of each entry, joined by SEPARATOR. */
  text: string;
  /** Where each of those strings ends in `text`: an entry's strings are cut out only when it is read. */
  ends: Uint32Array;
  /** Labels the codes point into (channels, states, confidences as they occur). */
  labels: string[];
  /** channel, state, confidence per entry. */
  codes: Uint8Array;
  /** NUMBERS figures per entry, in NUMERIC order. */
  numbers: Float64Array;
  /** Entry index → Amazon's recommendation, for the few SKUs a report gave one. */
  amazon: Record<number, AmazonRecommendation>;
}

/**
 * 2: `ends` added. An alarm reads ten thousand entries' strings and evaluates a quarter of them (the
 * rest are proven ok for the day, alert-skip.ts): splitting the whole text made forty thousand strings
 * to use ten thousand.
 */
export const BASIS_LAYOUT = 2;
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
  const ends = new Uint32Array(count * STRINGS);
  let end = -1;
  for (let j = 0; j < ends.length; j++) {
    end += (text[j] as string).length + 1;
    ends[j] = end;
  }
  return { ...rest, layout: BASIS_LAYOUT, count, text: text.join(SEPARATOR), ends, labels, codes, numbers, amazon };
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
  /** STRINGS per entry (sku, asin, parentAsin, title), joined; `ends` as in PackedBasis. */
  text: string;
  ends: Uint32Array;
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
  const { labels, codes, numbers, amazon } = columns;
  const s = i * STRINGS;
  const n = i * NUMBERS;
  const sku = stringAt(columns, s);
  const entry: BasisEntry = into ?? ({} as BasisEntry);
  entry.key = skuKey({ account, marketplace, sku });
  entry.sku = sku;
  entry.channel = labels[codes[i * 3] as number] as Channel;
  entry.state = labels[codes[i * 3 + 1] as number] as ListingState;
  entry.asin = optional(stringAt(columns, s + 1));
  entry.parentAsin = optional(stringAt(columns, s + 2));
  entry.title = optional(stringAt(columns, s + 3));
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
  return stringAt(columns, i * STRINGS);
}

/** String `j` of the columns' text. */
function stringAt(columns: BasisColumns, j: number): string {
  const { text, ends } = columns;
  return text.slice(j === 0 ? 0 : (ends[j - 1] as number) + 1, ends[j] as number);
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
  const { layout, count, text, ends, labels, codes, numbers, amazon, ...rest } = packed;
  if (
    layout !== BASIS_LAYOUT ||
    !(codes instanceof Uint8Array) ||
    !(numbers instanceof Float64Array) ||
    !(ends instanceof Uint32Array) ||
    typeof text !== 'string'
  )
    return undefined;
  if (
    ends.length !== count * STRINGS ||
    codes.length !== count * 3 ||
    numbers.length !== count * NUMBERS ||
    (count === 0 ? text.length !== 0 : ends[ends.length - 1] !== text.length)
  )
    return undefined;
  // Each string ends where a separator (or the text) does, after the one before.
  for (let j = 0; j < ends.length - 1; j++) {
    const end = ends[j] as number;
    if (end < (j === 0 ? 0 : (ends[j - 1] as number) + 1) || text.charCodeAt(end) !== 0) return undefined;
  }
  const columns: BasisColumns = { count, text, ends, labels, codes, numbers, amazon };
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
 * alarm, they cost more to clone as objects than the evaluation that uses them. An alarm looks up only
 * the SKUs it evaluates (a quarter of them once the rest are proven ok for the day), so the notes are
 * not made into a map on reading: `order` lists them by key, and a lookup is a binary search that
 * decodes the one note it finds.
 */
export interface PackedFeeNotes {
  /** FEE_NOTES_PACK_VERSION; a record of another version is not read (alert-basis.ts computes it again). */
  version: number;
  count: number;
  /** key, parentAsin of each note, joined by SEPARATOR. */
  text: string;
  /** dos30, dos90 per note (NaN for null). */
  numbers: Float64Array;
  atRisk: Uint8Array;
  /** The notes' indices in key order (code units, as `<` compares). */
  order: Uint32Array;
}

/** 2: `order` added (version 1, without it, is computed again once). */
export const FEE_NOTES_PACK_VERSION = 2;

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
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  order.sort((a, b) => {
    const x = text[a * 2] as string;
    const y = text[b * 2] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { version: FEE_NOTES_PACK_VERSION, count, text: text.join(SEPARATOR), numbers, atRisk, order };
}

/**
 * The notes of a packed record as a Map that decodes on demand: get and has search the keys in order
 * and build only the note asked for; anything else (size, iteration, changes) first fills the map with
 * every note, in packing order, and from then on it is an ordinary Map.
 */
class PackedFeeNoteMap extends Map<string, FeeNote> {
  private whole = false;
  private readonly decoded: (FeeNote | undefined)[];

  constructor(
    private readonly strings: string[],
    private readonly numbers: Float64Array,
    private readonly atRisk: Uint8Array,
    private readonly order: Uint32Array,
  ) {
    super();
    this.decoded = new Array(atRisk.length);
  }

  /** Where in `order` the last lookup ended: the evaluation asks for keys in ascending order. */
  private at = 0;

  /** The note with `key`, by an exponential search from where the last lookup ended (else from the start). */
  private indexOf(key: string): number {
    const { strings, order } = this;
    const count = order.length;
    let lo = 0;
    let hi = count - 1;
    const from = this.at;
    if (from < count && (strings[(order[from] as number) * 2] as string) <= key) {
      lo = from;
      let step = 1;
      while (lo + step < count && (strings[(order[lo + step] as number) * 2] as string) <= key) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(count - 1, lo + step);
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const i = order[mid] as number;
      const at = strings[i * 2] as string;
      if (at === key) {
        this.at = mid;
        return i;
      }
      if (at < key) lo = mid + 1;
      else hi = mid - 1;
    }
    this.at = Math.min(lo, count - 1);
    return -1;
  }

  private note(i: number): FeeNote {
    let note = this.decoded[i];
    if (!note) {
      note = {
        parentAsin: this.strings[i * 2 + 1] as string,
        dos30: orNull(this.numbers[i * 2] as number),
        dos90: orNull(this.numbers[i * 2 + 1] as number),
        atRisk: this.atRisk[i] === 1,
      };
      this.decoded[i] = note;
    }
    return note;
  }

  private fill(): void {
    if (this.whole) return;
    this.whole = true;
    for (let i = 0; i < this.atRisk.length; i++) super.set(this.strings[i * 2] as string, this.note(i));
  }

  override get(key: string): FeeNote | undefined {
    if (this.whole) return super.get(key);
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.note(i);
  }

  override has(key: string): boolean {
    return this.whole ? super.has(key) : this.indexOf(key) >= 0;
  }

  override get size(): number {
    this.fill();
    return super.size;
  }

  override set(key: string, value: FeeNote): this {
    this.fill();
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.fill();
    return super.delete(key);
  }

  override clear(): void {
    this.fill();
    super.clear();
  }

  override forEach(
    callback: (value: FeeNote, key: string, map: Map<string, FeeNote>) => void,
    thisArg?: unknown,
  ): void {
    this.fill();
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[string, FeeNote]> {
    this.fill();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.fill();
    return super.keys();
  }

  override values(): MapIterator<FeeNote> {
    this.fill();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, FeeNote]> {
    this.fill();
    return super[Symbol.iterator]();
  }
}

/**
 * The notes packFeeNotes was given (in the same order when iterated), or undefined when `packed` is not
 * a whole record of this version.
 */
export function unpackFeeNotes(packed: PackedFeeNotes | undefined): Map<string, FeeNote> | undefined {
  if (!packed || typeof packed !== 'object' || packed.version !== FEE_NOTES_PACK_VERSION) return undefined;
  const { count, text, numbers, atRisk, order } = packed;
  if (
    typeof text !== 'string' ||
    !(numbers instanceof Float64Array) ||
    !(atRisk instanceof Uint8Array) ||
    !(order instanceof Uint32Array)
  )
    return undefined;
  const strings = count === 0 ? [] : text.split(SEPARATOR);
  if (strings.length !== count * 2 || numbers.length !== count * 2 || atRisk.length !== count || order.length !== count)
    return undefined;
  return new PackedFeeNoteMap(strings, numbers, atRisk, order);
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
  const keys = new Array<string>(memory.size);
  const states = new Uint8Array(memory.size * 2);
  const at = new Float64Array(memory.size);
  let i = 0;
  for (const [key, entry] of memory) {
    keys[i] = key;
    states[i * 2] = ALERT_STATES.indexOf(entry.level);
    states[i * 2 + 1] = entry.notified === null ? NO_STATE : ALERT_STATES.indexOf(entry.notified);
    at[i] = entry.at;
    i++;
  }
  return { packed: 1, keys: JSON.stringify(keys), states, at };
}

/** Whether two typed arrays hold the same values (NaN equal to NaN, as a stored copy of it is). */
export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

/**
 * Whether `stored` (as read from the store) is exactly `packed`: an evaluation in which no SKU's
 * notification state moved then leaves the stored memory as it is instead of writing it again.
 */
export function sameNotifyMemory(packed: PackedNotifyMemory, stored: unknown): boolean {
  const p = stored as PackedNotifyMemory | undefined;
  return (
    !!p &&
    typeof p === 'object' &&
    p.packed === 1 &&
    p.keys === packed.keys &&
    p.states instanceof Uint8Array &&
    p.at instanceof Float64Array &&
    sameValues(p.states, packed.states) &&
    sameValues(p.at, packed.at)
  );
}

/**
 * The memory packNotifyMemory was given; a memory stored as plain entries (before packing) is checked
 * entry by entry as before, and anything unreadable starts empty rather than failing the alarm.
 */
export function unpackNotifyMemory(raw: unknown): NotifyMemory {
  const p = raw as PackedNotifyMemory | undefined;
  if (!p || typeof p !== 'object' || p.packed !== 1) return parseNotifyMemory(raw);
  if (typeof p.keys !== 'string' || !(p.states instanceof Uint8Array) || !(p.at instanceof Float64Array)) {
    return new Map();
  }
  let keys: unknown;
  try {
    keys = JSON.parse(p.keys);
  } catch {
    return new Map();
  }
  if (!Array.isArray(keys) || p.states.length !== keys.length * 2 || p.at.length !== keys.length) return new Map();
  const memory: NotifyMemory = new Map();
  for (let i = 0; i < keys.length; i++) {
    const level = ALERT_STATES[p.states[i * 2] as number];
    const notifiedCode = p.states[i * 2 + 1] as number;
    const notified = notifiedCode === NO_STATE ? null : ALERT_STATES[notifiedCode];
    const at = p.at[i] as number;
    if (typeof keys[i] !== 'string' || !level || notified === undefined || !Number.isFinite(at)) return new Map();
    memory.set(keys[i] as string, { level, notified, at });
  }
  return memory;
}
