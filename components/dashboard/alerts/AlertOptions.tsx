import { useEffect, useId, useState } from 'react';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

/** Whether suggested quantities carry safety stock (the service level itself is under Settings). */
export function AlertOptions({ settings, t }: { settings: Settings; t: T }) {
  const headingId = useId();
  const [safety, setSafety] = useState(settings.alerts.safetyStock);
  const { save, status, setStatus } = useSave(t);
  useEffect(() => setSafety(settings.alerts.safetyStock), [settings.alerts.safetyStock]);
  return (
    <section aria-labelledby={headingId} className="alerts-part">
      <h3 id={headingId}>{t('alertSettings.options.heading')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save((next) => {
            next.alerts.safetyStock = safety;
          });
        }}
      >
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={safety}
              onChange={(event) => {
                setStatus(undefined);
                setSafety(event.target.checked);
              }}
            />
            {t('alertSettings.options.safetyStock')}
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="primary-button">
            {t('alertSettings.options.save')}
          </button>
          <SaveStatus status={status} t={t} />
        </div>
      </form>
    </section>
  );
}
