import { useId, useState } from 'react';
import type { SkuChoice } from '@/lib/history/overview';
import { parseSkuKey } from '@/lib/model/keys';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { Field } from './Field';
import { applyOverrides, buildOverrides, type OverrideDraft, overrideDraft } from './overrides';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

interface Props {
  skuKey: string;
  choice: SkuChoice | undefined;
  settings: Settings;
  t: T;
  onClose: () => void;
}

/** One SKU's own threshold and lead time; every empty field keeps the default, which it names. */
export function SkuSettingsForm({ skuKey, choice, settings, t, onClose }: Props) {
  const headingId = useId();
  const [draft, setDraft] = useState<OverrideDraft>(() => overrideDraft(settings, skuKey));
  const { save, status, setStatus } = useSave(t);
  const ref = parseSkuKey(skuKey);
  const sku = choice?.sku ?? ref?.sku ?? skuKey;
  const marketplace = choice?.marketplace ?? ref?.marketplace ?? '';
  const lead = settings.leadTime;
  const labels = {
    units: t('alertSettings.sku.units'),
    days: t('alertSettings.sku.days'),
    production: t('alertSettings.sku.production'),
    receiving: t('alertSettings.sku.receiving'),
    buffer: t('alertSettings.sku.buffer'),
  };
  const fallback = (value: number) => t('alertSettings.default', { value });
  const set = (change: (next: OverrideDraft) => void) => {
    setStatus(undefined);
    setDraft((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
  };

  const submit = async () => {
    const built = buildOverrides(draft, lead.methods, labels);
    if (!built.ok) {
      setStatus({ kind: 'error', text: t(built.problem.key, built.problem.params) });
      return;
    }
    await save((next) => applyOverrides(next, skuKey, built.threshold, built.lead));
  };

  const clear = async () => {
    if (await save((next) => applyOverrides(next, skuKey, undefined, undefined))) {
      setDraft(
        overrideDraft({ ...settings, thresholds: { ...settings.thresholds, perSku: {} }, leadTimePerSku: {} }, skuKey),
      );
    }
  };

  return (
    <form
      className="sku-settings"
      aria-labelledby={headingId}
      data-sku-key={skuKey}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id={headingId}>{t('alertSettings.sku.formHeading', { sku, marketplace })}</h4>
      {choice?.title && <p className="hint">{choice.title}</p>}
      <fieldset>
        <legend>{t('alertSettings.sku.thresholds')}</legend>
        <div className="field-pair">
          <Field
            label={labels.units}
            type="numeric"
            value={draft.units}
            hint={fallback(settings.thresholds.lowStockUnits)}
            onChange={(v) =>
              set((d) => {
                d.units = v;
              })
            }
          />
          <Field
            label={labels.days}
            type="numeric"
            value={draft.days}
            hint={fallback(settings.thresholds.lowStockDays)}
            onChange={(v) =>
              set((d) => {
                d.days = v;
              })
            }
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('alertSettings.sku.lead')}</legend>
        <div className="field-pair">
          <Field
            label={labels.production}
            type="numeric"
            value={draft.production}
            hint={fallback(lead.productionDays)}
            onChange={(v) =>
              set((d) => {
                d.production = v;
              })
            }
          />
          <Field
            label={labels.receiving}
            type="numeric"
            value={draft.receiving}
            hint={fallback(lead.receivingDays)}
            onChange={(v) =>
              set((d) => {
                d.receiving = v;
              })
            }
          />
          <Field
            label={labels.buffer}
            type="numeric"
            value={draft.buffer}
            hint={fallback(lead.bufferDays)}
            onChange={(v) =>
              set((d) => {
                d.buffer = v;
              })
            }
          />
        </div>
        {lead.methods.map((method) => (
          <div className="field-pair" key={method.id}>
            <Field
              label={t('alertSettings.sku.transitMin', { method: method.name })}
              type="numeric"
              value={draft.transit[method.id]?.min ?? ''}
              hint={fallback(method.minDays)}
              onChange={(v) =>
                set((d) => {
                  d.transit[method.id] = { min: v, max: d.transit[method.id]?.max ?? '' };
                })
              }
            />
            <Field
              label={t('alertSettings.sku.transitMax', { method: method.name })}
              type="numeric"
              value={draft.transit[method.id]?.max ?? ''}
              hint={fallback(method.maxDays)}
              onChange={(v) =>
                set((d) => {
                  d.transit[method.id] = { min: d.transit[method.id]?.min ?? '', max: v };
                })
              }
            />
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary-button">
          {t('alertSettings.sku.save')}
        </button>
        <button type="button" onClick={() => void clear()}>
          {t('alertSettings.sku.clear')}
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          {t('alertSettings.sku.close')}
        </button>
        <SaveStatus status={status} t={t} />
      </div>
    </form>
  );
}
