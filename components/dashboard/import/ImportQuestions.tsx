import { type FormEvent, useId } from 'react';
import { ENCODINGS, type Encoding } from '@/lib/reports/decode';
import { REPORT_TYPES, type ReportType } from '@/lib/reports/headers';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { accountChoices, type Choices, marketplaceChoices, marketplaceInFile, needsOf } from './model';
import { encodingText } from './text';
import type { Asked } from './useImportFlow';

interface Props {
  t: T;
  asked: Asked;
  settings: Settings;
  onChange: (changes: Partial<Choices>) => void;
  onRead: () => void;
  onCancel: () => void;
}

/** A select with its label and an optional hint, described by it. */
function Select<V extends string>(props: {
  label: string;
  hint?: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

function DayField(props: { label: string; value: string; hintId?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        required
        value={props.value}
        aria-describedby={props.hintId}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * What Shelfwise recognised in the file, and what it must ask: the period of a Business Report,
 * the download day of a Restock report, the marketplace and account the records belong to, and the
 * encoding, number format and date order for the seller to override where the guess was wrong.
 */
export function ImportQuestions({ t, asked, settings, onChange, onRead, onCancel }: Props) {
  const { choices, inspection, file } = asked;
  const periodHint = useId();
  const dateHint = useId();
  const needs = needsOf(choices.type);
  const sure = inspection.encodingBasis !== 'guess' && inspection.encodingBasis !== 'likely';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRead();
  };
  return (
    <form className="panel import-questions" aria-labelledby="import-questions-heading" onSubmit={submit}>
      <h3 id="import-questions-heading">{t('import.questions.heading')}</h3>
      <p>
        <strong>{t('import.field.file')}:</strong> {file.name}
      </p>
      <Select<ReportType>
        label={t('import.field.type')}
        hint={t('import.hint.type')}
        value={choices.type}
        options={REPORT_TYPES.map((type) => ({ value: type, label: t(`reports.type.${type}`) }))}
        onChange={(type) => onChange({ type })}
      />
      {needs === 'period' && (
        <fieldset className="import-period">
          <legend>{t('import.review.period')}</legend>
          <p id={periodHint} className="hint">
            {t('import.hint.period')}
          </p>
          <DayField
            label={t('import.field.periodFrom')}
            value={choices.periodFrom}
            hintId={periodHint}
            onChange={(periodFrom) => onChange({ periodFrom })}
          />
          <DayField
            label={t('import.field.periodTo')}
            value={choices.periodTo}
            hintId={periodHint}
            onChange={(periodTo) => onChange({ periodTo })}
          />
        </fieldset>
      )}
      {needs === 'report-date' && (
        <>
          <DayField
            label={t('import.field.reportDate')}
            value={choices.reportDate}
            hintId={dateHint}
            onChange={(reportDate) => onChange({ reportDate })}
          />
          <p id={dateHint} className="hint">
            {t('import.hint.reportDate')}
          </p>
        </>
      )}
      <Select
        label={t('import.field.marketplace')}
        hint={
          marketplaceInFile(choices.type) ? t('import.hint.marketplaceFallback') : t('import.hint.marketplaceNeeded')
        }
        value={choices.marketplace}
        options={marketplaceChoices(asked.known).map((code) => ({ value: code, label: code }))}
        onChange={(marketplace) => onChange({ marketplace })}
      />
      <Select
        label={t('import.field.account')}
        hint={t('import.hint.account')}
        value={choices.account}
        options={accountChoices(asked.known, settings).map((a) => ({ value: a.id, label: a.name }))}
        onChange={(account) => onChange({ account })}
      />
      <Select<Encoding>
        label={t('import.field.encoding')}
        hint={
          sure
            ? t('import.hint.encodingSure', { encoding: encodingText(inspection.encoding, t) })
            : t('import.hint.encodingUnsure', { encoding: encodingText(inspection.encoding, t) })
        }
        value={choices.encoding}
        options={ENCODINGS.map((encoding) => ({ value: encoding, label: encodingText(encoding, t) }))}
        onChange={(encoding) => onChange({ encoding })}
      />
      <Select<Choices['numberLocale']>
        label={t('import.field.numberLocale')}
        value={choices.numberLocale}
        options={[
          { value: 'auto', label: t('import.auto') },
          { value: 'en', label: t('import.number.en') },
          { value: 'eu', label: t('import.number.eu') },
        ]}
        onChange={(numberLocale) => onChange({ numberLocale })}
      />
      <Select<Choices['dateOrder']>
        label={t('import.field.dateOrder')}
        value={choices.dateOrder}
        options={[
          { value: 'auto', label: t('import.auto') },
          { value: 'dmy', label: t('reports.dateOrder.dmy') },
          { value: 'mdy', label: t('reports.dateOrder.mdy') },
        ]}
        onChange={(dateOrder) => onChange({ dateOrder })}
      />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('import.chooseAnother')}
        </button>
        <button type="submit" className="primary-button">
          {t('import.read')}
        </button>
      </div>
    </form>
  );
}
