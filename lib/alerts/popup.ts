import * as z from 'zod/mini';
import type { AlertsKey } from '../i18n/catalog/alerts';
import type { Translate } from '../i18n/core';
import { SELLER_CENTRAL_HOSTS } from '../marketplaces';
import { ChannelSchema } from '../model/listing';
import type { CalendarEvent } from '../settings/schema';
import { POOL_MARKETPLACE } from './pool';
import {
  type Alert,
  type AlertMessage,
  type AlertReason,
  AlertReasonSchema,
  AlertStateSchema,
  type MethodPlan,
  MethodPlanSchema,
} from './types';

/**
 * The popup's low-stock list: SKUs needing attention, grouped by product (ASIN), most urgent first, with
 * every figure the popup shows and a CSV of the same rows. Rows are plain data (a zod schema, so the
 * popup can parse them if the background sends them); the popup only formats and lays them out.
 */

const count = z.int().check(z.minimum(0));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const MessageSchema = z.object({
  key: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

export const PopupRowSchema = z.object({
  key: z.string(),
  sku: z.string(),
  asin: z.nullable(z.string()),
  title: z.nullable(z.string()),
  /** The SKU's marketplace, or 'EU' for a Pan-European pool (see marketplaces). */
  marketplace: z.string(),
  /** The marketplaces the row stands for: one, or a pool's members. */
  marketplaces: z.array(z.string()),
  channel: ChannelSchema,
  state: AlertStateSchema,
  snoozed: z.boolean(),
  /** Epoch ms, for "snoozed until …" (alerts.reason.snoozed) formatted in the seller's zone. */
  snoozedUntil: z.nullable(z.number()),
  /** "Pan-European pool (n marketplaces)" for a pool row, null otherwise. */
  poolName: z.nullable(MessageSchema),
  available: z.nullable(count),
  inTransit: count,
  perDay: z.nullable(z.number()),
  daysOfCover: z.nullable(z.number()),
  stockOutDay: z.nullable(day),
  /** The recommended method's name and its reorder-by date. */
  method: z.nullable(z.string()),
  reorderBy: z.nullable(day),
  late: z.boolean(),
  methods: z.array(MethodPlanSchema),
  suggested: z.nullable(count),
  capApplied: z.boolean(),
  amazonSuggested: z.nullable(count),
  amazonShipDate: z.nullable(day),
  reasons: z.array(AlertReasonSchema),
  /** Why it is listed, as catalog messages in reading order. */
  messages: z.array(MessageSchema),
  /** Manage Inventory filtered to this SKU, on the marketplace's own Seller Central host. */
  link: z.nullable(z.string()),
  urgency: z.number(),
});
export type PopupRow = Omit<z.infer<typeof PopupRowSchema>, 'messages' | 'poolName'> & {
  messages: AlertMessage[];
  poolName: AlertMessage | null;
};

export const PopupGroupSchema = z.object({
  asin: z.nullable(z.string()),
  title: z.nullable(z.string()),
  urgency: z.number(),
  rows: z.array(PopupRowSchema),
});
export type PopupGroup = Omit<z.infer<typeof PopupGroupSchema>, 'rows'> & { rows: PopupRow[] };

/** Country host per marketplace: the first host the table gives for it (never the shared EU or JP one). */
const HOST_BY_MARKETPLACE = (() => {
  const hosts = new Map<string, string>();
  for (const [host, code] of Object.entries(SELLER_CENTRAL_HOSTS)) {
    if (code && host.startsWith('sellercentral.') && !hosts.has(code)) hosts.set(code, host);
  }
  return hosts;
})();

/**
 * Manage Inventory searched for one SKU: https://<host>/myinventory/inventory?searchField=sku&searchTerm=<sku>.
 * The host is the marketplace's own country host (sellercentral.amazon.de, not sellercentral-europe),
 * which opens the right marketplace; null for a marketplace without one.
 */
export function inventoryLink(marketplace: string, sku: string): string | null {
  const upper = marketplace.toUpperCase();
  const host = HOST_BY_MARKETPLACE.get(upper === 'GB' ? 'UK' : upper);
  if (!host) return null;
  return `https://${host}/myinventory/inventory?searchField=sku&searchTerm=${encodeURIComponent(sku)}`;
}

/**
 * What a row's "why it is listed" messages are made of: the row's own fields and a few of its alert's
 * (list-pack.ts stores these instead of the messages and makes them again when it reads the list).
 */
export interface MessageFacts {
  reasons: readonly AlertReason[];
  methods: readonly MethodPlan[];
  stockOutDay: string | null;
  available: number | null;
  daysOfCover: number | null;
  /** The recommended method's name, reorder-by date and lateness (null, null, false without one). */
  method: string | null;
  reorderBy: string | null;
  late: boolean;
  /** The SKU's thresholds (alert.thresholds), named by the below-units and below-days messages. */
  units: number;
  days: number;
  /** The fee note's days of supply, rounded to a tenth (feeDays); null without a note or a figure. */
  dos30: number | null;
  dos90: number | null;
}

/** A fee note's days of supply as its message shows it: one decimal. */
export const feeDays = (dos: number | null | undefined): number | null =>
  dos === null || dos === undefined ? null : Math.round(dos * 10) / 10;

/** Why the SKU is listed, as catalog messages: state reasons first, then notes. */
export function messagesFrom(facts: MessageFacts): AlertMessage[] {
  const messages: AlertMessage[] = [];
  if (facts.reasons.length === 0) return messages;
  // The first method of the shortest lead time.
  let fastest: MethodPlan | null = null;
  for (const m of facts.methods) if (fastest === null || m.leadDays < fastest.leadDays) fastest = m;
  for (const reason of facts.reasons) {
    switch (reason) {
      case 'out-of-stock':
        messages.push({ key: 'alerts.reason.out-of-stock' });
        break;
      case 'runs-out-before-arrival':
        if (fastest && facts.stockOutDay) {
          messages.push({
            key: 'alerts.reason.runs-out-before-arrival',
            params: { stockOut: facts.stockOutDay, method: fastest.name, arrives: fastest.arrivesBy },
          });
        }
        break;
      case 'below-units':
        messages.push({
          key: 'alerts.reason.below-units',
          params: { available: facts.available ?? 0, threshold: facts.units },
        });
        break;
      case 'below-days':
        messages.push({
          key: 'alerts.reason.below-days',
          params: { days: Math.floor(facts.daysOfCover ?? 0), threshold: facts.days },
        });
        break;
      case 'reorder-due':
        if (facts.reorderBy) {
          messages.push({
            key: facts.late ? 'alerts.reason.reorder-late' : 'alerts.reason.reorder-due',
            params: { method: facts.method as string, date: facts.reorderBy },
          });
        }
        break;
      case 'fee-risk':
        if (facts.dos30 !== null && facts.dos90 !== null) {
          messages.push({ key: 'alerts.reason.fee-risk', params: { dos30: facts.dos30, dos90: facts.dos90 } });
        }
        break;
      case 'confidence-low':
        messages.push({ key: 'alerts.reason.confidence-low' });
        break;
    }
  }
  return messages;
}

/**
 * What moved a method's reorder-by date, for the line under it: a demand event's cut-off, a factory
 * closure paid for or ordered ahead of, and whether the date has passed. Event names come from the
 * seller's calendar (settings.events), as the seller typed them.
 */
export function methodNotes(plan: MethodPlan, events: readonly CalendarEvent[]): AlertMessage[] {
  const notes: AlertMessage[] = [];
  const named = (id: string | null) => events.find((e) => e.id === id);
  const demand = named(plan.eventId);
  if (plan.constraint === 'cut-off' && demand?.inboundCutoff) {
    notes.push({ key: 'alerts.method.cutOff', params: { event: demand.name, date: demand.inboundCutoff } });
  }
  const supply = named(plan.supplyEventId);
  if (supply) {
    notes.push(
      plan.supplyDelayDays > 0
        ? { key: 'alerts.method.supplyDelay', params: { event: supply.name, days: plan.supplyDelayDays } }
        : { key: 'alerts.method.supplyAhead', params: { event: supply.name } },
    );
  }
  if (plan.late) notes.push({ key: 'alerts.method.late' });
  return notes;
}

/** Notes beside the suggested quantity: Amazon's own recommendation, and the capacity cap. */
export function suggestionNotes(alert: Alert): AlertMessage[] {
  const notes: AlertMessage[] = [];
  const amazon = alert.amazon;
  if (amazon?.quantity !== null && amazon?.quantity !== undefined) {
    notes.push(
      amazon.shipDate
        ? { key: 'alerts.amazon.suggestion', params: { quantity: amazon.quantity, date: amazon.shipDate } }
        : { key: 'alerts.amazon.quantityOnly', params: { quantity: amazon.quantity } },
    );
  }
  if (alert.suggestion?.capApplied) {
    notes.push({ key: 'alerts.capacity.applied', params: { needed: alert.suggestion.beforeCap } });
  }
  return notes;
}

/** A row lists when the SKU needs attention: a state other than ok, or a note (fee risk, reorder due). */
function listed(alert: Alert, includeOk: boolean): boolean {
  if (alert.backupOf !== undefined) return false;
  return includeOk || alert.state !== 'ok' || alert.reasons.length > 0;
}

export function popupRow(alert: Alert): PopupRow {
  const recommended = alert.methods.find((m) => m.methodId === alert.recommendedMethod) ?? null;
  const members = alert.pool?.members ?? [];
  const linkMarketplace = alert.marketplace === POOL_MARKETPLACE ? members[0]?.marketplace : alert.marketplace;
  const linkSku = alert.marketplace === POOL_MARKETPLACE ? members[0]?.sku : alert.sku;
  const row: Omit<PopupRow, 'messages'> = {
    key: alert.key,
    sku: alert.sku,
    asin: alert.asin ?? null,
    title: alert.title ?? null,
    marketplace: alert.marketplace,
    marketplaces: members.length > 0 ? members.map((m) => m.marketplace) : [alert.marketplace],
    channel: alert.channel,
    state: alert.state,
    snoozed: alert.snoozed,
    snoozedUntil: alert.snoozedUntil,
    poolName: members.length > 0 ? { key: 'alerts.pool.name', params: { count: members.length } } : null,
    available: alert.available,
    inTransit: alert.inTransit,
    perDay: alert.perDay,
    daysOfCover: alert.daysOfCover,
    stockOutDay: alert.stockOutDay,
    method: recommended?.name ?? null,
    reorderBy: recommended?.reorderBy ?? null,
    late: recommended?.late ?? false,
    methods: alert.methods,
    suggested: alert.suggestion?.quantity ?? null,
    capApplied: alert.suggestion?.capApplied ?? false,
    amazonSuggested: alert.amazon?.quantity ?? null,
    amazonShipDate: alert.amazon?.shipDate ?? null,
    reasons: alert.reasons,
    link: linkMarketplace && linkSku ? inventoryLink(linkMarketplace, linkSku) : null,
    urgency: alert.urgency,
  };
  const messages = messagesFrom({
    ...row,
    units: alert.thresholds.units,
    days: alert.thresholds.days,
    dos30: feeDays(alert.fee?.dos30),
    dos90: feeDays(alert.fee?.dos90),
  });
  return { ...row, messages };
}

/** One product of the list, its alerts in list order: what popupGroups shows, before the rows are built. */
export interface AlertGroup {
  asin: string | null;
  title: string | null;
  urgency: number;
  alerts: Alert[];
}

/**
 * String order as `a.localeCompare(b)` gives it (ECMA-402: localeCompare without locales or options is
 * this collator's compare), the collator made once. Asked only when urgencies tie.
 */
let collator: Intl.Collator | undefined;
function localeOrder(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

/** Snoozed rows last, then the most urgent, then by key: groupByProduct's order with snoozed rows moved down. */
function rowOrder(a: Alert, b: Alert): number {
  return Number(a.snoozed) - Number(b.snoozed) || b.urgency - a.urgency || localeOrder(a.key, b.key);
}

/** The title groupByProduct gives a group: the first one in its order (most urgent, then by key). */
function titleOf(alerts: readonly Alert[]): string | null {
  let best: Alert | undefined;
  for (const a of alerts) {
    if (a.title === undefined) continue;
    if (
      best === undefined ||
      a.urgency > best.urgency ||
      (a.urgency === best.urgency && localeOrder(a.key, best.key) < 0)
    ) {
      best = a;
    }
  }
  return best?.title ?? null;
}

/**
 * The list's order: SKUs needing attention grouped by ASIN, the most urgent group first and the most
 * urgent SKU first within it; snoozed SKUs after the others (a group of snoozed SKUs only, after every
 * other group). Rows are not built here: the background packs them straight from the alerts
 * (list-pack.ts packAlertGroups) and builds row objects only for the popup's first screen.
 *
 * The order is groupByProduct's (ties by key and ASIN in the collator's order) re-sorted by snooze and
 * by the urgency of the rows not snoozed, worked out in one pass: every alarm groups a few thousand
 * rows, nearly all alone in their group, and two passes of sorting cost more than the grouping. Each
 * sort compares its keys in the order the two stable sorts gave them, so the result is the same.
 */
export function alertGroups(alerts: readonly Alert[], options: { includeOk?: boolean } = {}): AlertGroup[] {
  const includeOk = options.includeOk ?? false;
  // By ASIN, or by key for a SKU without one; `groups` keeps the order they were first met in.
  const byAsin = new Map<string, number>();
  const byKey = new Map<string, number>();
  const groups: AlertGroup[] = [];
  /** Per group: the highest urgency of any row, snoozed or not (groupByProduct's group urgency). */
  const top: number[] = [];
  /** Per group: whether a row is snoozed (its title then comes from groupByProduct's order). */
  const snoozed: boolean[] = [];
  for (const alert of alerts) {
    if (!listed(alert, includeOk)) continue;
    const asin = alert.asin;
    const map = asin ? byAsin : byKey;
    const id = asin ? asin : alert.key;
    let g = map.get(id);
    let group: AlertGroup;
    if (g === undefined) {
      g = groups.length;
      map.set(id, g);
      // Urgencies are never negative: -1 only when every row is snoozed.
      group = { asin: asin ?? null, title: null, urgency: -1, alerts: [alert] };
      groups.push(group);
      top.push(alert.urgency);
      snoozed.push(alert.snoozed);
    } else {
      group = groups[g] as AlertGroup;
      group.alerts.push(alert);
      top[g] = Math.max(top[g] as number, alert.urgency);
      if (alert.snoozed) snoozed[g] = true;
    }
    if (!alert.snoozed && alert.urgency > group.urgency) group.urgency = alert.urgency;
  }
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as AlertGroup;
    const rows = group.alerts;
    if (rows.length === 1) {
      group.title = (rows[0] as Alert).title ?? null;
      continue;
    }
    rows.sort(rowOrder);
    if (snoozed[g]) group.title = titleOf(rows);
    else {
      for (const row of rows) {
        if (row.title === undefined) continue;
        group.title = row.title;
        break;
      }
    }
  }
  const count = groups.length;
  const live = new Float64Array(count);
  for (let g = 0; g < count; g++) live[g] = (groups[g] as AlertGroup).urgency;
  const order = stableOrder(count, (a, b) => {
    return (
      (live[b] as number) - (live[a] as number) ||
      (top[b] as number) - (top[a] as number) ||
      localeOrder((groups[a] as AlertGroup).asin ?? '', (groups[b] as AlertGroup).asin ?? '')
    );
  });
  const sorted = new Array<AlertGroup>(count);
  for (let i = 0; i < count; i++) sorted[i] = groups[order[i] as number] as AlertGroup;
  return sorted;
}

/** Runs this short are sorted by insertion before merging. */
const INSERTION_RUN = 12;

/**
 * The indices 0 … count − 1 in the order `compare` gives, ties in index order: what a stable
 * Array.prototype.sort gives, by a merge sort the engine compiles with the comparison inlined rather
 * than calling it from the built-in sort some twenty thousand times.
 */
function stableOrder(count: number, compare: (a: number, b: number) => number): Uint32Array {
  let from = new Uint32Array(count);
  let to = new Uint32Array(count);
  for (let i = 0; i < count; i++) from[i] = i;
  for (let start = 0; start < count; start += INSERTION_RUN) {
    const end = Math.min(count, start + INSERTION_RUN);
    for (let i = start + 1; i < end; i++) {
      const item = from[i] as number;
      let j = i - 1;
      while (j >= start && compare(from[j] as number, item) > 0) {
        from[j + 1] = from[j] as number;
        j--;
      }
      from[j + 1] = item;
    }
  }
  for (let width = INSERTION_RUN; width < count; width *= 2) {
    for (let left = 0; left < count; left += 2 * width) {
      const middle = Math.min(count, left + width);
      const right = Math.min(count, left + 2 * width);
      let i = left;
      let j = middle;
      let k = left;
      while (i < middle && j < right) {
        // Equal: the left run's first, as a stable sort keeps it.
        if (compare(from[j] as number, from[i] as number) < 0) to[k++] = from[j++] as number;
        else to[k++] = from[i++] as number;
      }
      while (i < middle) to[k++] = from[i++] as number;
      while (j < right) to[k++] = from[j++] as number;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}

/**
 * The groups' first `limit` rows, the last group cut inside when need be (`cut` makes the shorter
 * group), with whether that is all of them: the popup's first screen, of alerts or of rows.
 */
export function firstOfGroups<G, R>(
  groups: readonly G[],
  limit: number,
  rowsOf: (group: G) => readonly R[],
  cut: (group: G, rows: R[]) => G,
): { groups: G[]; complete: boolean } {
  const out: G[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) return { groups: out, complete: false };
    const rows = rowsOf(group);
    if (rows.length <= left) {
      out.push(group);
      left -= rows.length;
    } else {
      out.push(cut(group, rows.slice(0, left)));
      return { groups: out, complete: false };
    }
  }
  return { groups: out, complete: true };
}

/** The groups, or only their first `limit` rows (cut inside a group, as firstRows). */
export function firstAlertGroups(
  groups: readonly AlertGroup[],
  limit = Number.POSITIVE_INFINITY,
): { groups: AlertGroup[]; complete: boolean } {
  return firstOfGroups(
    groups,
    limit,
    (group) => group.alerts,
    (group, alerts) => ({ ...group, alerts }),
  );
}

/** The groups with their rows built, or only their first `limit` rows (cut inside a group, as firstRows). */
export function popupGroupsOf(
  groups: readonly AlertGroup[],
  limit = Number.POSITIVE_INFINITY,
): { groups: PopupGroup[]; complete: boolean } {
  const first = firstAlertGroups(groups, limit);
  const out: PopupGroup[] = first.groups.map((group) => ({
    asin: group.asin,
    title: group.title,
    urgency: group.urgency,
    rows: group.alerts.map(popupRow),
  }));
  return { groups: out, complete: first.complete };
}

/**
 * The list: SKUs needing attention grouped by ASIN, the most urgent group first and the most urgent SKU
 * first within it; snoozed SKUs after the others (a group of snoozed SKUs only, after every other group).
 */
export function popupGroups(alerts: readonly Alert[], options: { includeOk?: boolean } = {}): PopupGroup[] {
  return popupGroupsOf(alertGroups(alerts, options)).groups;
}

/** CSV columns, in order, with the catalog key of each header. */
export const POPUP_CSV_COLUMNS = [
  ['state', 'alerts.column.state'],
  ['asin', 'alerts.column.asin'],
  ['sku', 'alerts.column.sku'],
  ['title', 'alerts.column.title'],
  ['marketplace', 'alerts.column.marketplace'],
  ['channel', 'alerts.column.channel'],
  ['available', 'alerts.column.available'],
  ['inTransit', 'alerts.column.inTransit'],
  ['perDay', 'alerts.column.perDay'],
  ['daysOfCover', 'alerts.column.daysOfCover'],
  ['stockOutDay', 'alerts.column.stockOutDay'],
  ['method', 'alerts.column.method'],
  ['reorderBy', 'alerts.column.reorderBy'],
  ['suggested', 'alerts.column.suggested'],
  ['amazonSuggested', 'alerts.column.amazonSuggested'],
  ['amazonShipDate', 'alerts.column.amazonShipDate'],
  ['reasons', 'alerts.column.reasons'],
  ['link', 'alerts.column.link'],
] as const satisfies readonly (readonly [string, AlertsKey])[];

function plain(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '';
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/**
 * One CSV row's cells, in POPUP_CSV_COLUMNS order. Numbers are plain dot decimals and dates ISO, so a
 * spreadsheet reads them as numbers and dates whatever its locale; state and reasons are in the
 * seller's language.
 */
export function csvCells(row: PopupRow, t: Translate<AlertsKey>): string[] {
  const reasons = row.messages.map((m) => t(m.key, m.params)).join('; ');
  const values: Record<(typeof POPUP_CSV_COLUMNS)[number][0], string> = {
    state: t(`alerts.state.${row.state}`),
    asin: row.asin ?? '',
    sku: row.sku,
    title: row.title ?? '',
    marketplace: row.marketplaces.join(' '),
    channel: row.channel === 'fba' ? 'FBA' : 'FBM',
    available: plain(row.available, 0),
    inTransit: plain(row.inTransit, 0),
    perDay: plain(row.perDay, 2),
    daysOfCover: plain(row.daysOfCover === null ? null : Math.floor(row.daysOfCover), 0),
    stockOutDay: row.stockOutDay ?? '',
    method: row.method ?? '',
    reorderBy: row.reorderBy ?? '',
    suggested: plain(row.suggested, 0),
    amazonSuggested: plain(row.amazonSuggested, 0),
    amazonShipDate: row.amazonShipDate ?? '',
    reasons,
    link: row.link ?? '',
  };
  return POPUP_CSV_COLUMNS.map(([id]) => values[id]);
}

/**
 * A cell a spreadsheet would run as a formula (= + - @ at the start, as a title or SKU may begin) is
 * prefixed with an apostrophe; numbers, including negative ones, are left alone.
 */
function csvField(cell: string): string {
  const guarded = /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * The whole list as CSV text: a BOM (Excel opens UTF-8 Chinese text correctly only with one), a header
 * row in the seller's language, then every row of every group in list order, CRLF line ends.
 */
export function popupCsv(groups: readonly PopupGroup[], t: Translate<AlertsKey>): string {
  const lines = [POPUP_CSV_COLUMNS.map(([, key]) => csvField(t(key))).join(',')];
  for (const group of groups) for (const row of group.rows) lines.push(csvCells(row, t).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
