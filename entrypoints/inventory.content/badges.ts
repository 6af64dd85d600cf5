import { sendRequest } from '@/lib/messaging-client';
import type { ComplianceBadgeData, FindingView, RowBadges, VelocityBadgeData } from '@/lib/model/badges';
import { OWN_ATTRIBUTE } from './notice';

/**
 * The velocity and compliance badges inside a row's decoration, with their popovers. Plain DOM:
 * the texts come rendered from the background; this only places them. Every mark pairs a colour
 * with a shape and a word, never colour alone.
 */

const LEVEL_MARK = { ok: '●', low: '▲', out: '■', unknown: '○' } as const;
const SEVERITY_MARK = { ok: '✓', warn: '▲', block: '✕' } as const;

let openPopover: { popover: HTMLElement; badge: HTMLElement; shows: string } | undefined;

/** What a badge's popover is built from, as a string: an open popover is rebuilt only when it changes. */
function popoverSource(badge: HTMLElement, data: RowBadges): string {
  return JSON.stringify(badge.getAttribute(OWN_ATTRIBUTE) === 'velocity' ? data.velocity : data.compliance);
}

function closePopover(returnFocus: boolean): void {
  if (!openPopover) return;
  const { popover, badge } = openPopover;
  openPopover = undefined;
  popover.parentElement?.classList.remove('has-popover');
  popover.remove();
  badge.setAttribute('aria-expanded', 'false');
  if (returnFocus) badge.focus();
}

function onDocumentKey(event: KeyboardEvent): void {
  if (event.key === 'Escape' && openPopover) {
    event.stopPropagation();
    closePopover(true);
  }
}

/** A badge's decoration: the badges sit in its slot (badgeSlot). */
function decorationOf(badge: Element): HTMLElement | null {
  return badge.parentElement?.parentElement ?? null;
}

const BADGE_SELECTOR = `button[${OWN_ATTRIBUTE}="velocity"], button[${OWN_ATTRIBUTE}="compliance"]`;

/**
 * One capturing listener for every badge on the page instead of one per badge: a 1,000-row page
 * would otherwise add two thousand listeners. Capturing at the document also keeps the row's own
 * click handlers (selection, navigation) from seeing a click on a badge.
 */
function onDocumentClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  const badge = target?.closest<HTMLButtonElement>(BADGE_SELECTOR);
  if (badge) {
    event.stopPropagation();
    event.preventDefault();
    const wasOpen = openPopover?.badge === badge;
    closePopover(false);
    const decoration = decorationOf(badge);
    if (!wasOpen && decoration) showPopover(decoration, badge);
    return;
  }
  if (!openPopover || !target) return;
  if (openPopover.popover.contains(target)) return;
  closePopover(false);
}

