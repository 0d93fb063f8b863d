import { useRef } from 'react';
import type { TaskTimings } from '../upgrades/task-types';
import type { TasksStore } from '../upgrades/tasks-store';
import { DeviceCard } from './device-card';
import type { DeviceCard as DeviceCardRef } from './kiosk-view';
import { CARD_METRICS, pageCount, pageItems, pageLabel, type GridShape } from './paging';
import { useGridShape } from './use-grid-shape';
import { usePageRotation } from './use-page-rotation';

interface ActiveGridProps {
  cards: readonly DeviceCardRef[];
  store: TasksStore;
  timings: TaskTimings;
  intervalSeconds: number;
  /** Tests without layout pass the shape; the board measures its own box. */
  shape?: GridShape;
}

/**
 * As many device cards as the screen holds; more than that and the pages turn on the interval.
 * Nothing scrolls: a wallboard has no one to scroll it.
 */
export function ActiveGrid({ cards, store, timings, intervalSeconds, shape: given }: ActiveGridProps) {
  const area = useRef<HTMLDivElement>(null);
  const measured = useGridShape(area);
  const shape = given ?? measured;
  const count = pageCount(cards.length, shape.pageSize);
  const page = usePageRotation(count, intervalSeconds * 1000);
  const shown = pageItems(cards, page, shape.pageSize);
  const first = page * shape.pageSize + 1;
  return (
    <section aria-labelledby="kiosk-active" className="flex min-h-0 min-w-0 flex-1 flex-col gap-[0.5em]">
      <div className="flex items-baseline gap-[1em]">
        <h2 id="kiosk-active" className="text-[1.3em] font-bold">
          Upgrading now
        </h2>
        {cards.length > 0 ? (
          <span className="text-[1.05em] text-neutral-300">
            {count > 1 ? `Devices ${first}–${first + shown.length - 1} of ${cards.length}` : `${cards.length} device${cards.length === 1 ? '' : 's'}`}
          </span>
        ) : null}
        {count > 1 ? (
          <span className="ml-auto rounded bg-neutral-800 px-[0.6em] text-[1.2em] font-semibold tabular-nums">
            {pageLabel(page, count)}
          </span>
        ) : null}
      </div>
      <div ref={area} className="min-h-0 flex-1 overflow-hidden">
        {cards.length === 0 ? (
          <p className="pt-[2em] text-center text-[2em] text-neutral-400">No upgrades running</p>
        ) : (
          <ul
            aria-label="Active upgrades"
            className="grid overflow-hidden"
            style={{
              gridTemplateColumns: `repeat(${shape.columns}, minmax(0, 1fr))`,
              gridAutoRows: `${CARD_METRICS.heightEm}em`,
              gap: `${CARD_METRICS.gapEm}em`,
            }}
          >
            {shown.map((card) => (
              <DeviceCard key={card.key} bid={card.bid} sn={card.sn} store={store} timings={timings} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
