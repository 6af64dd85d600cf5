import { benchBulkPlanning } from './bulk';
import { benchCompliance } from './compliance';
import { contentScriptSize } from './size';
import { type Benchmark, type Figure, figure } from './types';

/** Adapts a library benchmark that reports plain figures. */
function plain(
  name: string,
  run: () => Promise<Array<{ name: string; value: number; unit: string; budget?: number; baseline?: number }>>,
): Benchmark {
  return {
    name,
    async run(): Promise<Figure[]> {
      return (await run()).map((f) => figure({ ...f }));
    },
  };
}

/** Every benchmark `npm run bench` knows, in the order they run. */
export const BENCHMARKS: Benchmark[] = [
  contentScriptSize,
  { name: 'compliance', run: benchCompliance },
  plain('bulk', benchBulkPlanning),
];
