import { useId, useRef, useState } from 'react';
import { store } from '@/lib/db/open';
import { rememberColumns, rememberedColumns } from '@/lib/db/sync';
import { ENCODINGS, type Encoding } from '@/lib/reports/decode';
import { type ColumnMapping, readStockFile, type StockFileRejection } from '@/lib/sync/stock-file';
import type { T } from '../labels';
import { ColumnMappingStep } from './ColumnMappingStep';
import { rowErrorText, type StockFile, sayMessage } from './model';

const SHOWN_ERRORS = 20;

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'mapping'; file: File; headers: string[]; signature: string; suggested: Partial<ColumnMapping> }
  | { kind: 'refused'; name: string; rejection: StockFileRejection }
  | { kind: 'failed'; name: string; message: string }
  | { kind: 'read'; remembered: boolean; warnings: string[] };

interface Props {
  t: T;
  file: StockFile | null;
  onFile: (file: StockFile | null) => void;
}

/**
 * The seller's stock file: picked, read all or nothing, the encoding shown and open to override,
 * and a column-mapping step (remembered per header signature) where the headers are not known.
 */
export function StockFileStep({ t, file, onFile }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [encoding, setEncoding] = useState<Encoding | ''>('');
  const [chosen, setChosen] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const read = async (picked: File, override: Encoding | '', mapping?: ColumnMapping) => {
    setChosen(picked);
    setStep({ kind: 'reading', name: picked.name });
    onFile(null);
    const bytes = new Uint8Array(await picked.arrayBuffer());
    const options = { ...(override ? { encoding: override } : {}), ...(mapping ? { mapping } : {}) };
    let result = await readStockFile(bytes, options);
    let remembered = false;
    const db = await store();
    if (!result.ok && result.error.code === 'mapping-required' && !mapping && result.signature) {
      const known = await rememberedColumns(db, result.signature);
      if (known) {
        result = await readStockFile(bytes, { ...options, mapping: known.mapping });
        remembered = true;
      }
    }
    if (!result.ok) {
      if (result.error.code === 'mapping-required' && result.headers && result.signature) {
        setStep({
          kind: 'mapping',
          file: picked,
          headers: result.headers,
          signature: result.signature,
          suggested: result.suggested ?? {},
        });
      } else setStep({ kind: 'refused', name: picked.name, rejection: result });
      return;
    }
    if (mapping) await rememberColumns(db, result.signature, result.headers, result.mapping, Date.now());
    setStep({
      kind: 'read',
      remembered,
      warnings: result.warnings.map((w) => sayMessage(t, w.messageKey, w.params)),
    });
    onFile({
      name: picked.name,
      rows: result.rows,
      encoding: result.format === 'xlsx' ? t('syncUi.file.xlsx') : (result.encoding ?? '').toUpperCase(),
    });
  };

  const start = (picked: File, override: Encoding | '', mapping?: ColumnMapping) => {
    read(picked, override, mapping).catch((error: unknown) =>
      setStep({ kind: 'failed', name: picked.name, message: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="sync-step">
      <h3 id={`${id}-heading`}>{t('syncUi.file.heading')}</h3>
      <p className="field">
        <label htmlFor={`${id}-file`}>{t('syncUi.file.label')}</label>{' '}
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          disabled={step.kind === 'reading'}
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0];
            if (picked) start(picked, encoding);
            if (input.current) input.current.value = '';
          }}
        />
      </p>
      <p id={`${id}-hint`} className="hint">
        {t('syncUi.file.hint')}
      </p>
      <p className="field">
        <label htmlFor={`${id}-encoding`}>{t('syncUi.file.encoding')}</label>{' '}
        <select
          id={`${id}-encoding`}
          value={encoding}
          onChange={(e) => {
            const next = e.currentTarget.value as Encoding | '';
            setEncoding(next);
            // The same file again, read as the seller now says it is written.
            if (chosen) start(chosen, next);
          }}
        >
          <option value="">{t('syncUi.file.encodingAuto')}</option>
          {ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {t(`import.encoding.${e}`)}
            </option>
          ))}
        </select>
      </p>
      <div role="status" aria-live="polite">
        {step.kind === 'reading' && <p>{t('syncUi.file.reading', { file: step.name })}</p>}
        {step.kind === 'read' && file && (
          <>
            <p className="notice notice-ok" data-sync="file-read">
              {t('syncUi.file.read', { file: file.name, count: file.rows.length, encoding: file.encoding })}
            </p>
            {step.remembered && <p>{t('syncUi.file.remembered')}</p>}
            {step.warnings.map((w) => (
              <p key={w} className="notice">
                {w}
              </p>
            ))}
          </>
        )}
      </div>
      {step.kind === 'mapping' && (
        <ColumnMappingStep
          t={t}
          headers={step.headers}
          suggested={step.suggested}
          onUse={(mapping) => start(step.file, encoding, mapping)}
          onCancel={() => setStep({ kind: 'idle' })}
        />
      )}
      {step.kind === 'failed' && (
        <p className="notice notice-error" role="alert">
          {t('syncUi.file.rejected', { file: step.name, message: step.message })}
        </p>
      )}
      {step.kind === 'refused' && (
        <div className="notice notice-error" role="alert">
          <p>
            {t('syncUi.file.rejected', {
              file: step.name,
              message: sayMessage(t, step.rejection.error.messageKey, step.rejection.error.params),
            })}
          </p>
          {step.rejection.errors.length > 0 && (
            <ul>
              {step.rejection.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one line may carry several errors, in order
                <li key={`${e.line}-${i}`}>{rowErrorText(t, e)}</li>
              ))}
              {step.rejection.errorRows > SHOWN_ERRORS && (
                <li>{t('syncUi.file.more', { count: step.rejection.errorRows - SHOWN_ERRORS })}</li>
              )}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
