import type { Page } from '@playwright/test';
import { build } from 'esbuild';

/**
 * Runs project modules inside a real browser page (an extension page, so IndexedDB lives in the
 * extension origin as it does for Shelfwise): the entry's exports are bundled and exposed as
 * `window.__bench`. Evaluated through the debugger protocol, which extension CSP does not block.
 */
export async function loadIntoPage(page: Page, entry: string): Promise<void> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__bench',
    write: false,
    logLevel: 'error',
    alias: { '@': '.' },
    define: { 'import.meta.env.BROWSER': '"chrome"' },
  });
  // tsx compiles this process's functions with esbuild's keepNames, so functions passed to
  // page.evaluate call a `__name` helper the page does not have.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(result.outputFiles[0]?.text ?? '');
}
