import type { ImportOptions, ImportProgress, ImportRejection, ImportResult, Inspection } from '@/lib/reports';

/**
 * Messages between the dashboard and its report worker. The file travels as a Blob (structured
 * clone hands the worker a reference, not a copy) and is read there as a stream; options are plain
 * data (a function would not survive the clone, which is why progress and cancelling are messages).
 */

export type InspectOptions = Pick<ImportOptions, 'encoding' | 'type' | 'marketplace'>;
export type WorkerImportOptions = Omit<ImportOptions, 'signal' | 'onProgress'>;

export type WorkerRequest =
  | { kind: 'inspect'; id: number; file: Blob; options: InspectOptions }
  | { kind: 'import'; id: number; file: Blob; options: WorkerImportOptions }
  | { kind: 'cancel'; id: number };

export type WorkerReply =
  | { kind: 'progress'; id: number; progress: ImportProgress }
  | { kind: 'inspected'; id: number; result: Inspection | ImportRejection }
  | { kind: 'imported'; id: number; result: ImportResult }
  /** Something the library does not turn into a rejection: a bug, reported rather than hung on. */
  | { kind: 'crashed'; id: number; message: string };
