import { useId } from 'react';
import type { ReconciliationRecord } from '@/lib/db/schema';
import { formatNumber, type Language } from '@/lib/i18n';
import type { Category, Difference } from '@/lib/sync/reconcile';
import type { T } from '../labels';
import { ExplainCell } from './ExplainCell';

/** Rows listed per category; the export carries all of them. */
export const SHOWN_ROWS = 200;
const INVESTIGATED: ReadonlySet<Category> = new Set(['differs', 'only-file', 'only-amazon']);

interface Props {
  t: T;
  lang: Language;
  category: Category;
  rows: readonly Difference[];
  explained: ReconciliationRecord['explained'];
  onExplain: (difference: Difference, note: string | null) => Promise<void>;
}

/** One category of a reconciliation as a table; FBA rows carry the "for information only" note. */
export function DifferenceTable({ t, lang, category, rows, explained, onExplain }: Props) {
  const id = useId();
  const name = t(`sync.category.${category}`);
  const number = (value: number | undefined) =>
    value === undefined ? t('syncUi.result.unknown') : formatNumber(value, lang);
  const investigated = INVESTIGATED.has(category);
  return (
    <section aria-labelledby={`${id}-heading`} data-category={category} className="sync-category">
      <h4 id={`${id}-heading`}>{t('syncUi.result.categoryHeading', { category: name, count: rows.length })}</h4>
      {category === 'fba' && <p className="hint">{t('syncUi.result.fbaNote')}</p>}
      {rows.length > SHOWN_ROWS && <p className="hint">{t('syncUi.result.truncated', { shown: SHOWN_ROWS })}</p>}
      <table>
        <caption className="visually-hidden">{name}</caption>
        <thead>
          <tr>
            <th scope="col">{t('syncUi.result.sku')}</th>
            <th scope="col">{t('sync.column.localSku')}</th>
            <th scope="col">{t('sync.reconcile.fileQuantity')}</th>
            <th scope="col">{t('sync.reconcile.amazonQuantity')}</th>
            <th scope="col">{t('sync.reconcile.difference')}</th>
            {category === 'fba' && <th scope="col">{t('sync.reconcile.inbound')}</th>}
            {investigated && <th scope="col">{t('syncUi.result.status')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_ROWS).map((d) => (
            <tr key={d.id} data-sku={d.sku} data-category={d.category}>
              <th scope="row">
                {d.sku}
                {d.closed && <span className="hint"> ({t('syncUi.result.closed')})</span>}
              </th>
              <td>
                {d.stock?.localSkus.join(', ') ?? ''}
                {d.stock && d.stock.sharedWith.length > 0 && (
                  <span className="hint"> ({t('syncUi.result.shared')})</span>
                )}
              </td>
              <td data-field="file">{d.fileQuantity === undefined ? '' : formatNumber(d.fileQuantity, lang)}</td>
              <td data-field="amazon">{d.key === undefined ? '' : number(d.amazonQuantity)}</td>
              <td data-field="delta">
                {d.delta === undefined ? '' : formatNumber(d.delta, lang, { signDisplay: 'exceptZero' })}
              </td>
              {category === 'fba' && <td>{d.inbound === undefined ? '' : formatNumber(d.inbound, lang)}</td>}
              {investigated && (
                <td>
                  <ExplainCell t={t} sku={d.sku} explained={explained[d.id]} onSave={(note) => onExplain(d, note)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
