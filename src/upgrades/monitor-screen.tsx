import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useNow } from './monitor/clock-store';
import { DEFAULT_ROW_QUERY, deviceRows, type RowQuery } from './monitor/device-rows';
import { MonitorFilters } from './monitor/monitor-filters';
import { MonitorList } from './monitor/monitor-list';
import { MonitorSummary } from './monitor/monitor-summary';
import { taskState } from './task-derived';
import { tasksInOrder } from './task-table';
import { useTasksClock, useTaskTimings } from './tasks-hooks';
import { tasksStore as pageTasks, type TasksStore } from './tasks-store';

export interface MonitorScreenProps {
  /** The page's task store unless a test passes its own. */
  store?: TasksStore;
}

export default function MonitorScreen({ store = pageTasks }: MonitorScreenProps) {
  const [query, setQuery] = useState<RowQuery>(DEFAULT_ROW_QUERY);
  const table = useStore(store, (s) => s.table);
  const timings = useTaskTimings(store);
  useTasksClock(1_000, store);
  // Stalled depends on the clock; the list is re-filtered once a second (cheap next to rendering).
  const now = useNow();
  const rows = useMemo(() => deviceRows(tasksInOrder(table), query, (task) => taskState(task, now, timings)), [table, query, now, timings]);
  const filtered = query.search.trim() !== '' || query.state !== 'all';
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-4 p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        Monitor
      </h1>
      <MonitorSummary store={store} />
      <MonitorFilters query={query} onChange={setQuery} />
      <p role="status" aria-label="Devices shown" className="text-sm text-slate-600">
        {rows.length === 0
          ? table.order.length === 0
            ? 'No upgrades seen yet. Upgrades started here or elsewhere on the broker appear as they report.'
            : 'No device matches the filters.'
          : `${rows.length} device${rows.length === 1 ? '' : 's'}${filtered ? ' match' : ''}`}
      </p>
      <MonitorList rows={rows} store={store} timings={timings} />
    </section>
  );
}
