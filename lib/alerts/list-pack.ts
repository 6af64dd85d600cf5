import { POOL_MARKETPLACE } from './pool';
import type { AlertGroup, PopupGroup, PopupRow } from './popup';
import { feeDays, inventoryLink, messagesFrom } from './popup';
import type { AlertMessage, AlertReason, MethodPlan } from './types';

/**
 * The popup's whole low-stock list as the store keeps it: columns instead of tens of thousands of
 * objects.
 *
 * Every evaluation but the alarm's writes the list again (days of cover moves with the clock; the
 * alarm stores only the popup's first rows, lib/background/alerts.ts alertsAlarm), and what it costs to
 * write grows with its bytes (IndexedDB's structured clone, then the value written to disk): a few
 * thousand rows of a dozen nested objects cost more than the evaluation itself. So every code and
 * unit count is one slot of an Int16Array (an Int32Array when one does not fit), every other figure
 * one of a Float64Array, and the row's own strings (key, SKU, ASIN, title) are one joined string. The
 * row's messages are not stored: they are made again on reading (messagesFrom) from the row's
 * reasons, figures and plans, and the few facts they need beside those (thresholds, the fee note's
 * days of supply), kept per reason. (As JSON the messages were nine tenths of the record; as codes
 * and parameters still two fifths of the codes, and building them the largest cost of packing.)
 * Decoding gives back the very rows popupRow builds (the unit test holds that).
 *
 * Conventions: a null figure is NaN (no row figure is NaN: they are finite or null); a null count is
 * NULL_COUNT; booleans are bits of the row's flags. Strings that repeat from row to row (marketplaces,
 * states, reasons, method names, dates) are stored once in `labels` and pointed to from `codes` (-1
 * for null). In `text`, NULL stands for null and SAME for the group's ASIN or title; a row's key is
 * left empty when it is its prefix label followed by its SKU (as every SKU key is). What a row rarely
 * has (a pool's marketplaces and name, a link other than inventoryLink's, a string the joined form
 * cannot hold) is in `rare`, as JSON.
 */

/**
 * 3: messages made again from their facts, codes 16-bit where they fit; 2: messages as codes, codes
 * 32-bit; 1: JSON. Older versions read as none (the next evaluation writes the list again).
 */
export const LIST_PACK_VERSION = 3;

export interface PackedList {
  version: number;
  groups: number;
  rows: number;
  /** Per group: asin, title; per row: key, sku, asin, title; joined by SEPARATOR. */
  text: string;
  /** [kind, index, value] triples (RARE_*), as JSON. */
  rare: string;
  /** The repeated strings the codes point into. */
  labels: string[];
  /**
   * Per group: row count; per row: ROW_CODES (its labels, flags, counts), its reasons (each with its
   * threshold when its message names one), then the index of each method's plan in `plans`.
   * Int16Array when every code fits (no count above 32,767, no more labels or plans), else Int32Array.
   */
  codes: Int16Array | Int32Array;
  /**
   * Per group: urgency; per row: ROW_FIGURES, its snoozedUntil when it has one, the counts that are not
   * codes (IN_FIGURES) in the order of its codes, and a fee note's two days of supply.
   */
  figures: Float64Array;
  /** Each distinct method plan once (rows of one marketplace and stock-out day share them): PLAN_NUMBERS each. */
  plans: Float64Array;
}

const GROUP_TEXT = 2;
const ROW_TEXT = 4;
const ROW_CODES = 15;
const ROW_FIGURES = 3;
const PLAN_NUMBERS = 10;
const SEPARATOR = '\u0000';
const NULL = '\u0001';
const SAME = '\u0002';
/** In `text`: the slot's string is in `rare` (it holds SEPARATOR or is one of these markers). */
const ELSEWHERE = '\u0003';
const RARE_TEXT = 0;
const RARE_MARKETPLACES = 1;
const RARE_POOL_NAME = 2;
const RARE_LINK = 3;
/** Row flag: the row has a snoozedUntil figure (after its ROW_FIGURES). */
const SNOOZED_UNTIL = 8;
/** A count's code for null, and for a figure that is not a whole number from 0 to 2³¹ − 1 (in figures). */
const NULL_COUNT = -1;
const IN_FIGURES = -2;
const INT16_MIN = -32768;
const INT16_MAX = 32767;

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/**
 * What packing reads of a row: PopupRow's fields, with `marketplaces` null for the row's own
 * marketplace alone and `link` undefined for inventoryLink's (what nearly every row has), and instead
 * of the messages the facts messagesFrom needs beyond the row's other fields.
 */
