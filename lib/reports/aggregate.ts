import { type Marketplace, marketplaceByCode } from '../marketplaces';
import { type Listing, ListingSchema } from '../model/listing';
import { addDays, type DayKey } from '../time';
import type { ReportType } from './headers';
import { OrderAggregator } from './orders';
import { own, type RowProblem } from './parse';
import type {
  AllOrdersRow,
  BusinessAsinRow,
  BusinessChildRow,
  FbaInventoryRow,
  ListingRow,
  ManageFbaRow,
  RestockRow,
} from './schemas';

/**
 * Validated rows → what Shelfwise stores: units over a period from period reports, FBA stock detail
 * per SKU, listings, and (through ./orders) daily units per SKU from order lines. Everything here is
 * bounded by distinct keys (SKUs, ASINs, order lines, days), never by the number of rows read.
 */

/** What a period figure counts: units ordered (Business Report), shipped (FBA), or sold (Restock). */
export type SalesMeasure = 'ordered' | 'shipped' | 'sold';

/** Units over a period, both days included. */
export interface PeriodSales {
  marketplace: string | null;
  sku: string;
  asin?: string;
  from: DayKey;
  to: DayKey;
  units: number;
  measure: SalesMeasure;
  /** Sales amount over the same period, as written, with the currency symbol it was written with. */
  sales?: number;
  currency?: string;
  source: ReportType;
}

/** A by-ASIN Business Report row whose units could not be given to one SKU. */
export interface UnmappedAsin {
  asin: string;
  title?: string;
  units: number;
  sales?: number;
  currency?: string;
  line: number;
  reason: 'unknown' | 'ambiguous';
  /** The SKUs that share the ASIN, when there are several. */
  skus: string[];
}

/** FBA stock per SKU, named as lib/model/listing's Stock. Absent: the report does not give it. */
export interface FbaDetail {
  marketplace: string | null;
  sku: string;
  asin?: string;
  fnsku?: string;
  /** The day the figures describe (snapshot date, or the day the Restock report was downloaded). */
  asOf?: DayKey;
  available?: number;
  inbound?: number;
  inboundWorking?: number;
  inboundShipped?: number;
  inboundReceiving?: number;
  reserved?: number;
  unfulfillable?: number;
  /** Amazon's recommended replenishment (Restock) or ship-in (FBA Inventory) quantity. */
  recommendedQuantity?: number;
  recommendedShipDate?: DayKey;
  source: ReportType;
}

export interface ReportListing extends ListingRow {
  marketplace: string | null;
}

export interface CollectOptions {
  marketplace?: Marketplace;
  /** Business Report period, both days included. */
  period?: { from: DayKey; to: DayKey };
  /** The day a Restock report was downloaded. */
  reportDate?: DayKey;
  /** ASIN → the seller's SKUs with that ASIN, for the by-ASIN Business Report. */
  asinToSku?: Readonly<Record<string, readonly string[]>>;
}

export interface Collected {
  sales: PeriodSales[];
  fba: FbaDetail[];
  listings: ReportListing[];
  unmapped: UnmappedAsin[];
  orders?: OrderAggregator;
}

/**
 * `base` with the defined values of `extra`, every string copied out of the file's text (see
 * `own`): what is collected outlives the chunks it was read from.
 */
function define<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out = base as Record<string, unknown>;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'string') out[k] = own(v);
  return base;
}

/** Marketplace from a report's own column (`US`, `GB`), the chosen one when the column is empty. */
function rowMarketplace(
  value: string | undefined,
  column: string,
  fallback: Marketplace | undefined,
): { code: string | null } | RowProblem {
  if (value === undefined) return { code: fallback?.code ?? null };
  const m = marketplaceByCode(value);
  if (m) return { code: m.code };
  return { column, value, messageKey: 'reports.row.unknownMarketplace', params: { column, value } };
}

/** Remembers the first line of each key to report a repeat. */
class Seen {
  private readonly first = new Map<string, number>();
  repeat(key: string, label: string, line: number): RowProblem | undefined {
    const first = this.first.get(key);
    if (first !== undefined) return { messageKey: 'reports.row.duplicateKey', params: { key: label, first } };
    this.first.set(own(key), line);
    return undefined;
  }
}

