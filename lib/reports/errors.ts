import type { ReportsKey } from '../i18n/catalog/reports';
import type { Translate } from '../i18n/core';

/**
 * What can go wrong with an import, as data: a message key from the `reports` catalog and its
 * parameters. The library never formats text itself; the dashboard does, in the seller's language.
 */

export type MessageParams = Record<string, string | number>;

/** One row that could not be read. `line` is the file line (header = 1) on which the row starts. */
export interface RowError {
  line: number;
  /** The column's header exactly as the file writes it. */
  column?: string;
  /** The offending cell, cut to 80 characters. */
  value?: string;
  messageKey: ReportsKey;
  params: MessageParams;
}

export const IMPORT_ERROR_CODES = [
  'empty',
  'binary',
  'encoding',
  'truncated',
  'unclosed-quote',
  'record-too-long',
  'unrecognised',
  'missing-columns',
  'duplicate-column',
  'period-required',
  'report-date-required',
  'bad-period',
  'marketplace-required',
  'rows',
  'cancelled',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
  code: ImportErrorCode;
  messageKey: ReportsKey;
  params: MessageParams;
}

/** Thrown inside the pipeline; importReport turns it into `{ ok: false }`. */
export class ImportFailure extends Error {
  constructor(readonly error: ImportError) {
    super(`${error.code}: ${error.messageKey} ${JSON.stringify(error.params)}`);
    this.name = 'ImportFailure';
  }
}

export function fail(code: ImportErrorCode, messageKey: ReportsKey, params: MessageParams = {}): never {
  throw new ImportFailure({ code, messageKey, params });
}

export interface Warning {
  messageKey: ReportsKey;
  params: MessageParams;
}

/** Keeps the first `limit` row errors and counts the rest, so a broken million-row file costs little memory. */
export class ErrorLog {
  readonly errors: RowError[] = [];
  count = 0;

  constructor(readonly limit: number) {}

  add(error: RowError): void {
    this.count++;
    if (this.errors.length < this.limit) this.errors.push(error);
  }
}

const MAX_VALUE = 80;

export function cellForMessage(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
}

/**
 * Formats a message from the reports catalog. A `type` parameter holding a report type is replaced
 * by that report's translated name, and an `order` parameter by the translated date order.
 */
export function formatReportMessage(t: Translate<ReportsKey>, messageKey: ReportsKey, params: MessageParams): string {
  const filled: MessageParams = { ...params };
  if (typeof params.type === 'string') filled.type = t(`reports.type.${params.type}` as ReportsKey);
  if (params.order === 'dmy' || params.order === 'mdy') filled.order = t(`reports.dateOrder.${params.order}`);
  return t(messageKey, filled);
}
