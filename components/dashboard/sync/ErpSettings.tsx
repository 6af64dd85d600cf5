import { useEffect, useId, useState } from 'react';
import { parseSkuKey, skuKey } from '@/lib/model/keys';
import { type Settings, updateSettings } from '@/lib/settings';
import type { T } from '../labels';
import type { Scope } from './model';

interface Props {
  t: T;
  settings: Settings;
  scope: Scope;
}

/** This scope's SKUs among the managed listing keys, one per line. */
function skusOf(settings: Settings, scope: Scope): string {
  return settings.erp.managedSkus
    .map((key) => parseSkuKey(key))
    .filter((ref) => ref && ref.account === scope.account && ref.marketplace === scope.marketplace)
    .map((ref) => ref?.sku ?? '')
    .join('\n');
}

/**
 * `settings.erp`: all SKUs, or a list per account and marketplace (stored as listing keys, as the
 * bulk-edit guard and history read them), and the ERP's name for the notices.
 */
export function ErpSettings({ t, settings, scope }: Props) {
  const id = useId();
  const [all, setAll] = useState(settings.erp.allManaged);
  const [name, setName] = useState(settings.erp.name);
  const [text, setText] = useState(() => skusOf(settings, scope));
  const [status, setStatus] = useState<{ kind: 'saved'; count: number } | { kind: 'error'; message: string } | null>(
    null,
  );
  useEffect(() => {
    setAll(settings.erp.allManaged);
    setName(settings.erp.name);
    setText(skusOf(settings, scope));
  }, [settings, scope]);

  const save = async () => {
    const skus = [...new Set(text.split(/\r?\n/).map((s) => s.trim()))].filter((s) => s !== '');
    const keys = skus.map((sku) => skuKey({ ...scope, sku }));
    await updateSettings((current) => {
      // Other scopes' keys stay as they were; this scope's list is replaced by what is typed here.
      const others = current.erp.managedSkus.filter((key) => {
        const ref = parseSkuKey(key);
        return !ref || ref.account !== scope.account || ref.marketplace !== scope.marketplace;
      });
      return {
        ...current,
        erp: { ...current.erp, allManaged: all, name: name.trim(), managedSkus: [...others, ...keys] },
      };
    });
    setStatus({ kind: 'saved', count: keys.length });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="sync-step">
      <h3 id={`${id}-heading`}>{t('syncUi.erp.heading')}</h3>
      <p className="hint">{t('syncUi.erp.intro')}</p>
      <p className="field">
        <input id={`${id}-all`} type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />{' '}
        <label htmlFor={`${id}-all`}>{t('syncUi.erp.all')}</label>
      </p>
      <p className="field">
        <label htmlFor={`${id}-name`}>{t('syncUi.erp.name')}</label>{' '}
        <input
          id={`${id}-name`}
          type="text"
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </p>
      <p className="field">
        <label htmlFor={`${id}-skus`}>
          {t('syncUi.erp.skus', { account: scope.account, marketplace: scope.marketplace })}
        </label>
        <br />
        <textarea
          id={`${id}-skus`}
          rows={4}
          cols={40}
          spellCheck={false}
          disabled={all}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      </p>
      <p>
        <button
          type="button"
          onClick={() =>
            save().catch((error: unknown) =>
              setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
            )
          }
        >
          {t('syncUi.erp.save')}
        </button>
      </p>
      <div aria-live="polite">
        {status?.kind === 'saved' && (
          <p className="notice notice-ok">{t('syncUi.erp.saved', { count: status.count })}</p>
        )}
      </div>
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('syncUi.erp.failed', { error: status.message })}
        </p>
      )}
    </section>
  );
}
