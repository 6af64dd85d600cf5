import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type HolidayMode, planHoliday } from '@/lib/bulk/holiday';
import type { BulkMessage } from '@/lib/bulk/message';
import { MAX_HANDLING_DAYS, MIN_HANDLING_DAYS, parseWholeNumber } from '@/lib/bulk/operations';
import { formatDate } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import { ChooseRows } from './ChooseRows';
import { ExportPanel } from './ExportPanel';
import { FindingsConfirm } from './FindingsConfirm';
import { HolidayRestore } from './HolidayRestore';
import type { BatchRecord, PanelHost } from './host';
import { confirmationKey, NO_FILTERS, planInputs, type RowFilters } from './model';
import { OpenHolidays } from './OpenHolidays';
import { PreviewTable } from './PreviewTable';
import { say, type T } from './text';
import type { PanelData } from './usePanelData';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  data: PanelData;
  marketplace: string | null;
  active: boolean;
  /** Changes whenever a batch is recorded, so the list of open holidays is read again. */
  batchesVersion: number;
  onRecorded: (batch: BatchRecord) => void;
}

type Scope = 'all' | 'ticked' | 'choose';

function parseMode(
  kind: HolidayMode['kind'],
  days: string,
): { ok: true; mode: HolidayMode } | { ok: false; error: BulkMessage } {
  if (kind === 'zero') return { ok: true, mode: { kind: 'zero' } };
  const parsed = parseWholeNumber(days);
  if (!parsed.ok) return parsed;
  if (parsed.value < MIN_HANDLING_DAYS || parsed.value > MAX_HANDLING_DAYS) {
    return {
      ok: false,
      error: { key: 'bulk.amount.handlingRange', params: { min: MIN_HANDLING_DAYS, max: MAX_HANDLING_DAYS } },
    };
  }
  return { ok: true, mode: { kind: 'handlingTime', days: parsed.value } };
}

/**
 * Holiday mode: every merchant-fulfilled SKU of the marketplace (or a chosen set) to 0 or to a
 * longer handling time, as one named batch that remembers each previous value; and the restore of
 * the open holiday batches, exactly.
 */
