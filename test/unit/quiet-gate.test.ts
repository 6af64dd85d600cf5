import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuietGate, type QuietClock } from '@/lib/quiet-gate';

const clock: QuietClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
  clearTimeout: (handle) => clearTimeout(handle),
};

describe('quiet gate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('runs once, when nothing new has arrived for the quiet time', () => {
    const run = vi.fn();
    const gate = createQuietGate(run, { quietMs: 1000, maxHoldMs: 10_000 }, clock);
    gate.touch();
    vi.advanceTimersByTime(600);
    gate.touch();
    vi.advanceTimersByTime(600);
    gate.touch();
    vi.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    expect(gate.holding).toBe(true);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(gate.holding).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never holds past the longest hold, however busy the page stays', () => {
    const run = vi.fn();
    const gate = createQuietGate(run, { quietMs: 1000, maxHoldMs: 3000 }, clock);
    for (let elapsed = 0; elapsed < 2900; elapsed += 500) {
      gate.touch();
      vi.advanceTimersByTime(500);
    }
    // 3,000 ms after the first touch, with touches every 500 ms.
    expect(run).toHaveBeenCalledTimes(1);
    // What arrives next is held from its own arrival.
    gate.touch();
    vi.advanceTimersByTime(999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('flushes at once when asked, and only when something is held', () => {
    const run = vi.fn();
    const gate = createQuietGate(run, { quietMs: 1000, maxHoldMs: 10_000 }, clock);
    gate.flushNow();
    expect(run).not.toHaveBeenCalled();
    gate.touch();
    gate.flushNow();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled', () => {
    const run = vi.fn();
    const gate = createQuietGate(run, { quietMs: 1000, maxHoldMs: 10_000 }, clock);
    gate.touch();
    gate.cancel();
    vi.advanceTimersByTime(20_000);
    gate.flushNow();
    expect(run).not.toHaveBeenCalled();
    expect(gate.holding).toBe(false);
  });
});
