import { marketplaceByCode } from '../marketplaces';
import type { LeadTime, Settings } from '../settings/schema';
import type { DayKey } from '../time';
import { MAX_COVER_DAYS } from '../velocity/cover';
import {
  dayAt,
  dayOffsetAt,
  type MarketCalendar,
  marketCalendar,
  type ReorderDate,
  reorderDateInto,
  supplyDelay,
  timeToDemand,
  upliftDays,
} from './calendar';
import { feeNote, feeNotesByParent } from './fee';
import { type BackupLink, type PanEuPool, poolInputs } from './pool';
import { effectiveSigma, serviceZ } from './stats';
import {
  ALERT_REASONS,
  type Alert,
  type AlertInput,
  type AlertReason,
  type AlertState,
  type FeeNote,
  type FeeSeries,
  type MethodPlan,
  STATE_RANK,
  type Suggestion,
} from './types';

/**
 * Threshold evaluation and reorder planning for one SKU, or for all of them at once.
 *
 * State, worst first:
 *   out       available is 0;
 *   critical  the projected stock-out comes before stock ordered today by the fastest method could be
 *             sellable (production + transit + receiving, closures included);
 *   low       available below the units threshold, or days of cover below the days threshold
 *             (per-SKU overrides in settings.thresholds.perSku over the defaults; a threshold of 0 is off);
 *   ok        otherwise.
 *
 * Days of cover here count demand events: stock worth T days at the plain rate (velocity's days of
 * cover, as of now) lasts until demand events included have used up T base-rate days (calendar.ts).
 *
 * Per shipping method: lead time L = production + the method's longest transit + receiving (the top
 * of the range, because SS = z·σ·√L assumes a fixed lead time, reference §6, and the date must hold
 * when the shipment is slow); reorder-by = stock-out − L − buffer, moved earlier by demand cut-offs and
 * factory closures (calendar.ts reorderDate). Per-SKU lead times (settings.leadTimePerSku) replace the
 * defaults field by field.
 *
 * Suggested quantity (order-up-to with a review period; reference §3 BigSeller, §6):
 *   Q = D(0, L) + D(L, L + R) + z·σ·√L − (available + inbound shipped + receiving [+ working])
 * where D is demand with event uplifts, L the recommended method's lead time, R the review period,
 * z from the service level (stats.ts), σ the daily demand σ over in-stock days (never below √rate);
 * rounded up, never below 0, and capped by the monthly restock capacity, which evaluateAll shares out
 * among all SKUs, most urgent first.
 */

export interface AlertOptions {
  /** Pan-European pools the seller marked (see pool.ts; proposed setting). */
  pools?: readonly PanEuPool[];
  /** Merchant-fulfilled backup SKUs (see pool.ts; proposed setting): never alerted on their own. */
  backups?: readonly BackupLink[];
  /** Add safety stock to the suggestion (default true). */
  safetyStock?: boolean;
  /**
   * Fee notes computed beforehand (feeNotesByParent over the same inputs, or stored from an earlier run),
   * by input key. Amazon updates the figure weekly, so the background can compute it once a day and skip
   * reading every SKU's 90-day series on each alarm. Absent: computed from the inputs' series.
   */
  feeNotes?: ReadonlyMap<string, FeeNote>;
  /**
   * 'all' (default): every alert carries its per-method plans. 'attention': only alerts the popup lists
   * (a state other than ok, or a note) do; the others keep their recommended method, its reorder-by
   * date and the suggestion. An alarm needs no plans for thousands of healthy SKUs, and building them
   * is about a third of the memory an evaluation leaves behind.
   */
  plans?: 'all' | 'attention';
}

interface ResolvedMethod {
  id: string;
  name: string;
  transitDays: number;
}

interface ResolvedLead {
  productionDays: number;
  receivingDays: number;
  bufferDays: number;
  methods: ResolvedMethod[];
  /** Method indices, slowest first (every method shares production, receiving and closures). */
  slowestFirst: number[];
}

type LeadOverride = Settings['leadTimePerSku'][string];
type ThresholdOverride = Settings['thresholds']['perSku'][string];

