import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Placeholder wiring until the page reader lands: the content script recognises no page yet,
 * so it adds nothing anywhere.
 */
export function startInventoryPage(_ctx: ContentScriptContext): void {}
