import { useEffect, useId, useState } from 'react';
import type { Translate } from '@/lib/i18n';
import { InvalidSettingsError, type LoadedSettings, type Settings, saveSettings } from '@/lib/settings';
import type { DashboardKey } from './catalog';

type T = Translate<DashboardKey>;

interface Props {
  loaded: LoadedSettings;
  t: T;
}

type Status = { kind: 'saved' } | { kind: 'error'; fields: string[] } | undefined;

/**
 * Number inputs keep what the seller typed; it becomes a number only on save, so a half-typed
 * value is never silently turned into 0.
 */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function NumberField(props: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  step?: number;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min ?? 0}
        step={props.step ?? 1}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          props.onChange(toNumber(event.target.value));
        }}
      />
    </div>
  );
}

export function SettingsEditor({ loaded, t }: Props) {
  const [draft, setDraft] = useState<Settings>(() => structuredClone(loaded.settings));
  const [status, setStatus] = useState<Status>();
  const ids = {
    language: useId(),
    service: useId(),
    capacity: useId(),
    account: useId(),
    quietStart: useId(),
    quietEnd: useId(),
  };

  useEffect(() => setDraft(structuredClone(loaded.settings)), [loaded.settings]);

  const edit = (change: (next: Settings) => void) => {
    setStatus(undefined);
    setDraft((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
  };

  const save = async () => {
    try {
      await saveSettings(draft);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', fields: error instanceof InvalidSettingsError ? error.paths : [String(error)] });
    }
  };

  return (
    <form
      className="settings"
      aria-labelledby="settings-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      {loaded.problems.length > 0 && (
        <p className="notice" role="status">
          {t('settings.invalidStored', { fields: loaded.problems.join(', ') })}
        </p>
      )}
      {loaded.newer && <p className="notice">{t('settings.newerVersion')}</p>}

      <fieldset>
        <legend>{t('settings.language')}</legend>
        <div className="field">
          <label htmlFor={ids.language}>{t('settings.language')}</label>
          <select
            id={ids.language}
            value={draft.language}
            onChange={(event) =>
              edit((next) => {
                next.language = event.target.value as Settings['language'];
              })
            }
          >
            <option value="auto">{t('language.auto')}</option>
            <option value="en">{t('language.en')}</option>
            <option value="zh_CN">{t('language.zh_CN')}</option>
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('settings.section.stock')}</legend>
        <NumberField
          label={t('settings.lowStockUnits')}
          value={draft.thresholds.lowStockUnits}
          onChange={(value) =>
            edit((next) => {
              next.thresholds.lowStockUnits = value;
            })
          }
        />
        <NumberField
          label={t('settings.lowStockDays')}
          value={draft.thresholds.lowStockDays}
          onChange={(value) =>
            edit((next) => {
              next.thresholds.lowStockDays = value;
            })
          }
        />
      </fieldset>

      <fieldset>
        <legend>{t('settings.section.leadTime')}</legend>
        <NumberField
          label={t('settings.productionDays')}
          value={draft.leadTime.productionDays}
          onChange={(value) =>
            edit((next) => {
              next.leadTime.productionDays = value;
            })
          }
        />
        {draft.leadTime.methods.map((method, index) => (
          <div className="field-pair" key={method.id}>
            <NumberField
              label={t('settings.transitMin', { method: method.name })}
              value={method.minDays}
              onChange={(value) =>
                edit((next) => {
                  const target = next.leadTime.methods[index];
                  if (target) target.minDays = value;
                })
              }
            />
            <NumberField
              label={t('settings.transitMax', { method: method.name })}
              value={method.maxDays}
              onChange={(value) =>
                edit((next) => {
                  const target = next.leadTime.methods[index];
                  if (target) target.maxDays = value;
                })
              }
            />
          </div>
        ))}
        <NumberField
          label={t('settings.receivingDays')}
          value={draft.leadTime.receivingDays}
          onChange={(value) =>
            edit((next) => {
              next.leadTime.receivingDays = value;
            })
          }
        />
        <NumberField
          label={t('settings.bufferDays')}
          value={draft.leadTime.bufferDays}
          onChange={(value) =>
            edit((next) => {
              next.leadTime.bufferDays = value;
            })
          }
        />
        <NumberField
          label={t('settings.reviewPeriodDays')}
          value={draft.reviewPeriodDays}
          onChange={(value) =>
            edit((next) => {
              next.reviewPeriodDays = value;
            })
          }
        />
        <div className="field">
          <label htmlFor={ids.service}>{t('settings.serviceLevel')}</label>
          <select
            id={ids.service}
            value={String(draft.serviceLevel)}
            onChange={(event) =>
              edit((next) => {
                next.serviceLevel = Number(event.target.value) as Settings['serviceLevel'];
              })
            }
          >
            <option value="0.9">90%</option>
            <option value="0.95">95%</option>
            <option value="0.99">99%</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.capacity}>{t('settings.restockCapacity')}</label>
          <input
            id={ids.capacity}
            type="number"
            min={0}
            defaultValue={draft.restockCapacityPerMonth ?? ''}
            onChange={(event) =>
              edit((next) => {
                next.restockCapacityPerMonth = event.target.value.trim() === '' ? null : toNumber(event.target.value);
              })
            }
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('settings.section.notifications')}</legend>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={draft.notifications.enabled}
              onChange={(event) =>
                edit((next) => {
                  next.notifications.enabled = event.target.checked;
                })
              }
            />
            {t('settings.notificationsEnabled')}
          </label>
        </div>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={draft.notifications.quietHours.enabled}
              onChange={(event) =>
                edit((next) => {
                  next.notifications.quietHours.enabled = event.target.checked;
                })
              }
            />
            {t('settings.quietHours')}
          </label>
        </div>
        <div className="field-pair">
          <div className="field">
            <label htmlFor={ids.quietStart}>{t('settings.quietStart')}</label>
            <input
              id={ids.quietStart}
              type="time"
              value={draft.notifications.quietHours.start}
              onChange={(event) =>
                edit((next) => {
                  next.notifications.quietHours.start = event.target.value;
                })
              }
            />
          </div>
          <div className="field">
            <label htmlFor={ids.quietEnd}>{t('settings.quietEnd')}</label>
            <input
              id={ids.quietEnd}
              type="time"
              value={draft.notifications.quietHours.end}
              onChange={(event) =>
                edit((next) => {
                  next.notifications.quietHours.end = event.target.value;
                })
              }
            />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('settings.section.bulk')}</legend>
        <NumberField
          label={t('settings.maxQuantity')}
          value={draft.bulk.maxQuantity}
          onChange={(value) =>
            edit((next) => {
              next.bulk.maxQuantity = value;
            })
          }
        />
        <NumberField
          label={t('settings.largeChangePercent')}
          value={draft.bulk.largeChangePercent}
          min={1}
          onChange={(value) =>
            edit((next) => {
              next.bulk.largeChangePercent = value;
            })
          }
        />
        <NumberField
          label={t('settings.changeFrequencyNotice')}
          value={draft.bulk.changeFrequencyNotice}
          min={1}
          onChange={(value) =>
            edit((next) => {
              next.bulk.changeFrequencyNotice = value;
            })
          }
        />
      </fieldset>

      {draft.accounts.length > 0 && (
        <fieldset>
          <legend>{t('settings.section.accounts')}</legend>
          <div className="field">
            <label htmlFor={ids.account}>{t('settings.activeAccount')}</label>
            <select
              id={ids.account}
              value={draft.activeAccount}
              onChange={(event) =>
                edit((next) => {
                  next.activeAccount = event.target.value;
                })
              }
            >
              <option value="">{t('settings.accountNone')}</option>
              {draft.accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name || account.id}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}

      <div className="actions">
        <button type="submit" className="primary-button">
          {t('settings.save')}
        </button>
        <span role="status" aria-live="polite">
          {status?.kind === 'saved' && <span className="status-ok">{t('settings.saved')}</span>}
        </span>
      </div>
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('settings.saveFailed', { fields: status.fields.join(', ') })}
        </p>
      )}
    </form>
  );
}
