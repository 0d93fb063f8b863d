import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskTimings } from '../tasks/task-types';
import type { DeviceRowRef } from './device-rows';
import { ROW_GRID } from './device-row';
import { RowSlot } from './row-slot';

export const ROW_HEIGHT = 76;
/** The scroll container's fixed height (also what the virtualizer assumes before layout). */
export const LIST_HEIGHT = 560;

// Before layout (and in jsdom) the container measures 0 px high and the virtualizer would render
// no rows at all; the container has a fixed height, so that height stands in until it is measured.
function observeFixedHeightRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: LIST_HEIGHT }));
}

interface MonitorListProps {
  rows: readonly DeviceRowRef[];
  timings: TaskTimings;
}

export function MonitorList({ rows, timings }: MonitorListProps) {
  const { t } = useTranslation('monitor');
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => rows[index]?.key ?? index,
    observeElementRect: observeFixedHeightRect,
    initialRect: { width: 0, height: LIST_HEIGHT },
  });
  return (
    <div className="overflow-hidden rounded border border-slate-200">
      <div
        aria-hidden="true"
        className={`${ROW_GRID} border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-500`}
      >
        <span>{t('list.device')}</span>
        <span>{t('list.gateway')}</span>
        <span>{t('list.version')}</span>
        <span>{t('list.progress')}</span>
        <span>{t('list.status')}</span>
        <span>{t('list.speedAge')}</span>
      </div>
      <div ref={scrollRef} className="overflow-auto" style={{ height: LIST_HEIGHT }}>
        <div role="list" aria-label={t('list.label')} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <RowSlot key={item.key} row={row} timings={timings} style={{ height: item.size, transform: `translateY(${item.start}px)` }} />
            );
          })}
        </div>
      </div>
    </div>
  );
}
