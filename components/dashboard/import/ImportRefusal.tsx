import type { Language } from '@/lib/i18n';
import type { ImportRejection } from '@/lib/reports';
import type { T } from '../labels';
import { RowErrors } from './RowErrors';
import { reportText } from './text';

interface Props {
  t: T;
  lang: Language;
  file: File;
  rejection: ImportRejection;
  /** Offered when the seller can change what was chosen and read the same file again. */
  onBack?: () => void;
  onReset: () => void;
}

/** Why a file was not imported (what, where, what to do), the bad rows by line, and the way on. */
export function ImportRefusal({ t, lang, file, rejection, onBack, onReset }: Props) {
  const { error } = rejection;
  return (
    <section className="panel import-refusal" aria-labelledby="import-refused-heading">
      <h3 id="import-refused-heading">{t('import.refused.heading')}</h3>
      <div className="notice notice-error" role="alert">
        <p>
          <strong>{file.name}:</strong> {reportText(error.messageKey, error.params, t)}
        </p>
        {error.code !== 'rows' && error.code !== 'cancelled' && <p>{t('import.refused.nothingStored')}</p>}
      </div>
      <RowErrors t={t} lang={lang} errors={rejection.errors} errorRows={rejection.errorRows} />
      <div className="actions">
        {onBack && (
          <button type="button" onClick={onBack}>
            {t('import.changeChoices')}
          </button>
        )}
        <button type="button" onClick={onReset}>
          {t('import.chooseAnother')}
        </button>
      </div>
    </section>
  );
}
