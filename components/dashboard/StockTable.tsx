import type { ChartData } from '@/lib/history/chart';
import { formatDate, formatDateTime, formatNumber, type Language } from '@/lib/i18n';
import { DAY_MS } from '@/lib/time';
import { quantity, signed, type T } from './labels';

interface Props {
  data: ChartData;
  sku: string;
  timeZone: string;
  t: T;
  lang: Language;
  /** What an external change is called for this SKU (its ERP's sync, where the ERP manages it). */
  externalLabel?: string;
}

/** The chart's points as tables: every recorded state with the changes found there, and sales per day. */
export function StockTable({ data, sku, timeZone, t, lang, externalLabel }: Props) {
  return (
    <div className="stock-table">
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('history.table.caption', { sku })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.table.when')}</th>
              <th scope="col">{t('term.available')}</th>
              {data.has.reserved && <th scope="col">{t('term.reserved')}</th>}
              {data.has.inbound && <th scope="col">{t('term.inbound')}</th>}
              <th scope="col">{t('history.table.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {data.points.map((point) => (
              <tr key={point.at}>
                <th scope="row">
                  {formatDateTime(point.at, lang, timeZone)}
                  {point.compacted && <span className="hint"> ({t('history.table.compacted')})</span>}
                </th>
                <td className="number">{quantity(point.available, lang, t)}</td>
                {data.has.reserved && <td className="number">{quantity(point.reserved, lang, t)}</td>}
                {data.has.inbound && <td className="number">{quantity(point.inbound, lang, t)}</td>}
                <td>
                  {point.changes
                    .map((change) => {
                      const kind =
                        change.kind === 'external' && externalLabel ? externalLabel : t(`history.kind.${change.kind}`);
                      return `${kind} ${signed(change.delta, lang)}`;
                    })
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.has.sales && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('history.table.salesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.table.day')}</th>
                <th scope="col">{t('history.table.units')}</th>
              </tr>
            </thead>
            <tbody>
              {data.days.map((day) => (
                <tr key={day.day}>
                  {/* Noon of the marketplace day: a date, which no zone can move to the day before. */}
                  <th scope="row">{formatDate(day.start + DAY_MS / 2, lang, timeZone)}</th>
                  <td className="number">
                    {day.units === null
                      ? t('history.table.notSeen')
                      : formatNumber(day.units, lang, { maximumFractionDigits: 1 })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
