import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { BulkMessage } from '@/lib/bulk/message';
import { type Operation, parseOperation, type Rounding } from '@/lib/bulk/operations';
import { parsePaste, pastedPlanInputs } from '@/lib/bulk/paste';
import { keyOf, type PlanContext, type PlanRowInput, planBatch } from '@/lib/bulk/plan';
import type { Language } from '@/lib/i18n/types';
import { ApplyPanel } from './ApplyPanel';
import { ExportPanel } from './ExportPanel';
import { FindingsConfirm } from './FindingsConfirm';
import type { BatchRecord, PanelHost } from './host';
import { type Candidate, confirmationKey, NO_FILTERS, operationSummary, planInputs, tickedCandidates } from './model';
import { type FormKind, OperationForm } from './OperationForm';
import { PreviewTable } from './PreviewTable';
import { SelectionPicker, type SelectionState, type Source } from './SelectionPicker';
import { StagedOffer } from './StagedOffer';
import { say, type T } from './text';
import type { PanelData } from './usePanelData';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  data: PanelData;
  marketplace: string | null;
  onRecorded: (batch: BatchRecord) => void;
}

/** A stand-in batch operation for pasted rows: each row carries its own "set". */
const PASTED: Operation = { kind: 'set', amount: 0 };

/** Selection, operation, the guarded preview of every row, and "Export file". */
export function BulkEditView({ t, lang, host, data, marketplace, onRecorded }: Props) {
  const { settings } = host;
  const [selection, setSelection] = useState<SelectionState>(() => {
    const ticked = host.tickedSkus();
    return {
      source: ticked.length > 0 ? 'ticked' : 'choose',
      ticked,
      chosen: new Set(),
      filters: NO_FILTERS,
      paste: '',
    };
  });
  const [kind, setKind] = useState<FormKind>('set');
  const [amount, setAmount] = useState('');
  const [amountTouched, setAmountTouched] = useState(false);
  const [rounding, setRounding] = useState<Rounding>('down');
  // Confirmed for a set of flagged SKUs: the same findings stay confirmed while ages tick on.
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  // Typing and pasting stay responsive on a 10,000-row batch; the preview follows a moment later.
  const deferredAmount = useDeferredValue(amount);
  const deferredPaste = useDeferredValue(selection.paste);

  const onSource = (source: Source) => {
    setSelection((s) => ({ ...s, source }));
    if (source === 'paste') setKind('pasted');
    else if (kind === 'pasted') setKind('set');
    if (source === 'known') data.loadKnown();
  };

  const ticked = useMemo(() => tickedCandidates(selection.ticked, data.page), [selection.ticked, data.page]);

  const pageOfMarketplace = useMemo(
    () => data.page.filter((c) => marketplace === null || c.listing.marketplace === marketplace),
    [data.page, marketplace],
  );
  const pageSkus = useMemo(() => new Set(pageOfMarketplace.map((c) => c.listing.sku)), [pageOfMarketplace]);
  const paste = useMemo(() => {
    if (selection.source !== 'paste' || deferredPaste.trim() === '') return null;
    return parsePaste(deferredPaste, pageSkus, { maxQuantity: settings.bulk.maxQuantity });
  }, [selection.source, deferredPaste, pageSkus, settings.bulk.maxQuantity]);

  const selected: readonly Candidate[] = useMemo(() => {
    switch (selection.source) {
      case 'ticked':
        return ticked.rows;
      case 'choose':
        return data.page.filter((c) => selection.chosen.has(c.key));
      case 'paste': {
        if (!paste) return [];
        const bySku = new Map(pageOfMarketplace.map((c) => [c.listing.sku, c]));
        return paste.rows.flatMap((row) => bySku.get(row.sku) ?? []);
      }
      case 'known':
        return data.known.status === 'ready' ? data.known.candidates : [];
    }
  }, [selection, ticked, data.page, data.known, paste, pageOfMarketplace]);

  const inputs: PlanRowInput[] = useMemo(() => {
    const base = planInputs(selected);
    return kind === 'pasted' && paste ? pastedPlanInputs(paste.rows, base) : base;
  }, [selected, kind, paste]);

  const parsed = useMemo(
    () =>
      kind === 'pasted'
        ? ({ ok: true, operation: PASTED } as const)
        : parseOperation(kind, deferredAmount, settings, { rounding }),
    [kind, deferredAmount, settings, rounding],
  );
  const amountError: BulkMessage | null =
    !parsed.ok && (amount.trim() !== '' || amountTouched) && deferredAmount === amount ? parsed.error : null;

  const candidateByKey = useMemo(() => new Map(selected.map((c) => [c.key, c])), [selected]);
  // Each row's own operation (pasted quantities), so Apply can recompute a row the page moved.
  const operationOf = useMemo(() => {
    const own = new Map(
      inputs.flatMap((input) => (input.operation ? [[keyOf(input.listing), input.operation] as const] : [])),
    );
    const batch = parsed.ok ? parsed.operation : undefined;
    return (key: string) => own.get(key) ?? batch;
  }, [inputs, parsed]);
  const ready = data.storeReady([...candidateByKey.keys()]);

  const plan = useMemo(() => {
    if (!parsed.ok || inputs.length === 0 || !ready) return null;
    const context: PlanContext = {
      settings,
      ...(marketplace ? { marketplace } : {}),
      changesLast7Days: data.store.changesLast7Days,
      remembered: data.store.remembered,
      findings: data.store.findings,
      unitsPerDay: data.store.unitsPerDay,
    };
    return planBatch(inputs, parsed.operation, context);
  }, [parsed, inputs, ready, settings, marketplace, data.store]);

  const summary =
    kind === 'pasted'
      ? t('panel.summary.pasted', { count: inputs.length })
      : parsed.ok
        ? say(t, operationSummary(parsed.operation))
        : '';

  let waiting: string | null = null;
  if (selected.length === 0) waiting = t('panel.preview.noRows');
  else if (!parsed.ok) waiting = t('panel.preview.fixAmount');
  else if (data.storeError) waiting = null;
  else if (!ready) waiting = t('panel.preview.loading');

  return (
    <div className="sw-view">
      <StagedOffer
        t={t}
        host={host}
        pageSkus={pageSkus}
        onUse={(text) => {
          setSelection((s) => ({ ...s, source: 'paste', paste: text }));
          setKind('pasted');
        }}
      />
      <SelectionPicker
        t={t}
        lang={lang}
        state={selection}
        onState={setSelection}
        onSource={onSource}
        onReadTicked={() => {
          data.reread();
          setSelection((s) => ({ ...s, ticked: host.tickedSkus() }));
        }}
        page={data.page}
        tickedRows={ticked.rows}
        tickedMissing={ticked.missing}
        paste={paste}
        known={{
          status: data.known.status,
          count: data.known.candidates.length,
          onPage: data.page.length,
          ...(data.known.error ? { error: data.known.error } : {}),
        }}
        onRetryKnown={data.loadKnown}
        settings={settings}
        store={data.store}
      />
      <OperationForm
        t={t}
        kind={kind}
        onKind={setKind}
        amount={amount}
        onAmount={setAmount}
        rounding={rounding}
        onRounding={setRounding}
        offerPasted={selection.source === 'paste'}
        maxQuantity={settings.bulk.maxQuantity}
        error={amountError}
        onBlurAmount={() => setAmountTouched(true)}
      />
      <section className="sw-preview-section" aria-label={t('panel.preview.heading')}>
        <h3>{t('panel.preview.heading')}</h3>
        {data.storeError && (
          <div role="alert">
            <p className="sw-error-text">{t('panel.store.error', { error: data.storeError })}</p>
            <button type="button" className="sw-button" onClick={data.retryStore}>
              {t('panel.retry')}
            </button>
          </div>
        )}
        {waiting && (
          <p className="sw-muted" aria-live="polite">
            {waiting}
          </p>
        )}
        {plan && !waiting && (
          <>
            <PreviewTable
              t={t}
              lang={lang}
              plan={plan}
              candidates={candidateByKey}
              caption={t('panel.preview.caption', { summary, count: plan.rows.length })}
            />
            <FindingsConfirm
              t={t}
              plan={plan}
              findingTexts={data.store.findingTexts}
              confirmed={confirmedFor === confirmationKey(plan)}
              onConfirmed={(on) => setConfirmedFor(on ? confirmationKey(plan) : null)}
              checkboxRef={confirmRef}
            />
            <ExportPanel
              t={t}
              host={host}
              plan={plan}
              marketplace={marketplace}
              kind="bulk"
              name={summary}
              summary={summary}
              batchId={() => crypto.randomUUID()}
              confirmed={confirmedFor === confirmationKey(plan)}
              onNeedConfirm={() => confirmRef.current?.focus()}
              onRecorded={onRecorded}
            />
            <ApplyPanel
              t={t}
              lang={lang}
              host={host}
              plan={plan}
              candidates={candidateByKey}
              kind="bulk"
              name={summary}
              summary={summary}
              operationOf={operationOf}
              confirmed={confirmedFor === confirmationKey(plan)}
              onNeedConfirm={() => confirmRef.current?.focus()}
              onRecorded={onRecorded}
            />
          </>
        )}
      </section>
    </div>
  );
}
