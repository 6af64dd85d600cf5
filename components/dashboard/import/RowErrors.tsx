import { formatNumber, type Language } from '@/lib/i18n';
import type { RowError } from '@/lib/reports';
import type { T } from '../labels';
import { reportText } from './text';

interface Props {
  t: T;
  lang: Language;
  errors: readonly RowError[];
  /** Rows with an error, all of them (more than the errors listed when the file is badly broken). */
  errorRows: number;
}

/** Shown at most: a broken file can have a million bad rows, and the first ones tell the story. */
const SHOWN = 50;

/** The rows that could not be read, each with its line in the file, its column and what is wrong. */
export function RowErrors({ t, lang, errors, errorRows }: Props) {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, SHOWN);
  const listedRows = new Set(shown.map((e) => e.line)).size;
  return (
    <div className="table-scroll">
      <table className="data-table import-errors">
        <caption>{t('import.errors.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.errors.line')}</th>
            <th scope="col">{t('import.errors.column')}</th>
            <th scope="col">{t('import.errors.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            // A row can have several errors on the same line: the index keeps them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
            <tr key={i}>
              <td className="number">{formatNumber(e.line, lang, { useGrouping: true })}</td>
              <td>{e.column ?? ''}</td>
              <td>{reportText(e.messageKey, e.params, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errorRows > listedRows && <p>{t('import.errors.more', { count: errorRows - listedRows })}</p>}
    </div>
  );
}
