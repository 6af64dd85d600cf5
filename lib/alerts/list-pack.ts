import { POOL_MARKETPLACE } from './pool';
import type { AlertGroup, PopupGroup, PopupRow } from './popup';
import { inventoryLink, reasonMessages } from './popup';
import type { AlertMessage, AlertReason, MethodPlan } from './types';

/**
 * The popup's whole low-stock list as the store keeps it: columns instead of tens of thousands of
 * objects.
 *
 * Every evaluation writes the list again (days of cover moves with the clock), and what it costs to
 * write grows with its bytes (IndexedDB's structured clone, then the value written to disk): a few
 * thousand rows of a dozen nested objects cost more than the evaluation itself. So every figure,
 * every code and every message is one slot of a Float64Array, and the row's own strings (key, SKU,
 * ASIN, title) are one joined string; reasons and messages are codes and parameters, not JSON (as
 * JSON they were nine tenths of the record, and stringifying them the largest cost of packing).
 * Decoding gives back the very groups that were packed (the unit test holds that).
 *
 * Conventions: a null number is NaN (no row figure is NaN: they are finite or null); booleans are 0/1.
 * Strings that repeat from row to row (marketplaces, states, method names, dates, message keys and
 * parameter names) are stored once in `labels` and pointed to from `numbers` (-1 for null). In
 * `text`, NULL stands for null and SAME for the group's ASIN or title; a row's key is left empty when
 * it is its prefix label followed by its SKU (as every SKU key is). What a row rarely has (a pool's
 * marketplaces and name, a link other than inventoryLink's, a string the joined form cannot hold)
 * is in `rare`, as JSON.
 */

/** 2: codes, figures and a plan table; reasons and messages as codes (version 1 was JSON; read as none). */
export const LIST_PACK_VERSION = 2;

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
   * Per group: row count; per row: ROW_CODES, its reasons, its messages (each parameter a tagged name
   * and a value), then the index of each method's plan in `plans`.
   */
  codes: Int32Array;
  /** Per group: urgency; per row: ROW_FIGURES, then its messages' numeric parameters that are not int32. */
  figures: Float64Array;
  /** Each distinct method plan once (rows of one marketplace and stock-out day share them): PLAN_NUMBERS each. */
  plans: Float64Array;
}

const GROUP_TEXT = 2;
const ROW_TEXT = 4;
const ROW_CODES = 12;
const ROW_FIGURES = 8;
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
/** A message without a params object (as opposed to an empty one). */
const NO_PARAMS = -1;
/** A parameter's name code × 4 + how its value is stored: */
const PARAM_INT = 0;
const PARAM_STRING = 1;
const PARAM_FIGURE = 2;

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
const isInt32 = (value: number): boolean => (value | 0) === value && !Object.is(value, -0);

/**
 * What packing reads of a row: PopupRow's fields, with `marketplaces` null for the row's own
 * marketplace alone and `link` undefined for inventoryLink's (what nearly every row has).
 */
interface RowFields extends Omit<PopupRow, 'marketplaces' | 'link'> {
  marketplaces: readonly string[] | null;
  link: string | null | undefined;
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
    codes[c + 7] = (r.snoozed ? 1 : 0) | (r.late ? 2 : 0) | (r.capApplied ? 4 : 0);
    codes[c + 8] = r.methods.length;
    codes[c + 9] = prefix;
    codes[c + 10] = r.reasons.length;
    codes[c + 11] = r.messages.length;
    this.codes.n += ROW_CODES;
    const figures = this.figures.room(ROW_FIGURES);
    const f = this.figures.n;
    figures[f] = r.snoozedUntil ?? Number.NaN;
    figures[f + 1] = r.available ?? Number.NaN;
    figures[f + 2] = r.inTransit;
    figures[f + 3] = r.perDay ?? Number.NaN;
    figures[f + 4] = r.daysOfCover ?? Number.NaN;
    figures[f + 5] = r.suggested ?? Number.NaN;
    figures[f + 6] = r.amazonSuggested ?? Number.NaN;
    figures[f + 7] = r.urgency;
    this.figures.n += ROW_FIGURES;
    const more = this.codes.room(r.reasons.length + r.methods.length);
    for (const reason of r.reasons) more[this.codes.n++] = this.label(reason);
    for (const message of r.messages) this.message(message);
    for (let k = 0; k < r.methods.length; k++) {
      const index = this.plan(r.methods[k] as MethodPlan, k);
      this.codes.room(1)[this.codes.n++] = index;
    }
  }

  /** key, parameter count (NO_PARAMS without params), then per parameter its tagged name and value. */
  private message(message: AlertMessage): void {
    this.codes.push(this.label(message.key));
    const params = message.params;
    if (params === undefined) {
      this.codes.push(NO_PARAMS);
      return;
    }
    const names = Object.keys(params);
    this.codes.push(names.length);
    for (const name of names) {
      const value = params[name] as string | number;
      if (typeof value === 'string') {
        this.codes.push(this.label(name) * 4 + PARAM_STRING);
        this.codes.push(this.label(value));
      } else if (isInt32(value)) {
        this.codes.push(this.label(name) * 4 + PARAM_INT);
        this.codes.push(value);
      } else {
        this.codes.push(this.label(name) * 4 + PARAM_FIGURE);
        this.figures.push(value);
      }
    }
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
      codes: this.codes.done(),
      figures: this.figures.done(),
      plans: this.plans.done(),
    };
  }
}

