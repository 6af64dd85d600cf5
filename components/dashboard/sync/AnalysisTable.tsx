import { useId } from 'react';
import { CSV_TYPE, type TableColumn, toCsv } from '@/lib/export/csv';
import { toXlsx, XLSX_TYPE } from '@/lib/export/xlsx';
import { formatNumber, type Language } from '@/lib/i18n';
import { datedName, saveFile } from '../files';
import type { T } from '../labels';

const SHOWN = 100;

interface Props<Row> {
  t: T;
  lang: Language;
  title: string;
  /** File name prefix of the exports. */
  file: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** A line under the title (a total, what is left out). */
  note?: string;
}

/** One analysis list: the table as its export columns define it, and the list as CSV or .xlsx. */
export function AnalysisTable<Row>({ t, lang, title, file, columns, rows, rowKey, note }: Props<Row>) {
  const id = useId();
  const cell = (value: string | number | null | undefined) =>
    typeof value === 'number' ? formatNumber(value, lang, { maximumFractionDigits: 4 }) : (value ?? '');
  return (
    <section aria-labelledby={`${id}-title`} className="sync-analysis-list">
      <h4 id={`${id}-title`}>{title}</h4>
      {note && <p>{note}</p>}
      <p>
        <button
          type="button"
          aria-label={t('syncUi.analysis.exportCsvOf', { list: title })}
          disabled={rows.length === 0}
          onClick={() => saveFile([toCsv(columns, rows)], CSV_TYPE, datedName(file, 'csv'))}
        >
          {t('sync.analysis.exportCsv')}
        </button>{' '}
        <button
          type="button"
          aria-label={t('syncUi.analysis.exportXlsxOf', { list: title })}
          disabled={rows.length === 0}
          onClick={() =>
            saveFile([toXlsx(columns, rows, { sheetName: title }) as BlobPart], XLSX_TYPE, datedName(file, 'xlsx'))
          }
        >
          {t('sync.analysis.exportXlsx')}
        </button>
      </p>
      {rows.length === 0 ? (
        <p>{t('syncUi.analysis.empty')}</p>
      ) : (
        <>
          {rows.length > SHOWN && (
            <p className="hint">{t('syncUi.analysis.firstRows', { shown: SHOWN, count: rows.length })}</p>
          )}
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.header} scope="row">
                        {cell(c.value(row))}
                      </th>
                    ) : (
                      <td key={c.header}>{cell(c.value(row))}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
