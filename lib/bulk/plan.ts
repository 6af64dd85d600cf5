import { skuKey } from '../model/keys';
import type { Channel, Listing } from '../model/listing';
import type { Settings } from '../settings/schema';
import { type BulkMessage, message } from './message';
import { type Operation, percentOf } from './operations';

/**
 * A batch plan: what each selected row will become, or why it will not change, with the guards a
 * seller must see before anything is written. Pure: the same rows and context give the same plan,
 * so the preview, Apply and the file export all work from one decision.
 */

/** A value read longer ago than this may be out of date (orders keep arriving): the row says so. */
export const STALE_AFTER_MS = 10 * 60_000;

export interface RememberedValues {
  quantity?: number;
  handlingTime?: number;
}

/** The compliance engine's verdict on one SKU, reduced to what the preview shows. */
export interface FindingsSummary {
  issues: number;
  severity: 'ok' | 'warn' | 'block';
}

export interface PlanRowInput {
  listing: Listing;
  /** How long ago the listing's values were read from the page (ms); unknown when absent. */
  beforeAgeMs?: number;
  /** Replaces the batch operation for this row: pasted quantities give each row its own "set". */
  operation?: Operation;
}

/** Everything the guards need besides the rows. Per-SKU records are keyed by `skuKey`. */
export interface PlanContext {
  settings: Pick<Settings, 'bulk' | 'thresholds' | 'erp'>;
  /** The batch's marketplace: rows from any other marketplace are refused, never mixed into one file. */
  marketplace?: string;
  changesLast7Days?: Readonly<Record<string, number>>;
  remembered?: Readonly<Record<string, RememberedValues>>;
  findings?: Readonly<Record<string, FindingsSummary>>;
  /** Sales velocity per SKU, for the days-of-cover threshold; rows without one are judged on units only. */
  unitsPerDay?: Readonly<Record<string, number>>;
  staleAfterMs?: number;
}

export type RowAction = 'change' | 'unchanged' | 'refused';
export type PlannedField = 'quantity' | 'handlingTime';

export type NoticeKind =
  | 'erp'
  | 'largeChange'
  | 'belowThreshold'
  | 'frequentChanges'
  | 'compliance'
  | 'staleRead'
  | 'drifted'
  | 'fileOnly';

/** info: for the record; warning: look before applying; confirm: part of the batch's one confirmation. */
export type NoticeLevel = 'info' | 'warning' | 'confirm';

export interface Notice {
  kind: NoticeKind;
  level: NoticeLevel;
  message: BulkMessage;
}

export interface PlannedRow {
  key: string;
  sku: string;
  marketplace: string | null;
  channel: Channel;
  field: PlannedField;
  /** The current value; null when the page does not show it. */
  before: number | null;
  /** The value to write; null when the row is refused. */
  after: number | null;
  action: RowAction;
  /** Why the row is refused. */
  reason?: BulkMessage;
  notices: Notice[];
  /** Only an uploaded file can make this change; the page's editors cannot. */
  fileOnly: boolean;
  /** Values to remember before writing, so the change can be restored exactly. */
  remember?: RememberedValues;
}

export interface BatchPlan {
  operation: Operation;
  rows: PlannedRow[];
  counts: Record<RowAction, number>;
  /** Apply cannot do this batch; only "Export file" can. */
  fileOnly: boolean;
  /** Compliance findings among the changed rows: one confirmation for the whole batch. */
  confirmation: { message: BulkMessage; skus: string[] } | null;
}

/** The record key of a listing (lib/model/keys); a listing without a marketplace is refused before it matters. */
export function keyOf(listing: Listing): string {
  return skuKey({ account: listing.account, marketplace: listing.marketplace ?? '', sku: listing.sku });
}

type Outcome = { after: number; remember?: RememberedValues } | { refused: BulkMessage };

