import { useId, useMemo, useState } from 'react';
import { abcSummary, classifyAbc } from '@/lib/analysis/abc';
import { abcColumns, moverColumns, stockValueColumns } from '@/lib/analysis/columns';
import { deadStock, fastMovers, sellThrough, slowMovers, stockValue } from '@/lib/analysis/movers';
import type { SkuPerformance } from '@/lib/analysis/types';
import { store } from '@/lib/db/open';
import type { TableColumn } from '@/lib/export/csv';
import { formatNumber, type Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import { applyMapping, type SkuMapEntry } from '@/lib/sync/mapping';
import type { DayKey } from '@/lib/time';
import type { T } from '../labels';
import { AnalysisTable } from './AnalysisTable';
import type { Scope, StockFile } from './model';
import { storePerformance } from './performance';

const PERIODS = [30, 60, 90] as const;
const FAST = 50;

interface Props {
  t: T;
  lang: Language;
  settings: Settings;
  scope: Scope;
  file: StockFile | null;
  entries: readonly SkuMapEntry[];
}

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'ready'; records: SkuPerformance[]; today: DayKey }
  | { kind: 'error'; message: string };

/** 销售分析: ABC by units and revenue, fast, slow and dead stock, sell-through and stock value. */
export function AnalysisSection({ t, lang, settings, scope, file, entries }: Props) {
  const id = useId();
  const [period, setPeriod] = useState<number>(30);
  const [deadDays, setDeadDays] = useState('90');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async () => {
    setState({ kind: 'running' });
    try {
      const costs = new Map<string, number>();
      if (file) {
        for (const s of applyMapping(file.rows, entries, scope.marketplace).stock)
          if (s.cost !== undefined) costs.set(s.sku, s.cost);
      }
      const { records, today } = await storePerformance(await store(), {
        scope,
        settings,
        now: Date.now(),
        periodDays: period,
        costs,
      });
      setState({ kind: 'ready', records, today });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const lists = useMemo(() => {
    if (state.kind !== 'ready') return null;
    const dead = Number(deadDays);
    const options = { today: state.today, ...(Number.isInteger(dead) && dead > 0 ? { deadDays: dead } : {}) };
    const through = state.records.flatMap((r) => {
      const value = sellThrough(r);
      return value === undefined ? [] : [{ key: r.key, sku: r.sku, units: r.units, stock: r.stock, value }];
    });
    through.sort((a, b) => a.value - b.value || (a.sku < b.sku ? -1 : 1));
    return {
      abcUnits: classifyAbc(state.records, 'units'),
      abcRevenue: classifyAbc(state.records, 'revenue'),
      fast: fastMovers(state.records, FAST, state.today),
      slow: slowMovers(state.records, options),
      dead: deadStock(state.records, options),
      through,
      value: stockValue(state.records),
    };
  }, [state, deadDays]);

  const throughColumns: TableColumn<{ sku: string; units: number; stock?: number | undefined; value: number }>[] = [
    { header: 'SKU', value: (e) => e.sku, sku: true },
    { header: t('sync.analysis.units'), value: (e) => e.units },
    { header: t('sync.analysis.stock'), value: (e) => e.stock },
    { header: t('sync.analysis.sellThrough'), value: (e) => Math.round(e.value * 10_000) / 10_000 },
  ];
  const abcNote = (entries: ReturnType<typeof classifyAbc>) => {
    const summary = abcSummary(entries);
    return (['A', 'B', 'C'] as const)
      .map((c) => `${c}: ${summary[c].skus} (${formatNumber(summary[c].share, lang, { style: 'percent' })})`)
      .join(' · ');
  };
  const base = `stock-analysis-${scope.marketplace}`;

  return (
    <section aria-labelledby={`${id}-heading`} className="sync-analysis">
      <h3 id={`${id}-heading`}>{t('sync.analysis.title')}</h3>
      <p className="hint">{t('syncUi.analysis.intro')}</p>
      <p className="field">
        <label htmlFor={`${id}-period`}>{t('syncUi.analysis.period')}</label>{' '}
        <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(Number(e.currentTarget.value))}>
          {PERIODS.map((days) => (
            <option key={days} value={days}>
              {t('syncUi.analysis.days', { count: days })}
            </option>
          ))}
        </select>{' '}
        <label htmlFor={`${id}-dead`}>{t('syncUi.analysis.deadDays')}</label>{' '}
        <input
          id={`${id}-dead`}
          type="number"
          min={1}
          step={1}
          value={deadDays}
          onChange={(e) => setDeadDays(e.currentTarget.value)}
        />{' '}
        <button type="button" disabled={state.kind === 'running'} onClick={() => void run()}>
          {t('syncUi.analysis.run')}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {state.kind === 'running' && <p>{t('syncUi.analysis.running')}</p>}
        {state.kind === 'ready' && <p>{t('syncUi.analysis.skus', { count: state.records.length })}</p>}
      </div>
      {state.kind === 'error' && (
        <p role="alert" className="notice notice-error">
          {t('syncUi.analysis.failed', { error: state.message })}
        </p>
      )}
      {lists && (
        <>
          <AnalysisTable
            t={t}
            lang={lang}
            title={t('sync.analysis.abcByUnits')}
            file={`${base}-abc-units`}
            columns={abcColumns(t, 'units')}
            rows={lists.abcUnits}
            rowKey={(e) => e.key}
            note={abcNote(lists.abcUnits)}
          />
          <AnalysisTable
            t={t}
            lang={lang}
            title={t('sync.analysis.abcByRevenue')}
            file={`${base}-abc-revenue`}
            columns={abcColumns(t, 'revenue')}
            rows={lists.abcRevenue}
            rowKey={(e) => e.key}
            note={abcNote(lists.abcRevenue)}
          />
          <AnalysisTable
            t={t}
            lang={lang}
            title={t('sync.analysis.fastMovers')}
            file={`${base}-fast`}
            columns={moverColumns(t)}
            rows={lists.fast}
            rowKey={(e) => e.key}
          />
          <AnalysisTable
            t={t}
            lang={lang}
            title={t('sync.analysis.slowMovers')}
            file={`${base}-slow`}
            columns={moverColumns(t)}
            rows={lists.slow}
            rowKey={(e) => e.key}
          />
          <AnalysisTable
            t={t}
            lang={lang}
            title={t('sync.analysis.deadStock')}
            file={`${base}-dead`}
            columns={moverColumns(t)}
            rows={lists.dead}
            rowKey={(e) => e.key}
          />
          <AnalysisTable
            t={t}
            lang={lang}
            title={t('sync.analysis.sellThrough')}
            file={`${base}-sell-through`}
            columns={throughColumns}
            rows={lists.through}
            rowKey={(e) => e.key}
          />
          <AnalysisTable
            t={t}
            lang={lang}
            title={t('sync.analysis.stockValue')}
            file={`${base}-value`}
            columns={stockValueColumns(t)}
            rows={lists.value.entries}
            rowKey={(e) => e.key}
            note={[
              t('syncUi.analysis.total', {
                value: formatNumber(lists.value.total, lang, { maximumFractionDigits: 2 }),
              }),
              ...(lists.value.withoutCost > 0
                ? [t('sync.analysis.costMissing', { count: lists.value.withoutCost })]
                : []),
            ].join(' ')}
          />
        </>
      )}
    </section>
  );
}
