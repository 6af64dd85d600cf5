import { MARKETPLACES } from '@/lib/marketplaces';
import { DEFAULT_ACCOUNT } from '@/lib/model/keys';
import type { DateOrder, Encoding, ImportSuccess, Inspection, NumberLocale, ReportType } from '@/lib/reports';
import type { Settings } from '@/lib/settings';
import type { WorkerImportOptions } from './protocol';

/**
 * What the import flow decides outside React: what to ask of the seller for a file, the options
 * the worker gets, and what a result holds, so the components only show it.
 */

/** What the seller chose (or accepted) for one file. `auto` keeps the file's own evidence. */
export interface Choices {
  type: ReportType;
  encoding: Encoding;
  numberLocale: NumberLocale | 'auto';
  dateOrder: DateOrder | 'auto';
  /** The marketplace for rows the file does not give one. */
  marketplace: string;
  account: string;
  periodFrom: string;
  periodTo: string;
  reportDate: string;
}

/** A Business Report does not say its period; a Restock report does not say when it was made. */
export function needsOf(type: ReportType): 'period' | 'report-date' | null {
  if (type === 'business-child' || type === 'business-asin') return 'period';
  if (type === 'restock') return 'report-date';
  return null;
}

/** Reports whose rows say their marketplace themselves; for the others the choice is the only one. */
export function marketplaceInFile(type: ReportType): boolean {
  return type === 'all-orders' || type === 'fba-inventory' || type === 'restock';
}

/** A day in this computer's calendar, as `YYYY-MM-DD` (a file's download day, today). */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface KnownPlace {
  account: string;
  marketplace: string;
}

/** The accounts the seller can store an import under: those the store knows, and the settings' own. */
export function accountChoices(known: readonly KnownPlace[], settings: Settings): Array<{ id: string; name: string }> {
  const ids = new Set<string>(known.map((k) => k.account));
  for (const a of settings.accounts) ids.add(a.id);
  if (settings.activeAccount) ids.add(settings.activeAccount);
  if (ids.size === 0) ids.add(DEFAULT_ACCOUNT);
  const name = (id: string) => settings.accounts.find((a) => a.id === id)?.name || id;
  return [...ids].map((id) => ({ id, name: name(id) }));
}

/** Marketplace codes, those the store has seen first. */
export function marketplaceChoices(known: readonly KnownPlace[]): string[] {
  const seen = [...new Set(known.map((k) => k.marketplace))];
  return [...seen, ...MARKETPLACES.map((m) => m.code).filter((code) => !seen.includes(code))];
}

/**
 * The first choices for a file: what the file says, the account and marketplace the store knows
 * (the seller's active account first), and the file's own date as the day a Restock report was
 * downloaded (a download keeps it).
 */
export function defaultChoices(
  inspection: Inspection,
  known: readonly KnownPlace[],
  settings: Settings,
  lastModified: number,
): Choices {
  const accounts = accountChoices(known, settings);
  const account =
    (settings.activeAccount && accounts.some((a) => a.id === settings.activeAccount)
      ? settings.activeAccount
      : known[0]?.account) ??
    accounts[0]?.id ??
    DEFAULT_ACCOUNT;
  const marketplace = known.find((k) => k.account === account)?.marketplace ?? known[0]?.marketplace ?? 'US';
  return {
    type: inspection.type,
    encoding: inspection.encoding,
    numberLocale: 'auto',
    dateOrder: 'auto',
    marketplace,
    account,
    periodFrom: '',
    periodTo: '',
    reportDate: localDay(lastModified),
  };
}

/** The worker's options for the chosen answers; the ASIN map only for the by-ASIN Business Report. */
export function importOptions(
  choices: Choices,
  inspection: Inspection,
  asinToSku?: Record<string, string[]>,
): WorkerImportOptions {
  const options: WorkerImportOptions = { marketplace: choices.marketplace };
  if (choices.type !== inspection.type) options.type = choices.type;
  // Only an encoding the seller changed is an override; the detected one is found again.
  if (choices.encoding !== inspection.encoding) options.encoding = choices.encoding;
  if (choices.numberLocale !== 'auto') options.numberLocale = choices.numberLocale;
  if (choices.dateOrder !== 'auto') options.dateOrder = choices.dateOrder;
  const needs = needsOf(choices.type);
  if (needs === 'period') options.period = { from: choices.periodFrom, to: choices.periodTo };
  if (needs === 'report-date') options.reportDate = choices.reportDate;
  if (choices.type === 'business-asin' && asinToSku) options.asinToSku = asinToSku;
  return options;
}

export interface ResultSummary {
  /** Distinct SKUs something will be stored for. */
  skus: number;
  periodSales: number;
  fba: number;
  listings: number;
  unmapped: number;
  orderLines: number;
  /** Units counted from the order lines (cancelled lines count 0). */
  orderUnits: number;
  /** First and last purchase day of the order lines. */
  orderSpan?: { from: string; to: string };
  /** Whether the import would store anything at all. */
  storable: boolean;
}

export function summarise(result: ImportSuccess): ResultSummary {
  const skus = new Set<string>();
  const key = (marketplace: string | null, sku: string) => `${marketplace ?? ''}\u001f${sku}`;
  for (const s of result.sales) skus.add(key(s.marketplace, s.sku));
  for (const f of result.fba) skus.add(key(f.marketplace, f.sku));
  for (const l of result.listings) skus.add(key(l.marketplace, l.sku));
  let orderUnits = 0;
  let orderSpan: ResultSummary['orderSpan'];
  for (const d of result.orders?.daily ?? []) {
    skus.add(key(d.marketplace, d.sku));
    for (const day of d.days) orderUnits += day.units;
    if (!orderSpan) orderSpan = { from: d.from, to: d.to };
    else {
      if (d.from < orderSpan.from) orderSpan.from = d.from;
      if (d.to > orderSpan.to) orderSpan.to = d.to;
    }
  }
  const orderLines = result.orders?.lines.size ?? 0;
  const summary: ResultSummary = {
    skus: skus.size,
    periodSales: result.sales.length,
    fba: result.fba.length,
    listings: result.listings.length,
    unmapped: result.unmapped.length,
    orderLines,
    orderUnits,
    storable: result.sales.length + result.fba.length + result.listings.length + orderLines > 0,
  };
  if (orderSpan) summary.orderSpan = orderSpan;
  return summary;
}
