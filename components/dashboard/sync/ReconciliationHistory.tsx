import { useId } from 'react';
import type { ReconciliationRecord } from '@/lib/db/schema';
import type { Language } from '@/lib/i18n';
import { marketplaceTime, type T } from '../labels';

interface Props {
  t: T;
  lang: Language;
  records: readonly ReconciliationRecord[];
  shownId: string | undefined;
  onShow: (record: ReconciliationRecord) => void;
}

/** Every kept run of this account and marketplace, newest first; any can be shown again. */
export function ReconciliationHistory({ t, lang, records, shownId, onShow }: Props) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="sync-history">
      <h3 id={`${id}-heading`}>{t('syncUi.history.heading')}</h3>
      {records.length === 0 ? (
        <p>{t('syncUi.history.empty')}</p>
      ) : (
        <ul>
          {records.map((r) => (
            <li key={r.id} data-reconciliation={r.id}>
              {t('syncUi.history.item', {
                at: marketplaceTime(r.createdAt, r.marketplace, lang),
                file: r.fileName,
                differs: r.counts.differs,
                onlyFile: r.counts['only-file'],
                onlyAmazon: r.counts['only-amazon'],
                explained: Object.keys(r.explained).length,
              })}{' '}
              {r.id === shownId ? (
                <span className="hint">{t('syncUi.history.showing')}</span>
              ) : (
                <button type="button" onClick={() => onShow(r)}>
                  {t('syncUi.history.show')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
