/**
 * Importing Amazon reports: everything the dashboard (and its import worker) needs.
 * importReport() is the entry point; inspectReport() reads only the start of a file to know what to
 * ask the seller first; OrderBook merges order lines across imports; formatReportMessage() turns
 * an error or warning into text in the seller's language.
 */
export { type FbaDetail, type PeriodSales, type ReportListing, toListing, type UnmappedAsin } from './aggregate';
export type { DateOrder } from './dates';
export { ENCODINGS, type Encoding, isEncoding, streamChunks } from './decode';
export { formatReportMessage, type ImportError, type MessageParams, type RowError, type Warning } from './errors';
export { isReportType, REPORT_TYPES, type ReportType } from './headers';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportRejection,
  type ImportResult,
  type ImportSuccess,
  type Inspection,
  importReport,
  inspectReport,
} from './import';
export { NUMBER_LOCALES, type NumberLocale } from './numbers';
export {
  dailyFromLines,
  dailyFromTable,
  OrderBook,
  type OrderLine,
  type OrderLineTable,
  orderIdAt,
  orderLines,
  type SkuDailySales,
} from './orders';
