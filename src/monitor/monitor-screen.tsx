import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../ui/clock';
import { DEFAULT_ROW_QUERY, deviceRows, type RowQuery } from './device-rows';
import { MonitorFilters, type CampaignOption } from './monitor-filters';
import { useCampaigns } from '../campaigns/campaign-hooks';
import { MonitorList } from './monitor-list';
import { MonitorSummary } from './monitor-summary';
import { taskState } from '../tasks/task-derived';
import { selectTaskIds } from '../tasks/task-selectors';
import { useTaskHistory } from '../tasks/tasks-history-context';
import { useTaskLookup, useTasks, useTasksClock, useTaskTimings } from '../tasks/tasks-hooks';
import { HistoryMatches } from './history-matches';
import { useHistorySearch } from './use-history-search';

export default function MonitorScreen() {
  const { t } = useTranslation('monitor');
  // `#/monitor?campaign=ID` (the campaign view links here) opens the monitor filtered to it.
  const [searchParams] = useSearchParams();
  const [query, setQuery] = useState<RowQuery>(() => ({ ...DEFAULT_ROW_QUERY, campaign: searchParams.get('campaign') ?? 'all' }));
  const campaigns = useCampaigns();
  const campaignOptions = useMemo<CampaignOption[]>(
    () => [...campaigns].sort((a, b) => b.createdAt - a.createdAt).map((c) => ({ id: c.id, name: c.name })),
    [campaigns],
  );
  // Compared element by element: the table's order array is copied on every batch.
  const taskIds = useTasks(useShallow(selectTaskIds));
  const timings = useTaskTimings();
  const lookup = useTaskLookup();
  useTasksClock(1_000);
  // The row list is rebuilt when tasks come or go, when the query changes and once a second, not
  // on every progress batch: each row follows its own task, so a batch re-renders only its rows
  // and state filters and sorting catch up within a second.
  const now = useNow();
  const rows = useMemo(() => {
    const tasks = taskIds.flatMap((bid) => lookup(bid) ?? []);
    return deviceRows(tasks, query, (task) => taskState(task, now, timings));
  }, [lookup, taskIds, query, now, timings]);
  // The live rows hold the newest tasks; the search also looks through the whole history.
  const found = useHistorySearch(useTaskHistory(), query.search);
  const filtered = query.search.trim() !== '' || query.state !== 'all' || query.campaign !== 'all';
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-4 p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        {t('title')}
      </h1>
      <MonitorSummary />
      <MonitorFilters query={query} campaigns={campaignOptions} onChange={setQuery} />
      <p role="status" aria-label={t('shown.label')} className="text-sm text-slate-600">
        {rows.length === 0
          ? taskIds.length === 0
            ? t('shown.noTasks')
            : t('shown.noMatch')
          : t(filtered ? 'shown.matching' : 'shown.devices', { count: rows.length })}
      </p>
      <MonitorList rows={rows} timings={timings} />
      <HistoryMatches found={found} query={query} timings={timings} now={now} isLive={(bid) => lookup(bid) !== undefined} />
    </section>
  );
}
