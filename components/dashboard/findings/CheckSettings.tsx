import { type FormEvent, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { RULES } from '@/lib/compliance/registry';
import { ruleName } from '@/lib/compliance/report';
import type { Category } from '@/lib/compliance/types';
import { IMAGE_HOST_MATCHES } from '@/lib/marketplaces';
import { type Settings, updateSettings } from '@/lib/settings';
import type { T } from '../labels';

/**
 * The listing checks' settings, saved as soon as they change: main-image checks (which need the
 * optional image-host permission), each rule on or off, and the seller's brand terms.
 */

const CATEGORIES: readonly Category[] = ['title', 'claims', 'image', 'offer'];
/** Longer than any brand name; a pasted sentence is a mistake. */
export const BRAND_TERM_MAX = 100;

type Status =
  | { kind: 'saved' }
  | { kind: 'denied' }
  | { kind: 'error'; message: string }
  | { kind: 'invalid'; message: string }
  | undefined;

const ORIGINS = [...IMAGE_HOST_MATCHES];

async function imagePermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: ORIGINS });
  } catch {
    return false;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function CheckSettings({ t, settings }: { t: T; settings: Settings }) {
  const [granted, setGranted] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [term, setTerm] = useState('');
  const ids = { images: useId(), imagesHelp: useId(), brand: useId(), brandsHelp: useId(), rulesHelp: useId() };
  const compliance = settings.compliance;

  useEffect(() => {
    let alive = true;
    void imagePermission().then((value) => {
      if (alive) setGranted(value);
    });
    return () => {
      alive = false;
    };
  }, []);

  const save = async (change: (next: Settings['compliance']) => void) => {
    setStatus(undefined);
    try {
      await updateSettings((next) => {
        change(next.compliance);
        return next;
      });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: errorText(error) });
    }
  };

  const setImageChecks = (on: boolean) => {
    setStatus(undefined);
    setBusy(true);
    if (on) {
      // Asked in the click's own task: the browser shows its prompt only for a user gesture.
      const asked = browser.permissions.request({ origins: ORIGINS });
      void asked
        .then(async (ok) => {
          setGranted(ok);
          if (!ok) {
            setStatus({ kind: 'denied' });
            return;
          }
          await save((next) => {
            next.imageChecks = true;
          });
        })
        .catch((error: unknown) => setStatus({ kind: 'error', message: errorText(error) }))
        .finally(() => setBusy(false));
      return;
    }
    void (async () => {
      await save((next) => {
        next.imageChecks = false;
      });
      // Given back, so the extension holds no access it does not use. A build that lists the hosts
      // as required (the end-to-end tests') cannot remove them: that is not the seller's problem.
      await browser.permissions.remove({ origins: ORIGINS }).catch(() => false);
      setGranted(await imagePermission());
    })().finally(() => setBusy(false));
  };

  const addTerm = (event: FormEvent) => {
    event.preventDefault();
    const value = term.trim();
    if (!value) {
      setStatus({ kind: 'invalid', message: t('findings.settings.brandEmpty') });
      return;
    }
    const length = [...value].length;
    if (length > BRAND_TERM_MAX) {
      setStatus({ kind: 'invalid', message: t('findings.settings.brandTooLong', { max: BRAND_TERM_MAX, length }) });
      return;
    }
    if (compliance.brandTerms.some((existing) => existing.toLowerCase() === value.toLowerCase())) {
      setStatus({ kind: 'invalid', message: t('findings.settings.brandDuplicate', { term: value }) });
      return;
    }
    void save((next) => {
      next.brandTerms = [...next.brandTerms, value];
    }).then(() => setTerm(''));
  };

  const imagesOn = compliance.imageChecks && granted !== false;
  return (
    <section className="check-settings" aria-labelledby="check-settings-heading">
      <h3 id="check-settings-heading">{t('findings.settings.heading')}</h3>

      <fieldset>
        <legend>{t('findings.settings.images')}</legend>
        <div className="field checkbox">
          <label htmlFor={ids.images}>
            <input
              id={ids.images}
              type="checkbox"
              role="switch"
              checked={imagesOn}
              aria-checked={imagesOn}
              disabled={busy}
              aria-describedby={ids.imagesHelp}
              onChange={(event) => setImageChecks(event.target.checked)}
            />
            {t('findings.settings.imageChecks')}
          </label>
        </div>
        <p className="hint" id={ids.imagesHelp}>
          {t('findings.settings.imageChecksHelp')}
        </p>
        {compliance.imageChecks && granted === false && (
          <p className="notice" role="status">
            {t('findings.settings.revoked')}
          </p>
        )}
      </fieldset>

      <fieldset aria-describedby={ids.rulesHelp}>
        <legend>{t('findings.settings.rules')}</legend>
        <p className="hint" id={ids.rulesHelp}>
          {t('findings.settings.rulesHelp')}
        </p>
        <div className="rule-groups">
          {CATEGORIES.map((category) => (
            <div key={category} className="rule-group">
              <h4>{t(`compliance.category.${category}`)}</h4>
              <ul>
                {RULES.filter((rule) => rule.category === category).map((rule) => (
                  <li key={rule.id}>
                    <label>
                      <input
                        type="checkbox"
                        role="switch"
                        data-rule={rule.id}
                        checked={compliance.rules[rule.id] !== false}
                        aria-checked={compliance.rules[rule.id] !== false}
                        onChange={(event) => {
                          const on = event.target.checked;
                          void save((next) => {
                            // Only switched-off rules are stored: a rule added later starts on.
                            const rules = { ...next.rules };
                            if (on) delete rules[rule.id];
                            else rules[rule.id] = false;
                            next.rules = rules;
                          });
                        }}
                      />
                      {t('findings.settings.ruleLabel', {
                        rule: ruleName(t, rule.id),
                        severity: t(`compliance.severity.${rule.severity}`),
                      })}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('findings.settings.brands')}</legend>
        <p className="hint" id={ids.brandsHelp}>
          {t('findings.settings.brandsHelp')}
        </p>
        {compliance.brandTerms.length === 0 ? (
          <p>{t('findings.settings.brandNone')}</p>
        ) : (
          <ul className="brand-terms">
            {compliance.brandTerms.map((existing) => (
              <li key={existing}>
                <span>{existing}</span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('findings.settings.brandRemove', { term: existing })}
                  onClick={() =>
                    void save((next) => {
                      next.brandTerms = next.brandTerms.filter((value) => value !== existing);
                    })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="brand-add" onSubmit={addTerm}>
          <div className="field">
            <label htmlFor={ids.brand}>{t('findings.settings.brandNew')}</label>
            <input
              id={ids.brand}
              type="text"
              value={term}
              aria-describedby={ids.brandsHelp}
              onChange={(event) => {
                setTerm(event.target.value);
                if (status?.kind === 'invalid') setStatus(undefined);
              }}
            />
          </div>
          <button type="submit" className="primary-button">
            {t('findings.settings.brandAdd')}
          </button>
        </form>
      </fieldset>

      <p role="status" aria-live="polite" className="check-settings-status">
        {status?.kind === 'saved' && <span className="status-ok">{t('findings.settings.saved')}</span>}
      </p>
      {status?.kind === 'denied' && (
        <p className="notice" role="alert">
          {t('findings.settings.denied')}
        </p>
      )}
      {status?.kind === 'invalid' && (
        <p className="notice notice-error" role="alert">
          {status.message}
        </p>
      )}
      {status?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('findings.settings.failed', { message: status.message })}
        </p>
      )}
    </section>
  );
}
