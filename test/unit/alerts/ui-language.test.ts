import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { workerUiLanguage } from '@/lib/background/ui-language';
import { resolveLanguage } from '@/lib/i18n';

/**
 * Chromium's worker can answer en-US from i18n.getUILanguage() on a Chinese browser while serving the
 * extension's Chinese messages (seen in the e2e run): notifications must follow the messages.
 */
describe('the UI language as the worker knows it', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is Chinese when Chrome picked the Chinese catalog, whatever getUILanguage says', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('zh_CN');
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
    expect(resolveLanguage('auto', workerUiLanguage())).toBe('zh_CN');
  });

  it('otherwise follows getUILanguage: a zh-TW browser, whose messages fall back to English, gets Chinese', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('en');
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('zh-TW');
    expect(resolveLanguage('auto', workerUiLanguage())).toBe('zh_CN');
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    expect(resolveLanguage('auto', workerUiLanguage())).toBe('en');
  });

  it('falls back to getUILanguage where the messages cannot be read', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(() => {
      throw new Error('not here');
    });
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
    expect(workerUiLanguage()).toBe('zh-CN');
  });
});
