import { useId } from 'react';
import type { PasteResult } from '@/lib/bulk/paste';
import type { Language } from '@/lib/i18n/types';
import type { Settings } from '@/lib/settings/schema';
import { ChooseRows } from './ChooseRows';
import type { StoreContext } from './host';
import type { Candidate, RowFilters } from './model';
import { PasteRows } from './PasteRows';
import type { T } from './text';
import type { LoadStatus } from './usePanelData';

export type Source = 'ticked' | 'choose' | 'paste' | 'known';

export interface SelectionState {
  source: Source;
  /** SKUs ticked with the page's checkboxes, as last read. */
  ticked: string[];
  chosen: ReadonlySet<string>;
  filters: RowFilters;
  paste: string;
}

interface Props {
  t: T;
  lang: Language;
  state: SelectionState;
  onState: (state: SelectionState) => void;
  onSource: (source: Source) => void;
  /** Reads the page's ticked checkboxes again. */
  onReadTicked: () => void;
  page: readonly Candidate[];
  tickedRows: readonly Candidate[];
  tickedMissing: readonly string[];
  paste: PasteResult | null;
  known: { status: LoadStatus; count: number; onPage: number; error?: string };
  onRetryKnown: () => void;
  settings: Pick<Settings, 'thresholds'>;
  store: Pick<StoreContext, 'findings' | 'unitsPerDay'>;
}

/** How many ticked SKUs are named inline before "and N more". */
const NAMED = 30;

/** Which rows the batch is for: ticked on the page, chosen here, pasted from Excel, or every known SKU. */
export function SelectionPicker(props: Props) {
  const { t, lang, state, onState, onSource, tickedRows, tickedMissing, known } = props;
  const name = useId();
  const sources: Array<{ id: Source; label: string }> = [
    { id: 'ticked', label: t('panel.source.ticked', { count: tickedRows.length }) },
    { id: 'choose', label: t('panel.source.choose') },
    { id: 'paste', label: t('panel.source.paste') },
    { id: 'known', label: t('panel.source.known') },
  ];

  return (
    <fieldset className="sw-fieldset">
      <legend>{t('panel.source.legend')}</legend>
      <div className="sw-radios">
        {sources.map((source) => (
          <label key={source.id} className="sw-inline">
            <input
              type="radio"
              name={name}
              value={source.id}
              checked={state.source === source.id}
              onChange={() => onSource(source.id)}
            />
            {source.label}
          </label>
        ))}
      </div>

      {state.source === 'ticked' && (
        <div className="sw-source-body">
          {tickedRows.length === 0 ? (
            <p>{t('panel.ticked.none')}</p>
          ) : (
            <>
              <p>{t('panel.ticked.count', { count: tickedRows.length })}</p>
              <ul className="sw-sku-list" aria-label={t('panel.ticked.listLabel')}>
                {tickedRows.slice(0, NAMED).map((c) => (
                  <li key={c.key}>{c.listing.sku}</li>
                ))}
                {tickedRows.length > NAMED && <li>{t('panel.more', { count: tickedRows.length - NAMED })}</li>}
              </ul>
            </>
          )}
          {tickedMissing.length > 0 && (
            <p className="sw-warning-text">
              {t('panel.ticked.missing', { count: tickedMissing.length, skus: tickedMissing.join(', ') })}
            </p>
          )}
          <button type="button" className="sw-button" onClick={props.onReadTicked}>
            {t('panel.ticked.reread')}
          </button>
        </div>
      )}

      {state.source === 'choose' && (
        <div className="sw-source-body">
          <ChooseRows
            t={t}
            lang={lang}
            candidates={props.page}
            settings={props.settings}
            store={props.store}
            filters={state.filters}
            onFilters={(filters) => onState({ ...state, filters })}
            chosen={state.chosen}
            onChosen={(chosen) => onState({ ...state, chosen })}
          />
        </div>
      )}

      {state.source === 'paste' && (
        <div className="sw-source-body">
          <PasteRows t={t} text={state.paste} onText={(paste) => onState({ ...state, paste })} result={props.paste} />
        </div>
      )}

      {state.source === 'known' && (
        <div className="sw-source-body" aria-live="polite">
          {known.status === 'loading' && <p>{t('panel.known.loading')}</p>}
          {known.status === 'error' && (
            <>
              <p className="sw-error-text">{t('panel.known.error', { error: known.error ?? '' })}</p>
              <button type="button" className="sw-button" onClick={props.onRetryKnown}>
                {t('panel.retry')}
              </button>
            </>
          )}
          {known.status === 'ready' && (
            <p>
              {t('panel.known.count', { count: known.count })}{' '}
              {t('panel.known.split', { onPage: known.onPage, others: known.count - known.onPage })}
            </p>
          )}
          <p className="sw-muted">{t('panel.known.note')}</p>
        </div>
      )}
    </fieldset>
  );
}
