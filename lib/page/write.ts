import type { Generation } from '../model/listing';
import { katInnerInput, text } from './dom';
import { isRateLimitText, isSaveAllLabel } from './labels';
import { findRowElements, type PageContext, type RowReading, readRow } from './read';
import { LEGACY_COLUMNS, SELECTORS } from './selectors';

/**
 * Writing a quantity through Seller Central's own editors, and nothing else: the seller's change
 * goes through the page exactly as if typed, the page's own Save all sends it, and the row is read
 * back. Every step here only touches the page's controls; deciding what to write, pacing and the
 * journal live elsewhere.
 */

/** The row showing a SKU now (rows are re-rendered and paged: never reuse an element across steps). */
export function findRowBySku(
  doc: Document,
  generation: Generation,
  context: PageContext,
  sku: string,
): RowReading | undefined {
  // The current page names each row by its SKU: look it up directly rather than walk every row
  // (a 1,000-row page, read twice per applied row). The row is the outermost element so named.
  const candidates =
    generation === 'current'
      ? [...doc.querySelectorAll(`[data-sku="${CSS.escape(sku)}"]`)].filter(
          (element) => !element.parentElement?.closest('[data-sku]'),
        )
      : findRowElements(doc, generation);
  for (const element of candidates) {
    const reading = readRow(element, context, { thorough: true });
    if (reading.sku === sku) return reading;
  }
  return undefined;
}

/** The quantity editor of a merchant-fulfilled row, or undefined where the row has none. */
export function quantityEditor(row: Element, generation: Generation): HTMLInputElement | undefined {
  if (generation === 'legacy') {
    return row.querySelector<HTMLInputElement>(`td[data-column="${LEGACY_COLUMNS.quantity}"] input`) ?? undefined;
  }
  // The current page's merchant quantity is the first kat-input of the row (the inventory column
  // comes before the price editors); its state lives in the shadow <input>.
  for (const katInput of row.querySelectorAll('kat-input')) {
    if (katInput.closest(SELECTORS.current.priceContainer.selector)) continue;
    return katInnerInput(katInput) ?? undefined;
  }
  return undefined;
}

const nativeValueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/**
 * Types a value into an input the way the page expects from a person: focused, selected, replaced
 * with a trusted insertText where the browser allows it (React listens to those), else the native
 * value setter with composed input events; then change, and keyup for the legacy table, which only
 * registers an edit on keyup (seller-central.md §1.2).
 */
export function enterValue(input: HTMLInputElement, value: string): void {
  input.focus();
  input.select();
  let typed = false;
  try {
    typed = input.ownerDocument.execCommand('insertText', false, value) && input.value === value;
  } catch {
    typed = false;
  }
  if (!typed) {
    nativeValueSetter?.call(input, value);
    input.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }),
    );
  }
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, composed: true, key: 'End' }));
  const host = (input.getRootNode() as ShadowRoot).host;
  if (host) {
    host.dispatchEvent(new CustomEvent('kat-change', { bubbles: true, composed: true, detail: { value } }));
  }
  input.blur();
}

/** The page's Save all control, whether it is enabled now. */
export function saveAllControl(
  doc: Document,
  generation: Generation,
): { element: Element; enabled: boolean } | undefined {
  if (generation === 'legacy') {
    const element = doc.querySelector(SELECTORS.legacy.saveAll.selector);
    if (!element) return undefined;
    const disabled =
      /(^|\s)a-button-disabled(\s|$)|disabled/.test(element.className) || element.hasAttribute('disabled');
    return { element, enabled: !disabled };
  }
  for (const button of doc.querySelectorAll(SELECTORS.current.editBarButton.selector)) {
    if (!isSaveAllLabel(button.getAttribute('label') ?? '')) continue;
    const inner = button.shadowRoot?.querySelector('button');
    const disabled =
      button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true' || inner?.disabled === true;
    return { element: button, enabled: !disabled };
  }
  return undefined;
}

/** Presses Save all the way a person does (its inner button); false when there is none to press. */
export function pressSaveAll(doc: Document, generation: Generation): boolean {
  const control = saveAllControl(doc, generation);
  if (!control?.enabled) return false;
  const target =
    generation === 'legacy'
      ? (control.element.querySelector<HTMLElement>('input, button, .a-button-text') ??
        (control.element as HTMLElement))
      : (control.element.shadowRoot?.querySelector('button') ?? (control.element as HTMLElement));
  (target as HTMLElement).click();
  return true;
}

export type SaveState =
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string; rateLimited: boolean };

/** The page's error text after a save, if it shows one now. */
export function saveErrorText(doc: Document, generation: Generation): string | undefined {
  const selector = generation === 'legacy' ? SELECTORS.legacy.saveError.selector : SELECTORS.current.saveError.selector;
  for (const element of doc.querySelectorAll(selector)) {
    if (element.closest('[data-shelfwise]')) continue;
    const shown = text(element);
    if (shown && (element as HTMLElement).offsetParent !== null) return shown;
  }
  return undefined;
}

/**
 * Where a save stands: an error shown by the page (rate limit told apart), saved once nothing is
 * left to save (the edit bar gone, or the legacy Save all disabled again), else still saving.
 */
export function saveState(doc: Document, generation: Generation): SaveState {
  const error = saveErrorText(doc, generation);
  if (error) return { state: 'error', message: error, rateLimited: isRateLimitText(error) };
  if (generation === 'legacy') {
    const control = saveAllControl(doc, generation);
    return control && !control.enabled ? { state: 'saved' } : { state: 'saving' };
  }
  const bar = doc.querySelector(SELECTORS.current.editBar.selector);
  return bar ? { state: 'saving' } : { state: 'saved' };
}