interface RowFields extends Omit<PopupRow, 'marketplaces' | 'link' | 'messages'> {
  marketplaces: readonly string[] | null;
  link: string | null | undefined;
  units: number;
  days: number;
  /** The fee note's days of supply as the note has them (rounded only for a fee-risk row). */
  dos30: number | null;
  dos90: number | null;
}

/** A growable typed array. */
class Column<T extends Int32Array | Float64Array> {
  n = 0;
  constructor(
    public array: T,
    private readonly make: (size: number) => T,
  ) {}

  room(count: number): T {
    if (this.n + count > this.array.length) {
      const grown = this.make(Math.max(this.array.length * 2, this.n + count));
      grown.set(this.array);
      this.array = grown;
    }
    return this.array;
  }

  push(value: number): void {
    this.room(1)[this.n++] = value;
  }

  done(): T {
    return this.array.slice(0, this.n) as T;
  }
}

class ListWriter {
  readonly text: string[] = [];
  readonly rare: unknown[] = [];
  readonly labels: string[] = [];
  private readonly labelCodes = new Map<string, number>();
  readonly codes: Column<Int32Array>;
  readonly figures: Column<Float64Array>;
  readonly plans = new Column(new Float64Array(64 * PLAN_NUMBERS), (size) => new Float64Array(size));
  /** Plan hash → indices of the plans with that hash. */
  private readonly planIndex = new Map<number, number[]>();
  /** The last key prefix seen and its code: rows of one marketplace share it. */
  private prefix = '';
  private prefixCode = -1;
  rows = 0;
  groups = 0;

  constructor(rows: number) {
    this.codes = new Column(new Int32Array(Math.max(64, rows * 32)), (size) => new Int32Array(size));
    this.figures = new Column(
      new Float64Array(Math.max(64, rows * (ROW_FIGURES + 1))),
      (size) => new Float64Array(size),
    );
  }

  label(text: string | null | undefined): number {
    if (text === null || text === undefined) return -1;
    let code = this.labelCodes.get(text);
    if (code === undefined) {
      code = this.labels.length;
      this.labels.push(text);
      this.labelCodes.set(text, code);
    }
    return code;
  }

  string(value: string | null, group: string | null | undefined = undefined): void {
    if (value === null) this.text.push(NULL);
    else if (group !== undefined && value === group) this.text.push(SAME);
    else if (
      value.length <= 1
        ? value === NULL || value === SAME || value === ELSEWHERE || value === SEPARATOR
        : value.includes(SEPARATOR)
    ) {
      this.rare.push(RARE_TEXT, this.text.length, value);
      this.text.push(ELSEWHERE);
    } else this.text.push(value);
  }

  group(asin: string | null, title: string | null, urgency: number, rows: number): void {
    this.groups++;
    this.string(asin);
    this.string(title);
    this.figures.push(urgency);
    this.codes.push(rows);
  }

  /** The code of the key's prefix (the key is that prefix and the SKU), or -1 when it is not one. */
  private prefixOf(key: string, sku: string): number {
    const length = key.length - sku.length;
    if (length <= 0 || !key.endsWith(sku)) return -1;
    if (length !== this.prefix.length || !key.startsWith(this.prefix)) {
      this.prefix = key.slice(0, length);
      this.prefixCode = this.label(this.prefix);
    }
    return this.prefixCode;
  }

