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

/** Calls one export of the bundle loadIntoPage put into `page`, with one argument, and awaits it there. */
export function callInPage<T>(page: Page, name: string, args: unknown): Promise<T> {
  return page.evaluate(
    ([fn, arg]) => {
      const exported = (globalThis as unknown as { __bench: Record<string, (a: unknown) => Promise<unknown>> }).__bench[
        fn as string
      ];
      if (!exported) throw new Error(`bench: the page bundle exports no ${String(fn)}`);
      return exported(arg);
    },
    [name, args] as const,
  ) as Promise<T>;
}
