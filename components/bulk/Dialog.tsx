import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  closeLabel: string;
  /** BCP 47 language of the panel's text (screen readers and CJK glyph choice follow it). */
  lang: string;
  onClose: () => void;
  children: ReactNode;
}

const CANDIDATES = 'a[href], button, input, select, textarea, summary, [tabindex]';

/**
 * What Tab would visit, in order. A radio group is one stop (its checked radio, or its first when
 * none is checked), exactly as the browser moves through it.
 */
function tabStops(root: HTMLElement): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const groups = new Set<string>();
  for (const el of root.querySelectorAll<HTMLElement>(CANDIDATES)) {
    if (el.tabIndex < 0 || el.matches(':disabled') || el.closest('[hidden], [inert]')) continue;
    if (el.getClientRects().length === 0) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const group = `${el.form?.id ?? ''}|${el.name}`;
      const checked = root.querySelector<HTMLInputElement>(
        `input[type="radio"][name="${CSS.escape(el.name)}"]:checked`,
      );
      if (checked ? checked !== el : groups.has(group)) continue;
      groups.add(group);
    }
    stops.push(el);
  }
  return stops;
}

/**
 * The panel's modal: the native <dialog> in the top layer, so the page's own stacking and
 * overlays cannot cover it and everything behind it is inert. Tab wraps inside it (the browser
 * would otherwise leave for its own toolbar); Escape and the Close button both end the panel.
 */
export function Dialog({ title, closeLabel, lang, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const ended = useRef(false);

  const close = useCallback(() => {
    if (ended.current) return;
    ended.current = true;
    onClose();
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // The dialog itself takes focus, so a screen reader starts with its name; Tab goes on to Close.
      dialog.focus();
    }
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const dialog = ref.current;
    if (event.key !== 'Tab' || !dialog) return;
    const stops = tabStops(dialog);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const root = dialog.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="sw-dialog"
      aria-labelledby={titleId}
      aria-modal="true"
      lang={lang}
      tabIndex={-1}
      onCancel={(event) => {
        // Escape: the host decides how the panel goes away (and where focus returns).
        event.preventDefault();
        close();
      }}
      onClose={() => {
        // Closed by the browser itself (a second Escape); a dialog re-opened since is not closing.
        if (!ref.current?.open) close();
      }}
      onKeyDown={onKeyDown}
    >
      <header className="sw-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="sw-button" onClick={close}>
          {closeLabel}
        </button>
      </header>
      <div className="sw-dialog-body">{children}</div>
    </dialog>
  );
}
