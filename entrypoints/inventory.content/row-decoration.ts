import { decorationHost } from '@/lib/page/place';
import type { RowReading } from '@/lib/page/read';
import { createBadgeSlot } from './badges';
import { OWN_ATTRIBUTE } from './notice';
import type { SessionView } from './session';

/**
 * The one decoration per recognised row (testability contract: `[data-shelfwise="row"][data-sku]`).
 * It shows what Shelfwise read, normalised — channel and state, with the page's reasons — so the
 * seller can see at a glance that the row was understood; the badges of later features go inside.
 */

/** Each row's decoration and what its chip says, so a row read again is not searched or redrawn. */
const decorations = new WeakMap<Element, { decoration: HTMLElement; chip: HTMLElement; drawn: string }>();
/** A decoration built once per document and cloned for every row: cheaper than building each. */
const templates = new WeakMap<Document, HTMLElement>();

function template(doc: Document): HTMLElement {
  let found = templates.get(doc);
  if (!found) {
    found = doc.createElement('div');
    found.setAttribute(OWN_ATTRIBUTE, 'row');
    found.className = 'shelfwise-row';
    const chip = doc.createElement('span');
    chip.setAttribute(OWN_ATTRIBUTE, 'state');
    chip.className = 'shelfwise-chip';
    found.append(chip, createBadgeSlot(doc));
    templates.set(doc, found);
  }
  return found;
}

function ownChild(host: Element): HTMLElement | null {
  for (let child = host.lastElementChild; child; child = child.previousElementSibling) {
    if (child.getAttribute(OWN_ATTRIBUTE) === 'row') return child as HTMLElement;
  }
  return null;
}

export function renderRowDecoration(reading: RowReading, view: SessionView): HTMLElement | undefined {
  const listing = reading.listing;
  if (!listing) return undefined;
  const row = reading.element;
  let entry = decorations.get(row);
  if (!entry || entry.decoration.parentElement === null || !row.contains(entry.decoration)) {
    const host = reading.anchor ?? decorationHost(row);
    // A decoration left by an earlier run of Shelfwise (an extension update) is a child of the
    // same host: its few children are looked at, not the whole row.
    const existing = ownChild(host);
    const decoration = existing ?? (template(row.ownerDocument).cloneNode(true) as HTMLElement);
    let chip = existing
      ? existing.querySelector<HTMLElement>(`[${OWN_ATTRIBUTE}="state"]`)
      : (decoration.firstElementChild as HTMLElement);
    if (!chip) {
      chip = row.ownerDocument.createElement('span');
      chip.setAttribute(OWN_ATTRIBUTE, 'state');
      chip.className = 'shelfwise-chip';
      decoration.prepend(chip);
    }
    if (!existing) host.append(decoration);
    entry = { decoration, chip, drawn: '' };
    decorations.set(row, entry);
  }
  const lang = view.lang === 'zh_CN' ? 'zh-CN' : 'en';
  // What the chip is drawn from: the words are only looked up when it changed.
  const drawn = `${listing.sku}\n${view.lang}\n${listing.channel}\n${listing.state}\n${listing.isParent}\n${listing.reasons.join(' ')}`;
  if (entry.drawn !== drawn) {
    const { t } = view;
    const words = listing.isParent
      ? [t('row.parent')]
      : [
          t(listing.channel === 'fba' ? 'channel.fba' : 'channel.mfn'),
          t(`state.${listing.state}`),
          ...listing.reasons.map((reason) => t(`reason.${reason}`)),
        ];
    const { decoration, chip } = entry;
    decoration.setAttribute('data-sku', listing.sku);
    decoration.lang = lang;
    chip.dataset.channel = listing.channel;
    chip.dataset.state = listing.state;
    chip.textContent = words.join(' · ');
    entry.drawn = drawn;
  }
  return entry.decoration;
}

/** The row's decoration, wherever the page moved it within the row. */
export function findDecoration(row: Element): HTMLElement | null {
  const known = decorations.get(row)?.decoration;
  if (known?.parentElement && row.contains(known)) return known;
  return row.querySelector<HTMLElement>(`[${OWN_ATTRIBUTE}="row"]`);
}
