import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BulkPanel } from './BulkPanel';
import type { PanelHost } from './host';

export interface MountedPanel {
  unmount(): void;
}

/**
 * Mounts the panel in its own shadow root at the end of the page's body: the page's styles cannot
 * reach it and its styles cannot reach the page. Unmounting removes every trace and gives focus
 * back to whatever had it when the panel opened (the "Bulk edit" button, normally).
 */
export function mountPanel(host: PanelHost, options: { cssText: string }): MountedPanel {
  const opener = deepActiveElement();
  const element = document.createElement('div');
  element.setAttribute('data-shelfwise', 'panel-host');
  document.body.append(element);
  const shadow = element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = options.cssText;
  shadow.append(style);
  // Keys typed in the panel are the panel's: the page's own keyboard shortcuts must not see them.
  // (Stopped at the shadow root, after React's listener on the container has had them.)
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  const container = document.createElement('div');
  container.className = 'sw-root';
  shadow.append(container);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <BulkPanel host={host} />
    </StrictMode>,
  );

  let mounted = true;
  return {
    unmount() {
      if (!mounted) return;
      mounted = false;
      root.unmount();
      element.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
  };
}

/** The focused element, looking through open shadow roots (the button may live in one). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
