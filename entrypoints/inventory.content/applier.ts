import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ApplyRequest } from '@/components/bulk/host';
import { type ApplyReport, applyBatch, type Journal, type PageOps, type Progress } from '@/lib/bulk/apply';
import { sendRequest } from '@/lib/messaging-client';
import type { Generation } from '@/lib/model/listing';
import type { PageContext } from '@/lib/page/read';
import { enterValue, findRowBySku, pressSaveAll, quantityEditor, saveState } from '@/lib/page/write';

/** What the applier needs from the session. */
export interface ApplierSource {
  ctx: ContentScriptContext;
  doc: Document;
  generation: Generation;
  context: () => PageContext;
  account: string;
  marketplace: string | null;
  /** Stops sending page reads while the batch is written, then sends the proven state. */
  pauseIngest(paused: boolean): void;
}

/**
 * Shelfwise's own main-thread time while applying (finding, re-reading, typing into and checking
 * rows), as performance measures the benchmark sums; the page's save is not ours and is not timed.
 */
function timed<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    const start = performance.now();
    try {
      return fn(...args);
    } finally {
      performance.measure(`shelfwise-apply:${name}`, { start, end: performance.now() });
    }
  };
}

/** A journal call survives a worker that is being restarted: it is tried again before giving up. */
async function persist<T>(call: () => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await call();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
  throw lastError;
}

/**
 * Writes batches through this page with lib/bulk/apply.ts: the page operations from lib/page/write.ts,
 * the journal in the background's store, Cancel from the panel, and invalidation (the tab closing,
 * the extension updating) stopping before the next row.
 */
export function createApplier(source: ApplierSource) {
  let cancelled = false;
  let running = false;
  let lastSaveAt = Number.NEGATIVE_INFINITY;

  const findEditor = timed('find', (sku: string) => {
    const reading = findRowBySku(source.doc, source.generation, source.context(), sku);
    return reading ? quantityEditor(reading.element, source.generation) : undefined;
  });
  // Typing runs the page's own input handlers synchronously (its editor re-renders): measured
  // apart, since that time is the page's.
  const typeInto = timed('type', enterValue);

  const page: PageOps = {
    read: timed('read', (sku: string) => {
      const reading = findRowBySku(source.doc, source.generation, source.context(), sku);
      if (!reading) return undefined;
      if (reading.problem === 'sku-mismatch' || !reading.listing) {
        // The row's details no longer belong to the SKU it claims: never written.
        return { sku: `${sku} ≠`, available: undefined, editable: false };
      }
      const listing = reading.listing;
      return {
        sku: listing.sku,
        available: listing.stock.available,
        editable: listing.quantityEditable && !!quantityEditor(reading.element, source.generation),
      };
    }),
    enter(sku, value) {
      const input = findEditor(sku);
      if (!input) return false;
      typeInto(input, String(value));
      return true;
    },
    save: () => pressSaveAll(source.doc, source.generation),
    saveState: timed('poll', () => saveState(source.doc, source.generation)),
  };

  return {
    get running() {
      return running;
    },
    cancel() {
      cancelled = true;
    },
    async apply(request: ApplyRequest, onProgress: (progress: Progress) => void): Promise<ApplyReport> {
      if (running) throw new Error('A batch is already being applied on this page.');
      running = true;
      cancelled = false;
      source.pauseIngest(true);
      const batchId = request.id;
      const journal: Journal = {
        start: (rows) =>
          persist(() =>
            sendRequest('applyStart', {
              batch: {
                id: batchId,
                name: request.name,
                kind: request.kind,
                account: source.account,
                marketplace: source.marketplace ?? '',
                createdAt: Date.now(),
                state: 'applying',
                summary: request.summary,
                via: 'page',
                ...(request.undoes ? { undoes: request.undoes } : {}),
                ...(request.holiday ? { holiday: request.holiday } : {}),
                rows: rows.map((row, i) => ({
                  key: row.key,
                  sku: row.sku,
                  field: 'quantity' as const,
                  before: row.before,
                  after: row.after,
                  ...(request.rows[i]?.remember ? { remember: request.rows[i]?.remember } : {}),
                  outcome: { status: 'pending' as const },
                })),
              },
            }),
          ).then(() => undefined),
        row: (result, at) =>
          persist(() =>
            sendRequest('applyRow', {
              batchId,
              key: result.key,
              at,
              outcome: {
                status: result.status,
                ...(result.reason ? { reason: result.reason } : {}),
                ...(result.message ? { message: result.message } : {}),
                ...(result.observed !== undefined ? { observed: result.observed } : {}),
                ...(result.proposed !== undefined ? { proposed: result.proposed } : {}),
              },
            }),
          ).then(() => undefined),
        finish: (state) => persist(() => sendRequest('applyFinish', { batchId, state })).then(() => undefined),
      };
      try {
        return await applyBatch(request.rows, page, journal, {
          now: () => Date.now(),
          sleep: (ms) => new Promise((resolve) => source.ctx.setTimeout(resolve, ms)),
          stopped: () => (source.ctx.isInvalid ? 'interrupted' : cancelled ? 'cancelled' : false),
          onProgress: (progress) => {
            if (progress.phase === 'saving') lastSaveAt = Date.now();
            onProgress(progress);
          },
          lastSaveAt,
        });
      } finally {
        running = false;
        source.pauseIngest(false);
      }
    },
  };
}
