import { useId } from 'react';
import type { T } from '../labels';
import { type Scope, scopeId } from './model';

interface Props {
  t: T;
  scopes: readonly Scope[];
  value: Scope;
  onChange: (scope: Scope) => void;
}

/** The account and marketplace to reconcile against: those the store has listings for. */
export function ScopePicker({ t, scopes, value, onChange }: Props) {
  const id = useId();
  return (
    <p className="field">
      <label htmlFor={id}>{t('syncUi.scope.label')}</label>{' '}
      <select
        id={id}
        value={scopeId(value)}
        onChange={(e) => {
          const chosen = scopes.find((s) => scopeId(s) === e.currentTarget.value);
          if (chosen) onChange(chosen);
        }}
      >
        {scopes.map((s) => (
          <option key={scopeId(s)} value={scopeId(s)}>
            {t('syncUi.scope.option', { account: s.account, marketplace: s.marketplace })}
          </option>
        ))}
      </select>
    </p>
  );
}
