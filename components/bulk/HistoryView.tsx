import { useEffect, useState } from 'react';
import type { Language } from '@/lib/i18n/types';
import { BatchItem } from './BatchItem';
import type { BatchRecord, PanelHost } from './host';
import type { T } from './text';
import { UndoView } from './UndoView';
import type { PanelData } from './usePanelData';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  data: PanelData;
  marketplace: string | null;
  active: boolean;
  /** Changes whenever a batch is recorded, so the list is read again. */
  version: number;
  onRecorded: (batch: BatchRecord) => void;
}

/** This marketplace's batches, newest first, each with its rows and Amazon's processing report. */
export function HistoryView({ t, lang, host, data, marketplace, active, version, onRecorded }: Props) {
  const [undoing, setUndoing] = useState<BatchRecord | null>(null);
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; batches: BatchRecord[]; error?: string }>(
    { status: 'loading', batches: [] },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void version;
    void attempt;
    if (!active) return;
    let alive = true;
    host.batches(marketplace === null ? {} : { marketplace }).then(
      (batches) => {
        if (alive) setState({ status: 'ready', batches: [...batches].sort((a, b) => b.createdAt - a.createdAt) });
      },
      (error: unknown) => {
        if (alive) {
          setState({ status: 'error', batches: [], error: error instanceof Error ? error.message : String(error) });
        }
      },
    );
    return () => {
      alive = false;
    };
  }, [host, marketplace, active, version, attempt]);

  const replace = (batch: BatchRecord) =>
    setState((s) => ({ ...s, batches: s.batches.map((b) => (b.id === batch.id ? batch : b)) }));

  if (undoing) {
    return (
      <UndoView
        t={t}
        lang={lang}
        host={host}
        data={data}
        marketplace={marketplace}
        batch={undoing}
        onBack={() => setUndoing(null)}
        onRecorded={onRecorded}
      />
    );
  }

  return (
    <div className="sw-view">
      <h3>{marketplace ? t('panel.history.heading', { marketplace }) : t('panel.history.headingAll')}</h3>
      {state.status === 'loading' && <p className="sw-muted">{t('panel.history.loading')}</p>}
      {state.status === 'error' && (
        <div role="alert">
          <p className="sw-error-text">{t('panel.history.error', { error: state.error ?? '' })}</p>
          <button type="button" className="sw-button" onClick={() => setAttempt((n) => n + 1)}>
            {t('panel.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.batches.length === 0 && <p className="sw-muted">{t('panel.history.empty')}</p>}
      {state.batches.length > 0 && (
        <ul className="sw-batch-list">
          {state.batches.map((batch) => (
            <li key={batch.id}>
              <BatchItem
                t={t}
                lang={lang}
                updateBatch={(updated) => host.updateBatch(updated)}
                batch={batch}
                onUpdated={replace}
                {...(host.apply ? { onUndo: setUndoing } : {})}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
