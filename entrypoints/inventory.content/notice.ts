/** Marks every node Shelfwise adds, so observers and tests can tell ours from the page's. */
export const OWN_ATTRIBUTE = 'data-shelfwise';

/** One visible, dismissable notice per kind, fixed in a corner so the page's layout is untouched. */
export function showNotice(
  doc: Document,
  kind: 'unrecognised' | 'no-marketplace' | 'panel-error',
  message: string,
): void {
  if (doc.querySelector(`[${OWN_ATTRIBUTE}="${kind}"]`)) return;
  const notice = doc.createElement('div');
  notice.setAttribute(OWN_ATTRIBUTE, kind);
  notice.setAttribute('role', 'status');
  notice.className = 'shelfwise-notice';
  const body = doc.createElement('span');
  body.textContent = message;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', () => notice.remove());
  notice.append(body, close);
  doc.body.append(notice);
}
