import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { PanelHost } from '@/components/bulk/host';
import { mountPanel } from '@/components/bulk/mount';
import cssText from '@/components/bulk/panel.css?inline';

/**
 * The bulk-edit panel, injected into a Seller Central tab only when the seller opens it (the
 * background runs it with scripting.executeScript in the content script's isolated world), so
 * React never weighs on the page load. The content script leaves the host on `globalThis`.
 */
export interface PanelGlobals {
  __shelfwisePanelHost?: PanelHost;
  __shelfwiseMountPanel?: (host: PanelHost) => void;
  __shelfwisePanelHandle?: { unmount(): void };
}

export default defineUnlistedScript(() => {
  const globals = globalThis as PanelGlobals;
  globals.__shelfwiseMountPanel = (host) => {
    globals.__shelfwisePanelHandle?.unmount();
    globals.__shelfwisePanelHandle = mountPanel(host, { cssText });
  };
  const host = globals.__shelfwisePanelHost;
  if (host) globals.__shelfwiseMountPanel(host);
});
