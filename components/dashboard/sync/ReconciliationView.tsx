import type { ReconciliationRecord } from '@/lib/db/schema';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import type { Category, Difference } from '@/lib/sync/reconcile';
import { marketplaceTime, type T } from '../labels';
import { DifferenceTable } from './DifferenceTable';
import { SyncActions } from './SyncActions';

/** The table's order: what to act on first, then what to look at, FBA for information last. */
const LISTED: readonly Category[] = ['differs', 'only-file', 'only-amazon', 'fba'];

interface Props {
  t: T;
  lang: Language;
  record: ReconciliationRecord;
  settings: Settings;
  onExplain: (difference: Difference, note: string | null) => Promise<void>;
}

/** One kept reconciliation: counts, actions, and every difference grouped by category. */
export function ReconciliationView({ t, lang, record, settings, onExplain }: Props) {
  const byCategory = new Map<Category, Difference[]>();
  for (const d of record.differences) {
    const list = byCategory.get(d.category);
    if (list) list.push(d);
    else byCategory.set(d.category, [d]);
  }
  const investigated = record.differences.filter(
    (d) => d.category === 'differs' || d.category === 'only-file' || d.category === 'only-amazon',
  );
  const explained = investigated.filter((d) => record.explained[d.id]).length;
  return (
    <section aria-labelledby={`${record.id}-heading`} className="sync-result" data-reconciliation={record.id}>
      <h3 id={`${record.id}-heading`}>
        {t('syncUi.result.heading', {
          file: record.fileName,
          at: marketplaceTime(record.createdAt, record.marketplace, lang),
        })}
      </h3>
      <p aria-live="polite">{t('syncUi.result.explainedCount', { explained, total: investigated.length })}</p>
      <SyncActions t={t} lang={lang} record={record} settings={settings} />
      {LISTED.map((category) => {
        const rows = byCategory.get(category) ?? [];
        if (rows.length === 0) return null;
        return (
          <DifferenceTable
            key={category}
            t={t}
            lang={lang}
            category={category}
            rows={rows}
            explained={record.explained}
            onExplain={onExplain}
          />
        );
      })}
      {record.counts.matches > 0 && <p>{t('syncUi.result.matchesHidden', { count: record.counts.matches })}</p>}
    </section>
  );
}
