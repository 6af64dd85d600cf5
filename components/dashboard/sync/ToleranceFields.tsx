import { useId } from 'react';
import type { T } from '../labels';

export interface ToleranceText {
  units: string;
  percent: string;
}

interface Props {
  t: T;
  value: ToleranceText;
  onChange: (value: ToleranceText) => void;
}

/** Whole units and a percentage within which quantities still count as matching. */
export function ToleranceFields({ t, value, onChange }: Props) {
  const id = useId();
  return (
    <p className="sync-tolerance">
      <label htmlFor={`${id}-units`}>{t('sync.reconcile.toleranceUnits')}</label>{' '}
      <input
        id={`${id}-units`}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={value.units}
        onChange={(e) => onChange({ ...value, units: e.currentTarget.value })}
      />{' '}
      <label htmlFor={`${id}-percent`}>{t('sync.reconcile.tolerancePercent')}</label>{' '}
      <input
        id={`${id}-percent`}
        type="number"
        min={0}
        max={100}
        step="any"
        inputMode="decimal"
        value={value.percent}
        onChange={(e) => onChange({ ...value, percent: e.currentTarget.value })}
      />
    </p>
  );
}

/** The tolerance the library takes; empty or invalid fields count as 0 (only identical quantities match). */
export function parseTolerance(value: ToleranceText): { units: number; percent: number } {
  const units = Number(value.units);
  const percent = Number(value.percent);
  return {
    units: Number.isFinite(units) && units > 0 ? Math.floor(units) : 0,
    percent: Number.isFinite(percent) && percent > 0 ? Math.min(percent, 100) : 0,
  };
}
