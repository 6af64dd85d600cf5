import { useEffect, useId, useState } from 'react';
import type { SkuChoice } from '@/lib/history/overview';
import { parseSkuKey } from '@/lib/model/keys';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { MAX_UNITS, parseWhole } from './numbers';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

type Link = Settings['alerts']['backups'][number];

interface LinkDraft {
  mfnKey: string;
  fbaKey?: string;
  quantity: string;
}

/** Merchant-fulfilled SKUs that share account, marketplace and ASIN with an FBA SKU and are not linked yet. */
export function backupCandidatesOf(
  choices: readonly SkuChoice[],
  linked: ReadonlySet<string>,
): Array<{ mfn: SkuChoice; fba: SkuChoice }> {
  const fba = new Map<string, SkuChoice>();
  for (const c of choices)
    if (c.channel === 'fba' && c.asin) fba.set(`${c.account}\u001f${c.marketplace}\u001f${c.asin}`, c);
  const out: Array<{ mfn: SkuChoice; fba: SkuChoice }> = [];
  for (const c of choices) {
    if (c.channel !== 'mfn' || !c.asin || linked.has(c.key)) continue;
    const match = fba.get(`${c.account}\u001f${c.marketplace}\u001f${c.asin}`);
    if (match) out.push({ mfn: c, fba: match });
  }
  return out.sort((a, b) => a.mfn.sku.localeCompare(b.mfn.sku));
}

function draftOf(links: readonly Link[]): LinkDraft[] {
  return links.map((l) => ({
    mfnKey: l.mfnKey,
    ...(l.fbaKey ? { fbaKey: l.fbaKey } : {}),
    quantity: String(l.quantity),
  }));
}

interface Props {
  settings: Settings;
  choices: readonly SkuChoice[];
  t: T;
}

/** Merchant-fulfilled backups of FBA SKUs: what to list while FBA is out, and which SKUs could be one. */
export function BackupLinks({ settings, choices, t }: Props) {
  const headingId = useId();
  const stored = JSON.stringify(settings.alerts.backups);
  const [draft, setDraft] = useState<LinkDraft[]>(() => draftOf(settings.alerts.backups));
  const { save, status, setStatus } = useSave(t);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stored` stands for the links as saved.
  useEffect(() => setDraft(draftOf(settings.alerts.backups)), [stored]);
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const skuOf = (key: string) => byKey.get(key)?.sku ?? parseSkuKey(key)?.sku ?? key;
  const candidates = backupCandidatesOf(choices, new Set(draft.map((d) => d.mfnKey)));

  const submit = async () => {
    const links: Link[] = [];
    for (const d of draft) {
      const quantity = parseWhole(d.quantity, 1, MAX_UNITS);
      if (!quantity.ok || quantity.value === undefined) {
        const field = t('alertSettings.backups.quantityOf', { sku: skuOf(d.mfnKey) });
        setStatus({ kind: 'error', text: t('alertSettings.invalidNumber', { field, min: 1, max: MAX_UNITS }) });
        return;
      }
      links.push({ mfnKey: d.mfnKey, ...(d.fbaKey ? { fbaKey: d.fbaKey } : {}), quantity: quantity.value });
    }
    await save((next) => {
      next.alerts.backups = links;
    });
  };

  return (
    <section aria-labelledby={headingId} className="alerts-part">
      <h3 id={headingId}>{t('alertSettings.backups.heading')}</h3>
      <p className="hint">{t('alertSettings.backups.body')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {draft.length === 0 ? (
          <p className="hint">{t('alertSettings.backups.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t('alertSettings.backups.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('alertSettings.backups.column.mfn')}</th>
                  <th scope="col">{t('alertSettings.backups.column.fba')}</th>
                  <th scope="col">{t('alertSettings.backups.column.quantity')}</th>
                  <th scope="col">{t('alertSettings.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {draft.map((d, i) => (
                  <tr key={d.mfnKey}>
                    <th scope="row" className="sku-cell">
                      {skuOf(d.mfnKey)} <span className="hint">{parseSkuKey(d.mfnKey)?.marketplace}</span>
                    </th>
                    <td className="sku-cell">{d.fbaKey ? skuOf(d.fbaKey) : t('alertSettings.backups.sameAsin')}</td>
                    <td>
                      <input
                        inputMode="numeric"
                        aria-label={t('alertSettings.backups.quantityOf', { sku: skuOf(d.mfnKey) })}
                        value={d.quantity}
                        onChange={(event) => {
                          setStatus(undefined);
                          const quantity = event.target.value;
                          setDraft((current) => current.map((x, j) => (j === i ? { ...x, quantity } : x)));
                        }}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('alertSettings.backups.removeOf', { sku: skuOf(d.mfnKey) })}
                        onClick={() => {
                          setStatus(undefined);
                          setDraft((current) => current.filter((_, j) => j !== i));
                        }}
                      >
                        {t('alertSettings.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h4>{t('alertSettings.backups.candidates')}</h4>
        {candidates.length === 0 ? (
          <p className="hint">{t('alertSettings.backups.noCandidates')}</p>
        ) : (
          <ul className="candidates">
            {candidates.map(({ mfn, fba }) => (
              <li key={mfn.key}>
                <span className="sku-cell">
                  {mfn.sku} → {fba.sku} ({mfn.marketplace})
                </span>{' '}
                <button
                  type="button"
                  aria-label={t('alertSettings.backups.addLabel', { mfn: mfn.sku, fba: fba.sku })}
                  onClick={() => {
                    setStatus(undefined);
                    setDraft((current) => [...current, { mfnKey: mfn.key, fbaKey: fba.key, quantity: '10' }]);
                  }}
                >
                  {t('alertSettings.backups.add')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="submit" className="primary-button">
            {t('alertSettings.backups.save')}
          </button>
          <SaveStatus status={status} t={t} />
        </div>
      </form>
    </section>
  );
}
