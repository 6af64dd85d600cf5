import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { panelTranslator } from '@/components/bulk/text';
import { store } from '@/lib/db/open';
import type { ReconciliationRecord } from '@/lib/db/schema';
import { stageRows } from '@/lib/db/sync';
import { CSV_TYPE, toCsv } from '@/lib/export/csv';
import { toXlsx, XLSX_TYPE } from '@/lib/export/xlsx';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import { differenceColumns } from '@/lib/sync/columns';
import { manageInventoryUrl } from '@/lib/sync/stage';
import { datedName, saveFile } from '../files';
import type { T } from '../labels';
import { exportDifferences } from './model';

interface Props {
  t: T;
  lang: Language;
  record: ReconciliationRecord;
  settings: Settings;
}

type Status =
  | { kind: 'staged'; count: number }
  | { kind: 'exported'; file: string; count: number; refused: string[] }
  | { kind: 'error'; message: string }
  | null;

/**
 * What a reconciliation leads to: the merchant rows staged for the bulk-edit panel on Manage
 * Inventory, or written as Amazon's Price & Quantity file; and the table itself as CSV or .xlsx.
 */
export function SyncActions({ t, lang, record, settings }: Props) {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const proposals = useMemo(() => record.differences.flatMap((d) => (d.proposal ? [d.proposal] : [])), [record]);
  const panelT = useMemo(() => panelTranslator(lang), [lang]);
  const fail = (error: unknown) =>
    setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

  const stage = async () => {
    const url = manageInventoryUrl(record.marketplace);
    if (!url) throw new Error(record.marketplace);
    await stageRows(await store(), {
      account: record.account,
      marketplace: record.marketplace,
      reconciliationId: record.id,
      at: Date.now(),
      rows: proposals.map((p) => ({ sku: p.sku, setTo: p.setTo })),
    });
    await browser.tabs.create({ url });
    setStatus({ kind: 'staged', count: proposals.length });
  };

  const exportFile = async () => {
    const name = t('syncUi.actions.batchName', { file: record.fileName });
    const result = await exportDifferences(await store(), {
      record,
      settings,
      name,
      sayBulk: (key, params) => panelT(key as Parameters<typeof panelT>[0], params),
      now: Date.now(),
    });
    if (!result.ok) return setStatus({ kind: 'error', message: result.errors.join(' ') });
    saveFile([result.bytes as BlobPart], result.mimeType, result.filename);
    setStatus({ kind: 'exported', file: result.filename, count: result.records, refused: result.refused });
  };

  const run = (action: () => Promise<void>, failKey: 'syncUi.actions.stageFailed' | 'syncUi.actions.exportFailed') => {
    setBusy(true);
    action()
      .catch((error: unknown) =>
        setStatus({
          kind: 'error',
          message: t(failKey, { error: error instanceof Error ? error.message : String(error) }),
        }),
      )
      .finally(() => setBusy(false));
  };

  const table = () => record.differences.filter((d) => d.category !== 'matches');
  const base = `stock-sync-${record.marketplace}`;

  return (
    <section aria-label={t('syncUi.actions.heading')} className="sync-actions">
      <p>
        {proposals.length > 0
          ? t('syncUi.actions.stageHint', { count: proposals.length })
          : t('syncUi.actions.nothingToStage')}
      </p>
      <p>
        <button
          type="button"
          disabled={busy || proposals.length === 0}
          onClick={() => run(stage, 'syncUi.actions.stageFailed')}
        >
          {t('sync.reconcile.stage')}
        </button>{' '}
        <button
          type="button"
          disabled={busy || proposals.length === 0}
          aria-describedby={`${record.id}-export-hint`}
          onClick={() => run(exportFile, 'syncUi.actions.exportFailed')}
        >
          {t('syncUi.actions.exportFile')}
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            try {
              saveFile([toCsv(differenceColumns(t), table())], CSV_TYPE, datedName(base, 'csv'));
            } catch (error) {
              fail(error);
            }
          }}
        >
          {t('syncUi.actions.csv')}
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            try {
              const bytes = toXlsx(differenceColumns(t), table(), { sheetName: t('sync.reconcile.title') });
              saveFile([bytes as BlobPart], XLSX_TYPE, datedName(base, 'xlsx'));
            } catch (error) {
              fail(error);
            }
          }}
        >
          {t('syncUi.actions.xlsx')}
        </button>
      </p>
      <p id={`${record.id}-export-hint`} className="hint">
        {t('syncUi.actions.exportFileHint')}
      </p>
      <div role="status" aria-live="polite">
        {status?.kind === 'staged' && (
          <p className="notice notice-ok">{t('syncUi.actions.staged', { count: status.count })}</p>
        )}
        {status?.kind === 'exported' && (
          <>
            <p className="notice notice-ok">
              {t('syncUi.actions.exported', { file: status.file, count: status.count })}
            </p>
            {status.refused.length > 0 && (
              <p className="notice">
                {t('syncUi.actions.refused', { count: status.refused.length, reasons: status.refused.join('; ') })}
              </p>
            )}
          </>
        )}
      </div>
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {status.message}
        </p>
      )}
    </section>
  );
}
