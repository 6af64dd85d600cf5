import { store } from '@/lib/db/open';
import { skuChoices } from '@/lib/history/overview';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import type { T } from '../labels';
import { useLoad } from '../useLoad';
import { AlertOptions } from './AlertOptions';
import { BackupLinks } from './BackupLinks';
import { EventCalendar } from './EventCalendar';
import { PanEuPools } from './PanEuPools';
import { ShippingMethods } from './ShippingMethods';
import { SkuOverrides } from './SkuOverrides';
import './alerts.css';

interface Props {
  /** `#alerts/<skuKey>`: that SKU's own settings open at once. */
  skuKey: string | undefined;
  t: T;
  lang: Language;
  settings: Settings;
}

/**
 * The alert settings that go beyond the defaults in Settings: per-SKU thresholds and lead times,
 * shipping methods, the event calendar, Pan-European pools, merchant-fulfilled backups and safety
 * stock. Each part saves on its own, applied to the settings as stored at that moment.
 */
export function AlertsSection({ skuKey, t, lang, settings }: Props) {
  const [choices] = useLoad(async () => skuChoices(await store()), 'choices');
  const known = choices.state === 'ready' ? choices.value : [];
  return (
    <section aria-labelledby="alerts-heading" className="alerts-settings">
      <h2 id="alerts-heading">{t('alertSettings.heading')}</h2>
      <p className="hint">
        {t('alertSettings.intro')} <a href="#settings">{t('alertSettings.introLink')}</a>.
      </p>
      {choices.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('history.storeFailed', { message: choices.message })}
        </p>
      )}
      <SkuOverrides skuKey={skuKey} choices={known} settings={settings} t={t} />
      <ShippingMethods settings={settings} t={t} />
      <EventCalendar settings={settings} t={t} lang={lang} />
      <PanEuPools settings={settings} choices={known} t={t} />
      <BackupLinks settings={settings} choices={known} t={t} />
      <AlertOptions settings={settings} t={t} />
    </section>
  );
}
