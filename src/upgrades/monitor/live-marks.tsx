import { Badge } from '../../ui/badge';
import { taskState } from '../task-derived';
import type { TaskTimings, UpgradeTask } from '../task-types';
import { useNow } from './clock-store';
import { formatAge } from './format';

/**
 * The parts of a row that change with the clock alone (age, stalled), kept in a leaf so the
 * once-a-second tick re-renders these few nodes and not the whole row.
 */
export function LiveMarks({ task, timings }: { task: UpgradeTask; timings: TaskTimings }) {
  const now = useNow();
  const stalled = taskState(task, now, timings) === 'stalled';
  return (
    <span className="inline-flex items-center gap-2">
      <span className="text-xs text-slate-500 tabular-nums" title="Time since the last message for this task">
        {formatAge(now - task.lastReceivedAt)}
      </span>
      {stalled ? <Badge tone="warning">⚠ Stalled</Badge> : null}
    </span>
  );
}
