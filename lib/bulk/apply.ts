import type { Operation } from './operations';
import { percentOf } from './operations';

/**
 * Applying a planned batch through the page: enter each row's quantity in the page's own editor,
 * press the page's Save all, wait for it, read every row back. The rules that make it safe:
 *
 * - Immediately before a row is written its SKU and quantity are read again. A different SKU in
 *   its place is never written (skipped); a quantity different from the preview's "before" (an
 *   order arrived) is held for the seller: add, subtract and percent are recomputed from the new
 *   value, a set-to-N is held as it is.
 * - The journal learns of the batch before the first write and of each row as it completes; a
 *   journal entry that cannot be stored stops the run (nothing is written that is not journaled).
 * - Save all presses are at least `pacingMs` apart; the page's error or rate-limit message stops
 *   the run for `backoffMs`, doubling, up to `maxTries`, then reports.
 * - Cancel and invalidation (tab closing, extension update) stop before the next row; rows already
 *   entered in the page are saved and verified, never left half-typed.
 *
 * The page is reached through `PageOps` and the store through `Journal`, so this runs the same in
 * the content script and in unit tests with fakes.
 */

export interface ApplyRow {
  key: string;
  sku: string;
  /** The quantity the preview showed. */
  before: number;
  after: number;
  /** The operation that produced `after`, to recompute it from a newer quantity. */
  operation?: Operation;
  /** What the row asks to remember (mark out of stock). */
  remember?: { quantity?: number };
  /** Confirmed by the seller after being held: write even though the page moved from `before`. */
  confirmed?: boolean;
}

export type RowStatus = 'pending' | 'verified' | 'mismatched' | 'failed' | 'skipped' | 'held';

export interface RowResult {
  key: string;
  sku: string;
  status: RowStatus;
  before: number;
  after: number;
  /** What the page showed when read (before writing, or after saving). */
  observed?: number;
  /** For a held row: the value recomputed from the newer quantity, to confirm. */
  proposed?: number;
  reason?:
    | 'not-on-page'
    | 'sku-changed'
    | 'not-editable'
    | 'quantity-changed'
    | 'save-failed'
    | 'read-back'
    | 'cancelled'
    | 'rate-limited';
  message?: string;
}

export type RunState = 'applied' | 'partial' | 'failed' | 'cancelled' | 'interrupted';

export interface ApplyReport {
  state: RunState;
  rows: RowResult[];
  counts: Record<RowStatus, number>;
}

/** What the run needs of the page, read fresh at every call. */
export interface PageOps {
  /** The row showing this SKU now: its SKU as re-read, its quantity and whether it can be edited. */
  read(sku: string): { sku: string; available: number | undefined; editable: boolean } | undefined;
  /** Types the value into the row's quantity editor; false when there is no editor. */
  enter(sku: string, value: number): boolean;
  /** Presses Save all; false when there is nothing to save. */
  save(): boolean;
  saveState(): { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string; rateLimited: boolean };
}

export interface Journal {
  start(rows: readonly RowResult[]): Promise<void>;
  row(result: RowResult, at: number): Promise<void>;
  finish(state: RunState): Promise<void>;
}

export interface Progress {
  phase: 'writing' | 'saving' | 'verifying' | 'waiting' | 'backoff' | 'done';
  done: number;
  total: number;
  /** When the run resumes, during pacing and back-off. */
  until?: number;
  message?: string;
}

export interface ApplyOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Cancel (seller) or invalidation (tab closing, extension updating): checked before every row. */
  stopped: () => 'cancelled' | 'interrupted' | false;
  onProgress?: (progress: Progress) => void;
  /** Last Save all press by this page, so pacing holds across runs. */
  lastSaveAt?: number;
  pacingMs?: number;
  backoffMs?: number;
  maxTries?: number;
  /** Rows entered per Save all press. */
  groupSize?: number;
  /** How long a save may take before it counts as failed. */
  saveTimeoutMs?: number;
  pollMs?: number;
}

export const PACING_MS = 5_000;
export const BACKOFF_MS = 30_000;
export const MAX_TRIES = 5;
export const GROUP_SIZE = 25;

/** The row's new value from a quantity that moved since the preview (add, subtract, percent). */
export function recompute(operation: Operation | undefined, observed: number, planned: number): number {
  switch (operation?.kind) {
    case 'add':
      return observed + operation.amount;
    case 'subtract':
      return observed - operation.amount;
    case 'percent':
      return percentOf(observed, operation.percent, operation.rounding);
    default:
      return planned;
  }
}

