import { useEffect, useId, useState } from 'react';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { Field } from './Field';
import { MAX_DAYS, parseWhole } from './numbers';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

interface MethodDraft {
  id: string;
  name: string;
  min: string;
  max: string;
}

function draftOf(settings: Settings): MethodDraft[] {
  return settings.leadTime.methods.map((m) => ({
    id: m.id,
    name: m.name,
    min: String(m.minDays),
    max: String(m.maxDays),
  }));
}

/** A new method's id: stable once saved (per-SKU transit overrides refer to it), unique among the others. */
function newId(existing: readonly MethodDraft[]): string {
  let n = existing.length + 1;
  while (existing.some((m) => m.id === `method-${n}`)) n++;
  return `method-${n}`;
}

/** The seller's shipping methods (sea, air, express, or their own), each with its transit range. */
export function ShippingMethods({ settings, t }: { settings: Settings; t: T }) {
  const headingId = useId();
  const stored = JSON.stringify(settings.leadTime.methods);
  const [draft, setDraft] = useState<MethodDraft[]>(() => draftOf(settings));
  const { save, status, setStatus } = useSave(t);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stored` stands for the methods as saved.
  useEffect(() => setDraft(draftOf(settings)), [stored]);

  const edit = (index: number, change: Partial<MethodDraft>) => {
    setStatus(undefined);
    setDraft((current) => current.map((m, i) => (i === index ? { ...m, ...change } : m)));
  };

  const submit = async () => {
    if (draft.length === 0) {
      setStatus({ kind: 'error', text: t('alertSettings.methods.atLeastOne') });
      return;
    }
    const methods: Settings['leadTime']['methods'] = [];
    for (const [i, m] of draft.entries()) {
      const name = m.name.trim();
      if (!name) {
        setStatus({
          kind: 'error',
          text: t('alertSettings.required', { field: t('alertSettings.methods.nameOf', { index: i + 1 }) }),
        });
        return;
      }
      const min = parseWhole(m.min, 0, MAX_DAYS);
      const max = parseWhole(m.max, 0, MAX_DAYS);
      if (!min.ok || min.value === undefined || !max.ok || max.value === undefined) {
        const field = t(
          !min.ok || min.value === undefined ? 'alertSettings.methods.minOf' : 'alertSettings.methods.maxOf',
          {
            method: name,
          },
        );
        setStatus({ kind: 'error', text: t('alertSettings.invalidNumber', { field, min: 0, max: MAX_DAYS }) });
        return;
      }
      methods.push({
        id: m.id,
        name,
        minDays: Math.min(min.value, max.value),
        maxDays: Math.max(min.value, max.value),
      });
    }
    await save((next) => {
      next.leadTime.methods = methods;
    });
  };

  return (
    <section aria-labelledby={headingId} className="alerts-part">
      <h3 id={headingId}>{t('alertSettings.methods.heading')}</h3>
      <p className="hint">{t('alertSettings.methods.body')}</p>
      <form
        className="settings"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {draft.map((m, i) => (
          <div className="field-pair method-row" key={m.id}>
            <Field
              label={t('alertSettings.methods.nameOf', { index: i + 1 })}
              value={m.name}
              onChange={(name) => edit(i, { name })}
            />
            <Field
              label={t('alertSettings.methods.minOf', { method: m.name || String(i + 1) })}
              type="numeric"
              value={m.min}
              onChange={(min) => edit(i, { min })}
            />
            <Field
              label={t('alertSettings.methods.maxOf', { method: m.name || String(i + 1) })}
              type="numeric"
              value={m.max}
              onChange={(max) => edit(i, { max })}
            />
            <button
              type="button"
              className="align-end"
              aria-label={t('alertSettings.methods.removeOf', { method: m.name || String(i + 1) })}
              disabled={draft.length <= 1}
              onClick={() => {
                setStatus(undefined);
                setDraft((current) => current.filter((_, j) => j !== i));
              }}
            >
              {t('alertSettings.remove')}
            </button>
          </div>
        ))}
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              setDraft((current) => [
                ...current,
                { id: newId(current), name: t('alertSettings.methods.newName'), min: '', max: '' },
              ])
            }
          >
            {t('alertSettings.methods.add')}
          </button>
          <button type="submit" className="primary-button">
            {t('alertSettings.methods.save')}
          </button>
          <SaveStatus status={status} t={t} />
        </div>
      </form>
    </section>
  );
}
