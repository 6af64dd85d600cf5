import { useId } from 'react';
import { MARKETPLACES } from '@/lib/marketplaces';
import type { T } from './text';

interface Props {
  t: T;
  value: string | null;
  onChange: (code: string | null) => void;
}

/** Asked only when the page did not say which marketplace it shows: a file is for one marketplace. */
export function MarketplacePicker({ t, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="sw-marketplace">
      <p id={`${id}-why`}>{t('panel.marketplace.why')}</p>
      <label htmlFor={`${id}-select`}>{t('panel.marketplace.label')}</label>
      <select
        id={`${id}-select`}
        aria-describedby={`${id}-why`}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('panel.marketplace.choose')}</option>
        {MARKETPLACES.map((m) => (
          <option key={m.code} value={m.code}>
            {m.code} — {m.domain}
          </option>
        ))}
      </select>
    </div>
  );
}
