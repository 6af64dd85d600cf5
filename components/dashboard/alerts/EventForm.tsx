import { useId, useState } from 'react';
import { MARKETPLACES } from '@/lib/marketplaces';
import type { CalendarEvent } from '@/lib/settings';
import type { T } from '../labels';
import { buildEvent, type EventDraft } from './events';
import { Field } from './Field';

interface Props {
  initial: EventDraft;
  /** The event's name as stored, for the heading; absent for a new event. */
  editing?: string;
  t: T;
  onSave: (event: CalendarEvent) => Promise<boolean>;
  onCancel: () => void;
}

/** Adds or edits one event: kind, dates, the demand multiplier and cut-off, or the supply delay; marketplaces. */
export function EventForm({ initial, editing, t, onSave, onCancel }: Props) {
  const headingId = useId();
  const kindName = useId();
  const [draft, setDraft] = useState<EventDraft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const labels = {
    name: t('alertSettings.events.name'),
    start: t('alertSettings.events.start'),
    end: t('alertSettings.events.end'),
    uplift: t('alertSettings.events.upliftField'),
    cutoff: t('alertSettings.events.cutoffField'),
    extra: t('alertSettings.events.extraField'),
  };
  const set = (change: Partial<EventDraft>) => {
    setProblem(null);
    setDraft((current) => ({ ...current, ...change }));
  };

  const submit = async () => {
    const built = buildEvent(draft, labels);
    if (!built.ok) {
      setProblem(t(built.problem.key, built.problem.params));
      return;
    }
    await onSave(built.event);
  };

  return (
    <form
      className="event-form settings"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id={headingId}>
        {editing ? t('alertSettings.events.formEdit', { event: editing }) : t('alertSettings.events.formAdd')}
      </h4>
      <Field label={labels.name} value={draft.name} onChange={(name) => set({ name })} />
      <fieldset>
        <legend>{t('alertSettings.events.kind')}</legend>
        {(['demand', 'supply'] as const).map((kind) => (
          <div className="field checkbox" key={kind}>
            <label>
              <input
                type="radio"
                name={kindName}
                value={kind}
                checked={draft.kind === kind}
                onChange={() => set({ kind })}
              />
              {t(kind === 'demand' ? 'alertSettings.events.kindDemand' : 'alertSettings.events.kindSupply')}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="field-pair">
        <Field label={labels.start} type="date" value={draft.start} onChange={(start) => set({ start })} />
        <Field label={labels.end} type="date" value={draft.end} onChange={(end) => set({ end })} />
      </div>
      {draft.kind === 'demand' ? (
        <div className="field-pair">
          <Field label={labels.uplift} type="decimal" value={draft.uplift} onChange={(uplift) => set({ uplift })} />
          <Field label={labels.cutoff} type="date" value={draft.cutoff} onChange={(cutoff) => set({ cutoff })} />
        </div>
      ) : (
        <Field label={labels.extra} type="numeric" value={draft.extra} onChange={(extra) => set({ extra })} />
      )}
      <fieldset>
        <legend>{t('alertSettings.events.marketplacesField')}</legend>
        <div className="marketplace-choices">
          {MARKETPLACES.map((m) => (
            <label key={m.code}>
              <input
                type="checkbox"
                checked={draft.marketplaces.includes(m.code)}
                onChange={(event) =>
                  set({
                    marketplaces: event.target.checked
                      ? [...draft.marketplaces, m.code]
                      : draft.marketplaces.filter((c) => c !== m.code),
                  })
                }
              />
              {m.code}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field checkbox">
        <label>
          <input
            type="checkbox"
            checked={draft.confirmed}
            onChange={(event) => set({ confirmed: event.target.checked })}
          />
          {t('alertSettings.events.confirmedField')}
        </label>
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary-button">
          {t('alertSettings.events.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('alertSettings.cancel')}
        </button>
      </div>
    </form>
  );
}
