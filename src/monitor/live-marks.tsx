import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge';
import { useFormat } from '../ui/i18n/use-format';
import { taskState } from '../tasks/task-derived';
import type { TaskTimings, UpgradeTask } from '../tasks/task-types';
import { useNow } from '../ui/clock';

/**
 * The parts of a row that change with the clock alone (age, stalled), kept in a leaf so the
 * once-a-second tick re-renders these few nodes and not the whole row.
 */
export function LiveMarks({ task, timings }: { task: UpgradeTask; timings: TaskTimings }) {
  const { t } = useTranslation('monitor');
  const f = useFormat();
  const now = useNow();
  const stalled = taskState(task, now, timings) === 'stalled';
  return (
    <span className="inline-flex items-center gap-2">
      <span className="text-xs text-slate-500 tabular-nums" title={t('row.ageTitle')}>
        {f.durationAgo(now - task.lastReceivedAt)}
      </span>
      {stalled ? <Badge tone="warning">{t('row.stalled')}</Badge> : null}
    </span>
  );
}
