import { useEffect, useState } from 'react';
import { useSettings } from '../useSettings';
import { useTranslator } from '../useTranslator';
import { AlertsSection } from './alerts/AlertsSection';
import { BatchesSection } from './batches/BatchesSection';
import { ChangesSection } from './ChangesSection';
import { type DashboardKey, dashboardCatalog } from './catalog';
import { DataSection } from './DataSection';
import { FindingsSection } from './findings/FindingsSection';
import { HistorySection } from './HistorySection';
import { ImportSection } from './import/ImportSection';
import { Overview } from './Overview';
import { parseRoute, type Route, SECTIONS, type Section } from './route';
import { SettingsEditor } from './SettingsEditor';
import { SyncSection } from './sync/SyncSection';

const NAV_LABEL: Record<Section, DashboardKey> = {
  overview: 'dashboard.nav.overview',
  history: 'history.nav.history',
  changes: 'history.nav.changes',
  batches: 'batches.nav',
  findings: 'findings.nav',
  alerts: 'alertSettings.nav',
  import: 'import.nav',
  sync: 'syncUi.nav',
  data: 'history.nav.data',
  settings: 'dashboard.nav.settings',
};

export function Dashboard() {
  const loaded = useSettings();
  const { t, lang } = useTranslator(dashboardCatalog, loaded?.settings);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = t('dashboard.title');
  }, [t]);

  if (!loaded) return null;
  const { section } = route;
  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <h1>{t('dashboard.title')}</h1>
        <nav aria-label={t('dashboard.nav.label')}>
          <ul>
            {SECTIONS.map((name) => (
              <li key={name}>
                <a href={`#${name}`} aria-current={section === name ? 'page' : undefined}>
                  {t(NAV_LABEL[name])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {section === 'overview' && <Overview t={t} lang={lang} settings={loaded.settings} />}
        {section === 'history' && <HistorySection skuKey={route.skuKey} t={t} lang={lang} settings={loaded.settings} />}
        {section === 'changes' && <ChangesSection t={t} lang={lang} settings={loaded.settings} />}
        {section === 'batches' && <BatchesSection t={t} lang={lang} />}
        {section === 'findings' && <FindingsSection t={t} lang={lang} settings={loaded.settings} />}
        {section === 'alerts' && <AlertsSection skuKey={route.skuKey} t={t} lang={lang} settings={loaded.settings} />}
        {section === 'import' && <ImportSection t={t} lang={lang} settings={loaded.settings} />}
        {section === 'sync' && <SyncSection t={t} lang={lang} settings={loaded.settings} />}
        {section === 'data' && <DataSection t={t} lang={lang} settings={loaded.settings} />}
        {section === 'settings' && <SettingsEditor loaded={loaded} t={t} />}
      </main>
    </div>
  );
}
