import { POOL_MARKETPLACE } from './pool';
import type { AlertGroup, PopupGroup, PopupRow } from './popup';
import { inventoryLink, reasonMessages } from './popup';
import type { AlertMessage, AlertReason, MethodPlan } from './types';

/**
 * The popup's whole low-stock list as the store keeps it: columns instead of tens of thousands of
 * objects.
 *
 * Every evaluation writes the list again (days of cover moves with the clock), and a few thousand rows
 * of a dozen nested objects each cost IndexedDB's structured clone more than the evaluation itself
 * (about 100 ms for 2,300 rows). Here every figure is one slot of a Float64Array and every string,
 * array and message one entry of a single JSON array, so writing and reading the record are a few large
 * copies. Decoding gives back the very groups that were packed (the unit test holds that).
 *
 * Conventions: a null number is NaN (no row figure is NaN: they are finite or null); booleans are 0/1.
 * Strings that repeat from row to row (marketplaces, states, method names, dates) are stored once in
 * `labels` and pointed to from `numbers` (-1 for null). A row's ASIN and title are SAME when they are
 * its group's, and its link when it is the one inventoryLink gives for its marketplace and SKU.
 */

export const LIST_PACK_VERSION = 1;

export interface PackedList {
  version: number;
  groups: number;
  rows: number;
  /** Per group: asin, title; per row: ROW_VALUES values. One JSON array. */
  values: string;
  /** The repeated strings `numbers` points into. */
  labels: string[];
  /** Per group: urgency, row count; per row: ROW_NUMBERS; per method: METHOD_NUMBERS. */
  numbers: Float64Array;
}

const GROUP_VALUES = 2;
const GROUP_NUMBERS = 2;
const ROW_VALUES = 8;
const ROW_NUMBERS = 19;
const METHOD_NUMBERS = 10;
/** In `values`: the row's field is its group's (ASIN, title) or the derived link. */
const SAME = 0;

const num = (value: number | null): number => (value === null ? Number.NaN : value);
const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

