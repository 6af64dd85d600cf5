import { useId } from 'react';
import type { SkuChoice } from '@/lib/history/overview';
import { parseSkuKey } from '@/lib/model/keys';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { SkuSearch } from '../SkuSearch';
import { SaveStatus } from './SaveStatus';
import { SkuSettingsForm } from './SkuSettingsForm';
import { useSave } from './useSave';

interface Props {
  /** The SKU from the address (`#alerts/<encoded skuKey>`), if any. */
  skuKey: string | undefined;
  choices: readonly SkuChoice[];
  settings: Settings;
  t: T;
}

export function alertsHash(skuKey?: string): string {
  return skuKey ? `#alerts/${encodeURIComponent(skuKey)}` : '#alerts';
}

/** Find a SKU and give it its own thresholds and lead time; the SKUs that have some, listed. */
export function SkuOverrides({ skuKey, choices, settings, t }: Props) {
  const headingId = useId();
  const { save, status } = useSave(t);
  const keys = [
    ...new Set([...Object.keys(settings.thresholds.perSku), ...Object.keys(settings.leadTimePerSku)]),
  ].sort();
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const unset = t('alertSettings.dash');

  return (
    <section aria-labelledby={headingId} className="alerts-part">
      <h3 id={headingId}>{t('alertSettings.sku.heading')}</h3>
      <p className="hint">{t('alertSettings.sku.body')}</p>
      <SkuSearch
        choices={choices}
        t={t}
        onPick={(choice) => {
          location.hash = alertsHash(choice.key);
        }}
      />
      {skuKey && (
        <SkuSettingsForm
          key={skuKey}
          skuKey={skuKey}
          choice={byKey.get(skuKey)}
          settings={settings}
          t={t}
          onClose={() => {
            location.hash = alertsHash();
          }}
        />
      )}
      {keys.length === 0 ? (
        <p className="hint">{t('alertSettings.sku.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('alertSettings.sku.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alertSettings.sku.column.sku')}</th>
                <th scope="col">{t('alertSettings.sku.column.marketplace')}</th>
                <th scope="col">{t('alertSettings.sku.column.threshold')}</th>
                <th scope="col">{t('alertSettings.sku.column.lead')}</th>
                <th scope="col">{t('alertSettings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => {
                const ref = parseSkuKey(key);
                const sku = byKey.get(key)?.sku ?? ref?.sku ?? key;
                const threshold = settings.thresholds.perSku[key];
                const lead = settings.leadTimePerSku[key];
                return (
                  <tr key={key}>
                    <th scope="row" className="sku-cell">
                      {sku}
                    </th>
                    <td>{ref?.marketplace ?? ''}</td>
                    <td>
                      {threshold
                        ? t('alertSettings.sku.thresholdValue', {
                            units: threshold.units ?? settings.thresholds.lowStockUnits,
                            days: threshold.days ?? settings.thresholds.lowStockDays,
                          })
                        : unset}
                    </td>
                    <td>
                      {lead
                        ? t('alertSettings.sku.leadValue', {
                            production: lead.productionDays ?? settings.leadTime.productionDays,
                            receiving: lead.receivingDays ?? settings.leadTime.receivingDays,
                            buffer: lead.bufferDays ?? settings.leadTime.bufferDays,
                          })
                        : unset}
                    </td>
                    <td className="row-buttons">
                      <a href={alertsHash(key)} aria-label={t('alertSettings.sku.editLabel', { sku })}>
                        {t('alertSettings.edit')}
                      </a>
                      <button
                        type="button"
                        aria-label={t('alertSettings.sku.removeLabel', { sku })}
                        onClick={() =>
                          void save((next) => {
                            delete next.thresholds.perSku[key];
                            delete next.leadTimePerSku[key];
                          })
                        }
                      >
                        {t('alertSettings.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <SaveStatus status={status} t={t} />
    </section>
  );
}
