import { useId, useMemo, useRef, useState } from 'react';
import type { Operation } from '@/lib/bulk/operations';
import { type PlanRowInput, planBatch } from '@/lib/bulk/plan';
import { formatNumber } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import { ApplyPanel } from './ApplyPanel';
import { FindingsConfirm } from './FindingsConfirm';
import type { BatchRecord, PanelHost } from './host';
import { confirmationKey } from './model';
import { PreviewTable } from './PreviewTable';
import type { T } from './text';
import type { PanelData } from './usePanelData';

interface Props {
  t: T;
  lang: Language;
  host: PanelHost;
  data: PanelData;
  marketplace: string | null;
  batch: BatchRecord;
  onBack: () => void;
  onRecorded: (batch: BatchRecord) => void;
}

interface UndoRow {
  key: string;
  sku: string;
  now: number;
  after: number;
  target: number;
  /** The quantity moved since the batch (sales): the target keeps that movement. */
  moved: boolean;
}

/**
 * Undoing a batch applied through the page: each verified row goes back to its value before the
 * batch where the page still shows the value the batch wrote; where it moved since, the undo keeps
 * the movement (before + (now − after)) and is only included once the seller says so. The undo is
 * a batch of its own, through the same preview, guards, write and proof.
 */
export function UndoView({ t, lang, host, data, marketplace, batch, onBack, onRecorded }: Props) {
  const id = useId();
  const [includeMoved, setIncludeMoved] = useState(false);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  // The page as it is now: the undo is computed from what the seller sees.
  const [page] = useState(() => data.reread());

  const { rows, inputs, candidates } = useMemo(() => {
    const byKey = new Map(page.map((c) => [c.key, c]));
    const undo: UndoRow[] = [];
    for (const row of batch.rows) {
      if (row.outcome?.status !== 'verified' || row.before === null || row.field !== 'quantity') continue;
      const candidate = byKey.get(row.key);
      const now = candidate?.listing.stock.available;
      if (!candidate || now === undefined) continue;
      const moved = now !== row.after;
      undo.push({
        key: row.key,
        sku: row.sku,
        now,
        after: row.after,
        target: Math.max(0, row.before + (now - row.after)),
        moved,
      });
    }
    const chosen = undo.filter((r) => !r.moved || includeMoved);
    const planInputs: PlanRowInput[] = chosen.flatMap((r) => {
      const candidate = byKey.get(r.key);
      if (!candidate) return [];
      const operation: Operation = { kind: 'set', amount: r.target };
      return [{ listing: candidate.listing, beforeAgeMs: candidate.ageMs, operation }];
    });
    return {
      rows: undo,
      inputs: planInputs,
      candidates: new Map(
        chosen.flatMap((r) => {
          const candidate = byKey.get(r.key);
          return candidate ? [[r.key, candidate] as const] : [];
        }),
      ),
    };
  }, [page, batch, includeMoved]);

  const ready = data.storeReady([...candidates.keys()]);
  const plan = useMemo(() => {
    if (inputs.length === 0 || !ready) return null;
    return planBatch(
      inputs,
      { kind: 'set', amount: 0 },
      {
        settings: host.settings,
        ...(marketplace ? { marketplace } : {}),
        changesLast7Days: data.store.changesLast7Days,
        remembered: data.store.remembered,
        findings: data.store.findings,
        unitsPerDay: data.store.unitsPerDay,
      },
    );
  }, [inputs, ready, host.settings, marketplace, data.store]);

  const name = t('apply.undo.summary', { name: batch.name });
  const moved = rows.filter((r) => r.moved);
  const n = (v: number) => formatNumber(v, lang);

  return (
    <section className="sw-view" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('apply.undo.heading', { name: batch.name })}</h3>
      <button type="button" className="sw-button" onClick={onBack}>
        {t('apply.undo.back')}
      </button>
      <p className="sw-muted">{t('apply.undo.explain')}</p>
      {rows.length === 0 && <p>{t('apply.undo.nothing')}</p>}
      {moved.length > 0 && (
        <>
          <ul className="sw-list">
            {moved.map((r) => (
              <li key={r.key}>
                <span className="sw-sku">{r.sku}</span>:{' '}
                {t('apply.undo.moved', { now: n(r.now), after: n(r.after), proposed: n(r.target) })}
              </li>
            ))}
          </ul>
          <label className="sw-check">
            <input type="checkbox" checked={includeMoved} onChange={(e) => setIncludeMoved(e.currentTarget.checked)} />
            {t('apply.undo.includeMoved')}
          </label>
        </>
      )}
      {plan && (
        <>
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
          <ApplyPanel
            t={t}
            lang={lang}
            host={host}
            plan={plan}
            candidates={candidates}
            kind="undo"
            name={name}
            summary={name}
            undoes={batch.id}
            operationOf={() => undefined}
            confirmed={confirmedFor === confirmationKey(plan)}
            onNeedConfirm={() => confirmRef.current?.focus()}
            onRecorded={onRecorded}
          />
        </>
      )}
    </section>
  );
}