function quantityOutcome(operation: Operation, before: number | null, key: string, context: PlanContext): Outcome {
  const max = context.settings.bulk.maxQuantity;
  const unknown = { refused: message('bulk.refused.unknownBefore') };
  switch (operation.kind) {
    case 'set':
      if (operation.amount > max)
        return { refused: message('bulk.refused.aboveMaximum', { result: operation.amount, max }) };
      return { after: operation.amount };
    case 'add': {
      if (before === null) return unknown;
      const result = before + operation.amount;
      if (result > max) return { refused: message('bulk.refused.aboveMaximum', { result, max }) };
      return { after: result };
    }
    case 'subtract': {
      if (before === null) return unknown;
      const result = before - operation.amount;
      if (result < 0) {
        return { refused: message('bulk.refused.belowZero', { before, amount: operation.amount, result }) };
      }
      return { after: result };
    }
    case 'percent': {
      if (before === null) return unknown;
      const result = percentOf(before, operation.percent, operation.rounding);
      if (result > max) return { refused: message('bulk.refused.aboveMaximum', { result, max }) };
      return { after: result };
    }
    case 'outOfStock':
      // Without the current quantity there is nothing to restore later: refuse rather than lose it.
      if (before === null) return unknown;
      // Remembering a 0 would overwrite an earlier remembered quantity with nothing.
      return before > 0 ? { after: 0, remember: { quantity: before } } : { after: 0 };
    case 'restore': {
      // Keys always contain the separator, so they can never name an Object.prototype member.
      const remembered = context.remembered?.[key]?.quantity;
      if (remembered === undefined) return { refused: message('bulk.refused.nothingRemembered') };
      return { after: remembered };
    }
    case 'handlingTime':
      return { after: operation.days };
  }
}

/** The guard that applies whatever the operation; undefined when the row may be changed. */
export function rowRefusal(listing: Listing, field: PlannedField, context: PlanContext): BulkMessage | undefined {
  if (listing.marketplace === null) return message('bulk.refused.noMarketplace');
  if (context.marketplace !== undefined && listing.marketplace !== context.marketplace) {
    return message('bulk.refused.otherMarketplace', { marketplace: listing.marketplace });
  }
  if (listing.isParent) return message('bulk.refused.parent');
  if (listing.channel === 'fba') {
    return field === 'quantity' ? message('bulk.refused.fba') : message('bulk.refused.fbaHandling');
  }
  if (listing.state === 'closed') return message('bulk.refused.closed');
  if (field === 'quantity' && !listing.quantityEditable) return message('bulk.refused.notEditable');
  return undefined;
}

const RELATIVE: ReadonlySet<Operation['kind']> = new Set(['add', 'subtract', 'percent', 'outOfStock']);
const SIZED: ReadonlySet<Operation['kind']> = new Set(['set', 'add', 'subtract', 'percent']);

export interface Guards {
  erpManaged: (key: string) => boolean;
}

export function makeGuards(context: PlanContext): Guards {
  const erp = context.settings.erp;
  const managed = new Set(erp.managedSkus);
  return { erpManaged: (key) => erp.allManaged || managed.has(key) };
}

