import { useId, useMemo, useState } from 'react';
import type { FileError } from '@/lib/bulk/files';
import type { HolidayBatch } from '@/lib/bulk/holiday';
import type { BatchPlan } from '@/lib/bulk/plan';
import type { Language } from '@/lib/i18n/types';
import { marketplaceByCode } from '@/lib/marketplaces';
import type { BatchRecord, PanelHost } from './host';
import { batchRecord, type ExportFormat, exportPlan, planSignature } from './model';
import { type Say, say, type T } from './text';

interface Props {
  t: T;
  host: PanelHost;
  plan: BatchPlan;
  marketplace: string | null;
  kind: BatchRecord['kind'];
  name: string;
  summary: string;
  /** The record's id; a holiday batch and its record share one. */
  batchId: () => string;
  holiday?: HolidayBatch;
  /** Something the seller must fix before anything is written (a missing holiday name …). */
  blocked?: Say | null;
  /** Whether the batch's compliance findings were confirmed (only asked when there are any). */
  confirmed: boolean;
  onNeedConfirm: () => void;
  onRecorded: (batch: BatchRecord) => void;
}

type Outcome =
  | { kind: 'problem'; message: Say }
  | { kind: 'fileErrors'; errors: FileError[] }
  | { kind: 'done'; filename: string; records: number };

/** A merchant token: upper-case letters and digits (A2EXAMPLE1234 …). */
const SELLER_ID = /^[A-Z0-9]{8,20}$/;

const ISSUE_LOCALE: Record<Language, string> = { en: 'en_US', zh_CN: 'zh_CN' };

function initialSellerId(host: PanelHost): string {
  const account = host.account.trim().toUpperCase();
  if (SELLER_ID.test(account)) return account;
  const named = host.settings.accounts.find((a) => a.name === host.account || a.id === host.account);
  return named && SELLER_ID.test(named.id.toUpperCase()) ? named.id.toUpperCase() : '';
}

/**
 * "Export file": the batch as Amazon's Price & Quantity file or a JSON_LISTINGS_FEED. The batch is
 * recorded in the history first and downloaded second, so no file exists that the history does not
 * know about (its processing report could not be matched otherwise).
 */
export function ExportPanel(props: Props) {
  const { t, host, plan, marketplace } = props;
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('priceQuantity');
  const [sellerId, setSellerId] = useState(() => initialSellerId(host));
  const [busy, setBusy] = useState(false);
  // An outcome describes one batch: a plan that would write something else clears it.
  const signature = useMemo(() => planSignature(plan), [plan]);
  const [outcome, setOutcome] = useState<{ signature: string; value: Outcome } | null>(null);
  const current = outcome?.signature === signature ? outcome.value : null;
  const shown =
    current?.kind === 'problem' && current.message.key === 'panel.export.confirmFirst' && props.confirmed
      ? null
      : current;
  const japanese = marketplace !== null && marketplaceByCode(marketplace)?.code === 'JP';

  const run = async () => {
    const problem = (message: Say) => setOutcome({ signature, value: { kind: 'problem', message } });
    if (props.blocked) return problem(props.blocked);
    if (marketplace === null) return problem({ key: 'panel.export.noMarketplace' });
    if (plan.counts.change === 0) return problem({ key: 'bulk.file.empty' });
    if (plan.confirmation && !props.confirmed) {
      props.onNeedConfirm();
      return problem({ key: 'panel.export.confirmFirst' });
    }
    const seller = sellerId.trim().toUpperCase();
    if (format === 'jsonListingsFeed' && !SELLER_ID.test(seller)) {
      return problem({ key: 'panel.export.sellerIdInvalid', params: { text: sellerId.trim() } });
    }
    const now = Date.now();
    const result = exportPlan(plan, {
      format,
      marketplace,
      sellerId: seller,
      issueLocale: ISSUE_LOCALE[host.lang],
      now,
    });
    if (!result.ok) return setOutcome({ signature, value: { kind: 'fileErrors', errors: result.errors } });
    const record = batchRecord({
      id: props.batchId(),
      name: props.name,
      kind: props.kind,
      account: host.account,
      marketplace,
      summary: props.summary,
      plan,
      file: result.file,
      createdAt: now,
      ...(props.holiday ? { holiday: props.holiday } : {}),
    });
    setBusy(true);
    try {
      await host.recordBatch(record);
    } catch (error) {
      return problem({
        key: 'panel.export.recordFailed',
        params: { error: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setBusy(false);
    }
    host.download(result.file.filename, result.file.mimeType, result.file.bytes);
    setOutcome({
      signature,
      value: { kind: 'done', filename: result.file.filename, records: result.file.records.length },
    });
    props.onRecorded(record);
  };

  return (
    <section className="sw-export" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('panel.export.heading')}</h4>
      <fieldset className="sw-fieldset">
        <legend>{t('panel.export.format')}</legend>
        <label className="sw-inline">
          <input
            type="radio"
            name={`${id}-format`}
            value="priceQuantity"
            checked={format === 'priceQuantity'}
            onChange={() => setFormat('priceQuantity')}
          />
          {t('panel.export.priceQuantity')}
        </label>
        <label className="sw-inline">
          <input
            type="radio"
            name={`${id}-format`}
            value="jsonListingsFeed"
            checked={format === 'jsonListingsFeed'}
            onChange={() => setFormat('jsonListingsFeed')}
          />
          {t('panel.export.feed')}
        </label>
      </fieldset>
      {format === 'priceQuantity' ? (
        <ul className="sw-notes">
          <li>{t('panel.export.blankColumns')}</li>
          <li>{japanese ? t('panel.export.encodingJapan') : t('panel.export.encodingUtf8')}</li>
          <li>{t('panel.export.uploadHow')}</li>
        </ul>
      ) : (
        <>
          <ul className="sw-notes">
            <li>{t('panel.export.feedNote')}</li>
          </ul>
          <label htmlFor={`${id}-seller`}>{t('panel.export.sellerId')}</label>
          <input
            id={`${id}-seller`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={sellerId}
            aria-describedby={`${id}-seller-hint`}
            onChange={(e) => setSellerId(e.target.value)}
          />
          <p id={`${id}-seller-hint`} className="sw-muted">
            {t('panel.export.sellerIdHint')}
          </p>
        </>
      )}
      <div className="sw-row">
        <button type="button" className="sw-button sw-primary" disabled={busy} onClick={() => void run()}>
          {t('panel.export.button')}
        </button>
      </div>
      <div aria-live="polite">
        {shown?.kind === 'problem' && <p className="sw-error-text">{say(t, shown.message)}</p>}
        {shown?.kind === 'fileErrors' && (
          <>
            <p className="sw-error-text">{t('panel.export.fileErrors', { count: shown.errors.length })}</p>
            <ul className="sw-list">
              {shown.errors.map((error, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a SKU may have several problems, listed in order
                <li key={`${error.sku}-${i}`}>{say(t, error.message)}</li>
              ))}
            </ul>
          </>
        )}
        {shown?.kind === 'done' && (
          <p className="sw-success-text">
            {t('panel.export.done', { filename: shown.filename, count: shown.records })}
          </p>
        )}
      </div>
    </section>
  );
}
