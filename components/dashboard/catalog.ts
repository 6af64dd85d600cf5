import { common } from '@/lib/i18n/catalog/common';
import { dashboard } from '@/lib/i18n/catalog/dashboard';
import { history } from '@/lib/i18n/catalog/history';

/** Everything the dashboard shows; each later section adds its catalog here. */
export const dashboardCatalog = { ...common, ...dashboard, ...history };
export type DashboardKey = Extract<keyof typeof dashboardCatalog, string>;
