import { useId, useState } from 'react';
import { formatDay } from '@/components/popup/format';
import type { Language } from '@/lib/i18n';
import { MARKETPLACES } from '@/lib/marketplaces';
import type { CalendarEvent, Settings } from '@/lib/settings';
import { ConfirmDialog } from '../ConfirmDialog';
import type { T } from '../labels';
import { EventForm } from './EventForm';
import { blankDraft, eventDraft, eventsShown, missingDefaults, newEventId } from './events';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

interface Props {
  settings: Settings;
  t: T;
  lang: Language;
}

type Editing = { mode: 'add' } | { mode: 'edit'; event: CalendarEvent } | null;

/**
 * The seller's calendar per marketplace: demand events (uplift, inbound cut-off) and supply events
 * (factory closures). Defaults are marked as estimates until the seller confirms this year's dates.
 */
export function EventCalendar({ settings, t, lang }: Props) {
  const headingId = useId();
  const filterId = useId();
  const [marketplace, setMarketplace] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CalendarEvent | null>(null);
  const { save, status } = useSave(t);
  const shown = eventsShown(settings.events, marketplace);
  const missing = missingDefaults(settings.events);
  const day = (value: string) => formatDay(value, lang);

  const saveEvent = async (event: CalendarEvent): Promise<boolean> => {
    const ok = await save((next) => {
      if (editing?.mode === 'edit') {
        next.events = next.events.map((e) => (e.id === editing.event.id ? { ...event, id: e.id } : e));
      } else {
        next.events.push({ ...event, id: newEventId(event.name, next.events) });
      }
    });
    if (ok) setEditing(null);
    return ok;
  };

  const effect = (e: CalendarEvent) =>
    e.kind === 'demand'
      ? [
          e.uplift !== undefined ? t('alertSettings.events.uplift', { uplift: e.uplift }) : '',
          e.inboundCutoff ? t('alertSettings.events.cutoff', { date: day(e.inboundCutoff) }) : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : t('alertSettings.events.extra', { count: e.extraLeadDays ?? 0 });

  return (
    <section aria-labelledby={headingId} className="alerts-part">
      <h3 id={headingId}>{t('alertSettings.events.heading')}</h3>
      <p className="hint">{t('alertSettings.events.body')}</p>
      <div className="field">
        <label htmlFor={filterId}>{t('alertSettings.events.filter')}</label>
        <select id={filterId} value={marketplace} onChange={(event) => setMarketplace(event.target.value)}>
          <option value="">{t('alertSettings.events.everywhere')}</option>
          {MARKETPLACES.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="hint">{t('alertSettings.events.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table events-table">
            <caption>{t('alertSettings.events.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alertSettings.events.column.name')}</th>
                <th scope="col">{t('alertSettings.events.column.kind')}</th>
                <th scope="col">{t('alertSettings.events.column.dates')}</th>
                <th scope="col">{t('alertSettings.events.column.effect')}</th>
                <th scope="col">{t('alertSettings.events.column.marketplaces')}</th>
                <th scope="col">{t('alertSettings.events.column.status')}</th>
                <th scope="col">{t('alertSettings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} data-event-id={e.id}>
                  <th scope="row">{e.name}</th>
                  <td>
                    {t(e.kind === 'demand' ? 'alertSettings.events.kind.demand' : 'alertSettings.events.kind.supply')}
                  </td>
                  <td>{t('alertSettings.events.range', { start: day(e.start), end: day(e.end) })}</td>
                  <td>{effect(e)}</td>
                  <td>{e.marketplaces.length ? e.marketplaces.join(', ') : t('alertSettings.all')}</td>
                  <td>{t(e.confirmed ? 'alertSettings.events.confirmed' : 'alertSettings.events.estimate')}</td>
                  <td className="row-buttons">
                    {!e.confirmed && (
                      <button
                        type="button"
                        aria-label={t('alertSettings.events.confirmLabel', { event: e.name })}
                        onClick={() =>
                          void save((next) => {
                            const target = next.events.find((x) => x.id === e.id);
                            if (target) target.confirmed = true;
                          })
                        }
                      >
                        {t('alertSettings.events.confirm')}
                      </button>
                    )}
                    <button
                      type="button"
                      aria-label={t('alertSettings.events.editLabel', { event: e.name })}
                      onClick={() => setEditing({ mode: 'edit', event: e })}
                    >
                      {t('alertSettings.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('alertSettings.events.deleteLabel', { event: e.name })}
                      onClick={() => setDeleting(e)}
                    >
                      {t('alertSettings.events.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <EventForm
          key={editing.mode === 'edit' ? editing.event.id : 'new'}
          initial={
            editing.mode === 'edit'
              ? eventDraft(editing.event)
              : blankDraft('demand', new Date().toISOString().slice(0, 10))
          }
          editing={editing.mode === 'edit' ? editing.event.name : undefined}
          t={t}
          onSave={saveEvent}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing({ mode: 'add' })}>
            {t('alertSettings.events.add')}
          </button>
          {missing.length > 0 && (
            <button
              type="button"
              onClick={() =>
                void save((next) => {
                  next.events.push(...missingDefaults(next.events));
                })
              }
            >
              {t('alertSettings.events.restore')}
            </button>
          )}
        </div>
      )}
      <SaveStatus status={status} t={t} />
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t('alertSettings.events.deleteTitle', { event: deleting.name }) : ''}
        confirmLabel={t('alertSettings.events.delete')}
        cancelLabel={t('alertSettings.cancel')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target) {
            void save((next) => {
              next.events = next.events.filter((e) => e.id !== target.id);
            });
          }
        }}
      >
        <p>{t('alertSettings.events.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
