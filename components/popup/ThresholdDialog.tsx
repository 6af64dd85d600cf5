import { useEffect, useId, useRef, useState } from 'react';
import type { PopupRow } from '@/lib/alerts/popup';
import type { Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import type { PopupKey } from './catalog';

export interface ThresholdValue {
  units?: number;
  days?: number;
}

const MAX_UNITS = 10_000_000;
const MAX_DAYS = 3650;

/** What was typed: empty is "use the default", a whole number in range is a threshold, anything else an error. */
export function parseThreshold(text: string, max: number): { ok: true; value: number | undefined } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return value <= max ? { ok: true, value } : { ok: false };
}

interface Props {
  row: PopupRow | null;
  settings: Settings;
  t: Translate<PopupKey>;
  onSave: (row: PopupRow, value: ThresholdValue) => Promise<void>;
  onClose: () => void;
}

/**
 * The per-SKU threshold, set from the list: units and days of cover, each empty for the default.
 * A native modal dialog: the browser keeps focus inside and Escape closes it.
 */
export function ThresholdDialog({ row, settings, t, onSave, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const unitsId = useId();
  const daysId = useId();
  const hintId = useId();
  const [units, setUnits] = useState('');
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (row) {
      const current = settings.thresholds.perSku[row.key];
      setUnits(current?.units === undefined ? '' : String(current.units));
      setDays(current?.days === undefined ? '' : String(current.days));
      setError(null);
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) {
      dialog.close();
    }
  }, [row, settings]);

  const submit = async () => {
    if (!row) return;
    const u = parseThreshold(units, MAX_UNITS);
    const d = parseThreshold(days, MAX_DAYS);
    if (!u.ok || !d.ok) {
      setError(
        !u.ok
          ? t('popup.threshold.invalid', { field: t('popup.threshold.units'), max: MAX_UNITS })
          : t('popup.threshold.invalid', { field: t('popup.threshold.days'), max: MAX_DAYS }),
      );
      return;
    }
    setBusy(true);
    try {
      const value: ThresholdValue = {};
      if (u.value !== undefined) value.units = u.value;
      if (d.value !== undefined) value.days = d.value;
      await onSave(row, value);
    } catch (failure) {
      setError(t('popup.actionFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="threshold-dialog" aria-labelledby={titleId} onClose={() => row && onClose()}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id={titleId}>{row ? t('popup.threshold.title', { sku: row.sku }) : ''}</h2>
        <p id={hintId} className="hint">
          {t('popup.threshold.hint', {
            units: settings.thresholds.lowStockUnits,
            days: settings.thresholds.lowStockDays,
          })}
        </p>
        <div className="field">
          <label htmlFor={unitsId}>{t('popup.threshold.units')}</label>
          <input
            id={unitsId}
            inputMode="numeric"
            aria-describedby={hintId}
            value={units}
            onChange={(event) => setUnits(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={daysId}>{t('popup.threshold.days')}</label>
          <input
            id={daysId}
            inputMode="numeric"
            aria-describedby={hintId}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </div>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('popup.threshold.cancel')}
          </button>
          <button type="submit" className="primary-button" disabled={busy}>
            {t('popup.threshold.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