  row(r: RowFields, groupAsin: string | null, groupTitle: string | null): void {
    const index = this.rows++;
    const prefix = this.prefixOf(r.key, r.sku);
    this.string(prefix === -1 ? r.key : '');
    this.string(r.sku);
    this.string(r.asin, groupAsin);
    this.string(r.title, groupTitle);
    if (r.marketplaces !== null) this.rare.push(RARE_MARKETPLACES, index, r.marketplaces);
    if (r.poolName !== null) this.rare.push(RARE_POOL_NAME, index, r.poolName);
    if (r.link !== undefined) this.rare.push(RARE_LINK, index, r.link);
    const codes = this.codes.room(ROW_CODES);
    const c = this.codes.n;
    codes[c] = this.label(r.marketplace);
    codes[c + 1] = this.label(r.channel);
    codes[c + 2] = this.label(r.state);
    codes[c + 3] = this.label(r.stockOutDay);
    codes[c + 4] = this.label(r.method);
    codes[c + 5] = this.label(r.reorderBy);
    codes[c + 6] = this.label(r.amazonShipDate);
    codes[c + 7] =
      (r.snoozed ? 1 : 0) | (r.late ? 2 : 0) | (r.capApplied ? 4 : 0) | (r.snoozedUntil !== null ? SNOOZED_UNTIL : 0);
    codes[c + 8] = r.methods.length;
    codes[c + 9] = prefix;
    codes[c + 10] = r.reasons.length;
    const figures = this.figures.room(ROW_FIGURES);
    const f = this.figures.n;
    figures[f] = r.perDay ?? Number.NaN;
    figures[f + 1] = r.daysOfCover ?? Number.NaN;
    figures[f + 2] = r.urgency;
    this.figures.n += ROW_FIGURES;
    if (r.snoozedUntil !== null) this.figures.push(r.snoozedUntil);
    codes[c + 11] = this.count(r.available);
    codes[c + 12] = this.count(r.inTransit);
    codes[c + 13] = this.count(r.suggested);
    codes[c + 14] = this.count(r.amazonSuggested);
    this.codes.n += ROW_CODES;
    for (const reason of r.reasons) {
      this.codes.push(this.label(reason));
      // REASON_FACTS: what the reason's message needs beyond the row's other fields.
      if (reason === 'below-units') this.codes.push(this.count(r.units));
      else if (reason === 'below-days') this.codes.push(this.count(r.days));
      else if (reason === 'fee-risk') {
        this.figures.push(feeDays(r.dos30) ?? Number.NaN);
        this.figures.push(feeDays(r.dos90) ?? Number.NaN);
      }
    }
    for (let k = 0; k < r.methods.length; k++) {
      const index = this.plan(r.methods[k] as MethodPlan, k);
      this.codes.room(1)[this.codes.n++] = index;
    }
  }

  /**
   * A count's code: itself when a whole number from 0 to 2³¹ − 1 (a unit count nearly always is), NULL_COUNT
   * for null, else IN_FIGURES with the figure pushed (read back in the order pushed).
   */
  private count(value: number | null): number {
    if (value === null) return NULL_COUNT;
    if (value >= 0 && (value | 0) === value && !Object.is(value, -0)) return value;
    this.figures.push(value);
    return IN_FIGURES;
  }

  /**
   * The index of the plan in the table, added when new. Rows in list order mostly repeat the plans of
   * the row before (same marketplace, calendar and stock-out day): a plan whose every field is the one
   * at the same position in the row before is that one, without labelling and hashing it again.
   */
  private plan(m: MethodPlan, position: number): number {
    const last = this.lastPlans[position];
    if (
      last !== undefined &&
      last.methodId === m.methodId &&
      last.name === m.name &&
      Object.is(last.leadDays, m.leadDays) &&
      last.arrivesBy === m.arrivesBy &&
      last.reorderBy === m.reorderBy &&
      last.late === m.late &&
      last.constraint === m.constraint &&
      last.eventId === m.eventId &&
      Object.is(last.supplyDelayDays, m.supplyDelayDays) &&
      last.supplyEventId === m.supplyEventId
    )
      return this.lastPlanIndex[position] as number;
    const index = this.planIndexOf(m);
    this.lastPlans[position] = m;
    this.lastPlanIndex[position] = index;
    return index;
  }

