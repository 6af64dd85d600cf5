import { useId } from 'react';
import { formatNumber } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import type { Settings } from '@/lib/settings/schema';
import type { StoreContext } from './host';
import { type Candidate, filterCandidates, type RowFilters } from './model';
import type { T } from './text';

interface Props {
  t: T;
  lang: Language;
  candidates: readonly Candidate[];
  settings: Pick<Settings, 'thresholds'>;
  store: Pick<StoreContext, 'findings' | 'unitsPerDay'>;
  filters: RowFilters;
  onFilters: (filters: RowFilters) => void;
  chosen: ReadonlySet<string>;
  onChosen: (chosen: ReadonlySet<string>) => void;
}

/** More checkboxes than this are not drawn; "Select all visible" still takes every matching row. */
const LIST_LIMIT = 500;

/** Choosing rows in the panel: filters, "select all visible", and one checkbox per row. */
export function ChooseRows({ t, lang, candidates, settings, store, filters, onFilters, chosen, onChosen }: Props) {
  const id = useId();
  const visible = filterCandidates(candidates, filters, settings, store);
  const shown = visible.slice(0, LIST_LIMIT);
  const set = (patch: Partial<RowFilters>) => onFilters({ ...filters, ...patch });
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    onChosen(next);
  };

  return (
    <div className="sw-choose">
      <div className="sw-filters">
        <label htmlFor={`${id}-channel`}>{t('panel.filter.channel')}</label>
        <select
          id={`${id}-channel`}
          value={filters.channel}
          onChange={(e) => set({ channel: e.target.value as RowFilters['channel'] })}
        >
          <option value="all">{t('panel.filter.all')}</option>
          <option value="mfn">{t('channel.mfn')}</option>
          <option value="fba">{t('channel.fba')}</option>
        </select>
        <label htmlFor={`${id}-state`}>{t('panel.filter.state')}</label>
        <select
          id={`${id}-state`}
          value={filters.state}
          onChange={(e) => set({ state: e.target.value as RowFilters['state'] })}
        >
          <option value="all">{t('panel.filter.all')}</option>
          <option value="active">{t('state.active')}</option>
          <option value="inactive">{t('state.inactive')}</option>
          <option value="closed">{t('state.closed')}</option>
        </select>
        <label htmlFor={`${id}-text`}>{t('panel.filter.search')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
          autoComplete="off"
        />
        <label className="sw-inline">
          <input type="checkbox" checked={filters.lowStock} onChange={(e) => set({ lowStock: e.target.checked })} />
          {t('panel.filter.lowStock')}
        </label>
        <label className="sw-inline">
          <input type="checkbox" checked={filters.findings} onChange={(e) => set({ findings: e.target.checked })} />
          {t('panel.filter.findings')}
        </label>
      </div>
      <div className="sw-row">
        <button
          type="button"
          className="sw-button"
          disabled={visible.length === 0}
          onClick={() => onChosen(new Set([...chosen, ...visible.map((c) => c.key)]))}
        >
          {t('panel.choose.selectVisible', { count: visible.length })}
        </button>
        <button type="button" className="sw-button" disabled={chosen.size === 0} onClick={() => onChosen(new Set())}>
          {t('panel.choose.clear')}
        </button>
        <span aria-live="polite">{t('panel.choose.status', { selected: chosen.size, visible: visible.length })}</span>
      </div>
      {visible.length === 0 ? (
        <p className="sw-muted">{t('panel.choose.none')}</p>
      ) : (
        <ul className="sw-choose-list" aria-label={t('panel.choose.listLabel')}>
          {shown.map((c) => (
            <li key={c.key}>
              <label>
                <input type="checkbox" checked={chosen.has(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
                <span className="sw-sku">{c.listing.sku}</span>
                <span className="sw-chip">{t(c.listing.channel === 'fba' ? 'channel.fba' : 'channel.mfn')}</span>
                <span className="sw-muted">
                  {c.listing.stock.available === undefined
                    ? t('panel.value.unknown')
                    : t('unit.units', { count: c.listing.stock.available })}
                </span>
                {c.listing.title && <span className="sw-title">{c.listing.title}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {visible.length > shown.length && (
        <p className="sw-muted">
          {t('panel.choose.limited', {
            shown: formatNumber(shown.length, lang),
            count: visible.length,
          })}
        </p>
      )}
    </div>
  );
}
