import { contentScriptSize } from './size';
import type { Benchmark } from './types';

/** Every benchmark `npm run bench` knows, in the order they run. */
export const BENCHMARKS: Benchmark[] = [contentScriptSize];
