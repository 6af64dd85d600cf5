import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { layout, visibleRange } from './windowing';

interface Props<T> {
  items: readonly T[];
  /** Each item's fixed height in pixels (rows of a kind share one). */
  heightOf: (item: T) => number;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  label: string;
  /** Pixels rendered beyond the viewport on each side. */
  overscan?: number;
  /** Used until the viewport has been measured. */
  initialHeight?: number;
}

/**
 * A list that renders only the items in view (ten thousand rows cost the DOM of a dozen). The items
 * stay a real list for assistive technology: each rendered item says its place (aria-posinset) in the
 * whole (aria-setsize). The viewport is a focusable, named region, so the keyboard scrolls it.
 */
export function VirtualList<T>({
  items,
  heightOf,
  keyOf,
  render,
  label,
  overscan = 400,
  initialHeight = 420,
}: Props<T>) {
  const viewport = useRef<HTMLElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);
  const offsets = useMemo(() => layout(items.map(heightOf)), [items, heightOf]);
  const total = offsets[offsets.length - 1] ?? 0;

  // Measured when the browser lays the viewport out anyway: the observer's first call, then each
  // change. Reading clientHeight (or scrollTop) in an effect of the first render would force a layout
  // in the middle of it, before the first rows can be painted (10-15 ms of the popup's first screen).
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || initialHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [initialHeight]);

  // A shorter list (a filter) must not leave the viewport scrolled past its end.
  const lastTotal = useRef(total);
  useEffect(() => {
    const shorter = total < lastTotal.current;
    lastTotal.current = total;
    const element = viewport.current;
    if (shorter && element && element.scrollTop > total) element.scrollTop = 0;
  }, [total]);

  const { start, end } = visibleRange(offsets, top, height, overscan);
  const shown: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i] as T;
    shown.push(
      <li
        key={keyOf(item)}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        style={{ position: 'absolute', top: offsets[i], left: 0, right: 0, height: heightOf(item) }}
      >
        {render(item)}
      </li>,
    );
  }
  return (
    <section
      ref={viewport}
      className="virtual-viewport"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so the keyboard can scroll it.
      tabIndex={0}
      onScroll={(event) => setTop(event.currentTarget.scrollTop)}
    >
      <ul className="virtual-list" aria-label={label} style={{ height: total }}>
        {shown}
      </ul>
    </section>
  );
}
