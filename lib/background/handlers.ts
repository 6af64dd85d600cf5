import { browser } from 'wxt/browser';
import { ingestPageRead } from '../db/ingest';
import { store } from '../db/open';
import type { Handlers } from '../messaging';
import { loadSettings } from '../settings';
import { computeBadges } from './badges';
import { knownListings, listBatches, recordBatch, storeContext } from './bulk';

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
      const { lang, skipBadges, ...pageRead } = read;
      const result = await ingestPageRead(db, pageRead);
      const { settings } = await loadSettings();
      const badges = skipBadges ? [] : await computeBadges(db, pageRead, settings, lang, Date.now());
      return { stored: result.stored, discarded: result.discarded, badges };
    },
    openPanel: async (_request, context) => {
      if (context.tabId === undefined) throw new Error('The panel opens on a Seller Central tab.');
      await browser.scripting.executeScript({
        target: { tabId: context.tabId, frameIds: [context.sender.frameId ?? 0] },
        files: ['/bulk-panel.js'],
      });
      return {};
    },
    bulkStoreContext: async (request) => {
      const { settings } = await loadSettings();
      return storeContext(await store(), request, settings, Date.now());
    },
    bulkKnownListings: async ({ account, marketplace }) => ({
      listings: await knownListings(await store(), account, marketplace),
    }),
    bulkRecordBatch: async ({ batch }) => {
      await recordBatch(await store(), batch);
      return {};
    },
    bulkUpdateBatch: async ({ batch }) => {
      await (await store()).put('batches', batch);
      return {};
    },
    bulkBatches: async (filter) => ({ batches: await listBatches(await store(), filter) }),
    badges: async (request) => {
      const { settings } = await loadSettings();
      const db = request.marketplace ? await store() : undefined;
      return { badges: await computeBadges(db, request, settings, request.lang, Date.now()) };
    },
  };
}
