import { useEffect, useId, useState } from 'react';
import { formatDateTime } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import type { BatchRecord, PanelHost } from './host';
import { openHolidays } from './model';
import type { T } from './text';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  marketplace: string | null;
  version: number;
  active: boolean;
  onRestore: (batch: BatchRecord) => void;
}

/** Holiday batches of this marketplace that have not been restored yet, each with "Restore". */
export function OpenHolidays({ t, lang, host, marketplace, version, active, onRestore }: Props) {
  const id = useId();
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; open: BatchRecord[]; error?: string }>({
    status: 'loading',
    open: [],
  });

  useEffect(() => {
    void version;
    if (!active || marketplace === null) return;
    let alive = true;
    host.batches({ marketplace }).then(
      (batches) => {
        if (alive) setState({ status: 'ready', open: openHolidays(batches) });
      },
      (error: unknown) => {
        if (alive)
          setState({ status: 'error', open: [], error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      alive = false;
    };
  }, [host, marketplace, version, active]);

  return (
    <section className="sw-open-holidays" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('panel.holiday.openHeading')}</h3>
      {state.status === 'loading' && marketplace !== null && <p className="sw-muted">{t('panel.history.loading')}</p>}
      {state.status === 'error' && (
        <p className="sw-error-text">{t('panel.history.error', { error: state.error ?? '' })}</p>
      )}
      {state.status === 'ready' && state.open.length === 0 && <p className="sw-muted">{t('panel.holiday.noneOpen')}</p>}
      {state.open.length > 0 && (
        <ul className="sw-batch-list">
          {state.open.map((batch) => (
            <li key={batch.id} className="sw-batch">
              <span className="sw-batch-name" id={`${id}-${batch.id}`}>
                {batch.name}
              </span>{' '}
              <span className="sw-muted">
                {t('panel.holiday.openMeta', {
                  date: formatDateTime(batch.createdAt, lang),
                  count: batch.holiday?.entries.length ?? batch.rows.length,
                  summary: batch.summary,
                })}
              </span>{' '}
              <button type="button" className="sw-button" onClick={() => onRestore(batch)}>
                {t('panel.holiday.restore')}
                <span className="sw-visually-hidden"> {batch.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
