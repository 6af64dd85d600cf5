import { useId } from 'react';
import type { PasteResult } from '@/lib/bulk/paste';
import { say, type T } from './text';

interface Props {
  t: T;
  text: string;
  onText: (text: string) => void;
  /** The parse of the text as typed (null while it is empty). */
  result: PasteResult | null;
}

/** SKUs and quantities pasted from Excel; every line is accounted for: used, unknown, or an error. */
export function PasteRows({ t, text, onText, result }: Props) {
  const id = useId();
  return (
    <div className="sw-paste">
      <label htmlFor={`${id}-text`}>{t('panel.paste.label')}</label>
      <p id={`${id}-hint`} className="sw-muted">
        {t('panel.paste.hint')}
      </p>
      <textarea
        id={`${id}-text`}
        aria-describedby={`${id}-hint`}
        rows={6}
        value={text}
        spellCheck={false}
        onChange={(e) => onText(e.target.value)}
      />
      {text !== '' && (
        <button type="button" className="sw-button" onClick={() => onText('')}>
          {t('panel.paste.clear')}
        </button>
      )}
      {result && (
        <div aria-live="polite">
          <p>
            {t('panel.paste.recognised', { count: result.rows.length })}
            {result.header && ` ${t('panel.paste.header')}`}
          </p>
          {result.unknownSkus.length > 0 && (
            <>
              <p className="sw-warning-text">{t('panel.paste.unknownHeading', { count: result.unknownSkus.length })}</p>
              <ul
                className="sw-list"
                aria-label={t('panel.paste.unknownHeading', { count: result.unknownSkus.length })}
              >
                {result.unknownSkus.map((u) => (
                  <li key={`${u.line}-${u.sku}`}>
                    {t('bulk.paste.line', { line: u.line, message: t('bulk.paste.unknownSku', { sku: u.sku }) })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.errors.length > 0 && (
            <>
              <p className="sw-error-text">{t('panel.paste.errorsHeading', { count: result.errors.length })}</p>
              <ul className="sw-list" aria-label={t('panel.paste.errorsHeading', { count: result.errors.length })}>
                {result.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one line may carry several errors, in a fixed order
                  <li key={`${e.line}-${i}`}>{t('bulk.paste.line', { line: e.line, message: say(t, e.message) })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
