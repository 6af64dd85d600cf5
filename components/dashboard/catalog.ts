import { alertSettings } from '@/lib/i18n/catalog/alertSettings';
import { batches } from '@/lib/i18n/catalog/batches';
import { common } from '@/lib/i18n/catalog/common';
import { compliance } from '@/lib/i18n/catalog/compliance';
import { dashboard } from '@/lib/i18n/catalog/dashboard';
import { findings } from '@/lib/i18n/catalog/findings';
import { history } from '@/lib/i18n/catalog/history';
import { imports } from '@/lib/i18n/catalog/imports';
import { reports } from '@/lib/i18n/catalog/reports';
import { sync } from '@/lib/i18n/catalog/sync';
import { syncUi } from '@/lib/i18n/catalog/syncUi';

/** Everything the dashboard shows; each later section adds its catalog here. */
export const dashboardCatalog = {
  ...common,
  ...dashboard,
  ...history,
  ...compliance,
  ...findings,
  ...reports,
  ...imports,
  ...alertSettings,
  ...batches,
  ...sync,
  ...syncUi,
};
export type DashboardKey = Extract<keyof typeof dashboardCatalog, string>;
