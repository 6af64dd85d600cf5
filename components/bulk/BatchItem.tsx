import { type ChangeEvent, useId, useState } from 'react';
import { importProcessingReport, type ReportImport } from '@/lib/bulk/processing-report';
import { formatDateTime, formatNumber } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import type { BatchRecord, BatchRow, PanelHost } from './host';
import { fileFormatOf, withReport } from './model';
import { type Say, say, type T } from './text';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  batch: BatchRecord;
  onUpdated: (batch: BatchRecord) => void;
}

type Imported = { kind: 'error'; message: Say } | { kind: 'done'; report: ReportImport };

/** A batch's rows drawn at most; the file and the history keep them all. */
const ROWS_SHOWN = 500;
const RANK = { failed: 0, unknown: 1, none: 2, applied: 3 } as const;

function value(row: BatchRow, v: number | null, t: T, lang: Language): string {
  if (v === null) return t('panel.value.unknown');
  return row.field === 'handlingTime' ? t('unit.days', { count: v }) : formatNumber(v, lang);
}

/** One recorded batch: what it changed, its state, and the import of Amazon's processing report. */
export function BatchItem({ t, lang, host, batch, onUpdated }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<Imported | null>(null);
  const format = fileFormatOf(batch);
  const outcomes = { applied: 0, failed: 0, unknown: 0 };
  for (const row of batch.rows) if (row.outcome) outcomes[row.outcome.status] += 1;

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
      await host.updateBatch(updated);
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
        <span className={`sw-state sw-state-${batch.state}`}>{t(`panel.state.${batch.state}`)}</span> ·{' '}
        {t('panel.history.rows', { count: batch.rows.length })}
        {batch.file && ` · ${batch.file.filename}`}
      </p>
      {batch.summary !== batch.name && <p>{batch.summary}</p>}
      {(outcomes.applied > 0 || outcomes.failed > 0 || outcomes.unknown > 0) && (
        <p>{t('panel.report.summary', outcomes)}</p>
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
                      {row.outcome ? t(`bulk.report.${row.outcome.status}`) : t('panel.report.pending')}
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