function tally(rows: readonly RowResult[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { pending: 0, verified: 0, mismatched: 0, failed: 0, skipped: 0, held: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

export class JournalError extends Error {
  constructor(cause: unknown) {
    super(`The journal could not be written: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export async function applyBatch(
  rows: readonly ApplyRow[],
  page: PageOps,
  journal: Journal,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const pacing = options.pacingMs ?? PACING_MS;
  const backoff = options.backoffMs ?? BACKOFF_MS;
  const maxTries = options.maxTries ?? MAX_TRIES;
  const groupSize = options.groupSize ?? GROUP_SIZE;
  const pollMs = options.pollMs ?? 250;
  const saveTimeout = options.saveTimeoutMs ?? 60_000;
  let lastSaveAt = options.lastSaveAt ?? Number.NEGATIVE_INFINITY;

  const results: RowResult[] = rows.map((row) => ({
    key: row.key,
    sku: row.sku,
    status: 'pending',
    before: row.before,
    after: row.after,
  }));
  const progress = (phase: Progress['phase'], extra: Partial<Progress> = {}) =>
    options.onProgress?.({
      phase,
      done: results.filter((r) => r.status !== 'pending').length,
      total: rows.length,
      ...extra,
    });

  const record = async (index: number, change: Partial<RowResult>) => {
    const result = { ...(results[index] as RowResult), ...change };
    results[index] = result;
    try {
      await journal.row(result, options.now());
    } catch (error) {
      throw new JournalError(error);
    }
  };

  try {
    await journal.start(results);
  } catch (error) {
    throw new JournalError(error);
  }

  let state: RunState | undefined;
  let index = 0;
  while (index < rows.length) {
    // Enter one group of rows, re-reading each just before it is written.
    const entered: number[] = [];
    while (index < rows.length && entered.length < groupSize) {
      const stop = options.stopped();
      if (stop) {
        state = stop;
        break;
      }
      const row = rows[index] as ApplyRow;
      const at = index++;
      progress('writing');
      const now = page.read(row.sku);
      if (!now) {
        await record(at, { status: 'skipped', reason: 'not-on-page' });
        continue;
      }
      if (now.sku !== row.sku) {
        await record(at, { status: 'skipped', reason: 'sku-changed', message: now.sku });
        continue;
      }
      if (!now.editable || now.available === undefined) {
        await record(at, { status: 'skipped', reason: 'not-editable' });
        continue;
      }
      if (now.available !== row.before && !row.confirmed) {
        const proposed = recompute(row.operation, now.available, row.after);
        await record(at, { status: 'held', reason: 'quantity-changed', observed: now.available, proposed });
        continue;
      }
      if (!page.enter(row.sku, row.after)) {
        await record(at, { status: 'failed', reason: 'not-editable' });
        continue;
      }
      entered.push(at);
    }
    if (entered.length === 0) {
      if (state) break;
      continue;
    }

    // Save the group: paced, retried with back-off on the page's error or rate-limit message.
    let saved = false;
    let lastError: { message: string; rateLimited: boolean } | undefined;
    for (let attempt = 0; attempt < maxTries && !saved; attempt++) {
      if (attempt > 0) {
        const wait = backoff * 2 ** (attempt - 1);
        const until = options.now() + wait;
        progress('backoff', { until, ...(lastError ? { message: lastError.message } : {}) });
        // A back-off is long (30 s and more): Cancel or the tab closing ends it at once, and the
        // rows typed but never saved are reported with the page's last error.
        while (options.now() < until && !options.stopped()) {
          await options.sleep(Math.min(pollMs, until - options.now()));
        }
        const stop = options.stopped();
        if (stop) {
          state = stop;
          break;
        }
      }
      const gap = lastSaveAt + pacing - options.now();
      if (gap > 0) {
        progress('waiting', { until: options.now() + gap });
        await options.sleep(gap);
      }
      progress('saving');
      lastSaveAt = options.now();
      if (!page.save()) {
        // Nothing to save: the page already holds these values (or took them without a save).
        saved = true;
        break;
      }
      const deadline = options.now() + saveTimeout;
      for (;;) {
        await options.sleep(pollMs);
        const outcome = page.saveState();
        if (outcome.state === 'saved') {
          saved = true;
          break;
        }
        if (outcome.state === 'error') {
          lastError = outcome;
          break;
        }
        if (options.now() > deadline) {
          lastError = { message: 'timeout', rateLimited: false };
          break;
        }
      }
    }

    // Read every entered row back: the page's own figure is the proof.
    progress('verifying');
    for (const at of entered) {
      const row = rows[at] as ApplyRow;
      if (!saved) {
        await record(at, {
          status: 'failed',
          reason: lastError?.rateLimited ? 'rate-limited' : 'save-failed',
          ...(lastError ? { message: lastError.message } : {}),
        });
        continue;
      }
      const now = page.read(row.sku);
      if (now && now.available === row.after) await record(at, { status: 'verified', observed: row.after });
      else {
        await record(at, {
          status: 'mismatched',
          reason: 'read-back',
          ...(now?.available !== undefined ? { observed: now.available } : {}),
        });
      }
    }
    if (!saved) {
      state = state ?? 'failed';
      break;
    }
    if (state) break;
  }

  // Rows never reached stay pending in the journal: the report says why.
  if (state === 'cancelled' || state === 'interrupted') {
    for (const [i, result] of results.entries()) {
      if (result.status === 'pending' && state === 'cancelled')
        await record(i, { status: 'skipped', reason: 'cancelled' });
    }
  }
  const counts = tally(results);
  const final: RunState =
    state ??
    (counts.verified === rows.length ? 'applied' : counts.verified === 0 && counts.held === 0 ? 'failed' : 'partial');
  progress('done');
  await journal.finish(final).catch((error: unknown) => {
    throw new JournalError(error);
  });
  return { state: final, rows: results, counts };
}
