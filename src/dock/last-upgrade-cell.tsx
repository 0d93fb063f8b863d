import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge';
import { StatusBadge } from '../ui/status-badge';
import { TASK_STATE_KIND } from '../tasks/state-look.ts';
import { taskState } from '../tasks/task-derived.ts';
import { useTasks, useTaskTimings } from '../tasks/tasks-hooks.ts';
import { useTaskStateLabel } from '../tasks/use-status-words.ts';
import { lastTaskOf } from './last-upgrade.ts';

/**
 * The Fleet's Upgrade column: the gateway's running upgrade, else how its last one ended (a failed
 * one stays visible), else "No upgrade". "Upgrading" from the dock's own reports shows too.
 */
export function LastUpgradeCell({ sn, upgrading }: { sn: string; upgrading: boolean }) {
  const { t } = useTranslation('dock');
  const stateLabel = useTaskStateLabel();
  const timings = useTaskTimings();
  const task = useTasks((s) => lastTaskOf(s.table, sn));
  if (task === undefined) {
    return upgrading ? (
      <Badge tone="info">{t('cell.upgrading')}</Badge>
    ) : (
      <span className="text-sm text-slate-600">{t('cell.noUpgrade')}</span>
    );
  }
  // The state as of the task's last message: "stalled" needs the clock and is the Monitor's business.
  const state = taskState(task, task.lastReceivedAt, timings);
  return (
    <span className="flex flex-col items-start gap-1">
      {task.terminal ? (
        <StatusBadge kind={TASK_STATE_KIND[state]} label={t('cell.last', { state: stateLabel(state) })} />
      ) : (
        <StatusBadge kind={TASK_STATE_KIND[state]} label={t('cell.running', { state: stateLabel(state) })} />
      )}
      {task.terminal && upgrading ? <Badge tone="info">{t('cell.upgrading')}</Badge> : null}
    </span>
  );
}
