import type { T } from '../labels';
import type { SaveStatus as Status } from './useSave';

/** "Saved." as a polite status; a refusal or a validation message as an alert. */
export function SaveStatus({ status, t }: { status: Status; t: T }) {
  return (
    <>
      <span role="status" aria-live="polite">
        {status?.kind === 'saved' && <span className="status-ok">{t('alertSettings.saved')}</span>}
      </span>
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {status.text}
        </p>
      )}
    </>
  );
}
