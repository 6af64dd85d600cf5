import type { KeyboardEvent } from 'react';

export interface TabSpec<K extends string> {
  id: K;
  label: string;
}

interface Props<K extends string> {
  label: string;
  idPrefix: string;
  tabs: ReadonlyArray<TabSpec<K>>;
  selected: K;
  onSelect: (id: K) => void;
}

export function tabId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

export function tabPanelId(prefix: string, id: string): string {
  return `${prefix}-panel-${id}`;
}

/** The WAI-ARIA tabs pattern: one Tab stop, arrow keys (and Home/End) move between the views. */
export function Tabs<K extends string>({ label, idPrefix, tabs, selected, onSelect }: Props<K>) {
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
    root.getElementById(tabId(idPrefix, tab.id))?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className="sw-tabs" onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={tabPanelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className="sw-tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
