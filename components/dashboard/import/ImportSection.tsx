import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { FileDrop } from './FileDrop';
import { ImportLog } from './ImportLog';
import { ImportProgress } from './ImportProgress';
import { ImportQuestions } from './ImportQuestions';
import { ImportRefusal } from './ImportRefusal';
import { ImportReview } from './ImportReview';
import { storedText } from './text';
import { useImportFlow } from './useImportFlow';
import './import.css';

interface Props {
  t: T;
  lang: Language;
  settings: Settings;
}

/**
 * Importing Amazon reports: choose or drop a file, answer what it does not say, watch it being
 * read off the main thread, check the result, and store it in one go; the log lists every import.
 */
export function ImportSection({ t, lang, settings }: Props) {
  const flow = useImportFlow(settings);
  const { step } = flow;
  const picking =
    step.kind === 'idle' ||
    step.kind === 'inspecting' ||
    step.kind === 'done' ||
    step.kind === 'refused' ||
    step.kind === 'failed';
  return (
    <section aria-labelledby="import-heading" className="import-section">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p className="hint">{t('import.intro')}</p>
      {picking && <FileDrop t={t} disabled={step.kind === 'inspecting'} onFile={flow.choose} />}
      <div role="status" aria-live="polite">
        {step.kind === 'inspecting' && <p>{t('import.inspecting', { file: step.file.name })}</p>}
        {step.kind === 'committing' && <p>{t('import.committing')}</p>}
        {step.kind === 'done' && (
          <p className="notice notice-ok">
            {t('import.done', { file: step.file.name, stored: storedText(step.log.counts, t) })}
          </p>
        )}
      </div>
      {step.kind === 'asking' && (
        <ImportQuestions
          t={t}
          asked={step.asked}
          settings={settings}
          onChange={(changes) => flow.setChoices(step.asked, changes)}
          onRead={() => void flow.read(step.asked)}
          onCancel={flow.reset}
        />
      )}
      {step.kind === 'reading' && (
        <ImportProgress t={t} lang={lang} file={step.asked.file} progress={step.progress} onCancel={flow.cancel} />
      )}
      {step.kind === 'refused' && (
        <ImportRefusal
          t={t}
          lang={lang}
          file={step.file}
          rejection={step.rejection}
          {...(step.asked ? { onBack: () => flow.back(step.asked as NonNullable<typeof step.asked>) } : {})}
          onReset={flow.reset}
        />
      )}
      {step.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{step.file.name}:</strong>{' '}
            {step.reason === 'commit'
              ? t('import.commitFailed', { message: step.message })
              : t('import.crashed', { message: step.message })}
          </p>
        </div>
      )}
      {(step.kind === 'review' || step.kind === 'committing') && (
        <ImportReview
          t={t}
          lang={lang}
          asked={step.asked}
          result={step.result}
          busy={step.kind === 'committing'}
          onCommit={() => void flow.commit(step.asked, step.result)}
          onCancel={flow.reset}
        />
      )}
      <ImportLog t={t} lang={lang} version={flow.logVersion} />
    </section>
  );
}
