import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export interface FixedRowListProps {
  count: number;
  rowHeight: number;
  /** Height of the scroll box when the rows do not fit. */
  maxHeight: number;
  label: string;
  getKey: (index: number) => string;
  renderRow: (index: number) => ReactNode;
}

/**
 * A virtualized list of equal-height rows, so a fleet of thousands renders only what is visible.
 * The box is as tall as its rows up to maxHeight; that height stands in before layout (and in
 * jsdom, where nothing has a size) so the first rows render at once.
 */
export function FixedRowList({ count, rowHeight, maxHeight, label, getKey, renderRow }: FixedRowListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = Math.min(maxHeight, Math.max(count, 1) * rowHeight);
  const observe = (instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) =>
    observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height }));
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: getKey,
    observeElementRect: observe,
    initialRect: { width: 0, height },
  });
  return (
    <div ref={scrollRef} className="overflow-auto rounded border border-slate-200" style={{ height }}>
      <ul aria-label={label} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.key}
            className="absolute top-0 left-0 w-full border-b border-slate-100"
            style={{ height: item.size, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
