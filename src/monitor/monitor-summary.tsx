import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import { SummaryTile, SummaryTiles } from '../ui/summary-tile';
import { useTasksSummary } from '../tasks/tasks-hooks';
import { TASK_STATES } from '../tasks/task-types';
import { useTaskStateLabel } from '../tasks/use-status-words';

export function MonitorSummary() {
  const { t } = useTranslation('monitor');
  const f = useFormat();
  const stateLabel = useTaskStateLabel();
  const summary = useTasksSummary();
  const shown = TASK_STATES.filter((state) => summary.counts[state] > 0);
  return (
    <SummaryTiles label={t('summary.label')}>
      <SummaryTile label={t('summary.tasks')} value={summary.total} />
      <SummaryTile label={t('summary.active')} value={summary.active} />
      <SummaryTile
        label={t('summary.overall')}
        value={summary.overallPercent === null ? '—' : f.percent(Math.round(summary.overallPercent))}
      />
      {shown.map((state) => (
        <SummaryTile key={state} label={stateLabel(state)} value={summary.counts[state]} />
      ))}
    </SummaryTiles>
  );
}
