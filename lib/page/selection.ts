import type { Generation } from '../model/listing';
import { isChecked } from './dom';
import { SELECTORS } from './selectors';

/**
 * Whether the seller ticked a row with the page's own checkbox. Read at the moment it is asked
 * (the seller may tick more while the panel is open); custom checkboxes through their attribute
 * or open shadow root, since the content script cannot see their JavaScript state.
 */
export function isRowTicked(row: Element, generation: Generation): boolean {
  const box =
    generation === 'legacy'
      ? row.querySelector(SELECTORS.legacy.rowCheckbox.selector)
      : row.querySelector(SELECTORS.current.rowCheckbox.selector);
  return box ? isChecked(box) : false;
}
