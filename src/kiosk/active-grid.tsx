import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import type { TaskTimings } from '../tasks/task-types';
import { DeviceCard } from './device-card';
import type { DeviceCard as DeviceCardRef } from './kiosk-view';
import { CARD_METRICS, clampPage, pageCount, pageItems, type GridShape } from './paging';
import { useGridShape } from './use-grid-shape';
import { usePageRotation } from './use-page-rotation';

interface ActiveGridProps {
  cards: readonly DeviceCardRef[];
  timings: TaskTimings;
  intervalSeconds: number;
  /** Tests without layout pass the shape; the board measures its own box. */
  shape?: GridShape;
}

/**
 * As many device cards as the screen holds; more than that and the pages turn on the interval.
 * Nothing scrolls: a wallboard has no one to scroll it.
 */
export function ActiveGrid({ cards, timings, intervalSeconds, shape: given }: ActiveGridProps) {
  const { t } = useTranslation('kiosk');
  const f = useFormat();
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
          {t('grid.heading')}
        </h2>
        {cards.length > 0 ? (
          <span className="text-[1.05em] text-neutral-300">
            {count > 1
              ? t('grid.range', { first: f.number(first), last: f.number(first + shown.length - 1), total: f.number(cards.length) })
              : t('grid.devices', { count: cards.length, n: f.number(cards.length) })}
          </span>
        ) : null}
        {count > 1 ? (
          <span className="ml-auto rounded bg-neutral-800 px-[0.6em] text-[1.2em] font-semibold tabular-nums">
            {t('grid.page', { page: clampPage(page, count) + 1, total: Math.max(1, count) })}
          </span>
        ) : null}
      </div>
      <div ref={area} className="min-h-0 flex-1 overflow-hidden">
        {cards.length === 0 ? (
          <p className="pt-[2em] text-center text-[2em] text-neutral-400">{t('grid.none')}</p>
        ) : (
          <ul
            aria-label={t('grid.list')}
            className="grid overflow-hidden"
            style={{
              gridTemplateColumns: `repeat(${shape.columns}, minmax(0, 1fr))`,
              gridAutoRows: `${CARD_METRICS.heightEm}em`,
              gap: `${CARD_METRICS.gapEm}em`,
            }}
          >
            {shown.map((card) => (
              <DeviceCard key={card.key} bid={card.bid} sn={card.sn} timings={timings} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