  private readonly lastPlans: MethodPlan[] = [];
  private readonly lastPlanIndex: number[] = [];

  private planIndexOf(m: MethodPlan): number {
    const scratch = PLAN_SCRATCH;
    scratch[0] = this.label(m.methodId);
    scratch[1] = this.label(m.name);
    scratch[2] = m.leadDays;
    scratch[3] = this.label(m.arrivesBy);
    scratch[4] = this.label(m.reorderBy);
    scratch[5] = m.late ? 1 : 0;
    scratch[6] = this.label(m.constraint);
    scratch[7] = this.label(m.eventId);
    scratch[8] = m.supplyDelayDays;
    scratch[9] = this.label(m.supplyEventId);
    let hash = 0;
    for (let k = 0; k < PLAN_NUMBERS; k++) hash = (Math.imul(hash, 31) + ((scratch[k] as number) | 0)) | 0;
    const table = this.plans.array;
    let same = this.planIndex.get(hash);
    if (same) {
      for (const index of same) {
        let equal = true;
        for (let k = 0; k < PLAN_NUMBERS && equal; k++) {
          equal = Object.is(table[index * PLAN_NUMBERS + k], scratch[k]);
        }
        if (equal) return index;
      }
    } else {
      same = [];
      this.planIndex.set(hash, same);
    }
    const index = this.plans.n / PLAN_NUMBERS;
    this.plans.room(PLAN_NUMBERS).set(scratch, this.plans.n);
    this.plans.n += PLAN_NUMBERS;
    same.push(index);
    return index;
  }

  done(): PackedList {
    return {
      version: LIST_PACK_VERSION,
      groups: this.groups,
      rows: this.rows,
      text: this.text.join(SEPARATOR),
      rare: JSON.stringify(this.rare),
      labels: this.labels,
      codes: narrow(this.codes.array, this.codes.n),
      figures: this.figures.done(),
      plans: this.plans.done(),
    };
  }
}

const PLAN_SCRATCH = new Float64Array(PLAN_NUMBERS);

/** The first `n` codes, as 16-bit integers when every one fits (half the bytes to write). */
function narrow(codes: Int32Array, n: number): Int16Array | Int32Array {
  for (let i = 0; i < n; i++) {
    const code = codes[i] as number;
    if (code < INT16_MIN || code > INT16_MAX) return codes.slice(0, n);
  }
  // A typed array's own conversion (Int16Array.from goes through the iterator, several times slower).
  return new Int16Array(codes.subarray(0, n));
}

/**
 * What the list's summary says of `groups` without packing them: its rows, and the marketplaces they
 * stand for, sorted (a Pan-European pool's row stands for its members' marketplaces).
 */
export function listSummary(groups: readonly AlertGroup[]): { total: number; marketplaces: string[] } {
  let total = 0;
  const seen = new Set<string>();
  let lastSeen: string | undefined;
  for (const group of groups) {
    total += group.alerts.length;
    for (const alert of group.alerts) {
      const members = alert.pool?.members;
      if (members !== undefined && members.length > 0) {
        for (const m of members) seen.add(m.marketplace);
      } else if (alert.marketplace !== lastSeen) {
        // Rows of one marketplace mostly follow each other: one Set insertion per run of them.
        seen.add(alert.marketplace);
        lastSeen = alert.marketplace;
      }
    }
  }
  return { total, marketplaces: [...seen].sort() };
}

/** A packed list with what its summary says of it. */
export interface PackedAlerts {
  packed: PackedList;
  /** Rows in the list. */
  total: number;
  /** Marketplaces the rows stand for, sorted. */
  marketplaces: string[];
}