interface Context {
  settings: Settings;
  now: number;
  z: number;
  safety: boolean;
  allPlans: boolean;
  includeWorking: boolean;
  defaultLead: ResolvedLead;
  /** Resolved per-SKU lead times, by override (a pool's members may share one). */
  leads: Map<LeadOverride, ResolvedLead>;
  /** Per time zone and marketplace (a pool's marketplaces joined). */
  calendars: Map<string, Map<string, MarketCalendar>>;
  /** The last calendar used and what it was for: the store hands SKUs over marketplace by marketplace. */
  last: { timeZone: string; marketplace: string; cal: MarketCalendar | null };
  /** MFN backup key → the FBA key it stands in for ('' when not named). */
  backups: Map<string, string>;
  /** The default thresholds, one object shared by every alert without an override (alerts are read-only data). */
  defaultThresholds: { units: number; days: number };
  /** settings.thresholds.perSku and settings.leadTimePerSku as maps: one hash lookup per SKU, not two. */
  thresholdOverrides: Map<string, ThresholdOverride>;
  leadOverrides: Map<string, LeadOverride>;
  /** Thresholds per override, one object shared by the SKUs (or pool members) that have it. */
  thresholdsByOverride: Map<ThresholdOverride, { units: number; days: number }>;
  /** Per calendar and lead time: what the methods give, by stock-out day (see MethodOutcome). */
  outcomes: Map<MarketCalendar, Map<ResolvedLead, OutcomeTable>>;
  /** The last table used: SKUs come marketplace by marketplace, nearly all with the default lead time. */
  lastOutcomes: OutcomeTable | null;
}

/**
 * What the shipping methods give a SKU: it depends only on the calendar, the lead time and the
 * stock-out day, and thousands of SKUs of a marketplace share a few hundred stock-out days, so it is
 * worked out once per day and shared (with its plans) by every alert that has it. Shared output is
 * frozen: alerts are read-only data, and a caller that changed one would change them all.
 */
interface MethodOutcome {
  fastest: number;
  /** The method to plan by (index into the lead's methods), -1 without methods. */
  recommended: number;
  recommendedOffset: number | null;
  /** Lead time of the suggestion: the recommended method's, else production + receiving + closures. */
  suggestionLead: number;
  stockOutDay: DayKey | null;
  reorderBy: DayKey | null;
  /** Frozen, shared by the alerts that list them. */
  plans: readonly MethodPlan[];
}

interface OutcomeTable {
  cal: MarketCalendar;
  lead: ResolvedLead;
  /** Extra days a closure adds to an order placed today. */
  todayDelay: number;
  /** By stock-out day offset + 1; index 0 for no projected stock-out. */
  byStockOut: (MethodOutcome | undefined)[];
}

function resolveLead(lead: LeadTime, override: LeadOverride | undefined): ResolvedLead {
  const methods = lead.methods.map((m) => {
    const transit = override?.transit?.[m.id] ?? m;
    // A range typed the wrong way round still means "up to the larger".
    return { id: m.id, name: m.name, transitDays: Math.max(transit.minDays, transit.maxDays) };
  });
  return {
    productionDays: override?.productionDays ?? lead.productionDays,
    receivingDays: override?.receivingDays ?? lead.receivingDays,
    bufferDays: override?.bufferDays ?? lead.bufferDays,
    methods,
    slowestFirst: methods
      .map((_, i) => i)
      .sort((a, b) => (methods[b] as ResolvedMethod).transitDays - (methods[a] as ResolvedMethod).transitDays),
  };
}

function context(settings: Settings, now: number, options: AlertOptions): Context {
  const backups = new Map<string, string>();
  for (const link of options.backups ?? []) backups.set(link.mfnKey, link.fbaKey ?? '');
  return {
    settings,
    now,
    z: serviceZ(settings.serviceLevel),
    safety: options.safetyStock ?? true,
    allPlans: options.plans !== 'attention',
    includeWorking: settings.velocity.includeWorkingShipments,
    defaultLead: resolveLead(settings.leadTime, undefined),
    leads: new Map(),
    calendars: new Map(),
    last: { timeZone: '', marketplace: '', cal: null },
    backups,
    defaultThresholds: Object.freeze({
      units: settings.thresholds.lowStockUnits,
      days: settings.thresholds.lowStockDays,
    }),
    thresholdOverrides: new Map(Object.entries(settings.thresholds.perSku)),
    leadOverrides: new Map(Object.entries(settings.leadTimePerSku)),
    thresholdsByOverride: new Map(),
    outcomes: new Map(),
    lastOutcomes: null,
  };
}