export function packList(groups: readonly PopupGroup[]): PackedList {
  const values: unknown[] = [];
  const numbers: number[] = [];
  const labels: string[] = [];
  const codes = new Map<string, number>();
  const label = (text: string | null): number => {
    if (text === null) return -1;
    let code = codes.get(text);
    if (code === undefined) {
      code = labels.length;
      labels.push(text);
      codes.set(text, code);
    }
    return code;
  };
  let rows = 0;
  for (const group of groups) {
    values.push(group.asin, group.title);
    numbers.push(group.urgency, group.rows.length);
    for (const row of group.rows) {
      rows++;
      const single = row.marketplaces.length === 1 && row.marketplaces[0] === row.marketplace;
      values.push(
        row.key,
        row.sku,
        row.asin === group.asin ? SAME : row.asin,
        row.title === group.title ? SAME : row.title,
        // The usual row stands for its own marketplace only: nothing to store.
        single ? null : row.marketplaces,
        row.poolName,
        row.link === inventoryLink(row.marketplace, row.sku) ? SAME : row.link,
        [row.reasons, row.messages],
      );
      numbers.push(
        label(row.marketplace),
        label(row.channel),
        label(row.state),
        label(row.stockOutDay),
        label(row.method),
        label(row.reorderBy),
        label(row.amazonShipDate),
        row.snoozed ? 1 : 0,
        num(row.snoozedUntil),
        num(row.available),
        row.inTransit,
        num(row.perDay),
        num(row.daysOfCover),
        row.late ? 1 : 0,
        num(row.suggested),
        row.capApplied ? 1 : 0,
        num(row.amazonSuggested),
        row.urgency,
        row.methods.length,
      );
      for (const m of row.methods) {
        numbers.push(
          label(m.methodId),
          label(m.name),
          m.leadDays,
          label(m.arrivesBy),
          label(m.reorderBy),
          m.late ? 1 : 0,
          label(m.constraint),
          label(m.eventId),
          m.supplyDelayDays,
          label(m.supplyEventId),
        );
      }
    }
  }
  return {
    version: LIST_PACK_VERSION,
    groups: groups.length,
    rows,
    values: JSON.stringify(values),
    labels,
    numbers: Float64Array.from(numbers),
  };
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
 * does not show, and fills one Float64Array of the right size instead of growing a list of numbers.
 * The unit test holds the two equal.
 */
export function packAlertGroups(groups: readonly AlertGroup[]): PackedAlerts {
  let rows = 0;
  let size = groups.length * GROUP_NUMBERS;
  for (const group of groups) {
    rows += group.alerts.length;
    for (const alert of group.alerts) size += ROW_NUMBERS + alert.methods.length * METHOD_NUMBERS;
  }
  const values: unknown[] = new Array(groups.length * GROUP_VALUES + rows * ROW_VALUES);
  const numbers = new Float64Array(size);
  const labels: string[] = [];
  const codes = new Map<string, number>();
  const label = (text: string | null | undefined): number => {
    if (text === null || text === undefined) return -1;
    let code = codes.get(text);
    if (code === undefined) {
      code = labels.length;
      labels.push(text);
      codes.set(text, code);
    }
    return code;
  };
  const seen = new Set<string>();
  let v = 0;
  let n = 0;
  for (const group of groups) {
    values[v++] = group.asin;
    values[v++] = group.title;
    numbers[n++] = group.urgency;
    numbers[n++] = group.alerts.length;
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
      const ownLink = !isPool && !!linkMarketplace && !!linkSku;
      const link = ownLink
        ? SAME
        : (() => {
            const made = linkMarketplace && linkSku ? inventoryLink(linkMarketplace, linkSku) : null;
            return made === inventoryLink(alert.marketplace, alert.sku) ? SAME : made;
          })();
      const asin = alert.asin ?? null;
      const title = alert.title ?? null;
      values[v++] = alert.key;
      values[v++] = alert.sku;
      values[v++] = asin === group.asin ? SAME : asin;
      values[v++] = title === group.title ? SAME : title;
      values[v++] = marketplaces;
      values[v++] = pooled ? { key: 'alerts.pool.name', params: { count: members.length } } : null;
      values[v++] = link;
      values[v++] = [alert.reasons, reasonMessages(alert)];

      let recommended: MethodPlan | null = null;
      for (const m of alert.methods) {
        if (m.methodId === alert.recommendedMethod) {
          recommended = m;
          break;
        }
      }
      numbers[n] = label(alert.marketplace);
      numbers[n + 1] = label(alert.channel);
      numbers[n + 2] = label(alert.state);
      numbers[n + 3] = label(alert.stockOutDay);
      numbers[n + 4] = label(recommended?.name);
      numbers[n + 5] = label(recommended?.reorderBy);
      numbers[n + 6] = label(alert.amazon?.shipDate);
      numbers[n + 7] = alert.snoozed ? 1 : 0;
      numbers[n + 8] = num(alert.snoozedUntil);
      numbers[n + 9] = num(alert.available);
      numbers[n + 10] = alert.inTransit;
      numbers[n + 11] = num(alert.perDay);
      numbers[n + 12] = num(alert.daysOfCover);
      numbers[n + 13] = recommended?.late ? 1 : 0;
      numbers[n + 14] = num(alert.suggestion?.quantity ?? null);
      numbers[n + 15] = alert.suggestion?.capApplied ? 1 : 0;
      numbers[n + 16] = num(alert.amazon?.quantity ?? null);
      numbers[n + 17] = alert.urgency;
      numbers[n + 18] = alert.methods.length;
      n += ROW_NUMBERS;
      for (const m of alert.methods) {
        numbers[n] = label(m.methodId);
        numbers[n + 1] = label(m.name);
        numbers[n + 2] = m.leadDays;
        numbers[n + 3] = label(m.arrivesBy);
        numbers[n + 4] = label(m.reorderBy);
        numbers[n + 5] = m.late ? 1 : 0;
        numbers[n + 6] = label(m.constraint);
        numbers[n + 7] = label(m.eventId);
        numbers[n + 8] = m.supplyDelayDays;
        numbers[n + 9] = label(m.supplyEventId);
        n += METHOD_NUMBERS;
      }
    }
  }
  return {
    packed: {
      version: LIST_PACK_VERSION,
      groups: groups.length,
      rows,
      values: JSON.stringify(values),
      labels,
      numbers,
    },
    total: rows,
    marketplaces: [...seen].sort(),
  };
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
  const { labels, numbers } = packed;
  if (typeof packed.values !== 'string' || !(numbers instanceof Float64Array) || !Array.isArray(labels))
    return undefined;
  let values: unknown[];
  try {
    values = JSON.parse(packed.values);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values)) return undefined;
  const text = (code: number): string | null => (code === -1 ? null : (labels[code] as string));
  let v = 0;
  let n = 0;
  let left = limit;
  let cut = false;
  const groups: PopupGroup[] = [];
  for (let g = 0; g < packed.groups; g++) {
    if (left <= 0) {
      cut = true;
      break;
    }
    if (v + GROUP_VALUES > values.length || n + GROUP_NUMBERS > numbers.length) return undefined;
    const group: PopupGroup = {
      asin: values[v] as string | null,
      title: values[v + 1] as string | null,
      urgency: numbers[n] as number,
      rows: [],
    };
    const count = numbers[n + 1] as number;
    if (!(count >= 0 && Number.isInteger(count))) return undefined;
    v += GROUP_VALUES;
    n += GROUP_NUMBERS;
    for (let r = 0; r < count; r++) {
      if (left <= 0) {
        cut = true;
        break;
      }
      if (v + ROW_VALUES > values.length || n + ROW_NUMBERS > numbers.length) return undefined;
      const methodCount = numbers[n + 18] as number;
      const rv = v;
      const rn = n;
      v += ROW_VALUES;
      n += ROW_NUMBERS;
      if (!(methodCount >= 0 && Number.isInteger(methodCount)) || n + methodCount * METHOD_NUMBERS > numbers.length)
        return undefined;
      const methods: MethodPlan[] = new Array(methodCount);
      for (let m = 0; m < methodCount; m++) {
        methods[m] = {
          methodId: text(numbers[n] as number) as string,
          name: text(numbers[n + 1] as number) as string,
          leadDays: numbers[n + 2] as number,
          arrivesBy: text(numbers[n + 3] as number) as string,
          reorderBy: text(numbers[n + 4] as number),
          late: numbers[n + 5] === 1,
          constraint: text(numbers[n + 6] as number) as MethodPlan['constraint'],
          eventId: text(numbers[n + 7] as number),
          supplyDelayDays: numbers[n + 8] as number,
          supplyEventId: text(numbers[n + 9] as number),
        };
        n += METHOD_NUMBERS;
      }
      left--;
      const marketplace = text(numbers[rn] as number) as string;
      const sku = values[rv + 1] as string;
      const asin = values[rv + 2];
      const title = values[rv + 3];
      const link = values[rv + 6];
      const why = values[rv + 7];
      if (!Array.isArray(why) || !Array.isArray(why[0]) || !Array.isArray(why[1])) return undefined;
      const [reasons, messages] = why as [AlertReason[], AlertMessage[]];
      group.rows.push({
        key: values[rv] as string,
        sku,
        asin: asin === SAME ? group.asin : (asin as string | null),
        title: title === SAME ? group.title : (title as string | null),
        marketplace,
        marketplaces: (values[rv + 4] as string[] | null) ?? [marketplace],
        channel: text(numbers[rn + 1] as number) as PopupRow['channel'],
        state: text(numbers[rn + 2] as number) as PopupRow['state'],
        snoozed: numbers[rn + 7] === 1,
        snoozedUntil: orNull(numbers[rn + 8] as number),
        poolName: values[rv + 5] as AlertMessage | null,
        available: orNull(numbers[rn + 9] as number),
        inTransit: numbers[rn + 10] as number,
        perDay: orNull(numbers[rn + 11] as number),
        daysOfCover: orNull(numbers[rn + 12] as number),
        stockOutDay: text(numbers[rn + 3] as number),
        method: text(numbers[rn + 4] as number),
        reorderBy: text(numbers[rn + 5] as number),
        late: numbers[rn + 13] === 1,
        methods,
        suggested: orNull(numbers[rn + 14] as number),
        capApplied: numbers[rn + 15] === 1,
        amazonSuggested: orNull(numbers[rn + 16] as number),
        amazonShipDate: text(numbers[rn + 6] as number),
        reasons,
        messages,
        link: link === SAME ? inventoryLink(marketplace, sku) : (link as string | null),
        urgency: numbers[rn + 17] as number,
      });
    }
    groups.push(group);
  }
  // Only a whole record ends exactly where its columns do.
  if (!cut && (rowsIn(groups) !== packed.rows || v !== values.length || n !== numbers.length)) return undefined;
  return { groups, complete: !cut };
}

function rowsIn(groups: readonly PopupGroup[]): number {
  let count = 0;
  for (const group of groups) count += group.rows.length;
  return count;
}