const listening = new WeakSet<Document>();
function listenOnce(doc: Document): void {
  if (listening.has(doc)) return;
  listening.add(doc);
  doc.addEventListener('keydown', onDocumentKey, true);
  doc.addEventListener('click', onDocumentClick, true);
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A decoration's two badges, kept so an update never searches the row. */
const badgesOf = new WeakMap<HTMLElement, { velocity: HTMLButtonElement; compliance: HTMLButtonElement }>();

/** Both badges built once per document and cloned for every row: cheaper than building each. */
const templates = new WeakMap<Document, HTMLElement>();

function badgeTemplate(doc: Document): HTMLElement {
  let template = templates.get(doc);
  if (!template) {
    template = doc.createElement('div');
    for (const kind of ['velocity', 'compliance'] as const) {
      const badge = element(doc, 'button', `shelfwise-badge shelfwise-badge-${kind}`);
      badge.type = 'button';
      badge.setAttribute(OWN_ATTRIBUTE, kind);
      badge.setAttribute('aria-expanded', 'false');
      badge.setAttribute('aria-haspopup', 'dialog');
      template.append(badge);
    }
    templates.set(doc, template);
  }
  return template;
}

/**
 * An empty slot for a decoration's badges: every decoration holds one from its first draw, because the
 * badges arrive later (the background answers after the rows are drawn) and must not move the page
 * when they do (see style.css).
 */
export function createBadgeSlot(doc: Document): HTMLElement {
  const slot = doc.createElement('span');
  slot.setAttribute(OWN_ATTRIBUTE, 'badges');
  slot.className = 'shelfwise-badges';
  return slot;
}

/** The decoration's slot for its badges (a decoration drawn by an earlier version may lack it). */
function badgeSlot(decoration: HTMLElement): HTMLElement {
  let slot = decoration.querySelector<HTMLElement>(`:scope > [${OWN_ATTRIBUTE}="badges"]`);
  if (!slot) {
    // Badges an earlier version put straight into the decoration are drawn again in the slot.
    for (const old of decoration.querySelectorAll(`:scope > button[${OWN_ATTRIBUTE}]`)) old.remove();
    slot = createBadgeSlot(decoration.ownerDocument);
    decoration.append(slot);
  }
  return slot;
}

function badgePair(decoration: HTMLElement) {
  const known = badgesOf.get(decoration);
  if (
    known &&
    decorationOf(known.velocity) === decoration &&
    known.compliance.parentElement === known.velocity.parentElement
  ) {
    return known;
  }
  const doc = decoration.ownerDocument;
  listenOnce(doc);
  const slot = badgeSlot(decoration);
  // A decoration drawn for the first time holds no badges yet: nothing to look for.
  const drawnBefore = slot.childElementCount > 0;
  let velocity = drawnBefore ? slot.querySelector<HTMLButtonElement>(`:scope > [${OWN_ATTRIBUTE}="velocity"]`) : null;
  let compliance = drawnBefore
    ? slot.querySelector<HTMLButtonElement>(`:scope > [${OWN_ATTRIBUTE}="compliance"]`)
    : null;
  if (!velocity || !compliance) {
    velocity?.remove();
    compliance?.remove();
    const clone = badgeTemplate(doc).cloneNode(true) as HTMLElement;
    velocity = clone.firstElementChild as HTMLButtonElement;
    compliance = clone.lastElementChild as HTMLButtonElement;
    slot.append(velocity, compliance);
  }
  const pair = { velocity, compliance };
  badgesOf.set(decoration, pair);
  return pair;
}

/** The data each badge was last given, to build its popover when it is opened (never before). */
const popoverData = new WeakMap<HTMLElement, RowBadges>();

function showPopover(decoration: HTMLElement, badge: HTMLButtonElement): void {
  const data = popoverData.get(badge);
  if (!data) return;
  const doc = decoration.ownerDocument;
  const popover =
    badge.getAttribute(OWN_ATTRIBUTE) === 'velocity'
      ? velocityPopover(data.velocity)(doc)
      : compliancePopover(data.compliance)(doc);
  popover.setAttribute(OWN_ATTRIBUTE, 'popover');
  popover.setAttribute('role', 'dialog');
  popover.id = `shelfwise-popover-${Math.random().toString(36).slice(2)}`;
  badge.setAttribute('aria-controls', popover.id);
  badge.setAttribute('aria-expanded', 'true');
  // Positioned against its decoration only while open: a positioned box in every row would cost
  // the page a layer per row.
  decoration.classList.add('has-popover');
  decoration.append(popover);
  openPopover = { popover, badge, shows: popoverSource(badge, data) };
}

function velocityPopover(data: VelocityBadgeData) {
  return (doc: Document) => {
    const popover = element(doc, 'div', 'shelfwise-popover');
    popover.setAttribute('aria-label', data.heading);
    popover.append(element(doc, 'strong', 'shelfwise-popover-heading', `${data.heading}: ${data.text}`));
    popover.append(
      element(doc, 'p', `shelfwise-level shelfwise-level-${data.level}`, `${LEVEL_MARK[data.level]} ${data.levelText}`),
    );
    const list = element(doc, 'ul');
    for (const line of data.lines) list.append(element(doc, 'li', undefined, line));
    popover.append(list);
    return popover;
  };
}

/**
 * "Mute for this SKU" / "Unmute": the background records it in the settings, and the session,
 * which watches the settings, asks for every row's badges again (the muted finding then shows
 * greyed and uncounted).
 */
function muteButton(doc: Document, data: ComplianceBadgeData, finding: FindingView): HTMLButtonElement | undefined {
  const { muteKey } = data;
  const label = finding.muted ? data.labels.unmute : data.labels.mute;
  if (!muteKey || !label) return undefined;
  const button = element(doc, 'button', 'shelfwise-finding-mute', label);
  button.type = 'button';
  button.dataset.rule = finding.ruleId;
  button.setAttribute('aria-pressed', String(finding.muted));
  button.addEventListener('click', (event) => {
    // The row's own handlers (selection, navigation) must not see clicks inside our popover.
    event.stopPropagation();
    event.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    sendRequest('complianceMute', { key: muteKey, ruleId: finding.ruleId, muted: !finding.muted })
      .catch((error: unknown) => {
        console.warn('[Shelfwise] mute not saved', error);
        const alert = element(doc, 'p', 'shelfwise-mute-failed', data.labels.muteFailed ?? String(error));
        alert.setAttribute('role', 'alert');
        button.after(alert);
      })
      .finally(() => button.removeAttribute('aria-busy'));
  });
  return button;
}

function compliancePopover(data: ComplianceBadgeData) {
  return (doc: Document) => {
    const popover = element(doc, 'div', 'shelfwise-popover');
    popover.setAttribute('aria-label', data.heading);
    popover.append(element(doc, 'strong', 'shelfwise-popover-heading', `${data.heading}: ${data.text}`));
    if (data.findings.length === 0) popover.append(element(doc, 'p', undefined, data.labels.none));
    const list = element(doc, 'ul', 'shelfwise-findings');
    for (const finding of data.findings) {
      const item = element(
        doc,
        'li',
        `shelfwise-finding shelfwise-finding-${finding.severity}${finding.muted ? ' is-muted' : ''}`,
      );
      const mark = finding.muted ? '○' : SEVERITY_MARK[finding.severity];
      item.append(
        element(
          doc,
          'span',
          'shelfwise-finding-severity',
          `${mark} ${finding.severityText}${finding.muted ? ` · ${data.labels.muted}` : ''}`,
        ),
      );
      item.append(element(doc, 'p', 'shelfwise-finding-message', finding.message));
      item.append(element(doc, 'p', 'shelfwise-finding-fix', `${data.labels.fix}: ${finding.fix}`));
      const link = element(doc, 'a', 'shelfwise-finding-policy', data.labels.policy);
      link.href = finding.policyUrl;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      item.append(link);
      item.dataset.rule = finding.ruleId;
      const mute = muteButton(doc, data, finding);
      if (mute) item.append(mute);
      list.append(item);
    }
    if (data.findings.length) popover.append(list);
    if (data.imageNote) popover.append(element(doc, 'p', 'shelfwise-image-note', data.imageNote));
    return popover;
  };
}

/** Unmuted findings that block a listing, and the rest: for the page's summary. */
export function severityCounts(data: RowBadges['compliance']): { block: number; warn: number } {
  let block = 0;
  for (const finding of data.findings) if (!finding.muted && finding.severity === 'block') block++;
  return { block, warn: data.issues - block };
}

/** What each badge pair shows now, as one string: an answer that changes none of it costs no DOM work. */
const drawn = new WeakMap<HTMLElement, string>();

/**
 * Only what differs is written: an image check that ends without a finding changes nothing the
 * seller sees, and then costs the page no style, layout or paint (on a long page every frame that
 * has to lay out or paint anything is a long task).
 */
function setAttributes(element: HTMLElement, attributes: Record<string, string>): void {
  for (const name in attributes) {
    const value = attributes[name] as string;
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Puts (or updates) both badges into a decoration. */
export function renderBadges(decoration: HTMLElement, data: RowBadges): void {
  const { velocity, compliance } = badgePair(decoration);
  // The popovers always open on the latest data, drawn or not.
  popoverData.set(velocity, data);
  popoverData.set(compliance, data);
  const v = data.velocity;
  const c = data.compliance;
  const counts = severityCounts(c);
  const shown = [
    v.level,
    v.text,
    v.label,
    v.levelText,
    v.perDay,
    v.daysOfCover,
    c.severity,
    c.issues,
    counts.block,
    c.text,
    c.label,
    c.image ?? '',
  ].join('\u0001');
  if (drawn.get(velocity) !== shown) {
    drawn.set(velocity, shown);
    const velocityLabel = `${v.label} · ${v.levelText}`;
    setAttributes(velocity, {
      'data-per-day': v.perDay,
      'data-days-of-cover': v.daysOfCover,
      'data-level': v.level,
      'aria-label': velocityLabel,
      title: velocityLabel,
    });
    setText(velocity, `${LEVEL_MARK[v.level]} ${v.text}`);
    setAttributes(compliance, {
      'data-issues': String(c.issues),
      'data-severity': c.severity,
      'data-block': String(counts.block),
      'data-warn': String(counts.warn),
      'aria-label': c.label,
      title: c.label,
    });
    if (c.image) setAttributes(compliance, { 'data-image': c.image });
    else compliance.removeAttribute('data-image');
    setText(compliance, `${SEVERITY_MARK[c.severity]} ${c.text}`);
  }

  // An open popover of this row shows the new figures at once.
  if (
    openPopover &&
    decorationOf(openPopover.badge) === decoration &&
    openPopover.shows !== popoverSource(openPopover.badge, data)
  ) {
    const badge = openPopover.badge as HTMLButtonElement;
    // Keep the keyboard where it was: a mute button pressed stays focused as its Unmute.
    const focused = decoration.ownerDocument.activeElement;
    const rule =
      focused instanceof HTMLElement && openPopover.popover.contains(focused) ? focused.dataset.rule : undefined;
    closePopover(false);
    showPopover(decoration, badge);
    if (rule && openPopover) {
      const again = [...openPopover.popover.querySelectorAll<HTMLElement>('button[data-rule]')].find(
        (candidate) => candidate.dataset.rule === rule,
      );
      again?.focus();
    }
  }
}
