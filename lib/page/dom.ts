/**
 * Reading the page from an isolated world: the content script sees the DOM but none of the
 * page's JavaScript objects, so custom elements (`kat-input`, `kat-label`, `kat-checkbox`) are read
 * through their attributes or their open shadow roots, never through their JS properties.
 */

export function text(element: Element | null | undefined): string {
  if (!element) return '';
  const raw = element.textContent ?? '';
  // Most texts need no change: testing is cheaper than building the same string again.
  return UNTIDY.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
}

/** Whitespace that `text` would change: at either end, doubled, or other than a plain space. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/** What a `kat-label` shows: its `emphasis` / `text` attributes carry the visible words. */
export function katLabelText(element: Element): string {
  const emphasis = element.getAttribute('emphasis');
  const attribute = element.getAttribute('text');
  // Most labels have no children at all: their words are in the attributes.
  const own = element.firstChild === null ? '' : text(element);
  // The usual label carries one of the three: no list of words to build.
  if (attribute === null && own === '') return emphasis?.trim() ?? '';
  if (emphasis === null && attribute === null) return own.trim();
  const words: string[] = [];
  for (const part of [emphasis, attribute, own]) {
    const word = part?.trim();
    if (word && !words.includes(word)) words.push(word);
  }
  return words.join(' ');
}

/** The inner `<input>` of a `kat-input` (open shadow root), if the page exposes it. */
export function katInnerInput(element: Element): HTMLInputElement | null {
  return (element.shadowRoot?.querySelector('input') as HTMLInputElement | null) ?? null;
}

export interface KatInputValue {
  /** What the field holds now (the shadow input's live value where readable). */
  value: string;
  /** The value the page rendered (the attribute); differs from `value` while the seller is typing. */
  rendered: string | null;
}

export function katInputValue(element: Element): KatInputValue {
  const rendered = element.getAttribute('value');
  const inner = katInnerInput(element);
  return { value: inner ? inner.value : (rendered ?? ''), rendered };
}

/** Checked state of a `kat-checkbox` (attribute or shadow input) or a plain checkbox. */
export function isChecked(element: Element): boolean {
  if (element instanceof HTMLInputElement) return element.checked;
  const inner = element.shadowRoot?.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
  if (inner) return inner.checked;
  const attr = element.getAttribute('checked');
  if (attr !== null && attr !== 'false') return true;
  return element.getAttribute('aria-checked') === 'true';
}

/** Visible words of an element that may be, or contain, Katal labels and inputs. */
export function displayedText(element: Element): string {
  const name = element.localName;
  if (name === 'kat-label') return katLabelText(element);
  if (name === 'kat-input') return katInputValue(element).value;
  // Katal labels may carry their words only in attributes; most often an empty label is the only
  // child (a split box's label panel), and then there is no text to gather first.
  const first = element.firstChild;
  if (
    first !== null &&
    first.nextSibling === null &&
    first.firstChild === null &&
    (first as Element).localName === 'kat-label'
  ) {
    return katLabelText(first as Element);
  }
  const shown = text(element);
  if (shown !== '') return shown;
  const only = element.firstElementChild;
  if (only && only.nextElementSibling === null && only.localName === 'kat-label' && only.firstElementChild === null) {
    return katLabelText(only);
  }
  const labels = element.querySelectorAll('kat-label');
  return labels.length > 0 ? [...labels].map(katLabelText).join(' ') : '';
}

/** Outermost elements of a selection: nested matches (a `[data-sku]` inside a `[data-sku]`) are dropped. */
export function outermost(elements: Iterable<Element>, selector: string): Element[] {
  const result: Element[] = [];
  for (const element of elements) {
    if (!element.parentElement?.closest(selector)) result.push(element);
  }
  return result;
}