/** The per-SKU setting that applies: the SKU's own, else (for a pool) its first member's that has one. */
function firstOverride<T>(overrides: Map<string, T>, input: AlertInput): T | undefined {
  if (overrides.size === 0) return undefined;
  const own = overrides.get(input.key);
  if (own !== undefined || !input.pool) return own;
  for (const m of input.pool.members) {
    const member = overrides.get(m.key);
    if (member !== undefined) return member;
  }
  return undefined;
}

function timeZoneOf(input: AlertInput): string {
  return input.velocity.timeZone || marketplaceByCode(input.marketplace)?.timeZone || 'UTC';
}

function calendarFor(ctx: Context, input: AlertInput): MarketCalendar {
  const timeZone = timeZoneOf(input);
  const last = ctx.last;
  if (last.cal !== null && !input.pool && last.marketplace === input.marketplace && last.timeZone === timeZone) {
    return last.cal;
  }
  let byMarketplace = ctx.calendars.get(timeZone);
  if (!byMarketplace) {
    byMarketplace = new Map();
    ctx.calendars.set(timeZone, byMarketplace);
  }
  const key = input.pool ? input.pool.members.map((m) => m.marketplace).join(',') : input.marketplace;
  let cal = byMarketplace.get(key);
  if (!cal) {
    const marketplaces = input.pool ? input.pool.members.map((m) => m.marketplace) : [input.marketplace];
    cal = marketCalendar(ctx.settings.events, marketplaces, timeZone, ctx.now);
    byMarketplace.set(key, cal);
  }
  if (!input.pool) {
    last.timeZone = timeZone;
    last.marketplace = input.marketplace;
    last.cal = cal;
  }
  return cal;
}

function nonNegativeOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function units(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Inbound that is on its way: shipped + receiving (+ working when counted), else the page's total. */
function inTransitOf(input: AlertInput, includeWorking: boolean): number {
  const hasParts =
    input.inboundShipped !== undefined || input.inboundReceiving !== undefined || input.inboundWorking !== undefined;
  if (hasParts) {
    return (
      units(input.inboundShipped) + units(input.inboundReceiving) + (includeWorking ? units(input.inboundWorking) : 0)
    );
  }
  if (input.inbound !== undefined) return units(input.inbound);
  return units(input.velocity.inboundCounted);
}

/**
 * Sort key: the integer part is the state (a selling SKU out of stock 3, critical 2, low 1, ok 0), the
 * fraction how pressing it is within the state (fewer days of cover, or for an out-of-stock SKU more
 * sales lost per day). A SKU out of stock that does not sell (a dormant listing) ranks below low stock.
 */
function urgencyOf(state: AlertState, selling: boolean, perDay: number | null, cover: number | null, notes: boolean) {
  const pressing = cover === null ? 0 : 0.999 / (1 + cover);
  if (state === 'out') return selling ? 3 + (0.999 * (perDay as number)) / (1 + (perDay as number)) : 0.5;
  if (state === 'ok') return notes ? 0.499 * pressing : 0;
  return STATE_RANK[state] + pressing;
}

/** One method's figures for the stock-out day being worked out, reused from day to day (not re-entrant). */
interface MethodWork {
  leadToday: number;
  date: ReorderDate;
}
const work: MethodWork[] = [];

function methodWork(i: number): MethodWork {
  let w = work[i];
  if (!w) {
    w = {
      leadToday: 0,
      date: { offset: 0, supplyDelay: 0, supplyEventId: null, constraint: 'stock-out', eventId: null },
    };
    work[i] = w;
  }
  return w;
}

/** The outcome table of a calendar and lead time (the last one used, else found or made). */
function outcomeTable(ctx: Context, cal: MarketCalendar, lead: ResolvedLead): OutcomeTable {
  const last = ctx.lastOutcomes;
  if (last !== null && last.cal === cal && last.lead === lead) return last;
  let byLead = ctx.outcomes.get(cal);
  if (!byLead) {
    byLead = new Map();
    ctx.outcomes.set(cal, byLead);
  }
  let table = byLead.get(lead);
  if (!table) {
    const todayDelay = cal.supply.length === 0 ? 0 : supplyDelay(cal, 0, lead.productionDays).days;
    table = { cal, lead, todayDelay, byStockOut: [] };
    byLead.set(lead, table);
  }
  ctx.lastOutcomes = table;
  return table;
}

function methodOutcome(table: OutcomeTable, stockOut: number | null): MethodOutcome {
  const slot = stockOut === null ? 0 : stockOut + 1;
  let outcome = table.byStockOut[slot];
  if (outcome === undefined) {
    outcome = workOutMethods(table, stockOut);
    table.byStockOut[slot] = outcome;
  }
  return outcome;
}

/** Per shipping method: lead time for an order placed today, and the last day to order. */
function workOutMethods(table: OutcomeTable, stockOut: number | null): MethodOutcome {
  const { cal, lead, todayDelay } = table;
  const production = lead.productionDays;
  const count = lead.methods.length;
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const m = lead.methods[i] as ResolvedMethod;
    const work = methodWork(i);
    const leadDays = production + m.transitDays + lead.receivingDays;
    work.leadToday = leadDays + todayDelay;
    fastest = Math.min(fastest, work.leadToday);
    if (stockOut !== null) reorderDateInto(cal, stockOut, leadDays, production, lead.bufferDays, work.date);
  }

  // The method to plan by: the slowest (usually cheapest) still on time; with none on time, the fastest.
  let recommended = -1;
  for (const i of lead.slowestFirst) {
    recommended = i;
    if (stockOut === null || (methodWork(i).date.offset as number) >= 0) break;
  }
  const recommendedOffset = stockOut !== null && recommended >= 0 ? methodWork(recommended).date.offset : null;

  const dated = stockOut !== null;
  const plans: MethodPlan[] = [];
  for (let i = 0; i < count; i++) {
    const m = lead.methods[i] as ResolvedMethod;
    const { leadToday, date } = methodWork(i);
    plans.push(
      Object.freeze({
        methodId: m.id,
        name: m.name,
        leadDays: leadToday,
        arrivesBy: dayAt(cal, leadToday),
        reorderBy: dated ? dayAt(cal, date.offset) : null,
        late: dated && date.offset < 0,
        constraint: dated ? date.constraint : null,
        eventId: dated ? date.eventId : null,
        supplyDelayDays: dated ? date.supplyDelay : 0,
        supplyEventId: dated ? date.supplyEventId : null,
      }),
    );
  }
  return {
    fastest,
    recommended,
    recommendedOffset,
    suggestionLead: recommended >= 0 ? methodWork(recommended).leadToday : production + lead.receivingDays + todayDelay,
    stockOutDay: stockOut === null ? null : dayAt(cal, stockOut),
    reorderBy: recommendedOffset === null ? null : dayAt(cal, recommendedOffset),
    plans: Object.freeze(plans),
  };
}

