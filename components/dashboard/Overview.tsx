import { store } from '@/lib/db/open';
import { marketplaceSummaries } from '@/lib/history/overview';
import { formatNumber, type Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { kindCounts, listOf, marketplaceTime, type T } from './labels';
import { useLoad } from './useLoad';

interface Props {
  t: T;
  lang: Language;
  settings: Settings;
}

/** Per account and marketplace: what is known and what moved this week; the honest empty state otherwise. */
export function Overview({ t, lang, settings }: Props) {
  const [summaries] = useLoad(async () => marketplaceSummaries(await store(), Date.now()), 'overview');

  if (summaries.state === 'error') {
    return (
      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading">{t('history.overview.heading')}</h2>
        <p className="notice notice-error" role="alert">
          {t('history.storeFailed', { message: summaries.message })}
        </p>
      </section>
    );
  }
  if (summaries.state === 'loading') {
    return (
      <section aria-labelledby="overview-heading" aria-busy="true">
        <h2 id="overview-heading">{t('history.overview.heading')}</h2>
        <p role="status">{t('history.loading')}</p>
      </section>
    );
  }
  if (summaries.value.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="overview-empty">
        <h2 id="overview-empty">{t('dashboard.empty.title')}</h2>
        <p>{t('dashboard.empty.body')}</p>
      </section>
    );
  }
  const accountName = (id: string) => settings.accounts.find((a) => a.id === id)?.name || id;
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('history.overview.heading')}</h2>
      <table className="data-table">
        <caption>{t('history.overview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.overview.account')}</th>
            <th scope="col">{t('history.overview.marketplace')}</th>
            <th scope="col">{t('history.overview.skus')}</th>
            <th scope="col">{t('history.overview.lastVisit')}</th>
            <th scope="col">{t('history.overview.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {summaries.value.map((s) => {
            const counts = kindCounts(s.changes, t);
            return (
              <tr key={`${s.account}\u001f${s.marketplace}`}>
                <td>{accountName(s.account)}</td>
                <td>{s.marketplace}</td>
                <td className="number">{formatNumber(s.skus, lang)}</td>
                <td>{marketplaceTime(s.lastVisit, s.marketplace, lang)}</td>
                <td>{counts.length ? listOf(counts, lang) : t('history.overview.noChanges')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
