import { useEffect, useMemo } from 'react';
import { type Catalog, INTL_LOCALE, translatorFor } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';

/** t() for a page, following the language setting; also sets the document's lang for screen readers. */
export function useTranslator<C extends Catalog>(catalog: C, settings: Settings | undefined) {
  const setting = settings?.language ?? 'auto';
  const value = useMemo(() => translatorFor(catalog, setting), [catalog, setting]);
  useEffect(() => {
    document.documentElement.lang = INTL_LOCALE[value.lang];
  }, [value.lang]);
  return value;
}
