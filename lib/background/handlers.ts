import { browser } from 'wxt/browser';
import { ingestPageRead } from '../db/ingest';
import { store } from '../db/open';
import type { Handlers } from '../messaging';
import { loadSettings } from '../settings';
import { computeBadges } from './badges';

/**
 * The background's answers. Nothing here lives in module state that a restart would lose:
 * `startedAt` is this worker instance's own start, which is exactly what a restart should reset.
 */
export function createHandlers(instance: { startedAt: number; version: string }): Handlers {
  return {
    ping: () => ({ version: instance.version, startedAt: instance.startedAt }),
    openDashboard: async ({ section }) => {
      const url = browser.runtime.getURL(`/options.html${section ? `#${encodeURIComponent(section)}` : ''}`);
      await browser.tabs.create({ url });
      return {};
    },
    pageRead: async (read) => {
      const db = await store();
      const { lang, ...pageRead } = read;
      const result = await ingestPageRead(db, pageRead);
      const { settings } = await loadSettings();
      const badges = await computeBadges(db, pageRead, settings, lang, Date.now());
      return { stored: result.stored, discarded: result.discarded, badges };
    },
    badges: async (request) => {
      const { settings } = await loadSettings();
      const db = request.marketplace ? await store() : undefined;
      return { badges: await computeBadges(db, request, settings, request.lang, Date.now()) };
    },
  };
}
