import type { ShelfwiseDBv4 } from './v4';

/**
 * Schema version 5: stored day series for velocity (lib/velocity/series.ts, packed by
 * lib/db/day-series.ts). Velocity for a whole marketplace reads a few numbers per SKU and day instead
 * of every observation. Everything here is derived from the observations and changes and is rebuilt
 * from them when missing, of another format, stale or too short (see day-series.ts); earlier versions'
 * stores are unchanged.
 *
 * One marketplace's series are packed into a few records, columns instead of objects (structured clone
 * pays per object): record `chunk` −1 lists the marketplace's SKUs in slot order with the figures every
 * visit moves (last visit, visit count); record k ≥ 0 holds the day series of slots
 * [k · SKUS_PER_CHUNK, (k + 1) · SKUS_PER_CHUNK). A visit that changes nothing rewrites only record −1.
 */

/** The marketplace's SKUs and what every visit moves. */
export interface DaySeriesMarksV5 {
  account: string;
  marketplace: string;
  chunk: -1;
  format: number;
  timeZone: string;
  /** SKU names in slot order, joined by U+0000. */
  skus: string;
  count: number;
  /**
   * Per slot, MARKS numbers (lib/db/day-series.ts): the last visit, visits, the page's own sales
   * figure, and the last stored observation (its instant, channel, listing state and stock figures,
   * NaN where absent): what an ingest compares a new read with, without reading the day series.
   */
  numbers: Float64Array;
}

/** The day series of one chunk of slots; a slot beyond `count` or with `state` 0 has none (built on read). */
export interface DaySeriesChunkV5 {
  account: string;
  marketplace: string;
  chunk: number;
  format: number;
  count: number;
  /** Per slot: 0 none, 1 present. */
  state: Uint8Array;
  /** Per slot, FIXED numbers: first day, complete, first instant, events dropped until, last observation's instant. */
  fixed: Float64Array;
  /** Per slot, SERIES_DAYS units then SERIES_DAYS in-stock days. */
  days: Float64Array;
  /** Per slot: where its variable part starts in `extra`, and the lengths of its three parts. */
  layout: Float64Array;
  /** Out-of-stock days (when any), spans that ran out, event spans, slot after slot. */
  extra: Float64Array;
}

export type DaySeriesRecordV5 = DaySeriesMarksV5 | DaySeriesChunkV5;

export interface ShelfwiseDBv5 extends ShelfwiseDBv4 {
  daySeries: {
    key: [string, string, number];
    value: DaySeriesRecordV5;
  };
}
