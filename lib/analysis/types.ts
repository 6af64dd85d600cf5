import type { DayKey } from '../time';

/**
 * One SKU's sales over an analysis period and its stock at the end of it: the input of every
 * analysis here. The dashboard builds these from the store (sales history, latest listing, the
 * stock file's costs); the analysis itself is pure.
 */
export interface SkuPerformance {
  key: string;
  sku: string;
  /** Units sold in the period. */
  units: number;
  /** Sales in the period, in the marketplace's currency; absent when not known (page reads have no prices). */
  revenue?: number;
  /** The period's length in days, at least 1. */
  periodDays: number;
  /** The last day with a sale, whenever it was (may be before the period); absent when none is known. */
  lastSaleDay?: DayKey;
  /** Units on hand at the end of the period (sellable + inbound as the caller decides); absent when unknown. */
  stock?: number;
  /** Unit cost (采购价/成本), where the seller's stock file gives one. */
  cost?: number;
}
