import { store } from '@/lib/db/open';
import { listImports } from '@/lib/db/reports';
import { formatDateTime, formatNumber, type Language } from '@/lib/i18n';
import type { T } from '../labels';
import { useLoad } from '../useLoad';
import { rangeText, storedText } from './text';

interface Props {
  t: T;
  lang: Language;
  /** Bumped after each import so the log reads the store again. */
  version: number;
}

/** Every committed import, newest first, with what it stored. */
export function ImportLog({ t, lang, version }: Props) {
  const [log] = useLoad(async () => listImports(await store()), `import-log-${version}`);
  return (
    <section className="panel" aria-labelledby="import-log-heading">
      <h3 id="import-log-heading">{t('import.log.heading')}</h3>
      {log.state === 'loading' && <p role="status">{t('history.loading')}</p>}
      {log.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('import.log.loadFailed', { message: log.message })}
        </p>
      )}
      {log.state === 'ready' && log.value.length === 0 && <p>{t('import.log.empty')}</p>}
      {log.state === 'ready' && log.value.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('import.log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.log.when')}</th>
                <th scope="col">{t('import.log.file')}</th>
                <th scope="col">{t('import.log.type')}</th>
                <th scope="col">{t('import.log.account')}</th>
                <th scope="col">{t('import.log.marketplace')}</th>
                <th scope="col">{t('import.log.rows')}</th>
                <th scope="col">{t('import.log.period')}</th>
                <th scope="col">{t('import.log.stored')}</th>
              </tr>
            </thead>
            <tbody>
              {log.value.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, lang)}</td>
                  <td>{entry.fileName}</td>
                  <td>{t(`reports.type.${entry.type}`)}</td>
                  <td>{entry.account}</td>
                  <td>{entry.marketplaces.join(', ')}</td>
                  <td className="number">{formatNumber(entry.rows, lang)}</td>
                  <td>{entry.period ? rangeText(entry.period.from, entry.period.to, lang, t) : ''}</td>
                  <td>{storedText(entry.counts, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
