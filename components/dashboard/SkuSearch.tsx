import { useId, useMemo, useState } from 'react';
import { type SkuChoice, suggestSkus } from '@/lib/history/overview';
import type { T } from './labels';

interface Props {
  choices: readonly SkuChoice[];
  t: T;
  onPick: (choice: SkuChoice) => void;
}

/**
 * A search box with suggestions (the ARIA 1.2 combobox pattern): typing filters the known SKUs,
 * the arrow keys move through the suggestions, Enter opens one, Escape closes the list. Focus stays
 * in the box throughout; a screen reader follows the active suggestion through aria-activedescendant.
 */
export function SkuSearch({ choices, t, onPick }: Props) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const suggestions = useMemo(() => suggestSkus(choices, text), [choices, text]);
  const expanded = open && suggestions.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;

  const pick = (choice: SkuChoice | undefined) => {
    if (!choice) return;
    setText(choice.sku);
    setOpen(false);
    setActive(-1);
    onPick(choice);
  };

  return (
    <div className="sku-search">
      <label htmlFor={inputId}>{t('history.search.label')}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={hintId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!suggestions.length) return;
            setOpen(true);
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((current) => (current + step + suggestions.length) % suggestions.length);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            // Enter without choosing opens the only (or the exact) match: what the seller typed.
            const exact = suggestions.find((s) => s.sku.toLowerCase() === text.trim().toLowerCase());
            pick(
              expanded && active >= 0
                ? suggestions[active]
                : (exact ?? (suggestions.length === 1 ? suggestions[0] : undefined)),
            );
          } else if (event.key === 'Escape') {
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      <p id={hintId} className="hint">
        {t('history.search.hint')}
      </p>
      <div
        id={listId}
        role="listbox"
        aria-label={t('history.search.suggestions')}
        className="suggestions"
        hidden={!expanded}
      >
        {expanded &&
          suggestions.map((choice, i) => (
            <div
              key={choice.key}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the box must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(choice);
              }}
            >
              <span className="suggestion-sku">{choice.sku}</span>{' '}
              <span className="suggestion-meta">
                {choice.marketplace}
                {choice.title ? ` · ${choice.title}` : ''}
              </span>
            </div>
          ))}
      </div>
      <p className="search-status" role="status" aria-live="polite">
        {open && text.trim()
          ? suggestions.length
            ? t('history.search.count', { count: suggestions.length })
            : t('history.search.noMatch', { text: text.trim() })
          : ''}
      </p>
    </div>
  );
}