export function HolidayView({ t, lang, host, data, marketplace, active, batchesVersion, onRecorded }: Props) {
  const id = useId();
  const { loadKnown } = data;
  useEffect(() => {
    if (active) loadKnown();
  }, [active, loadKnown]);

  const [modeKind, setModeKind] = useState<HolidayMode['kind']>('zero');
  const [days, setDays] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [ticked, setTicked] = useState(() => host.tickedSkus());
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [filters, setFilters] = useState<RowFilters>({ ...NO_FILTERS, channel: 'mfn' });
  const [name, setName] = useState(() => t('panel.holiday.defaultName', { date: formatDate(Date.now(), lang) }));
  const [batchId, setBatchId] = useState(() => crypto.randomUUID());
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BatchRecord | null>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const universe = data.known.candidates;
  const knownSettled = data.known.status === 'ready' || data.known.status === 'error';
  const mode = useMemo(() => parseMode(modeKind, days), [modeKind, days]);
  const modeError = !mode.ok && days.trim() !== '' ? mode.error : null;
  const keys = useMemo(() => universe.map((c) => c.key), [universe]);
  const ready = knownSettled && data.storeReady(keys);

  const skus = useMemo(() => {
    if (scope === 'ticked') return ticked;
    if (scope === 'choose') return universe.filter((c) => chosen.has(c.key)).map((c) => c.listing.sku);
    return undefined;
  }, [scope, ticked, chosen, universe]);

  const trimmedName = name.trim();
  const holiday = useMemo(() => {
    if (!mode.ok || marketplace === null || !ready) return null;
    return planHoliday(planInputs(universe), {
      id: batchId,
      name: trimmedName,
      marketplace,
      mode: mode.mode,
      ...(skus ? { skus } : {}),
      now: Date.now(),
      context: {
        settings: host.settings,
        changesLast7Days: data.store.changesLast7Days,
        remembered: data.store.remembered,
        findings: data.store.findings,
        unitsPerDay: data.store.unitsPerDay,
      },
    });
  }, [mode, marketplace, ready, universe, batchId, trimmedName, skus, host.settings, data.store]);

  const candidates = useMemo(() => new Map(universe.map((c) => [c.key, c])), [universe]);
  const summary =
    mode.ok && mode.mode.kind === 'handlingTime'
      ? t('panel.summary.holidayHandling', { count: mode.mode.days })
      : t('panel.summary.holidayZero');
  const mfnCount = universe.filter(
    (c) =>
      c.listing.channel === 'mfn' &&
      !c.listing.isParent &&
      c.listing.state !== 'closed' &&
      c.listing.marketplace === marketplace,
  ).length;

  if (restoring) {
    return (
      <HolidayRestore
        t={t}
        lang={lang}
        host={host}
        data={data}
        batch={restoring}
        onBack={() => setRestoring(null)}
        onRecorded={onRecorded}
      />
    );
  }

  return (
    <div className="sw-view">
      <OpenHolidays
        t={t}
        lang={lang}
        host={host}
        marketplace={marketplace}
        version={batchesVersion}
        active={active}
        onRestore={(batch) => {
          data.reread();
          setRestoring(batch);
        }}
      />

      <h3>{t('panel.holiday.newHeading')}</h3>
      <p className="sw-muted">{t('panel.holiday.intro')}</p>
      <fieldset className="sw-fieldset">
        <legend>{t('panel.holiday.modeLegend')}</legend>
        <label className="sw-inline">
          <input type="radio" name={`${id}-mode`} checked={modeKind === 'zero'} onChange={() => setModeKind('zero')} />
          {t('bulk.holiday.zero')}
        </label>
        <label className="sw-inline">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={modeKind === 'handlingTime'}
            onChange={() => setModeKind('handlingTime')}
          />
          {t('bulk.holiday.handlingTime')}
        </label>
        {modeKind === 'handlingTime' && (
          <div>
            <label htmlFor={`${id}-days`}>{t('panel.holiday.days')}</label>
            <input
              id={`${id}-days`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className="sw-amount"
              value={days}
              aria-invalid={modeError ? true : undefined}
              aria-describedby={`${id}-days-hint${modeError ? ` ${id}-days-error` : ''}`}
              onChange={(e) => setDays(e.target.value)}
            />
            <p id={`${id}-days-hint`} className="sw-muted">
              {t('panel.holiday.daysHint', { min: MIN_HANDLING_DAYS, max: MAX_HANDLING_DAYS })}
            </p>
            {modeError && (
              <p id={`${id}-days-error`} className="sw-error-text">
                {say(t, modeError)}
              </p>
            )}
          </div>
        )}
      </fieldset>

      <fieldset className="sw-fieldset">
        <legend>{t('panel.holiday.scopeLegend')}</legend>
        <label className="sw-inline">
          <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => setScope('all')} />
          {t('panel.holiday.scopeAll', { count: mfnCount, marketplace: marketplace ?? '—' })}
        </label>
        <label className="sw-inline">
          <input type="radio" name={`${id}-scope`} checked={scope === 'ticked'} onChange={() => setScope('ticked')} />
          {t('panel.holiday.scopeTicked', { count: ticked.length })}
        </label>
        <label className="sw-inline">
          <input type="radio" name={`${id}-scope`} checked={scope === 'choose'} onChange={() => setScope('choose')} />
          {t('panel.holiday.scopeChoose')}
        </label>
        {scope === 'ticked' && (
          <button type="button" className="sw-button" onClick={() => setTicked(host.tickedSkus())}>
            {t('panel.ticked.reread')}
          </button>
        )}
        {scope === 'choose' && (
          <ChooseRows
            t={t}
            lang={lang}
            candidates={universe}
            settings={host.settings}
            store={data.store}
            filters={filters}
            onFilters={setFilters}
            chosen={chosen}
            onChosen={setChosen}
          />
        )}
      </fieldset>

      <label htmlFor={`${id}-name`}>{t('panel.holiday.name')}</label>
      <input
        id={`${id}-name`}
        type="text"
        className="sw-wide"
        maxLength={120}
        value={name}
        aria-invalid={trimmedName === '' ? true : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      {trimmedName === '' && <p className="sw-error-text">{t('panel.holiday.nameMissing')}</p>}

      <section className="sw-preview-section" aria-label={t('panel.preview.heading')}>
        <h3>{t('panel.preview.heading')}</h3>
        {marketplace === null && <p className="sw-error-text">{t('panel.export.noMarketplace')}</p>}
        {!mode.ok && days.trim() === '' && <p className="sw-muted">{t('panel.holiday.typeDays')}</p>}
        {marketplace !== null && !ready && !data.storeError && (
          <p className="sw-muted" aria-live="polite">
            {t('panel.preview.loading')}
          </p>
        )}
        {data.known.status === 'error' && (
          <p className="sw-warning-text">{t('panel.known.error', { error: data.known.error ?? '' })}</p>
        )}
        {holiday && (
          <>
            {!skus && (
              <p className="sw-muted">
                {t('panel.holiday.excluded', {
                  fba: holiday.excluded.fba,
                  parent: holiday.excluded.parent,
                  closed: holiday.excluded.closed,
                })}
              </p>
            )}
            <PreviewTable
              t={t}
              lang={lang}
              plan={holiday.plan}
              candidates={candidates}
              caption={t('panel.preview.caption', { summary, count: holiday.plan.rows.length })}
            />
            <FindingsConfirm
              t={t}
              plan={holiday.plan}
              findingTexts={data.store.findingTexts}
              confirmed={confirmedFor === confirmationKey(holiday.plan)}
              onConfirmed={(on) => setConfirmedFor(on ? confirmationKey(holiday.plan) : null)}
              checkboxRef={confirmRef}
            />
            <ExportPanel
              t={t}
              host={host}
              plan={holiday.plan}
              marketplace={marketplace}
              kind="holiday"
              name={trimmedName}
              summary={summary}
              batchId={() => batchId}
              holiday={holiday.batch}
              blocked={trimmedName === '' ? { key: 'panel.holiday.nameMissing' } : null}
              confirmed={confirmedFor === confirmationKey(holiday.plan)}
              onNeedConfirm={() => confirmRef.current?.focus()}
              onRecorded={(batch) => {
                // The next holiday is another batch; this one now waits for its restore.
                setBatchId(crypto.randomUUID());
                onRecorded(batch);
              }}
            />
          </>
        )}
      </section>
    </div>
  );
}
