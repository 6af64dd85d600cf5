import { browser } from 'wxt/browser';
import { common } from '@/lib/i18n/catalog/common';
import { popup } from '@/lib/i18n/catalog/popup';
import { useSettings } from '../useSettings';
import { useTranslator } from '../useTranslator';

const catalog = { ...common, ...popup };

export function Popup() {
  const loaded = useSettings();
  const { t } = useTranslator(catalog, loaded?.settings);
  if (!loaded) return null;
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>{t('popup.title')}</h1>
        <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openDashboard')}
        </button>
      </header>
      <section className="empty-state" aria-labelledby="empty-title">
        <h2 id="empty-title">{t('popup.empty.title')}</h2>
        <p>{t('popup.empty.body')}</p>
      </section>
    </main>
  );
}
