import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { BackupPanel } from './BackupPanel';
import { DeleteAllPanel } from './DeleteAllPanel';
import type { T } from './labels';
import { RestorePanel } from './RestorePanel';
import { RetentionPanel } from './RetentionPanel';

/** Backup, restore, deletion and retention: everything about the stored data itself. */
export function DataSection({ t, lang, settings }: { t: T; lang: Language; settings: Settings }) {
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('history.data.heading')}</h2>
      <BackupPanel t={t} />
      <RestorePanel t={t} lang={lang} />
      <RetentionPanel t={t} settings={settings} />
      <DeleteAllPanel t={t} lang={lang} />
    </section>
  );
}
