import { common } from '@/lib/i18n/catalog/common';
import { dashboard } from '@/lib/i18n/catalog/dashboard';

/** Everything the dashboard shows; each later section adds its catalog here. */
export const dashboardCatalog = { ...common, ...dashboard };
export type DashboardKey = Extract<keyof typeof dashboardCatalog, string>;
