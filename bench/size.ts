import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { EXTENSION_DIR } from '../test/support/browser';
import { type Benchmark, figure } from './types';

/**
 * The content script's initial JavaScript, gzipped, against what shipping React in it would cost
 * (React + ReactDOM client bundled and minified in the same run): panels and the dashboard load
 * React only when opened.
 */
export const contentScriptSize: Benchmark = {
  name: 'content-script-size',
  async run() {
    const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/inventory.js'));
    const size = gzipSync(script, { level: 9 }).length / 1024;
    const react = await build({
      stdin: {
        contents:
          "import { createRoot } from 'react-dom/client'; import { createElement } from 'react'; export { createRoot, createElement };",
        resolveDir: process.cwd(),
      },
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    const reactSize = gzipSync(react.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length / 1024;
    return [
      figure({
        name: 'content script initial JS (gzip)',
        value: size,
        unit: 'KB',
        baseline: reactSize,
        budget: 40,
        note: `baseline: React + ReactDOM alone; raw ${(script.length / 1024).toFixed(1)} KB`,
      }),
    ];
  },
};
