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
  ShelfwiseDBv2 as ShelfwiseDB,
} from './schemas/v2';

export const DB_NAME = 'shelfwise';
export const DB_VERSION = 2;
