import type { DBSchema } from 'idb';
import type { SkuMapEntry } from '../../sync/mapping';
import type { Difference, Tolerance } from '../../sync/reconcile';
import type { ColumnMapping } from '../../sync/stock-file';
import type { ChangeRecordV1, MetaRecordV1, ObservationRecordV1, SkuRecordV1 } from './v1';
import type { BatchRecordV2, RememberedRecordV2 } from './v2';
import type {
  FbaDetailRecordV3,
  ImportLogRecordV3,
  OrderCoverageRecordV3,
  OrderDaysRecordV3,
  OrderLinesRecordV3,
  PeriodSalesRecordV3,
  ReportListingRecordV3,
} from './v3';

/**
 * Schema version 4: stock sync (库存对账). Every reconciliation run is kept with the differences it
 * found, because they are the "investigate the cause" list: each can be marked explained with a
 * note, kept by the difference's stable id. The local SKU → MSKU mapping (one record per account)
 * and the column choices the seller made for a stock file whose headers were not recognised (one
 * record per header signature) are remembered for next time. Earlier versions' stores are unchanged.
 */

/** A difference marked explained: the seller's note and when. */
export interface ExplainedNoteV4 {
  note: string;
  at: number;
}

export interface ReconciliationRecordV4 {
  id: string;
  account: string;
  marketplace: string;
  createdAt: number;
  fileName: string;
  tolerance: Tolerance;
  counts: Record<Difference['category'], number>;
  /**
   * Every row of the run but the matches (those are only counted: they need no investigating, and
   * on a 10,000-SKU file they would be most of the record), in the order the table shows them.
   */
  differences: Difference[];
  /** Per difference id. */
  explained: Record<string, ExplainedNoteV4>;
}

/** The seller's local SKU → MSKU entries for one account. */
export interface SkuMapRecordV4 {
  account: string;
  entries: SkuMapEntry[];
  updatedAt: number;
  /** The file the entries were last imported from, when they came from one. */
  fileName?: string;
}

/** The columns the seller chose for a stock file with these headers. */
export interface ColumnMappingRecordV4 {
  signature: string;
  headers: string[];
  mapping: ColumnMapping;
  at: number;
}

export interface ShelfwiseDBv4 extends DBSchema {
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
  reconciliations: {
    key: string;
    value: ReconciliationRecordV4;
    indexes: { 'by-marketplace': [string, string]; 'by-created': number };
  };
  skuMaps: {
    key: string;
    value: SkuMapRecordV4;
  };
  columnMappings: {
    key: string;
    value: ColumnMappingRecordV4;
  };
}
