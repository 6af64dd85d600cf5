import { formatNumber, type Language } from '@/lib/i18n';
import type { UnmappedAsin } from '@/lib/reports';
import type { T } from '../labels';

interface Props {
  t: T;
  lang: Language;
  unmapped: readonly UnmappedAsin[];
}

/** By-ASIN Business Report rows no single SKU could take: listed, never given to a SKU by guess. */
export function UnmappedAsins({ t, lang, unmapped }: Props) {
  if (unmapped.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('import.unmapped.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.unmapped.asin')}</th>
            <th scope="col">{t('import.unmapped.title')}</th>
            <th scope="col">{t('import.unmapped.units')}</th>
            <th scope="col">{t('import.unmapped.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {unmapped.map((u) => (
            <tr key={u.asin}>
              <td>{u.asin}</td>
              <td>{u.title ?? ''}</td>
              <td className="number">{formatNumber(u.units, lang)}</td>
              <td>
                {u.reason === 'ambiguous'
                  ? t('reports.unmapped.ambiguous', { skus: u.skus.join(', ') })
                  : t('reports.unmapped.unknown')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
