import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface WindowRowListProps {
  count: number;
  /** Height of one row; rows of one list are all this tall. */
  rowHeight: number;
  label: string;
  getKey: (index: number) => string;
  renderRow: (index: number) => ReactNode;
}

const windowRect = () => (typeof window === 'undefined' ? undefined : { width: window.innerWidth, height: window.innerHeight });

/**
 * A virtualized list that scrolls with the page instead of in a box of its own, so a fleet of
 * thousands renders only the rows in view and the screen has one scroll bar (boxes nested in a
 * scrolling page hid the Start button 1,600 px down). The list's distance from the top of the
 * page is measured again whenever the page's size changes (a pre-flight result above it, a filter).
 */
export function WindowRowList({ count, rowHeight, label, getKey, renderRow }: WindowRowListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list === null) return;
    const measure = () => {
      const top = list.getBoundingClientRect().top + window.scrollY;
      setOffset((previous) => (Math.abs(previous - top) < 1 ? previous : top));
    };
    if (typeof ResizeObserver === 'undefined') return;
    // A ResizeObserver reports once as soon as it observes, so this also takes the first measure.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: getKey,
    scrollMargin: offset,
    initialRect: windowRect(),
  });
  return (
    <ul
      ref={listRef}
      aria-label={label}
      className="relative w-full rounded border border-slate-200 bg-white"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          className="absolute top-0 left-0 w-full border-b border-slate-100"
          style={{ height: item.size, transform: `translateY(${item.start - offset}px)` }}
        >
          {renderRow(item.index)}
        </li>
      ))}
    </ul>
  );
}
