import { useId, useMemo, useState } from 'react';
import { BatchItem } from '@/components/bulk/BatchItem';
import type { BatchRecord } from '@/components/bulk/host';
import { panelTranslator } from '@/components/bulk/text';
import { listBatches } from '@/lib/db/batches';
import { store } from '@/lib/db/open';
import type { Language } from '@/lib/i18n';
import type { T } from '../labels';
import { useLoad } from '../useLoad';
// The batch cards are the panel's own (one look, one set of words); their styles are all `sw-` scoped.
import '@/components/bulk/panel.css';

const PAGE = 50;
const ATTENTION: ReadonlySet<BatchRecord['state']> = new Set(['interrupted', 'cancelled', 'failed', 'partial']);

interface Props {
  t: T;
  lang: Language;
}

/**
 * Every recorded batch across accounts and marketplaces, newest first. This is where an
 * interrupted run is found after its tab closed: the panel that started it is gone with the tab.
 */
export function BatchesSection({ t, lang }: Props) {
  const id = useId();
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [edited, setEdited] = useState<ReadonlyMap<string, BatchRecord>>(new Map());
  const [loaded] = useLoad(async () => (await listBatches(await store())) as BatchRecord[], 'all');
  const panelT = useMemo(() => panelTranslator(lang), [lang]);

  const batches = useMemo(() => {
    if (loaded.state !== 'ready') return [];
    const all = loaded.value.map((b) => edited.get(b.id) ?? b);
    return attentionOnly ? all.filter((b) => ATTENTION.has(b.state)) : all;
  }, [loaded, edited, attentionOnly]);

  const updateBatch = async (batch: BatchRecord) => {
    await (await store()).put('batches', batch);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="sw-root">
      <h2 id={`${id}-title`}>{t('batches.title')}</h2>
      <p>{t('batches.intro')}</p>
      <p>
        <label htmlFor={`${id}-filter`}>{t('batches.filter.label')} </label>
        <select
          id={`${id}-filter`}
          value={attentionOnly ? 'attention' : 'all'}
          onChange={(e) => {
            setAttentionOnly(e.currentTarget.value === 'attention');
            setShown(PAGE);
          }}
        >
          <option value="all">{t('batches.filter.all')}</option>
          <option value="attention">{t('batches.filter.attention')}</option>
        </select>
      </p>
      {loaded.state === 'error' && (
        <p role="alert" className="sw-error-text">
          {t('batches.loadError', { error: loaded.message })}
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          <p aria-live="polite">
            {batches.length === 0
              ? attentionOnly
                ? t('batches.emptyFiltered')
                : t('batches.empty')
              : t('batches.count', { count: batches.length })}
          </p>
          <ul className="sw-batch-list">
            {batches.slice(0, shown).map((batch) => (
              <li key={batch.id} data-batch-id={batch.id} data-state={batch.state}>
                <BatchItem
                  t={panelT}
                  lang={lang}
                  batch={batch}
                  updateBatch={updateBatch}
                  onUpdated={(updated) => setEdited((current) => new Map(current).set(updated.id, updated))}
                />
              </li>
            ))}
          </ul>
          {batches.length > shown && (
            <button type="button" className="sw-button" onClick={() => setShown(shown + PAGE)}>
              {t('batches.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
