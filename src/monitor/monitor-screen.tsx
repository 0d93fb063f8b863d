import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useNow } from '../ui/clock';
import { useThrottledSelection } from '../ui/use-throttled-selection';
import { selectTaskIds } from '../tasks/task-selectors';
import { campaignView, DEFAULT_ROW_QUERY, TaskRowCache, taskView, type RowQuery } from './device-rows';
import { MonitorFilters, type CampaignOption } from './monitor-filters';
import { useCampaigns } from '../campaigns/campaign-hooks';
import { summarizeFigures } from '../campaigns/campaign-figures';
import { gatewayRows } from '../campaigns/campaign-rows';
import { useCampaignTexts } from '../campaigns/use-campaign-texts';
import { MonitorList } from './monitor-list';
import { MonitorSummary } from './monitor-summary';
import { barCampaigns, CampaignBar } from './campaign-bar';
import { taskState } from '../tasks/task-derived';
import type { UpgradeTask } from '../tasks/task-types';
import { useTasksStore } from '../tasks/tasks-context';
import { useTaskHistory } from '../tasks/tasks-history-context';
import { useTaskLookup, useTasksClock, useTaskTimings } from '../tasks/tasks-hooks';
import { HistoryMatches } from './history-matches';
import { useHistorySearch } from './use-history-search';

const LIST_REBUILD_MS = 1_000;

export interface MonitorScreenProps {
  /** A read-only viewer: the campaign bar's controls are disabled, with the reason. */
  readOnly?: boolean;
}

export default function MonitorScreen({ readOnly = false }: MonitorScreenProps) {
  const { t } = useTranslation('monitor');
  const texts = useCampaignTexts();
  // `#/monitor?campaign=ID` (the campaign view links here) opens the monitor filtered to it.
  const [searchParams] = useSearchParams();
  const [query, setQuery] = useState<RowQuery>(() => ({ ...DEFAULT_ROW_QUERY, campaign: searchParams.get('campaign') ?? 'all' }));
  const campaigns = useCampaigns();
  const campaignOptions = useMemo<CampaignOption[]>(
    () => [...campaigns].sort((a, b) => b.createdAt - a.createdAt).map((c) => ({ id: c.id, name: texts.name(c) })),
    [campaigns, texts],
  );
  const bar = useMemo(() => barCampaigns(campaigns, query.campaign), [campaigns, query.campaign]);
  const timings = useTaskTimings();
  const tasksStore = useTasksStore();
  const lookup = useTaskLookup();
  useTasksClock(1_000);
  // The rows and the tiles are rebuilt when tasks come or go, when the query or a campaign changes
  // and once a second, not on every progress batch: each row follows its own task, so a batch
  // re-renders only its rows, and state filters, sorting and the tiles catch up within a second.
  const now = useNow();
  // While tasks keep coming (a fleet's first seconds bring thousands, frame after frame) the screen
  // re-renders and the list is rebuilt once a second, not on every frame; a first task after a
  // quiet second shows at once. The table's order array is a new one only when tasks came or went.
  const shownIds = useThrottledSelection(tasksStore, selectTaskIds, LIST_REBUILD_MS);
  // Rows that did not change stay the same objects from one second to the next.
  const [rowCache] = useState(() => new TaskRowCache());
  // A chosen campaign that is known here lists its gateways as the campaign page does.
  const chosen = query.campaign === 'all' ? undefined : campaigns.find((c) => c.id === query.campaign);
  const view = useMemo(() => {
    const table = tasksStore.getState().table;
    const tasks = shownIds.flatMap((bid) => table.byBid.get(bid) ?? []);
    const stateOf = (task: UpgradeTask) => taskState(task, now, timings);
    return chosen === undefined
      ? taskView(tasks, query, stateOf, rowCache)
      : campaignView(chosen, gatewayRows(chosen, table, now, timings), tasks, query, stateOf, rowCache);
  }, [tasksStore, shownIds, query, chosen, now, timings, rowCache]);
  const figures = useMemo(() => summarizeFigures(view.items), [view]);
  const rows = view.rows;
  // The live rows hold the newest tasks; the search also looks through the whole history.
  const found = useHistorySearch(useTaskHistory(), query.search);
  const filtered = query.search.trim() !== '' || query.state !== 'all' || query.campaign !== 'all';
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-4 p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        {t('title')}
      </h1>
      <CampaignBar campaigns={bar} readOnly={readOnly} />
      <MonitorSummary figures={figures} earlier={view.earlier} perGateway={chosen !== undefined} />
      <MonitorFilters query={query} campaigns={campaignOptions} onChange={setQuery} />
      <p role="status" aria-label={t('shown.label')} className="text-sm text-slate-600">
        {rows.length === 0
          ? shownIds.length === 0 && bar.length === 0
            ? t('shown.noTasks')
            : t('shown.noMatch')
          : t(filtered ? 'shown.matching' : 'shown.devices', { count: rows.length })}
      </p>
      <MonitorList rows={rows} timings={timings} />
      <HistoryMatches found={found} query={query} timings={timings} now={now} isLive={(bid) => lookup(bid) !== undefined} />
    </section>
  );
}
