/**
 * The current schema. To change it: copy the latest schemas/vN.ts to vN+1.ts, change it there,
 * bump DB_VERSION, and add an `if (oldVersion < N+1)` step in migrations.ts.
 */
export type {
  ChangeKindV1 as ChangeKind,
  ChangeOrigin,
  ChangeRecordV1 as ChangeRecord,
  MetaRecordV1 as MetaRecord,
  ObservationRecordV1 as ObservationRecord,
  SkuRecordV1 as SkuRecord,
} from './schemas/v1';
export type {
  BatchRecordV2 as BatchRecord,
  BatchRowV2 as BatchRow,
  RememberedRecordV2 as RememberedRecord,
} from './schemas/v2';
export type {
  AmazonRecommendationV3 as AmazonRecommendation,
  FbaDetailRecordV3 as FbaDetailRecord,
  FbaStockV3 as FbaStock,
  ImportLogRecordV3 as ImportLogRecord,
  OrderCoverageRecordV3 as OrderCoverageRecord,
  OrderDaysRecordV3 as OrderDaysRecord,
  OrderLinesRecordV3 as OrderLinesRecord,
  PeriodSalesRecordV3 as PeriodSalesRecord,
  ReportListingRecordV3 as ReportListingRecord,
} from './schemas/v3';
export type {
  ColumnMappingRecordV4 as ColumnMappingRecord,
  ExplainedNoteV4 as ExplainedNote,
  ReconciliationRecordV4 as ReconciliationRecord,
  SkuMapRecordV4 as SkuMapRecord,
} from './schemas/v4';
export type {
  DaySeriesChunkV6 as DaySeriesChunk,
  DaySeriesMarksV6 as DaySeriesMarks,
  DaySeriesRecordV6 as DaySeriesRecord,
  ShelfwiseDBv6 as ShelfwiseDB,
} from './schemas/v6';

export const DB_NAME = 'shelfwise';
export const DB_VERSION = 6;
