import { browser } from 'wxt/browser';
import { store } from '../db/open';
import { interruptTab } from './journal';

/**
 * A tab that closes, reloads or navigates away while a batch is being applied leaves that batch
 * interrupted at once (the content script cannot report its own end). Registered on every worker start.
 */
export function listenForTabs(): void {
  const interrupt = (tabId: number) => {
    void store()
      .then((db) => interruptTab(db, tabId))
      .catch((error: unknown) => console.warn('[Shelfwise] could not mark an interrupted batch', error));
  };
  browser.tabs.onRemoved.addListener((tabId) => interrupt(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // 'loading' is a new document (reload or navigation); in-app route changes do not load.
    if (change.status === 'loading') interrupt(tabId);
  });
}
