import { useMemo, useRef, useState } from 'react';
import { HolidayBatchSchema, planHolidayRestore } from '@/lib/bulk/holiday';
import type { Language } from '@/lib/i18n/types';
import { ExportPanel } from './ExportPanel';
import { FindingsConfirm } from './FindingsConfirm';
import type { BatchRecord, PanelHost } from './host';
import { confirmationKey, planInputs } from './model';
import { PreviewTable } from './PreviewTable';
import type { T } from './text';
import type { PanelData } from './usePanelData';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  data: PanelData;
  batch: BatchRecord;
  onBack: () => void;
  onRecorded: (batch: BatchRecord) => void;
}

/** The exact restore of one holiday batch: every entry back to its previous value, as a batch of its own. */
export function HolidayRestore({ t, lang, host, data, batch, onBack, onRecorded }: Props) {
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [recorded, setRecorded] = useState(false);
  const confirmRef = useRef<HTMLInputElement>(null);
  // The record came back from storage: it is checked before anything is written from it.
  const holiday = useMemo(() => HolidayBatchSchema.safeParse(batch.holiday), [batch]);
  const universe = data.known.candidates;
  const keys = useMemo(() => universe.map((c) => c.key), [universe]);
  const ready = (data.known.status === 'ready' || data.known.status === 'error') && data.storeReady(keys);
  const candidates = useMemo(() => new Map(universe.map((c) => [c.key, c])), [universe]);

  const plan = useMemo(() => {
    if (!holiday.success || !ready) return null;
    return planHolidayRestore(holiday.data, planInputs(universe), {
      settings: host.settings,
      changesLast7Days: data.store.changesLast7Days,
      remembered: data.store.remembered,
      findings: data.store.findings,
      unitsPerDay: data.store.unitsPerDay,
    });
  }, [holiday, ready, universe, host.settings, data.store]);

  const name = t('panel.holiday.restoreName', { name: batch.name });

  return (
    <div className="sw-view">
      <h3>{name}</h3>
      <button type="button" className="sw-button" onClick={onBack}>
        {recorded ? t('panel.holiday.backDone') : t('panel.holiday.back')}
      </button>
      {!holiday.success && <p className="sw-error-text">{t('panel.holiday.damaged')}</p>}
      {holiday.success && !ready && (
        <p className="sw-muted" aria-live="polite">
          {t('panel.preview.loading')}
        </p>
      )}
      {holiday.success && plan && (
        <section className="sw-preview-section" aria-label={t('panel.preview.heading')}>
          <p className="sw-muted">{t('panel.holiday.restoreIntro')}</p>
          <PreviewTable
            t={t}
            lang={lang}
            plan={plan}
            candidates={candidates}
            caption={t('panel.preview.caption', { summary: name, count: plan.rows.length })}
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
            marketplace={holiday.data.marketplace}
            kind="restore"
            name={name}
            summary={name}
            batchId={() => crypto.randomUUID()}
            holiday={holiday.data}
            confirmed={confirmedFor === confirmationKey(plan)}
            onNeedConfirm={() => confirmRef.current?.focus()}
            onRecorded={(record) => {
              setRecorded(true);
              onRecorded(record);
            }}
          />
        </section>
      )}
    </div>
  );
}
