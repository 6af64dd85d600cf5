import { useId, useMemo, useState } from 'react';
import type { ApplyReport, ApplyRow, Progress, RowResult } from '@/lib/bulk/apply';
import type { HolidayBatch } from '@/lib/bulk/holiday';
import type { Operation } from '@/lib/bulk/operations';
import type { BatchPlan } from '@/lib/bulk/plan';
import { formatNumber } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import type { BatchRecord, PanelHost } from './host';
import type { Candidate } from './model';
import type { T } from './text';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  plan: BatchPlan;
  candidates: ReadonlyMap<string, Candidate>;
  kind: BatchRecord['kind'];
  name: string;
  summary: string;
  undoes?: string;
  holiday?: HolidayBatch;
  /** Per-row operations (pasted quantities); otherwise the plan's own. */
  operationOf?: (key: string) => Operation | undefined;
  confirmed: boolean;
  onNeedConfirm: () => void;
  onRecorded: (batch: BatchRecord) => void;
}

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; progress: Progress }
  | { phase: 'done'; report: ApplyReport }
  | { phase: 'error'; message: string };

/** The rows Apply can write: quantity changes of rows read on this page. */
export function applicableRows(
  plan: BatchPlan,
  candidates: ReadonlyMap<string, Candidate>,
  operationOf: (key: string) => Operation | undefined,
): { rows: ApplyRow[]; elsewhere: number } {
  const rows: ApplyRow[] = [];
  let elsewhere = 0;
  if (plan.fileOnly) return { rows, elsewhere };
  for (const row of plan.rows) {
    if (row.action !== 'change' || row.field !== 'quantity' || row.before === null || row.after === null) continue;
    if (!candidates.get(row.key)?.onPage) {
      elsewhere++;
      continue;
    }
    const operation = operationOf(row.key);
    rows.push({
      key: row.key,
      sku: row.sku,
      before: row.before,
      after: row.after,
      ...(operation ? { operation } : {}),
      ...(row.remember?.quantity !== undefined ? { remember: { quantity: row.remember.quantity } } : {}),
    });
  }
  return { rows, elsewhere };
}

function progressText(t: T, progress: Progress, now: number): string {
  const seconds = progress.until ? Math.max(1, Math.ceil((progress.until - now) / 1000)) : 0;
  switch (progress.phase) {
    case 'writing':
      return t('apply.phase.writing', { done: progress.done, total: progress.total });
    case 'saving':
      return t('apply.phase.saving');
    case 'verifying':
      return t('apply.phase.verifying');
    case 'waiting':
      return t('apply.phase.waiting', { seconds });
    case 'backoff':
      return t('apply.phase.backoff', { seconds, message: progress.message ?? '' });
    default:
      return t('apply.phase.done');
  }
}

function rowText(t: T, row: RowResult, lang: Language): string {
  const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, lang));
  if (row.status === 'held') {
    return t('apply.status.held', { observed: n(row.observed), before: n(row.before), proposed: n(row.proposed) });
  }
  if (row.status === 'mismatched') return t('apply.status.mismatched', { observed: n(row.observed) });
  const status = t(`apply.status.${row.status}`);
  if (!row.reason) return status;
  return `${status}: ${t(`apply.reason.${row.reason}`, { message: row.message ?? '' })}`;
}

/**
 * "Apply": writes the batch's quantities through the page's own editors with a progress bar and
 * Cancel, then shows what happened to every row; rows the page moved since the preview wait for
 * the seller, who can apply them with their recomputed values.
 */
