import { SummaryTile, SummaryTiles } from '../../ui/summary-tile';
import { useTasksSummary } from '../tasks-hooks';
import type { TasksStore } from '../tasks-store';
import { TASK_STATES } from '../task-types';
import { TASK_STATE_LABELS } from './state-look';

export function MonitorSummary({ store }: { store: TasksStore }) {
  const summary = useTasksSummary(store);
  const shown = TASK_STATES.filter((state) => summary.counts[state] > 0);
  return (
    <SummaryTiles label="Upgrade summary">
      <SummaryTile label="Tasks" value={summary.total} />
      <SummaryTile label="Active" value={summary.active} />
      <SummaryTile label="Overall" value={summary.overallPercent === null ? '—' : `${Math.round(summary.overallPercent)}%`} />
      {shown.map((state) => (
        <SummaryTile key={state} label={TASK_STATE_LABELS[state]} value={summary.counts[state]} />
      ))}
    </SummaryTiles>
  );
}
