import { benchAlerts } from './alerts';
import { benchAlertsStore } from './alerts-store';
import { benchApply } from './apply';
import { benchBulkPlanning } from './bulk';
import { benchCompliance } from './compliance';
import { benchHistory } from './history';
import { benchImages } from './images';
import { benchImportStore } from './import-store';
import { pageCost } from './page';
import { benchPanel } from './panel';
import { benchReconcile } from './reconcile';
import { benchReconcileStore } from './reconcile-store';
import { reportsBenchmark } from './reports';
import { contentScriptSize } from './size';
import { storeIngest } from './store';
import { type Benchmark, type Figure, type FigureInput, figure } from './types';
import { benchVelocityAccuracy, benchVelocitySeriesSpeed, benchVelocitySpeed } from './velocity';
import { benchVelocityBasis } from './velocity-basis';
import { benchVelocityStore } from './velocity-store';

/** Adapts a library benchmark that reports plain figures. */
function plain(name: string, run: () => Promise<FigureInput[]>): Benchmark {
  return {
    name,
    async run(): Promise<Figure[]> {
      return (await run()).map((f) => figure(f));
    },
  };
}

/** Every benchmark `npm run bench` knows, in the order they run. */
export const BENCHMARKS: Benchmark[] = [
  contentScriptSize,
  pageCost,
  { name: 'compliance', run: benchCompliance },
  { name: 'images', run: benchImages },
  plain('bulk', benchBulkPlanning),
  reportsBenchmark,
  { name: 'import-store', run: benchImportStore },
  storeIngest,
  { name: 'history', run: benchHistory },
  { name: 'panel', run: benchPanel },
  benchApply,
  { name: 'alerts', run: benchAlerts },
  { name: 'alerts-store', run: benchAlertsStore },
  plain('velocity-accuracy', benchVelocityAccuracy),
  plain('velocity-speed', () => benchVelocitySpeed()),
  plain('velocity-series', () => benchVelocitySeriesSpeed()),
  plain('velocity-store', () => benchVelocityStore()),
  plain('velocity-basis', () => benchVelocityBasis()),
  plain('reconcile', benchReconcile),
  { name: 'reconcile-store', run: benchReconcileStore },
];
