import { browser } from 'wxt/browser';
import { ingestPageRead } from '../db/ingest';
import { store } from '../db/open';
import type { Handlers } from '../messaging';
import { loadSettings } from '../settings';
import { alertList, alertsAfterIngest, ensureWholeList, requestAlertEvaluation, snoozeAlert } from './alerts';
import { computeBadges } from './badges';
import { knownListings, listBatches, recordBatch, storeContext } from './bulk';
import { knownImageResults, muteFinding } from './compliance';
import { backgroundImages, imageUrls } from './images';
import { journalFinish, journalRow, journalStart } from './journal';
import { clearStaged, readStaged } from './sync-staged';

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
      await alertsAfterIngest(db, result.keys);
      const { settings } = await loadSettings();
      const badges = skipBadges
        ? []
        : await computeBadges(
            db,
            pageRead,
            settings,
            lang,
            Date.now(),
            await backgroundImages().lookup(imageUrls(pageRead.listings), settings),
          );
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
    applyStart: async ({ batch }, context) => {
      await journalStart(await store(), {
        ...batch,
        state: 'applying',
        via: 'page',
        ...(context.tabId !== undefined ? { tabId: context.tabId } : {}),
      });
      return {};
    },
    applyRow: async (entry) => {
      const { reason, message, observed, proposed, status } = entry.outcome;
      await journalRow(await store(), {
        batchId: entry.batchId,
        key: entry.key,
        at: entry.at,
        outcome: {
          status,
          ...(reason !== undefined ? { reason } : {}),
          ...(message !== undefined ? { message } : {}),
          ...(observed !== undefined ? { observed } : {}),
          ...(proposed !== undefined ? { proposed } : {}),
        },
      });
      return {};
    },
    applyFinish: async ({ batchId, state }) => {
      await journalFinish(await store(), batchId, state);
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
      const images = await backgroundImages().lookup(imageUrls(request.listings), settings);
      return { badges: await computeBadges(db, request, settings, request.lang, Date.now(), images) };
    },
    complianceMute: async ({ key, ruleId, muted }) => ({ muted: await muteFinding(key, ruleId, muted) }),
    imageResults: async ({ urls }) => {
      const { settings } = await loadSettings();
      return knownImageResults(backgroundImages(), urls, settings);
    },
    alertsList: async ({ limit }) => alertList(await store(), limit),
    alertsStoreList: async () => {
      await ensureWholeList(await store());
      return {};
    },
    alertsSnooze: async ({ key, until }) => {
      await snoozeAlert(await store(), key, until);
      return {};
    },
    alertsEvaluate: async () => ({ computedAt: (await requestAlertEvaluation(0)).computedAt }),
    syncStaged: async ({ account, marketplace }) => ({ staged: await readStaged(await store(), account, marketplace) }),
    syncStagedClear: async ({ account, marketplace }) => {
      await clearStaged(await store(), account, marketplace);
      return {};
    },
  };
}
