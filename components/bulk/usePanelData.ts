import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KnownListing, PageRow, PanelHost, StoreContext } from './host';
import { type Candidate, mergeKnown, pageCandidates } from './model';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PanelData {
  /** The page's rows as read when the panel opened (or last re-read), with their ages now. */
  page: Candidate[];
  /** Reads the page's rows again (after the seller changed the page, or to refresh old figures). */
  reread(): Candidate[];
  /** The page's rows followed by every other SKU Shelfwise knows for the marketplace, once loaded. */
  known: { status: LoadStatus; candidates: Candidate[]; error?: string };
  loadKnown(): void;
  store: StoreContext;
  /** Whether the store's records for these keys have arrived (guards must not be shown half-known). */
  storeReady(keys: readonly string[]): boolean;
  storeError: string | null;
  retryStore(): void;
}

const EMPTY_STORE: StoreContext = {
  changesLast7Days: {},
  remembered: {},
  findings: {},
  findingTexts: {},
  unitsPerDay: {},
};

function merge(a: StoreContext, b: StoreContext): StoreContext {
  return {
    changesLast7Days: { ...a.changesLast7Days, ...b.changesLast7Days },
    remembered: { ...a.remembered, ...b.remembered },
    findings: { ...a.findings, ...b.findings },
    findingTexts: { ...a.findingTexts, ...b.findingTexts },
    unitsPerDay: { ...a.unitsPerDay, ...b.unitsPerDay },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Ages move on while the panel is open: a value read 9 minutes ago becomes stale at 10. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Rows the page did not place in a marketplace take the one the seller chose for the batch: the
 * seller's word about the page they are on outranks no word at all (rows of a marketplace the page
 * did name keep it, and a batch still refuses them if they differ).
 */
function placed(rows: readonly PageRow[], chosen: string | null): readonly PageRow[] {
  if (chosen === null) return rows;
  return rows.map((row) =>
    row.listing.marketplace === null ? { ...row, listing: { ...row.listing, marketplace: chosen } } : row,
  );
}

/**
 * `marketplace` is the batch's; `chosen` is set only when the page did not say and the seller picked one.
 */
export function usePanelData(host: PanelHost, marketplace: string | null, chosen: string | null = null): PanelData {
  const now = useMinuteClock();
  const [read, setRead] = useState(() => ({ rows: host.rows(), at: Date.now() }));
  const page = useMemo(
    () => pageCandidates(placed(read.rows, chosen), Math.max(0, now - read.at)),
    [read, now, chosen],
  );
  const reread = useCallback(() => {
    const next = { rows: host.rows(), at: Date.now() };
    setRead(next);
    return pageCandidates(placed(next.rows, chosen));
  }, [host, chosen]);

  const [knownState, setKnownState] = useState<{
    status: LoadStatus;
    listings: KnownListing[];
    /** When they arrived: a record from a visit cannot be younger than this. */
    at?: number;
    error?: string;
  }>({ status: 'idle', listings: [] });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const knownRequested = useRef(false);
  const loadKnown = useCallback(() => {
    if (knownRequested.current) return;
    knownRequested.current = true;
    setKnownState({ status: 'loading', listings: [] });
    host.knownListings().then(
      (listings) => {
        if (alive.current) setKnownState({ status: 'ready', listings, at: Date.now() });
      },
      (error: unknown) => {
        knownRequested.current = false;
        if (alive.current) setKnownState({ status: 'error', listings: [], error: errorText(error) });
      },
    );
  }, [host]);

  const knownCandidates = useMemo(
    () =>
      knownState.status === 'ready'
        ? mergeKnown(page, knownState.listings, marketplace, Math.max(now, knownState.at ?? 0))
        : page,
    [knownState, page, marketplace, now],
  );

  const [store, setStore] = useState<StoreContext>(EMPTY_STORE);
  const [loaded, setLoaded] = useState<ReadonlySet<string>>(() => new Set());
  const [storeError, setStoreError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const requested = useRef(new Set<string>());

  // One request per new set of keys: the page's rows when the panel opens, the known SKUs when
  // they arrive. Toggling rows in and out of the selection asks for nothing.
  useEffect(() => {
    void attempt;
    const missing = knownCandidates.map((c) => c.key).filter((key) => !requested.current.has(key));
    if (missing.length === 0) return;
    for (const key of missing) requested.current.add(key);
    host.storeContext(missing).then(
      (context) => {
        if (!alive.current) return;
        setStore((previous) => merge(previous, context));
        setLoaded((previous) => new Set([...previous, ...missing]));
      },
      (error: unknown) => {
        for (const key of missing) requested.current.delete(key);
        if (alive.current) setStoreError(errorText(error));
      },
    );
  }, [host, knownCandidates, attempt]);

  const storeReady = useCallback((keys: readonly string[]) => keys.every((key) => loaded.has(key)), [loaded]);
  const retryStore = useCallback(() => {
    setStoreError(null);
    setAttempt((n) => n + 1);
  }, []);

  return {
    page,
    reread,
    known: {
      status: knownState.status,
      candidates: knownCandidates,
      ...(knownState.error ? { error: knownState.error } : {}),
    },
    loadKnown,
    store,
    storeReady,
    storeError,
    retryStore,
  };
}
