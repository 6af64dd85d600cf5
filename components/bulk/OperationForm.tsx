import { useId } from 'react';
import type { BulkMessage } from '@/lib/bulk/message';
import {
  MAX_HANDLING_DAYS,
  MAX_PERCENT,
  MIN_HANDLING_DAYS,
  needsAmount,
  OPERATION_KINDS,
  type OperationKind,
  ROUNDINGS,
  type Rounding,
} from '@/lib/bulk/operations';
import { say, type T } from './text';

/** The operations a seller can pick; `pasted` sets each pasted SKU to the quantity pasted beside it. */
export type FormKind = OperationKind | 'pasted';

interface Props {
  t: T;
  kind: FormKind;
  onKind: (kind: FormKind) => void;
  amount: string;
  onAmount: (amount: string) => void;
  rounding: Rounding;
  onRounding: (rounding: Rounding) => void;
  /** Offered while the rows come from a paste. */
  offerPasted: boolean;
  maxQuantity: number;
  /** Why the amount cannot be used, shown once there is something to judge. */
  error: BulkMessage | null;
  onBlurAmount: () => void;
}

export function OperationForm(props: Props) {
  const { t, kind, amount, rounding, error } = props;
  const id = useId();
  const showAmount = kind !== 'pasted' && needsAmount(kind);
  const hint =
    kind === 'percent'
      ? t('panel.amount.hintPercent', { max: MAX_PERCENT })
      : kind === 'handlingTime'
        ? t('panel.amount.hintDays', { min: MIN_HANDLING_DAYS, max: MAX_HANDLING_DAYS })
        : t('panel.amount.hintUnits', { max: props.maxQuantity });
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <fieldset className="sw-fieldset">
      <legend>{t('panel.op.legend')}</legend>
      <div className="sw-op-grid">
        <label htmlFor={`${id}-kind`}>{t('bulk.op.label')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => props.onKind(e.target.value as FormKind)}>
          {props.offerPasted && <option value="pasted">{t('panel.op.pasted')}</option>}
          {OPERATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`bulk.op.${k}`)}
            </option>
          ))}
        </select>

        {showAmount && (
          <>
            <label htmlFor={`${id}-amount`}>{t('bulk.amount.label')}</label>
            <div>
              <input
                id={`${id}-amount`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                className="sw-amount"
                value={amount}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => props.onAmount(e.target.value)}
                onBlur={props.onBlurAmount}
              />
              {kind === 'percent' && <span aria-hidden="true"> %</span>}
              <p id={`${id}-hint`} className="sw-muted">
                {hint}
              </p>
              {error && (
                <p id={`${id}-error`} className="sw-error-text">
                  {say(t, error)}
                </p>
              )}
            </div>
          </>
        )}

        {kind === 'percent' && (
          <>
            <label htmlFor={`${id}-rounding`}>{t('panel.rounding.label')}</label>
            <div>
              <select
                id={`${id}-rounding`}
                value={rounding}
                aria-describedby={`${id}-rounding-text`}
                onChange={(e) => props.onRounding(e.target.value as Rounding)}
              >
                {ROUNDINGS.map((r) => (
                  <option key={r} value={r}>
                    {t(`panel.rounding.${r}`)}
                  </option>
                ))}
              </select>
              <p id={`${id}-rounding-text`} className="sw-note">
                {t(`bulk.rounding.${rounding}`)}
              </p>
            </div>
          </>
        )}
      </div>
      {kind !== 'percent' && <p className="sw-note">{t(`panel.op.explain.${kind}`)}</p>}
    </fieldset>
  );
}
