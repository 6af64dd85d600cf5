import { useEffect, useId, useState } from 'react';
import { store } from '@/lib/db/open';
import { saveSkuMap } from '@/lib/db/sync';
import { readMappingFile, type SkuMapEntry } from '@/lib/sync/mapping';
import type { SyncRowError } from '@/lib/sync/table';
import type { T } from '../labels';
import { rowErrorText, sayMessage } from './model';

const SHOWN_ERRORS = 20;
/** The typed mapping is read as a file with this header, so its line n is the file's line n + 1. */
const TYPED_HEADER = '本地SKU\tMSKU\t站点\n';

interface Props {
  t: T;
  account: string;
  entries: readonly SkuMapEntry[];
  onSaved: (entries: SkuMapEntry[]) => void;
}

function entriesText(entries: readonly SkuMapEntry[]): string {
  return entries.map((e) => [e.local, e.msku, ...(e.marketplace ? [e.marketplace] : [])].join('\t')).join('\n');
}

type Outcome = { kind: 'saved'; count: number } | { kind: 'refused'; message: string; errors: string[]; more: number };

/**
 * The local SKU → MSKU mapping of the account: imported from a file or typed (pasted from Excel) in
 * the box, validated by the library (an MSKU fed by two local SKUs is refused), stored per account.
 */
export function SkuMapStep({ t, account, entries, onSaved }: Props) {
  const id = useId();
  const [text, setText] = useState(() => entriesText(entries));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => setText(entriesText(entries)), [entries]);

  const refuse = (
    error: { messageKey: string; params: Record<string, string | number> },
    errors: SyncRowError[],
    rows: number,
    offset: number,
  ) =>
    setOutcome({
      kind: 'refused',
      message: sayMessage(t, error.messageKey, error.params),
      errors: errors.slice(0, SHOWN_ERRORS).map((e) => rowErrorText(t, e, offset)),
      more: Math.max(0, rows - SHOWN_ERRORS),
    });

  const save = async (bytes: Uint8Array, offset: number, fileName?: string) => {
    const result = await readMappingFile(bytes);
    if (!result.ok) return refuse(result.error, result.errors, result.errorRows, offset);
    await saveSkuMap(await store(), account, result.entries, Date.now(), fileName);
    setOutcome({ kind: 'saved', count: result.entries.length });
    onSaved(result.entries);
  };
  const report = (error: unknown) =>
    setOutcome({
      kind: 'refused',
      message: error instanceof Error ? error.message : String(error),
      errors: [],
      more: 0,
    });

  return (
    <section aria-labelledby={`${id}-heading`} className="sync-step">
      <h3 id={`${id}-heading`}>{t('syncUi.map.heading')}</h3>
      <p className="hint">{t('syncUi.map.intro')}</p>
      <p className="field">
        <label htmlFor={`${id}-file`}>{t('syncUi.map.file')}</label>{' '}
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx"
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (picked)
              picked
                .arrayBuffer()
                .then((b) => save(new Uint8Array(b), 0, picked.name))
                .catch(report);
          }}
        />
      </p>
      <p className="field">
        <label htmlFor={`${id}-text`}>{t('syncUi.map.text')}</label>
        <br />
        <textarea
          id={`${id}-text`}
          rows={5}
          cols={60}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      </p>
      <p>
        <button
          type="button"
          onClick={() => {
            // An empty box clears the mapping: every local SKU is then its own MSKU.
            if (text.trim() === '') {
              store()
                .then((db) => saveSkuMap(db, account, [], Date.now()))
                .then(() => {
                  setOutcome({ kind: 'saved', count: 0 });
                  onSaved([]);
                })
                .catch(report);
              return;
            }
            save(new TextEncoder().encode(TYPED_HEADER + text), -1).catch(report);
          }}
        >
          {t('syncUi.map.save')}
        </button>{' '}
        <span>{t('syncUi.map.count', { count: entries.length })}</span>
      </p>
      <div aria-live="polite">
        {outcome?.kind === 'saved' && (
          <p className="notice notice-ok">{t('syncUi.map.saved', { count: outcome.count })}</p>
        )}
        {outcome?.kind === 'refused' && (
          <div className="notice notice-error" role="alert">
            <p>{outcome.message}</p>
            {outcome.errors.length > 0 && (
              <ul>
                {outcome.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: errors in file order
                  <li key={i}>{e}</li>
                ))}
                {outcome.more > 0 && <li>{t('syncUi.file.more', { count: outcome.more })}</li>}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
