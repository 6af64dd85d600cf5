import { useEffect, useState } from 'react';
import { useSettings } from '../useSettings';
import { useTranslator } from '../useTranslator';
import { dashboardCatalog } from './catalog';
import { SettingsEditor } from './SettingsEditor';

const SECTIONS = ['overview', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

function sectionFromHash(): Section {
  const hash = decodeURIComponent(location.hash.slice(1));
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'overview';
}

export function Dashboard() {
  const loaded = useSettings();
  const { t } = useTranslator(dashboardCatalog, loaded?.settings);
  const [section, setSection] = useState<Section>(sectionFromHash);

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = t('dashboard.title');
  }, [t]);

  if (!loaded) return null;
  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <h1>{t('dashboard.title')}</h1>
        <nav aria-label={t('dashboard.nav.label')}>
          <ul>
            {SECTIONS.map((name) => (
              <li key={name}>
                <a href={`#${name}`} aria-current={section === name ? 'page' : undefined}>
                  {t(`dashboard.nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {section === 'overview' && (
          <section className="empty-state" aria-labelledby="overview-empty">
            <h2 id="overview-empty">{t('dashboard.empty.title')}</h2>
            <p>{t('dashboard.empty.body')}</p>
          </section>
        )}
        {section === 'settings' && <SettingsEditor loaded={loaded} t={t} />}
      </main>
    </div>
  );
}