/** The plans of an alert the popup does not list ('attention'): one empty list for all of them. */
const NO_PLANS: readonly MethodPlan[] = Object.freeze([]);

/**
 * Reasons by set (bit i: ALERT_REASONS[i]), each list built once and shared: a handful of distinct
 * lists cover thousands of alerts, and evaluateOne adds reasons in ALERT_REASONS order.
 */
const REASON_SETS: (readonly AlertReason[] | undefined)[] = [];
const OUT_OF_STOCK = 1;
const RUNS_OUT = 2;
const BELOW_UNITS = 4;
const BELOW_DAYS = 8;
const REORDER_DUE = 16;
const FEE_RISK = 32;
const CONFIDENCE_LOW = 64;

function reasonSet(mask: number): AlertReason[] {
  let set = REASON_SETS[mask];
  if (set === undefined) {
    set = Object.freeze(ALERT_REASONS.filter((_, i) => (mask & (1 << i)) !== 0));
    REASON_SETS[mask] = set;
  }
  // Typed as the schema's array; frozen, so a caller that tried to change it would throw.
  return set as AlertReason[];
}

function evaluateOne(input: AlertInput, ctx: Context, fee: FeeNote | null): Alert {
  const { settings } = ctx;
  const cal = calendarFor(ctx, input);
  const v = input.velocity;

  const thresholdOverride = firstOverride(ctx.thresholdOverrides, input);
  let thresholds = ctx.defaultThresholds;
  if (thresholdOverride) {
    const shared = ctx.thresholdsByOverride.get(thresholdOverride);
    if (shared) thresholds = shared;
    else {
      thresholds = Object.freeze({
        units: thresholdOverride.units ?? settings.thresholds.lowStockUnits,
        days: thresholdOverride.days ?? settings.thresholds.lowStockDays,
      });
      ctx.thresholdsByOverride.set(thresholdOverride, thresholds);
    }
  }
  const leadOverride = firstOverride(ctx.leadOverrides, input);
  let lead = ctx.defaultLead;
  if (leadOverride) {
    lead = ctx.leads.get(leadOverride) ?? resolveLead(settings.leadTime, leadOverride);
    ctx.leads.set(leadOverride, lead);
  }

  const available = nonNegativeOrNull(input.available !== undefined ? input.available : v.available);
  const inTransit = inTransitOf(input, ctx.includeWorking);
  const perDay = nonNegativeOrNull(v.perDay);
  const selling = perDay !== null && perDay > 0;
  const flatCover = nonNegativeOrNull(v.daysOfCover);

  let cover: number | null = null;
  let stockOut: number | null = null;
  if (selling && flatCover !== null) {
    cover = timeToDemand(cal, flatCover);
    if (flatCover <= MAX_COVER_DAYS) stockOut = dayOffsetAt(cal, cover);
  } else if (flatCover === 0) {
    cover = 0;
  }

  // Shipping methods: lead time for an order placed today, the last day to order, and the plans.
  const outcome = methodOutcome(outcomeTable(ctx, cal, lead), stockOut);
  const { recommended, recommendedOffset } = outcome;

  // Most sellers name no backups: no hash of every key for an empty map.
  const isBackup = ctx.backups.size > 0 && ctx.backups.has(input.key);
  const out = available === 0;
  const critical = stockOut !== null && stockOut < outcome.fastest;
  const belowUnits = available !== null && available < thresholds.units;
  const belowDays = cover !== null && cover < thresholds.days;
  let state: AlertState = out ? 'out' : critical ? 'critical' : belowUnits || belowDays ? 'low' : 'ok';

  let reasons = 0;
  if (out) reasons |= OUT_OF_STOCK;
  if (critical && !out) reasons |= RUNS_OUT;
  if (belowUnits && !out) reasons |= BELOW_UNITS;
  if (belowDays && !out) reasons |= BELOW_DAYS;
  if (recommendedOffset !== null && recommendedOffset <= 0) reasons |= REORDER_DUE;
  if (fee?.atRisk && input.channel === 'fba') reasons |= FEE_RISK;
  if (state !== 'ok' && selling && v.confidence === 'low') reasons |= CONFIDENCE_LOW;
  if (isBackup) {
    // A backup kept at 0 on purpose is not a stock problem; the FBA SKU it stands in for carries the alert.
    state = 'ok';
    reasons = 0;
  }

  let suggestion: Suggestion | null = null;
  if (perDay !== null && available !== null && !isBackup) {
    const leadDays = outcome.suggestionLead;
    const reviewDays = settings.reviewPeriodDays;
    const toArrival = upliftDays(cal, leadDays);
    const toReviewEnd = upliftDays(cal, leadDays + reviewDays);
    const leadDemand = perDay * toArrival;
    const reviewDemand = perDay * (toReviewEnd - toArrival);
    const sigma = ctx.safety ? effectiveSigma(perDay, input.demandSigma) : 0;
    const safetyStock = ctx.z * sigma * Math.sqrt(leadDays);
    const stockCounted = available + inTransit;
    const raw = leadDemand + reviewDemand + safetyStock - stockCounted;
    // The tolerance keeps 12.000000001 (floating-point noise) from becoming 13.
    const beforeCap = Math.max(0, Math.ceil(raw - 1e-9));
    const cap = settings.restockCapacityPerMonth;
    const quantity = cap === null ? beforeCap : Math.min(beforeCap, cap);
    suggestion = {
      methodId: recommended >= 0 ? (lead.methods[recommended] as ResolvedMethod).id : null,
      leadDays,
      reviewDays,
      leadDemand,
      reviewDemand,
      upliftUnits: leadDemand + reviewDemand - perDay * (leadDays + reviewDays),
      safetyStock,
      sigma,
      z: ctx.safety ? ctx.z : 0,
      stockCounted,
      beforeCap,
      quantity,
      capApplied: quantity < beforeCap,
    };
  }

  const amazon = input.amazon;
  // Every field is set in the literal, absent ones as undefined, so all alerts share one shape.
  return {
    key: input.key,
    account: input.account,
    marketplace: input.marketplace,
    sku: input.sku,
    channel: input.channel,
    asin: input.asin,
    parentAsin: input.parentAsin,
    title: input.title,
    timeZone: cal.timeZone,
    state,
    reasons: reasonSet(reasons),
    snoozed: input.snoozedUntil !== undefined && input.snoozedUntil > ctx.now,
    snoozedUntil: input.snoozedUntil !== undefined && input.snoozedUntil > ctx.now ? input.snoozedUntil : null,
    perDay,
    confidence: v.confidence,
    available,
    inTransit,
    daysOfCover: cover,
    stockOutDay: outcome.stockOutDay,
    thresholds,
    // Shared with every alert of the same calendar, lead time and stock-out day (frozen).
    methods: (ctx.allPlans || state !== 'ok' || reasons !== 0 ? outcome.plans : NO_PLANS) as MethodPlan[],
    recommendedMethod: recommended >= 0 ? (lead.methods[recommended] as ResolvedMethod).id : null,
    reorderBy: outcome.reorderBy,
    suggestion,
    amazon:
      amazon && (amazon.quantity !== undefined || amazon.shipDate !== undefined)
        ? { quantity: nonNegativeOrNull(amazon.quantity), shipDate: amazon.shipDate ?? null, asOf: amazon.asOf ?? null }
        : null,
    fee: input.channel === 'fba' ? fee : null,
    urgency: urgencyOf(state, selling, perDay, cover, reasons !== 0),
    pool: input.pool,
    backupOf: isBackup ? (ctx.backups.get(input.key) ?? '') : undefined,
  };
}

