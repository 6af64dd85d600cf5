import { store } from '@/lib/db/open';
import { skuChoices } from '@/lib/history/overview';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import type { T } from './labels';
import { historyHash } from './route';
import { SkuHistory } from './SkuHistory';
import { SkuSearch } from './SkuSearch';
import { useLoad } from './useLoad';

interface Props {
  /** The SKU from the address (`#history/<encoded skuKey>`), if any. */
  skuKey: string | undefined;
  t: T;
  lang: Language;
  settings: Settings;
}

export function HistorySection({ skuKey, t, lang, settings }: Props) {
  const [choices] = useLoad(async () => skuChoices(await store()), 'choices');
  const empty = choices.state === 'ready' && choices.value.length === 0;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {choices.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('history.storeFailed', { message: choices.message })}
        </p>
      )}
      {empty && !skuKey ? (
        <div className="empty-state">
          <p className="empty-title">{t('history.none.title')}</p>
          <p>{t('history.none.body')}</p>
        </div>
      ) : (
        <SkuSearch
          choices={choices.state === 'ready' ? choices.value : []}
          t={t}
          onPick={(choice) => {
            location.hash = historyHash(choice.key);
          }}
        />
      )}
      {skuKey ? (
        <SkuHistory key={skuKey} skuKey={skuKey} t={t} lang={lang} settings={settings} />
      ) : (
        !empty && (
          <div className="empty-state">
            <p className="empty-title">{t('history.pick.title')}</p>
            <p>{t('history.pick.body')}</p>
          </div>
        )
      )}
    </section>
  );
}
