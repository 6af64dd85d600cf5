import { describe, expect, it } from 'vitest';
import { type ApplyRow, applyBatch, type Journal, JournalError, type PageOps, type RowResult } from '@/lib/bulk/apply';

/** A page holding quantities per SKU; saves apply the typed values unless told to fail. */
function fakePage(
  initial: Record<string, number>,
  options: { errors?: Array<{ message: string; rateLimited: boolean }>; lose?: string[] } = {},
) {
  const shown = new Map(Object.entries(initial));
  const typed = new Map<string, number>();
  const errors = [...(options.errors ?? [])];
  const log: string[] = [];
  let pending: 'saving' | 'saved' | { message: string; rateLimited: boolean } = 'saved';
  const page: PageOps = {
    read(sku) {
      const available = typed.get(sku) ?? shown.get(sku);
      return available === undefined ? undefined : { sku, available, editable: true };
    },
    enter(sku, value) {
      log.push(`enter ${sku}=${value}`);
      typed.set(sku, value);
      return true;
    },
    save() {
      if (typed.size === 0) return false;
      log.push('save');
      const error = errors.shift();
      if (error) pending = error;
      else {
        for (const [sku, value] of typed) if (!options.lose?.includes(sku)) shown.set(sku, value);
        typed.clear();
        pending = 'saved';
      }
      return true;
    },
    saveState() {
      if (pending === 'saving') return { state: 'saving' };
      if (pending === 'saved') return { state: 'saved' };
      return { state: 'error', ...pending };
    },
  };
  return { page, shown, typed, log };
}

function journal(fail?: 'start' | 'row') {
  const entries: Array<{ at: number; result: RowResult }> = [];
  const finished: string[] = [];
  let started: RowResult[] = [];
  const j: Journal = {
    async start(rows) {
      if (fail === 'start') throw new Error('disk full');
      started = [...rows];
    },
    async row(result, at) {
      if (fail === 'row') throw new Error('disk full');
      entries.push({ at, result: { ...result } });
    },
    async finish(state) {
      finished.push(state);
    },
  };
  return { j, entries, finished, started: () => started };
}

function clock() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

const row = (sku: string, before: number, after: number, extra: Partial<ApplyRow> = {}): ApplyRow => ({
  key: `k|${sku}`,
  sku,
  before,
  after,
  ...extra,
});

