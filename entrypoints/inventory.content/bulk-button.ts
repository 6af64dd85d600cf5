import type { Generation } from '@/lib/model/listing';
import { toolbarHost } from '@/lib/page/place';
import { OWN_ATTRIBUTE } from './notice';

/**
 * The page's "Bulk edit" button: next to the page's own actions where that toolbar can be found,
 * otherwise fixed in a corner so it is never missing.
 */
export function mountBulkButton(
  doc: Document,
  generation: Generation,
  label: string,
  onClick: () => void,
): HTMLButtonElement {
  const existing = doc.querySelector<HTMLButtonElement>(`[${OWN_ATTRIBUTE}="bulk-edit"]`);
  if (existing) {
    existing.textContent = label;
    return existing;
  }
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute(OWN_ATTRIBUTE, 'bulk-edit');
  button.setAttribute('aria-haspopup', 'dialog');
  button.className = 'shelfwise-bulk-button';
  button.textContent = label;
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    event.preventDefault();
    onClick();
  });
  const host = toolbarHost(doc, generation);
  if (host) {
    button.classList.add('is-inline');
    host.append(button);
  } else {
    button.classList.add('is-fixed');
    doc.body.append(button);
  }
  return button;
}
