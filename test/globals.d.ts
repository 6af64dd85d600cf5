// Code passed to page.evaluate / serviceWorker.evaluate runs in the extension's own pages, where
// Chromium's `chrome` namespace exists; it has the same shape as WXT's `browser`.
declare const chrome: typeof import('wxt/browser').browser;
