import { type ChangeEvent, useId, useState } from 'react';
import { importProcessingReport, type ReportImport } from '@/lib/bulk/processing-report';
import { formatDateTime, formatNumber } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import type { BatchRecord, BatchRow } from './host';
import { fileFormatOf, withReport } from './model';
import { type Say, say, type T } from './text';

interface Props {
  t: T;
  lang: Language;
  /** Replaces the stored batch (the panel asks the background; the dashboard writes its store). */
  updateBatch: (batch: BatchRecord) => Promise<void>;
  batch: BatchRecord;
  onUpdated: (batch: BatchRecord) => void;
  /** Offered for batches applied through the page with verified rows. */
  onUndo?: (batch: BatchRecord) => void;
}

type Status = NonNullable<BatchRow['outcome']>['status'];
const FILE_STATUSES: ReadonlySet<Status> = new Set(['applied', 'failed', 'unknown']);

type Imported = { kind: 'error'; message: Say } | { kind: 'done'; report: ReportImport };

/** A batch's rows drawn at most; the file and the history keep them all. */
const ROWS_SHOWN = 500;
/** Rows the seller has to act on come first. */
const RANK: Record<Status | 'none', number> = {
  failed: 0,
  mismatched: 0,
  held: 1,
  unknown: 1,
  skipped: 2,
  pending: 2,
  none: 3,
  applied: 4,
  verified: 4,
};

function stateText(t: T, state: BatchRecord['state']): string {
  if (state === 'applying' || state === 'cancelled' || state === 'interrupted') return t(`apply.batchState.${state}`);
  return t(`panel.state.${state}`);
}

function outcomeText(t: T, lang: Language, row: BatchRow): string {
  const outcome = row.outcome;
  if (!outcome) return t('panel.report.pending');
  if (FILE_STATUSES.has(outcome.status)) return t(`bulk.report.${outcome.status as 'applied' | 'failed' | 'unknown'}`);
  const n = (v: number | undefined | null) => (v === undefined || v === null ? '—' : formatNumber(v, lang));
  switch (outcome.status) {
    case 'held':
      return t('apply.status.held', {
        observed: n(outcome.observed),
        before: n(row.before),
        proposed: n(outcome.proposed),
      });
    case 'mismatched':
      return t('apply.status.mismatched', { observed: n(outcome.observed) });
    default:
      return t(`apply.status.${outcome.status as 'verified' | 'skipped' | 'pending'}`);
  }
}

function value(row: BatchRow, v: number | null, t: T, lang: Language): string {
  if (v === null) return t('panel.value.unknown');
  return row.field === 'handlingTime' ? t('unit.days', { count: v }) : formatNumber(v, lang);
}

