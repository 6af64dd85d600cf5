import type { DBSchema } from 'idb';
import type { SalesMeasure } from '../../reports/aggregate';
import type { Encoding } from '../../reports/decode';
import type { MessageParams } from '../../reports/errors';
import type { ReportType } from '../../reports/headers';
import type { NumberLocale } from '../../reports/numbers';
import type { ChangeRecordV1, MetaRecordV1, ObservationRecordV1, SkuRecordV1 } from './v1';
import type { BatchRecordV2, RememberedRecordV2 } from './v2';

/**
 * Schema version 3: what imported Amazon reports leave behind. Daily units from All Orders with
 * the order lines needed to merge a later, overlapping export; units over a period (Business,
 * Restock, FBA Inventory reports); FBA stock detail and Amazon's recommendation per SKU; listings
 * from the listings reports; and a log of every import. Versions 1 and 2's stores are unchanged.
 * Every record is plain JSON data (no typed arrays), so a backup file carries it as it is.
 */

/**
 * The order lines of one SKU in one marketplace, in columns: line i is order `orderIds[i]`,
 * purchased on marketplace day `days[i]` at `purchasedAt[i]`, in the state last updated at
 * `lastUpdatedAt[i]`, counting `units[i]` (0 when `cancelled[i]` is 1). Each order appears once:
 * an import replaces a line only with a state updated at the same time or later.
 */
export interface OrderLinesRecordV3 {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  orderIds: string[];
  days: string[];
  purchasedAt: number[];
  lastUpdatedAt: number[];
  units: number[];
  cancelled: number[];
}

/** Units per marketplace day of one SKU, from its order lines: only days with units, in day order. */
export interface OrderDaysRecordV3 {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  days: Array<{ day: string; units: number }>;
}

/**
 * The days All Orders imports cover for one account and marketplace, as disjoint spans in day
 * order (two imports that touch or overlap make one span). A covered day with no line for a SKU
 * is a day that SKU sold nothing; a day outside every span is not known.
 */
export interface OrderCoverageRecordV3 {
  /** `account␟marketplace`. */
  key: string;
  account: string;
  marketplace: string;
  spans: Array<{ from: string; to: string }>;
}

/** Units of one SKU over a period, both days included. Key: [key, measure, from, to]. */
export interface PeriodSalesRecordV3 {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  asin?: string;
  from: string;
  to: string;
  units: number;
  measure: SalesMeasure;
  /** Sales amount over the period as the report wrote it, with its currency symbol. */
  sales?: number;
  currency?: string;
  source: ReportType;
  importId: string;
  importedAt: number;
}

/** FBA stock as a report gave it. `asOf`: the day it describes, where the report says. */
export interface FbaStockV3 {
  available?: number;
  inbound?: number;
  inboundWorking?: number;
  inboundShipped?: number;
  inboundReceiving?: number;
  reserved?: number;
  unfulfillable?: number;
  asOf?: string;
  source: ReportType;
  importedAt: number;
}

/** Amazon's recommended replenishment (Restock) or ship-in (FBA Inventory) quantity. */
export interface AmazonRecommendationV3 {
  quantity: number;
  shipDate?: string;
  asOf?: string;
  source: ReportType;
  importedAt: number;
}

/** The latest FBA detail known for one SKU; each part keeps the report and day it came from. */
export interface FbaDetailRecordV3 {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  asin?: string;
  fnsku?: string;
  stock?: FbaStockV3;
  recommendation?: AmazonRecommendationV3;
  updatedAt: number;
}

/** A row of an All Listings or Active Listings report (the ASIN → SKU map reads it). */
export interface ReportListingRecordV3 {
  key: string;
  account: string;
  marketplace: string;
  sku: string;
  asin?: string;
  title?: string;
  price?: number;
  quantity?: number;
  status?: string;
  fulfillmentChannel?: string;
  source: ReportType;
  importedAt: number;
}

/** One committed import, as the dashboard lists it. */
export interface ImportLogRecordV3 {
  id: string;
  at: number;
  account: string;
  fileName: string;
  fileSize: number;
  type: ReportType;
  encoding: Encoding;
  numberLocale: NumberLocale;
  marketplaces: string[];
  /** Rows read (not counting blank lines and summary rows). */
  rows: number;
  /**
   * The days the sales figures cover: a Business Report's period, the first to the last purchase
   * day of an All Orders file, a Restock report's last 30 days.
   */
  period?: { from: string; to: string };
  /** The day a Restock report was downloaded. */
  reportDate?: string;
  counts: {
    /** Distinct SKUs the import stored something for. */
    skus: number;
    periodSales: number;
    fba: number;
    listings: number;
    unmapped: number;
    orderLines: number;
    /** Order lines new to the store, and lines whose stored state this import replaced. */
    orderLinesAdded: number;
    orderLinesUpdated: number;
  };
  warnings: Array<{ messageKey: string; params: MessageParams }>;
}

export interface ShelfwiseDBv3 extends DBSchema {
  skus: {
    key: string;
    value: SkuRecordV1;
    indexes: { 'by-marketplace': [string, string]; 'by-asin': string };
  };
  observations: {
    key: [string, number];
    value: ObservationRecordV1;
  };
  changes: {
    key: number;
    value: ChangeRecordV1;
    indexes: { 'by-key-at': [string, number]; 'by-at': number; 'by-batch': string };
  };
  meta: {
    key: string;
    value: MetaRecordV1;
  };
  batches: {
    key: string;
    value: BatchRecordV2;
    indexes: { 'by-marketplace': [string, string]; 'by-created': number };
  };
  remembered: {
    key: string;
    value: RememberedRecordV2;
  };
  orderLines: {
    key: string;
    value: OrderLinesRecordV3;
  };
  orderDays: {
    key: string;
    value: OrderDaysRecordV3;
  };
  orderCoverage: {
    key: string;
    value: OrderCoverageRecordV3;
  };
  periodSales: {
    key: [string, string, string, string];
    value: PeriodSalesRecordV3;
  };
  fbaDetail: {
    key: string;
    value: FbaDetailRecordV3;
  };
  reportListings: {
    key: string;
    value: ReportListingRecordV3;
  };
  imports: {
    key: string;
    value: ImportLogRecordV3;
    indexes: { 'by-at': number };
  };
}
