import { formatNumber, type Language } from '@/lib/i18n';
import type { ImportSuccess } from '@/lib/reports';
import type { T } from '../labels';
import { needsOf, summarise } from './model';
import { dayText, encodingText, rangeText, reportText, storedText } from './text';
import { UnmappedAsins } from './UnmappedAsins';
import type { Asked } from './useImportFlow';

interface Props {
  t: T;
  lang: Language;
  asked: Asked;
  result: ImportSuccess;
  busy: boolean;
  onCommit: () => void;
  onCancel: () => void;
}

/** Everything the file gave, before anything is stored; Import stores it all in one go. */
export function ImportReview({ t, lang, asked, result, busy, onCommit, onCancel }: Props) {
  const summary = summarise(result);
  const stored = storedText(
    {
      skus: summary.skus,
      periodSales: summary.periodSales,
      fba: summary.fba,
      listings: summary.listings,
      unmapped: summary.unmapped,
      orderLines: 0,
      orderLinesAdded: 0,
      orderLinesUpdated: 0,
    },
    t,
  );
  return (
    <section className="panel import-review" aria-labelledby="import-review-heading">
      <h3 id="import-review-heading">{t('import.review.heading')}</h3>
      <dl className="import-facts">
        <dt>{t('import.field.file')}</dt>
        <dd>{asked.file.name}</dd>
        <dt>{t('import.field.type')}</dt>
        <dd>{t(`reports.type.${result.type}`)}</dd>
        <dt>{t('import.review.encoding')}</dt>
        <dd>{encodingText(result.encoding, t)}</dd>
        <dt>{t('import.review.numbers')}</dt>
        <dd>{t(`import.number.${result.numberLocale}`)}</dd>
        <dt>{t('import.review.rows')}</dt>
        <dd>{formatNumber(result.stats.rows, lang)}</dd>
        {result.period && (
          <>
            <dt>{t('import.review.period')}</dt>
            <dd>{rangeText(result.period.from, result.period.to, lang, t)}</dd>
          </>
        )}
        {needsOf(result.type) === 'report-date' && (
          <>
            <dt>{t('import.review.reportDate')}</dt>
            <dd>{dayText(asked.choices.reportDate, lang)}</dd>
          </>
        )}
        <dt>{t('import.review.marketplaces')}</dt>
        <dd>{result.marketplaces.join(', ') || asked.choices.marketplace}</dd>
        <dt>{t('import.field.account')}</dt>
        <dd>{asked.choices.account}</dd>
        {summary.orderSpan && (
          <>
            <dt>{t('import.review.orders')}</dt>
            <dd>
              {t('import.review.ordersText', {
                lines: formatNumber(summary.orderLines, lang),
                units: formatNumber(summary.orderUnits, lang),
                from: dayText(summary.orderSpan.from, lang),
                to: dayText(summary.orderSpan.to, lang),
              })}
            </dd>
          </>
        )}
        <dt>{t('import.review.stored')}</dt>
        <dd>{summary.storable ? stored : t('import.nothingToStore')}</dd>
      </dl>
      {result.warnings.length > 0 && (
        <div className="notice">
          <h4>{t('import.review.notes')}</h4>
          <ul>
            {result.warnings.map((w) => (
              <li key={w.messageKey}>{reportText(w.messageKey, w.params, t)}</li>
            ))}
          </ul>
        </div>
      )}
      <UnmappedAsins t={t} lang={lang} unmapped={result.unmapped} />
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('import.cancel')}
        </button>
        <button
          type="button"
          className="primary-button"
          onClick={onCommit}
          disabled={busy || !summary.storable}
          aria-busy={busy}
        >
          {busy ? t('import.committing') : t('import.commit')}
        </button>
      </div>
    </section>
  );
}