/** One recorded batch: what it changed, its state, and the import of Amazon's processing report. */
export function BatchItem({ t, lang, updateBatch, batch, onUpdated, onUndo }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<Imported | null>(null);
  const format = fileFormatOf(batch);
  const outcomes: Record<Status, number> = {
    applied: 0,
    failed: 0,
    unknown: 0,
    verified: 0,
    mismatched: 0,
    skipped: 0,
    held: 0,
    pending: 0,
  };
  for (const row of batch.rows) if (row.outcome) outcomes[row.outcome.status] += 1;
  const viaPage = batch.via === 'page';

  // Rejected rows first: they are what the seller has to act on.
  const shownRows = open
    ? [...batch.rows]
        .sort((a, b) => RANK[a.outcome?.status ?? 'none'] - RANK[b.outcome?.status ?? 'none'])
        .slice(0, ROWS_SHOWN)
    : [];

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file || !batch.file) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = importProcessingReport(bytes, { records: batch.file.skus, headerRows: batch.file.headerRows });
      if (!result.ok) {
        setImported({ kind: 'error', message: result.error });
        return;
      }
      const updated = withReport(batch, result.result);
      await updateBatch(updated);
      onUpdated(updated);
      setImported({ kind: 'done', report: result.result });
      setOpen(true);
    } catch (error) {
      setImported({
        kind: 'error',
        message: {
          key: 'panel.report.saveFailed',
          params: { error: error instanceof Error ? error.message : String(error) },
        },
      });
    } finally {
      setBusy(false);
      // The same file may be chosen again (after fixing the batch or re-downloading the report).
      input.value = '';
    }
  };

  return (
    <article className="sw-batch" aria-labelledby={`${id}-name`}>
      <h4 id={`${id}-name`}>{batch.name}</h4>
      <p className="sw-muted">
        {t(`panel.kind.${batch.kind}`)} · {formatDateTime(batch.createdAt, lang)} ·{' '}
        <span className={`sw-state sw-state-${batch.state}`}>{stateText(t, batch.state)}</span> ·{' '}
        {t('panel.history.rows', { count: batch.rows.length })}
        {batch.file && ` · ${batch.file.filename}`}
      </p>
      {batch.summary !== batch.name && <p>{batch.summary}</p>}
      {!viaPage && (outcomes.applied > 0 || outcomes.failed > 0 || outcomes.unknown > 0) && (
        <p>
          {t('panel.report.summary', { applied: outcomes.applied, failed: outcomes.failed, unknown: outcomes.unknown })}
        </p>
      )}
      {viaPage && (
        <p>
          {t('apply.report.counts', {
            verified: outcomes.verified,
            mismatched: outcomes.mismatched,
            failed: outcomes.failed,
            skipped: outcomes.skipped + outcomes.pending,
            held: outcomes.held,
          })}
        </p>
      )}
      {viaPage && onUndo && outcomes.verified > 0 && batch.state !== 'applying' && (
        <button type="button" className="sw-button" onClick={() => onUndo(batch)}>
          {t('apply.undo.button')}
          <span className="sw-visually-hidden"> {batch.name}</span>
        </button>
      )}
      <button
        type="button"
        className="sw-button"
        aria-expanded={open}
        aria-controls={`${id}-rows`}
        onClick={() => setOpen(!open)}
      >
        {open ? t('panel.history.hideRows') : t('panel.history.showRows')}
        <span className="sw-visually-hidden"> {batch.name}</span>
      </button>

      {format === 'priceQuantity' && batch.file && (
        <div className="sw-import">
          <label htmlFor={`${id}-report`}>
            {t('panel.report.import')}
            <span className="sw-visually-hidden"> {batch.name}</span>
          </label>
          <input
            id={`${id}-report`}
            type="file"
            accept=".txt,.tsv,.csv,text/plain,text/tab-separated-values"
            disabled={busy}
            aria-describedby={`${id}-report-hint`}
            onChange={(e) => void onFile(e)}
          />
          <p id={`${id}-report-hint`} className="sw-muted">
            {t('panel.report.hint')}
          </p>
        </div>
      )}
      {format === 'jsonListingsFeed' && <p className="sw-muted">{t('panel.report.feed')}</p>}

      <div aria-live="polite">
        {imported?.kind === 'error' && <p className="sw-error-text">{say(t, imported.message)}</p>}
        {imported?.kind === 'done' && (
          <div className="sw-report">
            <p className="sw-success-text">{t('panel.report.done')}</p>
            {imported.report.notes.length > 0 && (
              <ul className="sw-list">
                {imported.report.notes.map((note) => (
                  <li key={note.key}>{say(t, note)}</li>
                ))}
              </ul>
            )}
            {[...imported.report.fileMessages, ...imported.report.unmatched].length > 0 && (
              <>
                <p>{t('panel.report.otherMessages')}</p>
                <ul className="sw-list">
                  {[...imported.report.fileMessages, ...imported.report.unmatched].map((m) => (
                    <li key={m.line}>
                      {t('panel.report.message', {
                        line: m.line,
                        sku: m.sku || '—',
                        code: m.code || '—',
                        message: m.message,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>

      <div id={`${id}-rows`} hidden={!open}>
        {open && (
          <div className="sw-table-scroll">
            <table className="sw-table">
              <caption>{t('panel.history.rowsCaption', { name: batch.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('panel.col.sku')}</th>
                  <th scope="col">{t('panel.col.change')}</th>
                  <th scope="col">{t('panel.col.amazon')}</th>
                </tr>
              </thead>
              <tbody>
                {shownRows.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed once recorded
                  <tr key={`${i}:${row.key}`} data-row-sku={row.sku} data-outcome={row.outcome?.status ?? 'none'}>
                    <th scope="row" className="sw-sku">
                      {row.sku}
                    </th>
                    <td>
                      {value(row, row.before, t, lang)} → {value(row, row.after, t, lang)}
                      {row.field === 'handlingTime' && (
                        <span className="sw-muted"> ({t('panel.field.handlingTime')})</span>
                      )}
                    </td>
                    <td>
                      {outcomeText(t, lang, row)}
                      {row.outcome?.message && <p className="sw-reason">{row.outcome.message}</p>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {batch.rows.length > shownRows.length && (
              <p className="sw-muted">{t('panel.more', { count: batch.rows.length - shownRows.length })}</p>
            )}
          </div>
        )}
      </div>
    </article>
  );
}
