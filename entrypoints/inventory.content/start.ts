import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectUrl } from '@/lib/page/detect';
import { InventorySession } from './session';

/**
 * Starts a session on inventory pages and follows in-app navigation: Seller Central's current
 * inventory page is a single-page app, so leaving and coming back may not reload the script.
 */
export function startInventoryPage(ctx: ContentScriptContext): void {
  let session: InventorySession | undefined;
  const check = () => {
    const isInventory = detectUrl(new URL(location.href)) !== 'other';
    if (!isInventory) {
      session?.stop();
      session = undefined;
      return;
    }
    if (session) {
      session.navigated();
      return;
    }
    session = new InventorySession(ctx, document);
    void session.start();
  };
  check();
  ctx.addEventListener(window, 'wxt:locationchange', check);
  ctx.onInvalidated(() => session?.stop());
}
