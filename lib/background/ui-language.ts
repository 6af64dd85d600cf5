import { browser } from 'wxt/browser';
import { browserUiLanguage } from '../i18n';

/**
 * The browser's UI language as the service worker can know it. In an MV3 worker Chromium's
 * i18n.getUILanguage() can answer en-US on a Chinese browser while the extension's own `_locales`
 * messages are served in Chinese (seen with Chromium started in zh-CN: pages get zh-CN, the worker
 * en-US). The catalog Chrome picked for us is then the better witness: when it is the Chinese one,
 * the browser is Chinese. Otherwise the API's answer stands, so that a zh-TW browser (whose
 * messages fall back to English) still gets Simplified Chinese through resolveLanguage.
 */
export function workerUiLanguage(): string | undefined {
  try {
    if (browser.i18n.getMessage('uiLanguage') === 'zh_CN') return 'zh_CN';
  } catch {
    // No i18n messages here (a test's fake browser): the API's answer is all there is.
  }
  return browserUiLanguage();
}
