import { useEffect, useId, useState } from 'react';
import type { SkuChoice } from '@/lib/history/overview';
import { MARKETPLACES } from '@/lib/marketplaces';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

type Pool = Settings['alerts']['panEuPools'][number];

interface PoolDraft {
  account: string;
  marketplaces: string[];
  asins: string;
  stock: Pool['stock'];
}

const PAN_EU = MARKETPLACES.filter((m) => m.panEu).map((m) => m.code);

function draftOf(pools: readonly Pool[]): PoolDraft[] {
  return pools.map((p) => ({
    account: p.account,
    marketplaces: [...p.marketplaces],
    asins: p.asins.join(' '),
    stock: p.stock,
  }));
}

/** ASINs as typed: separated by spaces, commas or new lines, upper-cased, each once. */
export function parseAsins(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;，、]+/)
        .map((a) => a.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

interface Props {
  settings: Settings;
  choices: readonly SkuChoice[];
  t: T;
}

/** Pan-European FBA pools: which account, marketplaces and ASINs share one stock, and how the pages show it. */
export function PanEuPools({ settings, choices, t }: Props) {
  const headingId = useId();
  const stored = JSON.stringify(settings.alerts.panEuPools);
  const [draft, setDraft] = useState<PoolDraft[]>(() => draftOf(settings.alerts.panEuPools));
  const { save, status, setStatus } = useSave(t);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stored` stands for the pools as saved.
  useEffect(() => setDraft(draftOf(settings.alerts.panEuPools)), [stored]);
  const accounts = [
    ...new Set([
      ...choices.map((c) => c.account),
      ...settings.accounts.map((a) => a.id),
      ...draft.map((p) => p.account),
    ]),
  ].filter(Boolean);

  const edit = (index: number, change: Partial<PoolDraft>) => {
    setStatus(undefined);
    setDraft((current) => current.map((p, i) => (i === index ? { ...p, ...change } : p)));
  };

  return (
    <section aria-labelledby={headingId} className="alerts-part">
      <h3 id={headingId}>{t('alertSettings.pools.heading')}</h3>
      <p className="hint">{t('alertSettings.pools.body')}</p>
      <form
        className="settings"
        onSubmit={(event) => {
          event.preventDefault();
          void save((next) => {
            next.alerts.panEuPools = draft.map((p) => ({
              // The schema's key order (see saveSettings: another order reads as a replaced value).
              account: p.account,
              asins: parseAsins(p.asins),
              marketplaces: p.marketplaces,
              stock: p.stock,
            }));
          });
        }}
      >
        {draft.length === 0 && <p className="hint">{t('alertSettings.pools.none')}</p>}
        {draft.map((pool, i) => (
          <PoolFields
            // biome-ignore lint/suspicious/noArrayIndexKey: pools have no identity but their place in the list.
            key={i}
            index={i}
            pool={pool}
            accounts={accounts}
            t={t}
            onChange={(change) => edit(i, change)}
            onRemove={() => {
              setStatus(undefined);
              setDraft((current) => current.filter((_, j) => j !== i));
            }}
          />
        ))}
        <div className="actions">
          <button
            type="button"
            disabled={accounts.length === 0}
            onClick={() =>
              setDraft((current) => [
                ...current,
                { account: accounts[0] ?? '', marketplaces: [], asins: '', stock: 'sum' },
              ])
            }
          >
            {t('alertSettings.pools.add')}
          </button>
          <button type="submit" className="primary-button">
            {t('alertSettings.pools.save')}
          </button>
          <SaveStatus status={status} t={t} />
        </div>
      </form>
    </section>
  );
}

function PoolFields(props: {
  index: number;
  pool: PoolDraft;
  accounts: string[];
  t: T;
  onChange: (change: Partial<PoolDraft>) => void;
  onRemove: () => void;
}) {
  const { index, pool, accounts, t, onChange, onRemove } = props;
  const accountId = useId();
  const asinsId = useId();
  const stockName = useId();
  const n = index + 1;
  return (
    <fieldset className="pool">
      <legend>{t('alertSettings.pools.legend', { index: n })}</legend>
      <div className="field">
        <label htmlFor={accountId}>{t('alertSettings.pools.accountOf', { index: n })}</label>
        <select id={accountId} value={pool.account} onChange={(event) => onChange({ account: event.target.value })}>
          {accounts.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('alertSettings.pools.marketplaces', { index: n })}</legend>
        <div className="marketplace-choices">
          {PAN_EU.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={pool.marketplaces.includes(code)}
                onChange={(event) =>
                  onChange({
                    marketplaces: event.target.checked
                      ? [...pool.marketplaces, code]
                      : pool.marketplaces.filter((c) => c !== code),
                  })
                }
              />
              {code}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field wide">
        <label htmlFor={asinsId}>{t('alertSettings.pools.asins', { index: n })}</label>
        <textarea
          id={asinsId}
          rows={2}
          value={pool.asins}
          onChange={(event) => onChange({ asins: event.target.value })}
        />
      </div>
      <fieldset>
        <legend>{t('alertSettings.pools.stock')}</legend>
        {(['sum', 'shared'] as const).map((mode) => (
          <div className="field checkbox" key={mode}>
            <label>
              <input
                type="radio"
                name={stockName}
                checked={pool.stock === mode}
                onChange={() => onChange({ stock: mode })}
              />
              {t(mode === 'sum' ? 'alertSettings.pools.stockSum' : 'alertSettings.pools.stockShared')}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="button" onClick={onRemove}>
        {t('alertSettings.pools.removeOf', { index: n })}
      </button>
    </fieldset>
  );
}