describe('applying a batch through the page', () => {
  it('writes every row, saves once per group, and proves each value by reading it back', async () => {
    const { page, shown, log } = fakePage({ A: 10, B: 5, C: 8 });
    const { j, entries, finished, started } = journal();
    const c = clock();
    const report = await applyBatch([row('A', 10, 7), row('B', 5, 7), row('C', 8, 7)], page, j, {
      ...c,
      stopped: () => false,
      pollMs: 10,
    });
    expect(report.state).toBe('applied');
    expect(report.rows.map((r) => [r.sku, r.status, r.observed])).toEqual([
      ['A', 'verified', 7],
      ['B', 'verified', 7],
      ['C', 'verified', 7],
    ]);
    expect([...shown.values()]).toEqual([7, 7, 7]);
    expect(log.filter((l) => l === 'save')).toHaveLength(1);
    // The journal knew of the batch before the first write, and of every row as it completed.
    expect(started().map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    expect(entries.map((e) => e.result.status)).toEqual(['verified', 'verified', 'verified']);
    expect(finished).toEqual(['applied']);
  });

  it('never writes a row whose SKU changed or that left the page', async () => {
    const { page, log } = fakePage({ A: 10 });
    const swapped: PageOps = {
      ...page,
      read: (sku) => (sku === 'A' ? { sku: 'A-OTHER', available: 10, editable: true } : page.read(sku)),
    };
    const report = await applyBatch([row('A', 10, 7), row('GONE', 3, 7)], swapped, journal().j, {
      ...clock(),
      stopped: () => false,
    });
    expect(report.rows.map((r) => [r.sku, r.status, r.reason])).toEqual([
      ['A', 'skipped', 'sku-changed'],
      ['GONE', 'skipped', 'not-on-page'],
    ]);
    expect(log).toEqual([]);
  });

  it('holds a row whose quantity moved since the preview, recomputing add and percent from the new value', async () => {
    const { page, log } = fakePage({ A: 8, B: 20, C: 9 });
    const report = await applyBatch(
      [
        row('A', 10, 15, { operation: { kind: 'add', amount: 5 } }),
        row('B', 10, 5, { operation: { kind: 'percent', percent: 50, rounding: 'down' } }),
        row('C', 10, 7, { operation: { kind: 'set', amount: 7 } }),
      ],
      page,
      journal().j,
      { ...clock(), stopped: () => false },
    );
    expect(report.rows.map((r) => [r.sku, r.status, r.observed, r.proposed])).toEqual([
      ['A', 'held', 8, 13],
      ['B', 'held', 20, 10],
      ['C', 'held', 9, 7],
    ]);
    expect(log).toEqual([]);
    expect(report.state).toBe('partial');
  });

  it('writes a held row once the seller confirms it', async () => {
    const { page } = fakePage({ A: 8 });
    const report = await applyBatch([row('A', 8, 13, { confirmed: true })], page, journal().j, {
      ...clock(),
      stopped: () => false,
    });
    expect(report.rows[0]?.status).toBe('verified');
  });

  it('keeps Save all presses at least the pacing apart, across groups and across runs', async () => {
    const { page, log } = fakePage({ A: 1, B: 1, C: 1 });
    const c = clock();
    await applyBatch([row('A', 1, 2), row('B', 1, 2), row('C', 1, 2)], page, journal().j, {
      ...c,
      stopped: () => false,
      groupSize: 2,
      pacingMs: 5_000,
      pollMs: 10,
      lastSaveAt: c.now() - 1_000,
    });
    expect(log.filter((l) => l === 'save')).toHaveLength(2);
    // 4 s left of the previous run's pacing, then a full 5 s (minus the polling) between the groups.
    expect(c.sleeps[0]).toBe(4_000);
    expect(c.sleeps.filter((ms) => ms > 100)).toEqual([4_000, 4_990]);
  });

  it('backs off 30 s, doubling, on the page’s rate-limit message, then resumes', async () => {
    const { page } = fakePage(
      { A: 1 },
      {
        errors: [
          { message: 'Too many requests. Please try again later.', rateLimited: true },
          { message: 'Too many requests. Please try again later.', rateLimited: true },
        ],
      },
    );
    const c = clock();
    const backoffs: number[] = [];
    const report = await applyBatch([row('A', 1, 2)], page, journal().j, {
      ...c,
      stopped: () => false,
      pollMs: 10,
      onProgress: (p) => p.phase === 'backoff' && p.until !== undefined && backoffs.push(p.until - c.now()),
    });
    expect(report.rows[0]?.status).toBe('verified');
    expect(backoffs).toEqual([30_000, 60_000]);
    // The back-off is slept in slices, so Cancel can end it; the slices add up to the wait.
    expect(c.sleeps.filter((ms) => ms === 10).length).toBeGreaterThanOrEqual(9_000);
  });

  it('gives up after five tries and reports the page’s message', async () => {
    const error = { message: 'Too many requests. Please try again later.', rateLimited: true };
    const { page } = fakePage({ A: 1, B: 1 }, { errors: [error, error, error, error, error] });
    const c = clock();
    const backoffs: number[] = [];
    const report = await applyBatch([row('A', 1, 2), row('B', 1, 2)], page, journal().j, {
      ...c,
      stopped: () => false,
      pollMs: 10,
      onProgress: (p) => p.phase === 'backoff' && p.until !== undefined && backoffs.push(p.until - c.now()),
    });
    expect(report.state).toBe('failed');
    expect(report.rows.map((r) => [r.status, r.reason, r.message])).toEqual([
      ['failed', 'rate-limited', error.message],
      ['failed', 'rate-limited', error.message],
    ]);
    expect(backoffs).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('Cancel during a back-off ends it at once: typed rows are reported not saved, with the page’s message', async () => {
    const error = { message: 'There was a problem saving your changes.', rateLimited: false };
    const { page, log } = fakePage({ A: 1, B: 1 }, { errors: [error, error, error, error, error] });
    const c = clock();
    let cancelled = false;
    const report = await applyBatch([row('A', 1, 2), row('B', 1, 2)], page, journal().j, {
      ...c,
      stopped: () => (cancelled ? 'cancelled' : false),
      pollMs: 10,
      groupSize: 1,
      sleep: async (ms) => {
        await c.sleep(ms);
        // The seller presses Cancel five seconds into the first back-off.
        if (log.filter((l) => l === 'save').length === 1 && c.sleeps.reduce((a, b) => a + b, 0) > 5_000)
          cancelled = true;
      },
    });
    expect(report.state).toBe('cancelled');
    expect(report.rows.map((r) => [r.sku, r.status, r.reason, r.message])).toEqual([
      ['A', 'failed', 'save-failed', error.message],
      ['B', 'skipped', 'cancelled', undefined],
    ]);
    // One save, no retry, and the wait ended within a slice of the Cancel.
    expect(log.filter((l) => l === 'save')).toHaveLength(1);
    expect(c.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(6_000);
  });

  it('a save that fails for another reason is retried the same way and reported as failed', async () => {
    const { page } = fakePage(
      { A: 1 },
      { errors: [{ message: 'There was a problem saving your changes.', rateLimited: false }] },
    );
    const report = await applyBatch([row('A', 1, 2)], page, journal().j, {
      ...clock(),
      stopped: () => false,
      pollMs: 10,
    });
    expect(report.rows[0]?.status).toBe('verified');
  });

  it('reports a value the page did not keep as mismatched', async () => {
    const { page } = fakePage({ A: 1, B: 1 }, { lose: ['B'] });
    const report = await applyBatch([row('A', 1, 2), row('B', 1, 2)], page, journal().j, {
      ...clock(),
      stopped: () => false,
      pollMs: 10,
    });
    expect(report.rows.map((r) => [r.sku, r.status, r.observed])).toEqual([
      ['A', 'verified', 2],
      ['B', 'mismatched', 1],
    ]);
    expect(report.state).toBe('partial');
  });

  it('Cancel stops before the next row; rows already typed are saved and proved, the rest reported', async () => {
    const { page, log } = fakePage({ A: 1, B: 1, C: 1 });
    let written = 0;
    const counting: PageOps = {
      ...page,
      enter: (sku, value) => {
        written++;
        return page.enter(sku, value);
      },
    };
    const report = await applyBatch([row('A', 1, 2), row('B', 1, 2), row('C', 1, 2)], counting, journal().j, {
      ...clock(),
      stopped: () => (written >= 1 ? 'cancelled' : false),
      pollMs: 10,
    });
    expect(report.state).toBe('cancelled');
    expect(report.rows.map((r) => [r.sku, r.status, r.reason])).toEqual([
      ['A', 'verified', undefined],
      ['B', 'skipped', 'cancelled'],
      ['C', 'skipped', 'cancelled'],
    ]);
    expect(log).toEqual(['enter A=2', 'save']);
  });

  it('an interrupted run (tab closing) leaves the unreached rows pending in the journal', async () => {
    const { page } = fakePage({ A: 1, B: 1 });
    let written = 0;
    const counting: PageOps = {
      ...page,
      enter: (sku, value) => {
        written++;
        return page.enter(sku, value);
      },
    };
    const { j, entries, finished } = journal();
    const report = await applyBatch([row('A', 1, 2), row('B', 1, 2)], counting, j, {
      ...clock(),
      stopped: () => (written >= 1 ? 'interrupted' : false),
      pollMs: 10,
    });
    expect(report.state).toBe('interrupted');
    expect(report.rows.map((r) => r.status)).toEqual(['verified', 'pending']);
    expect(entries.map((e) => e.result.sku)).toEqual(['A']);
    expect(finished).toEqual(['interrupted']);
  });

  it('writes nothing when the journal cannot record the batch', async () => {
    const { page, log } = fakePage({ A: 1 });
    await expect(
      applyBatch([row('A', 1, 2)], page, journal('start').j, { ...clock(), stopped: () => false }),
    ).rejects.toThrow(JournalError);
    expect(log).toEqual([]);
  });
});
