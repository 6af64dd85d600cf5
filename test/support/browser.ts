import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

/** Where `npm run build` puts the Chrome extension (or SHELFWISE_OUT_DIR's, see wxt.config.ts). */
export const EXTENSION_DIR = resolve(process.env.SHELFWISE_OUT_DIR ?? '.output', 'chrome-mv3');

export type UiLanguage = 'en' | 'zh_CN';

/**
 * Debian's Chromium (or CHROMIUM_PATH). Playwright's own browser download cannot work here, and
 * branded Chrome ignores --load-extension, so there is no silent fallback: a clear error instead.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install Debian's: ` +
        'apt-get update && apt-get install -y chromium fonts-noto-cjk — or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Omit to launch without the extension (the baseline in benchmarks). */
  withExtension?: boolean;
  headless?: boolean;
  uiLanguage?: UiLanguage;
  viewport?: { width: number; height: number };
}

export interface Launched {
  context: BrowserContext;
  /** Undefined when launched without the extension. */
  extensionId?: string;
  serviceWorker?: Worker;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension, in a fresh profile. For the Chinese UI the browser itself
 * must run in Chinese (flag, locale and environment together): chrome.i18n follows the browser.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const withExtension = options.withExtension ?? true;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first.`);
  }
  const zh = options.uiLanguage === 'zh_CN';
  const userDataDir = mkdtempSync(join(tmpdir(), 'shelfwise-profile-'));
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
    `--lang=${zh ? 'zh-CN' : 'en-US'}`,
  ];
  if (withExtension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale: zh ? 'zh-CN' : 'en-US',
    viewport: options.viewport ?? { width: 1400, height: 900 },
    env: {
      ...process.env,
      LANGUAGE: zh ? 'zh_CN:zh' : 'en_US:en',
      LANG: zh ? 'zh_CN.UTF-8' : 'en_US.UTF-8',
    },
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!withExtension) return { context, close };
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, close };
}

/**
 * Stops the extension's service worker the way Chrome does when it idles (an attached CDP client
 * keeps it alive otherwise), then wakes it with a message from an extension page.
 */
export async function restartServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!worker) throw new Error('The extension has no running service worker to stop.');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await cdp.detach();
    // Any extension message starts the worker again.
    await page.waitForFunction(
      async () => {
        try {
          const runtime = (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime;
          const answer = (await runtime.sendMessage({ tag: 'shelfwise/1', type: 'ping', payload: {} })) as {
            ok?: boolean;
          };
          return answer?.ok === true;
        } catch {
          return false;
        }
      },
      undefined,
      { timeout: 15_000, polling: 100 },
    );
  } finally {
    await page.close();
  }
}