const PLAN_SCRATCH = new Float64Array(PLAN_NUMBERS);

export function packList(groups: readonly PopupGroup[]): PackedList {
  let rows = 0;
  for (const group of groups) rows += group.rows.length;
  const w = new ListWriter(rows);
  for (const group of groups) {
    w.group(group.asin, group.title, group.urgency, group.rows.length);
    for (const row of group.rows) {
      const single = row.marketplaces.length === 1 && row.marketplaces[0] === row.marketplace;
      const ownLink = row.link === inventoryLink(row.marketplace, row.sku);
      w.row(
        { ...row, marketplaces: single ? null : row.marketplaces, link: ownLink ? undefined : row.link },
        group.asin,
        group.title,
      );
    }
  }
  return w.done();
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
 * packList(popupGroupsOf(groups).groups), value for value, written straight from the alerts: the
 * background's evaluation builds no row object for the thousands of rows the popup's first screen
 * does not show (one scratch row is filled for each in turn). The unit test holds the two equal.
 */
export function packAlertGroups(groups: readonly AlertGroup[]): PackedAlerts {
  let rows = 0;
  for (const group of groups) rows += group.alerts.length;
  const w = new ListWriter(rows);
  const seen = new Set<string>();
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
        for (const m of marketplaces) seen.add(m);
        if (marketplaces.length === 1 && marketplaces[0] === alert.marketplace) marketplaces = null;
      } else seen.add(alert.marketplace);
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
      scratch.messages = reasonMessages(alert);
      scratch.link = link;
      scratch.urgency = alert.urgency;
      w.row(scratch, group.asin, group.title);
    }
  }
  return { packed: w.done(), total: rows, marketplaces: [...seen].sort() };
}

/**
 * The groups packList was given, or their first `limit` rows (cut inside a group when need be, as
 * firstRows does), with whether that is all of them; undefined when `packed` is not a whole record.
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
    !(codes instanceof Int32Array) ||
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
      const sku = slot(t + 1) as string;
      const prefix = label(codes[rc + 9] as number);
      const key = prefix === null ? (slot(t) as string) : prefix + sku;
      const asin = slot(t + 2, group.asin);
      const title = slot(t + 3, group.title);
      t += ROW_TEXT;
      c += ROW_CODES;
      f += ROW_FIGURES;
      const methodCount = codes[rc + 8] as number;
      const reasonCount = codes[rc + 10] as number;
      const messageCount = codes[rc + 11] as number;
      if (methodCount < 0 || reasonCount < 0 || messageCount < 0 || c + reasonCount > codes.length) return undefined;
      const reasons: AlertReason[] = new Array(reasonCount);
      for (let k = 0; k < reasonCount; k++) reasons[k] = label(codes[c++] as number) as AlertReason;
      const messages: AlertMessage[] = new Array(messageCount);
      for (let k = 0; k < messageCount; k++) {
        if (c + 2 > codes.length) return undefined;
        const message: AlertMessage = { key: label(codes[c] as number) as AlertMessage['key'] };
        const paramCount = codes[c + 1] as number;
        c += 2;
        if (paramCount !== NO_PARAMS) {
          if (paramCount < 0) return undefined;
          const params: Record<string, string | number> = {};
          for (let p = 0; p < paramCount; p++) {
            const tagged = codes[c++] as number;
            const name = labels[tagged >> 2] as string;
            const kind = tagged & 3;
            if (kind === PARAM_FIGURE) {
              if (f >= figures.length) return undefined;
              params[name] = figures[f++] as number;
            } else {
              if (c >= codes.length) return undefined;
              const value = codes[c++] as number;
              params[name] = kind === PARAM_STRING ? (labels[value] as string) : value;
            }
          }
          message.params = params;
        }
        messages[k] = message;
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
      const flags = codes[rc + 7] as number;
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
        snoozedUntil: orNull(figures[rf] as number),
        poolName: poolNames.get(row) ?? null,
        available: orNull(figures[rf + 1] as number),
        inTransit: figures[rf + 2] as number,
        perDay: orNull(figures[rf + 3] as number),
        daysOfCover: orNull(figures[rf + 4] as number),
        stockOutDay: label(codes[rc + 3] as number),
        method: label(codes[rc + 4] as number),
        reorderBy: label(codes[rc + 5] as number),
        late: (flags & 2) !== 0,
        methods,
        suggested: orNull(figures[rf + 5] as number),
        capApplied: (flags & 4) !== 0,
        amazonSuggested: orNull(figures[rf + 6] as number),
        amazonShipDate: label(codes[rc + 6] as number),
        reasons,
        messages,
        link: links.has(row) ? (links.get(row) as string | null) : inventoryLink(marketplace, sku),
        urgency: figures[rf + 7] as number,
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
