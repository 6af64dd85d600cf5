import { useId, useState } from 'react';
import type { ColumnMapping } from '@/lib/sync/stock-file';
import type { T } from '../labels';

type Field = keyof ColumnMapping;
const FIELDS: ReadonlyArray<{ field: Field; label: Parameters<T>[0]; required: boolean }> = [
  { field: 'sku', label: 'sync.column.sku', required: true },
  { field: 'quantity', label: 'sync.column.quantity', required: true },
  { field: 'warehouse', label: 'sync.column.warehouse', required: false },
  { field: 'cost', label: 'sync.column.cost', required: false },
];

interface Props {
  t: T;
  headers: readonly string[];
  suggested: Partial<ColumnMapping>;
  onUse: (mapping: ColumnMapping) => void;
  onCancel: () => void;
}

/** Headers the reader did not recognise: the seller says which column is which. */
export function ColumnMappingStep({ t, headers, suggested, onUse, onCancel }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState<Partial<ColumnMapping>>(suggested);
  const [missing, setMissing] = useState(false);
  const use = () => {
    if (chosen.sku === undefined || chosen.quantity === undefined) {
      setMissing(true);
      return;
    }
    const mapping: ColumnMapping = { sku: chosen.sku, quantity: chosen.quantity };
    if (chosen.warehouse !== undefined) mapping.warehouse = chosen.warehouse;
    if (chosen.cost !== undefined) mapping.cost = chosen.cost;
    onUse(mapping);
  };
  return (
    <fieldset className="sync-columns">
      <legend>{t('syncUi.columns.legend')}</legend>
      <p className="hint">{t('syncUi.columns.hint')}</p>
      {FIELDS.map(({ field, label }) => (
        <p className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(label)}</label>{' '}
          <select
            id={`${id}-${field}`}
            value={chosen[field] === undefined ? '' : String(chosen[field])}
            onChange={(e) => {
              const value = e.currentTarget.value;
              const next = { ...chosen };
              if (value === '') delete next[field];
              else next[field] = Number(value);
              setChosen(next);
              setMissing(false);
            }}
          >
            <option value="">{t('syncUi.columns.none')}</option>
            {headers.map((header, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions; two may share a name
              <option key={index} value={index}>
                {header === '' ? `#${index + 1}` : header}
              </option>
            ))}
          </select>
        </p>
      ))}
      {missing && (
        <p className="notice notice-error" role="alert">
          {t('syncUi.columns.required')}
        </p>
      )}
      <p>
        <button type="button" onClick={use}>
          {t('syncUi.columns.use')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('syncUi.columns.cancel')}
        </button>
      </p>
    </fieldset>
  );
}