/**
 * The list of popupGroupsOf(groups), written straight from the alerts: the background's evaluation
 * builds no row object for the thousands of rows the popup's first screen does not show (one scratch
 * row is filled for each in turn). The unit test holds unpackList's rows equal to popupGroupsOf's.
 */
export function packAlertGroups(groups: readonly AlertGroup[]): PackedAlerts {
  const { total, marketplaces: listed } = listSummary(groups);
  const w = new ListWriter(total);
  const scratch = {} as RowFields;
  for (const group of groups) {
    w.group(group.asin, group.title, group.urgency, group.alerts.length);
    for (const alert of group.alerts) {
      // As popupRow builds the row (popup.ts), field by field.
      const members = alert.pool?.members;
      const pooled = members !== undefined && members.length > 0;
      let marketplaces: string[] | null = null;
      if (pooled) {
        marketplaces = members.map((m) => m.marketplace);
        if (marketplaces.length === 1 && marketplaces[0] === alert.marketplace) marketplaces = null;
      }
      const isPool = alert.marketplace === POOL_MARKETPLACE;
      const linkMarketplace = isPool ? members?.[0]?.marketplace : alert.marketplace;
      const linkSku = isPool ? members?.[0]?.sku : alert.sku;
      // A row of its own marketplace links where inventoryLink says: nothing to store.
      let link: string | null | undefined;
      if (!isPool && linkMarketplace && linkSku) link = undefined;
      else {
        const made = linkMarketplace && linkSku ? inventoryLink(linkMarketplace, linkSku) : null;
        link = made === inventoryLink(alert.marketplace, alert.sku) ? undefined : made;
      }
      let recommended: MethodPlan | null = null;
      for (const m of alert.methods) {
        if (m.methodId === alert.recommendedMethod) {
          recommended = m;
          break;
        }
      }
      scratch.key = alert.key;
      scratch.sku = alert.sku;
      scratch.asin = alert.asin ?? null;
      scratch.title = alert.title ?? null;
      scratch.marketplace = alert.marketplace;
      scratch.marketplaces = marketplaces;
      scratch.channel = alert.channel;
      scratch.state = alert.state;
      scratch.snoozed = alert.snoozed;
      scratch.snoozedUntil = alert.snoozedUntil;
      scratch.poolName = pooled ? { key: 'alerts.pool.name', params: { count: members.length } } : null;
      scratch.available = alert.available;
      scratch.inTransit = alert.inTransit;
      scratch.perDay = alert.perDay;
      scratch.daysOfCover = alert.daysOfCover;
      scratch.stockOutDay = alert.stockOutDay;
      scratch.method = recommended?.name ?? null;
      scratch.reorderBy = recommended?.reorderBy ?? null;
      scratch.late = recommended?.late ?? false;
      scratch.methods = alert.methods;
      scratch.suggested = alert.suggestion?.quantity ?? null;
      scratch.capApplied = alert.suggestion?.capApplied ?? false;
      scratch.amazonSuggested = alert.amazon?.quantity ?? null;
      scratch.amazonShipDate = alert.amazon?.shipDate ?? null;
      scratch.reasons = alert.reasons;
      scratch.units = alert.thresholds.units;
      scratch.days = alert.thresholds.days;
      scratch.dos30 = alert.fee?.dos30 ?? null;
      scratch.dos90 = alert.fee?.dos90 ?? null;
      scratch.link = link;
      scratch.urgency = alert.urgency;
      w.row(scratch, group.asin, group.title);
    }
  }
  return { packed: w.done(), total, marketplaces: listed };
}

/**
 * The groups packAlertGroups was given, their rows as popupGroupsOf builds them, or their first `limit`
 * rows (cut inside a group when need be, as firstRows does), with whether that is all of them;
 * undefined when `packed` is not a whole record.
 */