/**
 * One SKU on its own (a row's badge, a test). The fee note is the SKU's own series; use evaluateAll to
 * count a parent's children together, pool Pan-European stock and share the restock capacity.
 */
export function evaluateSku(input: AlertInput, settings: Settings, now: number, options: AlertOptions = {}): Alert {
  const ctx = context(settings, now, options);
  const parent = input.parentAsin ?? input.asin ?? input.sku;
  const series = input.fee === undefined ? [] : Array.isArray(input.fee) ? input.fee : [input.fee as FeeSeries];
  const fee = series.length > 0 && input.channel === 'fba' ? feeNote(parent, series) : null;
  return evaluateOne(input, ctx, fee);
}

/**
 * Every SKU at once: Pan-European pools merged first (pool.ts), fee notes per parent ASIN, one
 * calendar per marketplace, then the monthly restock capacity shared out most urgent first.
 */
export function evaluateAll(
  inputs: readonly AlertInput[],
  settings: Settings,
  now: number,
  options: AlertOptions = {},
): Alert[] {
  const ctx = context(settings, now, options);
  const pooled = options.pools && options.pools.length > 0 ? poolInputs(inputs, options.pools, now) : inputs;
  const given = options.feeNotes;
  const fees = given ? null : feeNotesByParent(pooled);
  // Only an FBA SKU's note is read (evaluateOne), so no other SKU is looked up.
  const alerts = pooled.map((input, i) =>
    evaluateOne(
      input,
      ctx,
      given ? (input.channel === 'fba' ? (given.get(input.key) ?? null) : null) : (fees?.[i] ?? null),
    ),
  );
  shareCapacity(alerts, settings.restockCapacityPerMonth);
  return alerts;
}