export function ApplyPanel(props: Props) {
  const { t, lang, host, plan, candidates } = props;
  const id = useId();
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const operationOf = props.operationOf ?? (() => plan.operation);
  const { rows, elsewhere } = useMemo(
    () => applicableRows(plan, candidates, operationOf),
    [plan, candidates, operationOf],
  );

  if (!host.apply) return null;
  const start = async (batchRows: ApplyRow[], suffix = '') => {
    if (!host.apply) return;
    if (plan.confirmation && !props.confirmed) {
      props.onNeedConfirm();
      return;
    }
    const batchId = crypto.randomUUID();
    setRun({ phase: 'running', progress: { phase: 'writing', done: 0, total: batchRows.length } });
    try {
      const report = await host.apply(
        {
          id: batchId,
          name: `${props.name}${suffix}`,
          kind: props.kind,
          summary: props.summary,
          ...(props.undoes ? { undoes: props.undoes } : {}),
          ...(props.holiday ? { holiday: props.holiday } : {}),
          rows: batchRows,
        },
        (progress) => setRun({ phase: 'running', progress }),
      );
      setRun({ phase: 'done', report });
      props.onRecorded({
        id: batchId,
        name: props.name,
        kind: props.kind,
        account: host.account,
        marketplace: host.marketplace ?? '',
        createdAt: Date.now(),
        state: report.state,
        summary: props.summary,
        via: 'page',
        rows: [],
      });
    } catch (error) {
      setRun({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const report = run.phase === 'done' ? run.report : null;
  const held = report?.rows.filter((r) => r.status === 'held') ?? [];
  const attention = report?.rows.filter((r) => r.status !== 'verified') ?? [];

  return (
    <section className="sw-apply" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('apply.heading')}</h3>
      <p className="sw-muted">{t('apply.explain')}</p>
      {rows.length === 0 && run.phase === 'idle' && <p>{t('apply.nothing')}</p>}
      {elsewhere > 0 && <p className="sw-muted">{t('apply.notHere', { count: elsewhere })}</p>}
      {run.phase !== 'running' && rows.length > 0 && !report && (
        <button type="button" className="sw-button sw-primary" onClick={() => void start(rows)}>
          {t('apply.button')}
        </button>
      )}
      {run.phase === 'running' && (
        <div className="sw-progress-block">
          <progress
            aria-label={t('apply.progressLabel')}
            max={Math.max(1, run.progress.total)}
            value={run.progress.done}
          />
          <p aria-live="polite">{progressText(t, run.progress, Date.now())}</p>
          <button type="button" className="sw-button" onClick={() => host.cancelApply?.()}>
            {t('apply.cancel')}
          </button>
        </div>
      )}
      {run.phase === 'error' && (
        <p className="sw-error-text" role="alert">
          {t('apply.journalFailed', { message: run.message })}
        </p>
      )}
      {report && (
        <div className="sw-apply-report" role="status">
          <h4>{t('apply.report.heading')}</h4>
          <p data-state={report.state}>
            {report.state === 'cancelled' && report.counts.failed > 0
              ? t('apply.state.cancelledUnsaved')
              : t(`apply.state.${report.state}`)}
          </p>
          <p>
            {t('apply.report.counts', {
              verified: report.counts.verified,
              mismatched: report.counts.mismatched,
              failed: report.counts.failed,
              skipped: report.counts.skipped + report.counts.pending,
              held: report.counts.held,
            })}
          </p>
          {attention.length > 0 && (
            <table className="sw-table">
              <caption>{t('apply.attention')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('panel.col.sku')}</th>
                  <th scope="col">{t('panel.col.change')}</th>
                  <th scope="col">{t('apply.report.heading')}</th>
                </tr>
              </thead>
              <tbody>
                {attention.map((row) => (
                  <tr key={row.key} data-row-sku={row.sku} data-outcome={row.status}>
                    <th scope="row" className="sw-sku">
                      {row.sku}
                    </th>
                    <td>
                      {formatNumber(row.before, lang)} → {formatNumber(row.after, lang)}
                    </td>
                    <td>{rowText(t, row, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {held.length > 0 && (
            <button
              type="button"
              className="sw-button"
              onClick={() =>
                void start(
                  held.map((row) => {
                    const original = rows.find((r) => r.key === row.key);
                    return {
                      key: row.key,
                      sku: row.sku,
                      before: row.observed ?? row.before,
                      after: row.proposed ?? row.after,
                      confirmed: true,
                      ...(original?.remember ? { remember: original.remember } : {}),
                    };
                  }),
                )
              }
            >
              {t('apply.held.confirm')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