export function noticesFor(
  row: PlannedRow,
  operation: Operation,
  input: Pick<PlanRowInput, 'beforeAgeMs'>,
  context: PlanContext,
  guards: Guards,
): Notice[] {
  const notices: Notice[] = [];
  const { key, before, after } = row;
  const { bulk, thresholds, erp } = context.settings;

  if (row.field === 'quantity' && guards.erpManaged(key)) {
    notices.push({
      kind: 'erp',
      level: 'warning',
      message: erp.name.trim()
        ? message('bulk.notice.erp', { name: erp.name.trim() })
        : message('bulk.notice.erpUnnamed'),
    });
  }

  // A change from 0 has no baseline to be large against; the maximum quantity guards typos there.
  if (SIZED.has(operation.kind) && before !== null && before > 0 && after !== null) {
    const percent = Math.round((Math.abs(after - before) / before) * 100);
    if (percent > bulk.largeChangePercent) {
      notices.push({
        kind: 'largeChange',
        level: 'warning',
        message: message('bulk.notice.largeChange', { percent, limit: bulk.largeChangePercent }),
      });
    }
  }

  // Marking out of stock is a deliberate 0: warning that 0 is low would only be noise.
  if (row.field === 'quantity' && operation.kind !== 'outOfStock' && after !== null) {
    const override = thresholds.perSku[key];
    const units = override?.units ?? thresholds.lowStockUnits;
    const perDay = context.unitsPerDay?.[key];
    const thresholdDays = override?.days ?? thresholds.lowStockDays;
    if (after < units) {
      notices.push({
        kind: 'belowThreshold',
        level: 'warning',
        message: message('bulk.notice.belowThreshold', { after, threshold: units }),
      });
    } else if (perDay !== undefined && perDay > 0 && after / perDay < thresholdDays) {
      notices.push({
        kind: 'belowThreshold',
        level: 'warning',
        message: message('bulk.notice.belowThresholdDays', {
          days: Math.floor((after / perDay) * 10) / 10,
          threshold: thresholdDays,
        }),
      });
    }
  }

  const changes = context.changesLast7Days?.[key] ?? 0;
  if (changes > bulk.changeFrequencyNotice) {
    notices.push({
      kind: 'frequentChanges',
      level: 'info',
      message: message('bulk.notice.frequent', { count: changes }),
    });
  }

  const findings = context.findings?.[key];
  if (findings && findings.issues > 0) {
    notices.push({
      kind: 'compliance',
      level: 'confirm',
      message: message('bulk.notice.compliance', { count: findings.issues }),
    });
  }

  const staleAfter = context.staleAfterMs ?? STALE_AFTER_MS;
  if (RELATIVE.has(operation.kind) && input.beforeAgeMs !== undefined && input.beforeAgeMs > staleAfter) {
    notices.push({
      kind: 'staleRead',
      level: 'warning',
      message: message('bulk.notice.staleRead', { minutes: Math.floor(input.beforeAgeMs / 60_000) }),
    });
  }

  if (row.fileOnly) {
    notices.push({ kind: 'fileOnly', level: 'info', message: message('bulk.notice.fileOnly') });
  }
  return notices;
}

function planRow(
  input: PlanRowInput,
  batchOperation: Operation,
  context: PlanContext,
  guards: Guards,
  seen: Set<string>,
): PlannedRow {
  const { listing } = input;
  const operation = input.operation ?? batchOperation;
  const field: PlannedField = operation.kind === 'handlingTime' ? 'handlingTime' : 'quantity';
  const key = keyOf(listing);
  const before = (field === 'quantity' ? listing.stock.available : listing.handlingTime) ?? null;
  const row: PlannedRow = {
    key,
    sku: listing.sku,
    marketplace: listing.marketplace,
    channel: listing.channel,
    field,
    before,
    after: null,
    action: 'refused',
    notices: [],
    fileOnly: field === 'handlingTime',
  };

  const refusal = seen.has(key) ? message('bulk.refused.duplicate') : rowRefusal(listing, field, context);
  seen.add(key);
  if (refusal) return { ...row, reason: refusal };

  const outcome = quantityOutcome(operation, before, key, context);
  if ('refused' in outcome) return { ...row, reason: outcome.refused };

  row.after = outcome.after;
  row.action = outcome.after === before ? 'unchanged' : 'change';
  if (row.action === 'change') {
    if (outcome.remember) row.remember = outcome.remember;
    row.notices = noticesFor(row, operation, input, context, guards);
  }
  return row;
}

export function summarise(operation: Operation, rows: PlannedRow[]): BatchPlan {
  const counts: Record<RowAction, number> = { change: 0, unchanged: 0, refused: 0 };
  const flagged: string[] = [];
  for (const row of rows) {
    counts[row.action] += 1;
    if (row.action === 'change' && row.notices.some((n) => n.kind === 'compliance')) flagged.push(row.sku);
  }
  return {
    operation,
    rows,
    counts,
    fileOnly: operation.kind === 'handlingTime' || rows.some((row) => row.fileOnly),
    confirmation:
      flagged.length > 0
        ? { message: message('bulk.confirm.compliance', { count: flagged.length }), skus: flagged }
        : null,
  };
}

/**
 * Plans one operation over the selected rows. Every row comes back, in order: changed, unchanged,
 * or refused with the reason, so the preview can show the seller exactly what will and will not
 * happen.
 */
export function planBatch(rows: readonly PlanRowInput[], operation: Operation, context: PlanContext): BatchPlan {
  const guards = makeGuards(context);
  const seen = new Set<string>();
  const planned = rows.map((input) => planRow(input, operation, context, guards, seen));
  return summarise(operation, planned);
}
