import type { ChangeRecord } from '@/lib/db/schema';
import { changeKindLabel } from '@/lib/history/kind';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { batchLabel, marketplaceTime, quantity, signed, type T } from './labels';
import { historyHash } from './route';

interface Props {
  rows: readonly ChangeRecord[];
  caption: string;
  t: T;
  lang: Language;
  /** Off inside one SKU's history, where every row is that SKU. */
  showSku?: boolean;
  /** Hide the caption where a heading right above already says it. */
  captionHidden?: boolean;
  /** The ERP settings: external changes of the SKUs it manages are named ERP syncs. */
  erp?: Settings['erp'];
}

/** Changes as a table; the SKU links to its history. */
export function ChangesTable({ rows, caption, t, lang, showSku = true, captionHidden = false, erp }: Props) {
  // Only FBA receipts and vanished shipments move stock in transit; the column appears when one did.
  const inbound = rows.some((change) => change.inboundDelta !== undefined);
  return (
    <div className="table-scroll">
      <table className="data-table changes-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {showSku && <th scope="col">{t('history.column.sku')}</th>}
            {showSku && <th scope="col">{t('history.column.marketplace')}</th>}
            <th scope="col">{t('history.column.when')}</th>
            <th scope="col">{t('history.column.kind')}</th>
            <th scope="col">{t('history.column.origin')}</th>
            <th scope="col">{t('history.column.before')}</th>
            <th scope="col">{t('history.column.after')}</th>
            <th scope="col">{t('history.column.change')}</th>
            {inbound && <th scope="col">{t('history.column.inboundChange')}</th>}
            <th scope="col">{t('history.column.batch')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((change) => (
            <tr key={change.id ?? `${change.key}\u001f${change.at}\u001f${change.kind}`} data-kind={change.kind}>
              {showSku && (
                <td className="sku-cell">
                  <a href={historyHash(change.key)} aria-label={t('history.openHistory', { sku: change.sku })}>
                    {change.sku}
                  </a>
                </td>
              )}
              {showSku && <td>{change.marketplace}</td>}
              <td>{marketplaceTime(change.at, change.marketplace, lang)}</td>
              <td>
                <span className={`kind kind-${change.kind}`}>{changeKindLabel(t, change.kind, change.key, erp)}</span>
              </td>
              <td>{t(`history.origin.${change.origin}`)}</td>
              <td className="number">{quantity(change.before, lang, t)}</td>
              <td className="number">{quantity(change.after, lang, t)}</td>
              <td className="number">{signed(change.delta, lang)}</td>
              {inbound && (
                <td className="number">{change.inboundDelta === undefined ? '' : signed(change.inboundDelta, lang)}</td>
              )}
              <td>{batchLabel(change.batchId, change.marketplace, lang, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
