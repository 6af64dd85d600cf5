import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/popup/Popup';
import { firstScreen, type ListState } from '@/components/popup/useAlertList';
import { loadSettings } from '@/lib/settings';
import '@/components/base.css';
import './popup.css';

/**
 * How long the first screen waits for the list's first rows before it is drawn without them (saying
 * they are loading): they are read from the store in a few ms, but with nothing stored yet the
 * background evaluates first, which may take seconds on a large store.
 */
const FIRST_ROWS_WAIT_MS = 250;

// The first screen needs the settings (language, calendar) and the list's first rows: both are asked
// for before React starts, side by side, and the popup is drawn once, with them, in that task.
const root = document.getElementById('root');
if (root) {
  const list = firstScreen();
  const waited = new Promise<ListState | null>((resolve) => setTimeout(() => resolve(null), FIRST_ROWS_WAIT_MS));
  void Promise.all([loadSettings(), Promise.race([list, waited])]).then(([settings, head]) => {
    const reactRoot = createRoot(root);
    flushSync(() =>
      reactRoot.render(
        <StrictMode>
          <Popup
            initialSettings={settings}
            initialList={head ?? { status: 'loading' }}
            pendingList={head ? undefined : list}
          />
        </StrictMode>,
      ),
    );
  });
}
