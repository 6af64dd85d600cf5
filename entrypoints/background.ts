import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureAlarms, listenForAlarms } from '@/lib/background/alarms';
import { listenForAlertEvents } from '@/lib/background/alerts';
import { createHandlers } from '@/lib/background/handlers';
import { listenForTabs } from '@/lib/background/tabs';
import { listenForRequests } from '@/lib/messaging';

// An MV3 worker can be stopped at any moment: listeners are registered synchronously on every
// start, and every piece of state lives in storage or IndexedDB, never only in this module.
export default defineBackground(() => {
  listenForRequests(createHandlers({ startedAt: Date.now(), version: browser.runtime.getManifest().version }));
  listenForAlarms();
  listenForTabs();
  listenForAlertEvents();
  void ensureAlarms();
});