export function unpackList(
  packed: PackedList | undefined,
  limit = Number.POSITIVE_INFINITY,
): { groups: PopupGroup[]; complete: boolean } | undefined {
  if (!packed || typeof packed !== 'object' || packed.version !== LIST_PACK_VERSION) return undefined;
  const { labels, codes, figures, plans } = packed;
  if (
    typeof packed.text !== 'string' ||
    typeof packed.rare !== 'string' ||
    !(codes instanceof Int16Array || codes instanceof Int32Array) ||
    !(figures instanceof Float64Array) ||
    !(plans instanceof Float64Array) ||
    plans.length % PLAN_NUMBERS !== 0 ||
    !Array.isArray(labels)
  )
    return undefined;
  const text = packed.groups === 0 ? [] : packed.text.split(SEPARATOR);
  let rare: unknown[];
  try {
    rare = JSON.parse(packed.rare);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rare) || rare.length % 3 !== 0) return undefined;
  // Rare values by kind and index.
  const elsewhere = new Map<number, string>();
  const marketplacesOf = new Map<number, string[]>();
  const poolNames = new Map<number, AlertMessage>();
  const links = new Map<number, string | null>();
  for (let i = 0; i < rare.length; i += 3) {
    const kind = rare[i];
    const index = rare[i + 1] as number;
    const value = rare[i + 2];
    if (kind === RARE_TEXT) elsewhere.set(index, value as string);
    else if (kind === RARE_MARKETPLACES) marketplacesOf.set(index, value as string[]);
    else if (kind === RARE_POOL_NAME) poolNames.set(index, value as AlertMessage);
    else if (kind === RARE_LINK) links.set(index, value as string | null);
    else return undefined;
  }
  const planCount = plans.length / PLAN_NUMBERS;
  const label = (code: number): string | null => (code === -1 ? null : (labels[code] as string));
  const slot = (t: number, group?: string | null): string | null => {
    const value = text[t] as string;
    if (value === NULL) return null;
    if (value === SAME) return group ?? null;
    if (value === ELSEWHERE) return elsewhere.get(t) ?? null;
    return value;
  };
  let t = 0;
  let c = 0;
  let f = 0;
  let row = 0;
  /** A count from its code, or from the figures (f moves past it); undefined for a broken code. */
  const countOf = (code: number): number | null | undefined => {
    if (code >= 0) return code;
    if (code === NULL_COUNT) return null;
    if (code !== IN_FIGURES || f >= figures.length) return undefined;
    return figures[f++] as number;
  };
  let left = limit;
  let cut = false;
  const groups: PopupGroup[] = [];
  for (let g = 0; g < packed.groups; g++) {
    if (left <= 0) {
      cut = true;
      break;
    }
    if (t + GROUP_TEXT > text.length || c + 1 > codes.length || f + 1 > figures.length) return undefined;
    const group: PopupGroup = { asin: slot(t), title: slot(t + 1), urgency: figures[f] as number, rows: [] };
    const count = codes[c] as number;
    if (count < 0) return undefined;
    t += GROUP_TEXT;
    c += 1;
    f += 1;
    for (let r = 0; r < count; r++) {
      if (left <= 0) {
        cut = true;
        break;
      }
      if (t + ROW_TEXT > text.length || c + ROW_CODES > codes.length || f + ROW_FIGURES > figures.length)
        return undefined;
      const rc = c;
      const rf = f;
      const flags = codes[rc + 7] as number;
      const sku = slot(t + 1) as string;
      const prefix = label(codes[rc + 9] as number);
      const key = prefix === null ? (slot(t) as string) : prefix + sku;
      const asin = slot(t + 2, group.asin);
      const title = slot(t + 3, group.title);
      t += ROW_TEXT;
      c += ROW_CODES;
      f += ROW_FIGURES;
      let snoozedUntil: number | null = null;
      if ((flags & SNOOZED_UNTIL) !== 0) {
        if (f >= figures.length) return undefined;
        snoozedUntil = figures[f++] as number;
      }
      const available = countOf(codes[rc + 11] as number);
      const inTransit = countOf(codes[rc + 12] as number);
      const suggested = countOf(codes[rc + 13] as number);
      const amazonSuggested = countOf(codes[rc + 14] as number);
      if (
        available === undefined ||
        inTransit === undefined ||
        inTransit === null ||
        suggested === undefined ||
        amazonSuggested === undefined
      )
        return undefined;
      const methodCount = codes[rc + 8] as number;
      const reasonCount = codes[rc + 10] as number;
      if (methodCount < 0 || reasonCount < 0) return undefined;
      const reasons: AlertReason[] = new Array(reasonCount);
      let units = 0;
      let days = 0;
      let dos30: number | null = null;
      let dos90: number | null = null;
      for (let k = 0; k < reasonCount; k++) {
        if (c >= codes.length) return undefined;
        const reason = label(codes[c++] as number) as AlertReason;
        reasons[k] = reason;
        if (reason === 'below-units' || reason === 'below-days') {
          const threshold = c < codes.length ? countOf(codes[c++] as number) : undefined;
          if (threshold === undefined || threshold === null) return undefined;
          if (reason === 'below-units') units = threshold;
          else days = threshold;
        } else if (reason === 'fee-risk') {
          if (f + 2 > figures.length) return undefined;
          dos30 = orNull(figures[f++] as number);
          dos90 = orNull(figures[f++] as number);
        }
      }
      if (c + methodCount > codes.length) return undefined;
      const methods: MethodPlan[] = new Array(methodCount);
      for (let m = 0; m < methodCount; m++) {
        const index = codes[c++] as number;
        if (index < 0 || index >= planCount) return undefined;
        const at = index * PLAN_NUMBERS;
        methods[m] = {
          methodId: label(plans[at] as number) as string,
          name: label(plans[at + 1] as number) as string,
          leadDays: plans[at + 2] as number,
          arrivesBy: label(plans[at + 3] as number) as string,
          reorderBy: label(plans[at + 4] as number),
          late: plans[at + 5] === 1,
          constraint: label(plans[at + 6] as number) as MethodPlan['constraint'],
          eventId: label(plans[at + 7] as number),
          supplyDelayDays: plans[at + 8] as number,
          supplyEventId: label(plans[at + 9] as number),
        };
      }
      left--;
      const marketplace = label(codes[rc] as number) as string;
      const daysOfCover = orNull(figures[rf + 1] as number);
      const stockOutDay = label(codes[rc + 3] as number);
      const method = label(codes[rc + 4] as number);
      const reorderBy = label(codes[rc + 5] as number);
      const late = (flags & 2) !== 0;
      const messages = messagesFrom({
        reasons,
        methods,
        stockOutDay,
        available,
        daysOfCover,
        method,
        reorderBy,
        late,
        units,
        days,
        dos30,
        dos90,
      });
      group.rows.push({
        key,
        sku,
        asin,
        title,
        marketplace,
        marketplaces: marketplacesOf.get(row) ?? [marketplace],
        channel: label(codes[rc + 1] as number) as PopupRow['channel'],
        state: label(codes[rc + 2] as number) as PopupRow['state'],
        snoozed: (flags & 1) !== 0,
        snoozedUntil,
        poolName: poolNames.get(row) ?? null,
        available,
        inTransit,
        perDay: orNull(figures[rf] as number),
        daysOfCover,
        stockOutDay,
        method,
        reorderBy,
        late,
        methods,
        suggested,
        capApplied: (flags & 4) !== 0,
        amazonSuggested,
        amazonShipDate: label(codes[rc + 6] as number),
        reasons,
        messages,
        link: links.has(row) ? (links.get(row) as string | null) : inventoryLink(marketplace, sku),
        urgency: figures[rf + 2] as number,
      });
      row++;
    }
    groups.push(group);
  }
  // Only a whole record ends exactly where its columns do.
  if (!cut && (rowsIn(groups) !== packed.rows || t !== text.length || c !== codes.length || f !== figures.length))
    return undefined;
  return { groups, complete: !cut };
}

function rowsIn(groups: readonly PopupGroup[]): number {
  let count = 0;
  for (const group of groups) count += group.rows.length;
  return count;
}
