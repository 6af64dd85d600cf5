import { build } from 'esbuild';

let cached: Promise<string> | undefined;

/**
 * lib/page's reader bundled as a script that exposes `window.__shelfwiseRead(fallbackAccount)`,
 * for reading fixture pages in real Chromium without going through the extension (reader-only
 * checks and benchmarks). The extension itself runs the same modules in its content script.
 */
export function readerBundle(): Promise<string> {
  cached ??= build({
    stdin: {
      contents: `
        import { detectPage } from './lib/page/detect';
        import { findRowElements, readPageContext, readRow } from './lib/page/read';
        window.__shelfwiseRead = (fallbackAccount) => {
          const url = new URL(location.href);
          const kind = detectPage(url, document);
          if (kind === 'other') return { kind, rows: [] };
          const generation = kind === 'legacy-inventory' ? 'legacy' : 'current';
          const context = readPageContext(document, url, generation, fallbackAccount);
          const rows = findRowElements(document, generation).map((row) => {
            const r = readRow(row, context);
            return { sku: r.sku, listing: r.listing, problem: r.problem, dirty: r.dirty };
          });
          return { kind, context, rows };
        };
      `,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return cached;
}