/**
 * The month's restock capacity (cash, factory, FBA capacity) covers the orders suggested now. When
 * they need more, the most urgent SKUs are filled first: a seller short of cash restocks what runs out
 * first, and the others come back up as they become urgent.
 */
export function shareCapacity(alerts: Alert[], capacity: number | null): void {
  if (capacity === null) return;
  // Only SKUs that need units compete for them; the others keep their 0.
  const order: number[] = [];
  let needed = 0;
  for (let i = 0; i < alerts.length; i++) {
    const s = (alerts[i] as Alert).suggestion;
    if (s === null) continue;
    s.quantity = s.beforeCap;
    s.capApplied = false;
    if (s.beforeCap === 0) continue;
    order.push(i);
    needed += s.beforeCap;
  }
  // Enough for everyone: each SKU gets what it needs.
  if (needed <= capacity) return;
  const urgency = new Float64Array(alerts.length);
  for (const i of order) urgency[i] = (alerts[i] as Alert).urgency;
  order.sort((a, b) => (urgency[b] as number) - (urgency[a] as number));
  let left = capacity;
  for (const i of order) {
    const s = (alerts[i] as Alert).suggestion as Suggestion;
    const quantity = Math.min(s.beforeCap, left);
    left -= quantity;
    s.quantity = quantity;
    s.capApplied = quantity < s.beforeCap;
  }
}
