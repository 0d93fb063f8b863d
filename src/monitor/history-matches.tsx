import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { taskState } from '../tasks/task-derived';
import type { TaskTimings, UpgradeTask } from '../tasks/task-types';
import { DeviceRow, ROW_GRID, taskPath } from './device-row';
import { deviceRows, type RowQuery } from './device-rows';
import type { HistorySearch } from './use-history-search';

interface HistoryMatchesProps {
  found: HistorySearch;
  query: RowQuery;
  timings: TaskTimings;
  now: number;
  /** Tasks the live list already shows are not listed twice. */
  isLive(bid: string): boolean;
}

/** Finished tasks from the history that match the search and are no longer in the live list. */
export function HistoryMatches({ found, query, timings, now, isLive }: HistoryMatchesProps) {
  const { t } = useTranslation('monitor');
  const navigate = useNavigate();
  if (found.status === 'idle') return null;
  if (found.status === 'searching') {
    return (
      <p role="status" aria-live="polite" className="text-sm text-slate-600">
        {t('history.searching')}
      </p>
    );
  }
  const tasks = found.tasks.filter((task) => !isLive(task.bid));
  const byBid = new Map<string, UpgradeTask>(tasks.map((task) => [task.bid, task]));
  const rows = deviceRows(tasks, query, (task) => taskState(task, now, timings));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="history-matches-title" className="flex flex-col gap-2">
      <h2 id="history-matches-title" className="text-lg font-semibold">
        {t('history.heading', { count: rows.length })}
      </h2>
      <div role="list" aria-label={t('history.label')} className="overflow-hidden rounded border border-slate-200">
        {rows.map((row) => {
          const task = byBid.get(row.bid);
          if (task === undefined) return null;
          return (
            <div
              key={row.key}
              role="listitem"
              data-row-key={row.key}
              className={`${ROW_GRID} cursor-pointer items-center border-b border-slate-100 bg-white px-3 py-2 hover:bg-slate-50`}
              onClick={(event) => {
                if (!(event.target instanceof Element && event.target.closest('a'))) void navigate(taskPath(row.bid));
              }}
            >
              <DeviceRow row={row} task={task} timings={timings} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
