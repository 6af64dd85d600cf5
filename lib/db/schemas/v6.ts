import type { ShelfwiseDBv4 } from './v4';
import type { DaySeriesMarksV5 } from './v5';

/**
 * Schema version 6: the day series of version 5 in fewer, larger records. Reading a marketplace's
 * series went through one structured-clone record per 256 SKUs (≈ 470 KB each, 40 for 10,000 SKUs);
 * Chromium stores values that large as separate blobs, and reading 40 of them cost more than reading
 * the same bytes as 5 (bench velocity-store). A chunk now holds SKUS_PER_CHUNK = 2048 slots (format 2
 * in lib/db/day-series.ts), and a series keeps its in-stock time as a few stretches of instants instead
 * of a number per day (728 of its 1,844 bytes before), which also shrinks what a read copies.
 *
 * Derived data: the upgrade step drops version 5's series, and the first velocity read of each
 * marketplace rebuilds them from the observations (day-series.ts, rebuildDaySeries). Every other store
 * is as in version 5.
 */

/** The marketplace's SKUs and what every visit moves: as in version 5. */
export type DaySeriesMarksV6 = DaySeriesMarksV5;

/** The day series of one chunk of slots; a slot beyond `count` or with `state` 0 has none (built on read). */
export interface DaySeriesChunkV6 {
  account: string;
  marketplace: string;
  chunk: number;
  format: number;
  count: number;
  /** Per slot: 0 none, 1 present. */
  state: Uint8Array;
  /**
   * Per slot, FIXED numbers: first day (whole days since 1970-01-01), complete, first instant, events
   * dropped until, last observation's instant.
   */
  fixed: Float64Array;
  /** Per slot, SERIES_DAYS units. */
  days: Float64Array;
  /** Per slot: where its variable part starts in `extra`, and the lengths of its four parts. */
  layout: Uint32Array;
  /** In-stock stretches, out-of-stock days (when any), spans that ran out, event spans, slot after slot. */
  extra: Float64Array;
}

export type DaySeriesRecordV6 = DaySeriesMarksV6 | DaySeriesChunkV6;

export interface ShelfwiseDBv6 extends ShelfwiseDBv4 {
  daySeries: {
    key: [string, string, number];
    value: DaySeriesRecordV6;
  };
}
