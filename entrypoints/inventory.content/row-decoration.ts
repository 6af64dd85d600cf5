import { decorationHost } from '@/lib/page/place';
import type { RowReading } from '@/lib/page/read';
import { OWN_ATTRIBUTE } from './notice';
import type { SessionView } from './session';

/**
 * The one decoration per recognised row (testability contract: `[data-shelfwise="row"][data-sku]`).
 * It shows what Shelfwise read, normalised — channel and state, with the page's reasons — so the
 * seller can see at a glance that the row was understood; the badges of later features go inside.
 */
export function renderRowDecoration(reading: RowReading, view: SessionView): HTMLElement | undefined {
  const listing = reading.listing;
  if (!listing) return undefined;
  const { t } = view;
  let decoration = findDecoration(reading.element);
  if (!decoration) {
    decoration = reading.element.ownerDocument.createElement('div');
    decoration.setAttribute(OWN_ATTRIBUTE, 'row');
    decoration.className = 'shelfwise-row';
    decorationHost(reading.element).append(decoration);
  }
  decoration.setAttribute('data-sku', listing.sku);
  decoration.lang = view.lang === 'zh_CN' ? 'zh-CN' : 'en';

  let chip = decoration.querySelector<HTMLElement>(`[${OWN_ATTRIBUTE}="state"]`);
  if (!chip) {
    chip = reading.element.ownerDocument.createElement('span');
    chip.setAttribute(OWN_ATTRIBUTE, 'state');
    chip.className = 'shelfwise-chip';
    decoration.prepend(chip);
  }
  chip.dataset.channel = listing.channel;
  chip.dataset.state = listing.state;
  const words = listing.isParent
    ? [t('row.parent')]
    : [
        t(listing.channel === 'fba' ? 'channel.fba' : 'channel.mfn'),
        t(`state.${listing.state}`),
        ...listing.reasons.map((reason) => t(`reason.${reason}`)),
      ];
  chip.textContent = words.join(' · ');
  return decoration;
}

/** The row's decoration, wherever the page moved it within the row. */
export function findDecoration(row: Element): HTMLElement | null {
  return row.querySelector<HTMLElement>(`[${OWN_ATTRIBUTE}="row"]`);
}
