import { useId } from 'react';
import { formatNumber, type Language } from '@/lib/i18n';
import type { ImportProgress as Progress } from '@/lib/reports';
import type { T } from '../labels';

interface Props {
  t: T;
  lang: Language;
  file: File;
  progress: Progress;
  onCancel: () => void;
}

/** The file being read in the worker: bytes read of the file's size, rows so far, and Cancel. */
export function ImportProgress({ t, lang, file, progress, onCancel }: Props) {
  const labelId = useId();
  const share = file.size > 0 ? Math.min(1, progress.bytes / file.size) : 0;
  const percent = formatNumber(share, lang, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="panel import-progress">
      <p id={labelId}>{t('import.progress.label', { file: file.name })}</p>
      <progress
        aria-labelledby={labelId}
        max={Math.max(1, file.size)}
        value={progress.bytes}
        aria-valuetext={t('import.progress.rows', { percent, count: progress.rows })}
      />
      {/* Not a live region: announcing every tenth of a second would drown everything else. */}
      <p>{t('import.progress.rows', { percent, count: progress.rows })}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
