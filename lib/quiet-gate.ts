/**
 * Holds work back while a page is busy and runs it once the page has been quiet for a while.
 *
 * Why: storing a page read costs the browser real CPU (the IndexedDB write in the browser process, the
 * worker's ingest), and on a long inventory page that lands while the page lays out the rows it just
 * added. Measured on the 1,000-row fixture (Chromium traces, 2 cores, one visit each): the page's
 * own style and layout spent 0.85–2.0 s waiting for a CPU with each read stored as it came (7
 * visits), 0.26–0.48 s with the ingest switched off, 0.17–0.46 s with reads held until the rows stop
 * coming, when the same work runs while the page is idle.
 */

export interface QuietGateOptions {
  /** How long nothing new must arrive before the held work runs. */
  quietMs: number;
  /** The longest anything is held, however busy the page stays. */
  maxHoldMs: number;
}

export interface QuietClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export interface QuietGate {
  /** Something was added to the held work: wait for quiet again (never past the longest hold). */
  touch(): void;
  /** Runs the held work now, if any is held (the page is being hidden or left, a write was proven). */
  flushNow(): void;
  /** Whether work is held and waiting for its time. */
  readonly holding: boolean;
  /** Drops the timer: nothing runs (the session stopped). */
  cancel(): void;
}

export function createQuietGate(run: () => void, options: QuietGateOptions, clock: QuietClock): QuietGate {
  let heldSince: number | undefined;
  let timer: number | undefined;

  const fire = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    heldSince = undefined;
    run();
  };

  return {
    touch() {
      const now = clock.now();
      heldSince ??= now;
      if (timer !== undefined) clock.clearTimeout(timer);
      const wait = Math.max(0, Math.min(options.quietMs, heldSince + options.maxHoldMs - now));
      timer = clock.setTimeout(fire, wait);
    },
    flushNow() {
      if (heldSince !== undefined) fire();
    },
    get holding() {
      return heldSince !== undefined;
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      heldSince = undefined;
    },
  };
}