const SHIPPED_WINDOWS = [
  ['shippedT7', 7],
  ['shippedT30', 30],
  ['shippedT60', 60],
  ['shippedT90', 90],
] as const;

/**
 * A row sink per report type, and what it collected. The parser calls `sink` for each valid row;
 * a returned problem makes that row an error.
 */
export function createCollector(
  type: ReportType,
  options: CollectOptions,
): { sink: (row: unknown, line: number) => RowProblem | undefined; collected: Collected } {
  const collected: Collected = { sales: [], fba: [], listings: [], unmapped: [] };
  const seen = new Seen();
  const fallback = options.marketplace;

  switch (type) {
    case 'all-orders': {
      const orders = new OrderAggregator(fallback);
      collected.orders = orders;
      return { sink: (row) => orders.add(row as AllOrdersRow), collected };
    }
    case 'business-child':
    case 'business-asin': {
      const period = options.period as { from: DayKey; to: DayKey };
      const marketplace = fallback?.code ?? null;
      const sale = (row: BusinessAsinRow, sku: string): PeriodSales =>
        define(
          {
            marketplace,
            sku,
            asin: row.asin,
            from: period.from,
            to: period.to,
            units: row.unitsOrdered,
            measure: 'ordered' as SalesMeasure,
            source: type,
          },
          { sales: row.sales, currency: row.salesCurrency },
        );
      if (type === 'business-child') {
        return {
          sink: (row, line) => {
            const r = row as BusinessChildRow;
            const repeat = seen.repeat(r.sku, r.sku, line);
            if (repeat) return repeat;
            collected.sales.push(sale(r, r.sku));
            return undefined;
          },
          collected,
        };
      }
      const map = options.asinToSku ?? {};
      return {
        sink: (row, line) => {
          const r = row as BusinessAsinRow;
          const repeat = seen.repeat(r.asin, r.asin, line);
          if (repeat) return repeat;
          const skus = Object.hasOwn(map, r.asin) ? [...new Set(map[r.asin])] : [];
          if (skus.length === 1) collected.sales.push(sale(r, skus[0] as string));
          else {
            collected.unmapped.push(
              define(
                { asin: r.asin, units: r.unitsOrdered, line, reason: skus.length ? 'ambiguous' : 'unknown', skus },
                { title: r.title, sales: r.sales, currency: r.salesCurrency },
              ) as UnmappedAsin,
            );
          }
          return undefined;
        },
        collected,
      };
    }
    case 'fba-inventory':
      return {
        sink: (row, line) => {
          const r = row as FbaInventoryRow;
          const m = rowMarketplace(r.marketplace, 'marketplace', fallback);
          if (!('code' in m)) return m;
          const repeat = seen.repeat(`${m.code}\u001f${r.sku}`, r.sku, line);
          if (repeat) return repeat;
          collected.fba.push(
            define({ marketplace: m.code, sku: r.sku, asOf: r.snapshotDate, source: type } as FbaDetail, {
              asin: r.asin,
              fnsku: r.fnsku,
              available: r.available,
              inbound: r.inbound,
              inboundWorking: r.inboundWorking,
              inboundShipped: r.inboundShipped,
              inboundReceiving: r.inboundReceiving,
              reserved: r.reserved,
              unfulfillable: r.unfulfillable,
              recommendedQuantity: r.recommendedQuantity,
              recommendedShipDate: r.recommendedDate,
            }),
          );
          // "Units shipped in the last N days" are taken to end the day before the snapshot.
          const to = addDays(r.snapshotDate, -1);
          for (const [key, days] of SHIPPED_WINDOWS) {
            const units = r[key];
            if (units === undefined) continue;
            collected.sales.push(
              define(
                {
                  marketplace: m.code,
                  sku: r.sku,
                  from: addDays(r.snapshotDate, -days),
                  to,
                  units,
                  measure: 'shipped' as SalesMeasure,
                  source: type,
                },
                { asin: r.asin },
              ),
            );
          }
          return undefined;
        },
        collected,
      };
    case 'restock': {
      const reportDate = options.reportDate as DayKey;
      return {
        sink: (row, line) => {
          const r = row as RestockRow;
          const m = rowMarketplace(r.country, 'Country', fallback);
          if (!('code' in m)) return m;
          const repeat = seen.repeat(`${m.code}\u001f${r.sku}`, r.sku, line);
          if (repeat) return repeat;
          const reservedParts = [r.fcTransfer, r.fcProcessing, r.customerOrder].filter((n) => n !== undefined);
          collected.fba.push(
            define({ marketplace: m.code, sku: r.sku, asOf: reportDate, source: type } as FbaDetail, {
              asin: r.asin,
              fnsku: r.fnsku,
              available: r.available,
              inbound: r.inbound,
              inboundWorking: r.inboundWorking,
              inboundShipped: r.inboundShipped,
              inboundReceiving: r.inboundReceiving,
              // Restock splits reserved stock into its three kinds; the total is their sum.
              reserved: reservedParts.length
                ? reservedParts.reduce((a, b) => (a as number) + (b as number), 0)
                : undefined,
              unfulfillable: r.unfulfillable,
              recommendedQuantity: r.recommendedQuantity,
              recommendedShipDate: r.recommendedDate,
            }),
          );
          collected.sales.push(
            define(
              {
                marketplace: m.code,
                sku: r.sku,
                from: addDays(reportDate, -30),
                to: addDays(reportDate, -1),
                units: r.unitsSold30,
                measure: 'sold' as SalesMeasure,
                source: type,
              },
              { asin: r.asin, sales: r.sales30, currency: r.currency ?? r.sales30Currency },
            ),
          );
          return undefined;
        },
        collected,
      };
    }
    case 'manage-fba':
      return {
        sink: (row, line) => {
          const r = row as ManageFbaRow;
          const repeat = seen.repeat(r.sku, r.sku, line);
          if (repeat) return repeat;
          // Merchant-fulfilled rows of this report carry no FBA stock.
          if (r.afnListingExists?.toLowerCase() === 'no' && r.available === undefined) return undefined;
          collected.fba.push(
            define({ marketplace: fallback?.code ?? null, sku: r.sku, source: type } as FbaDetail, {
              asin: r.asin,
              fnsku: r.fnsku,
              available: r.available,
              inboundWorking: r.inboundWorking,
              inboundShipped: r.inboundShipped,
              inboundReceiving: r.inboundReceiving,
              reserved: r.reserved,
              unfulfillable: r.unfulfillable,
            }),
          );
          return undefined;
        },
        collected,
      };
    case 'all-listings':
    case 'active-listings':
      return {
        sink: (row, line) => {
          const r = row as ListingRow;
          const repeat = seen.repeat(r.sku, r.sku, line);
          if (repeat) return repeat;
          collected.listings.push(define({ marketplace: fallback?.code ?? null } as ReportListing, r));
          return undefined;
        },
        collected,
      };
  }
}

const ACTIVE_STATUSES = new Set(['active', 'aktiv', 'attivo', 'actif', 'activo', '在售', '出品中']);

/**
 * A listings-report row as the Listing every reader produces. Merchant rows carry their quantity
 * as available stock; FBA rows leave stock to the FBA reports (the listing report's quantity is
 * empty for them).
 */
export function toListing(row: ReportListing, account: string): Listing | undefined {
  const channel = row.fulfillmentChannel?.toUpperCase().startsWith('AMAZON') ? 'fba' : 'mfn';
  const state = row.status === undefined || ACTIVE_STATUSES.has(row.status.toLowerCase()) ? 'active' : 'inactive';
  const listing = define(
    {
      account,
      marketplace: row.marketplace,
      sku: row.sku,
      channel,
      quantityEditable: channel === 'mfn',
      stock: channel === 'mfn' && row.quantity !== undefined ? { available: row.quantity } : {},
      state,
      reasons: [],
      statusText: row.status ?? '',
      isParent: false,
    },
    { asin: row.asin, title: row.title, price: row.price },
  );
  const checked = ListingSchema.safeParse(listing);
  return checked.success ? checked.data : undefined;
}
