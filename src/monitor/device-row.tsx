import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { productName } from '../protocol/models';
import { Badge } from '../ui/badge';
import { useFormat } from '../ui/i18n/use-format';
import { DockLink } from '../ui/dock-link';
import { ProgressBar } from '../ui/progress-bar';
import { StatusBadge } from '../ui/status-badge';
import { taskEtaMs, taskRate, taskState } from '../tasks/task-derived';
import { devicePercent } from '../tasks/task-status-text';
import { taskFailure } from '../tasks/task-failure';
import type { TaskDevice, TaskTimings, UpgradeTask } from '../tasks/task-types';
import type { TaskRowRef } from './device-rows';
import { LiveMarks } from './live-marks';
import { barTone, TASK_STATE_KIND } from '../tasks/state-look';
import { useTaskStateLabel, useTaskStatusText } from '../tasks/use-status-words';
import { FailureLine } from './failure-line';
import { ProgressCaption } from './progress-caption';

export const ROW_GRID =
  'grid grid-cols-[minmax(9rem,1.2fr)_minmax(7rem,1fr)_minmax(8rem,1fr)_minmax(12rem,2fr)_minmax(10rem,1.6fr)_minmax(7rem,1fr)] gap-3';

export function taskPath(bid: string): string {
  return `/tasks/${encodeURIComponent(bid)}`;
}

/** After ok: does this device report the target version? (docs/architecture.md, task model). */
function VerificationMark({ device }: { device: TaskDevice | undefined }) {
  const { t } = useTranslation('monitor');
  switch (device?.verification) {
    case 'verified':
      return <Badge tone="success">{t('row.verified', { version: device.reportedVersion ?? device.targetVersion ?? '' })}</Badge>;
    case 'version-mismatch':
      return (
        <Badge tone="danger">
          {device.reportedVersion === undefined ? t('row.mismatchNothing') : t('row.mismatch', { version: device.reportedVersion })}
        </Badge>
      );
    case 'pending':
      return (
        <span className="text-xs text-slate-600">
          {device.targetVersion === undefined ? t('row.waitingTarget') : t('row.waiting', { version: device.targetVersion })}
        </span>
      );
    default:
      return null;
  }
}

interface DeviceRowProps {
  row: TaskRowRef;
  task: UpgradeTask;
  timings: TaskTimings;
}

function DeviceRowView({ row, task, timings }: DeviceRowProps) {
  const { t } = useTranslation('monitor');
  const f = useFormat();
  const text = useTaskStatusText();
  const stateLabel = useTaskStateLabel();
  const device = task.devices.find((d) => d.sn === row.sn);
  const model = device?.modelKey ? (productName(device.modelKey) ?? device.modelKey) : null;
  // The state without the clock: stalled and the age are LiveMarks' business.
  const state = taskState(task, task.lastReceivedAt, timings);
  const percent = Math.round(devicePercent(task));
  const sub = text.subStatusLabel(task);
  const failure = taskFailure(task, state);
  const rate = taskRate(task);
  const eta = rate !== null ? taskEtaMs(task) : null;
  return (
    <>
      <div className="min-w-0">
        <Link to={taskPath(task.bid)} className="font-mono font-medium text-blue-800 underline-offset-2 hover:underline">
          {row.sn}
        </Link>
        <div className="truncate text-xs text-slate-500">{model ?? (task.devicesInferred ? t('row.devicesNotKnown') : '—')}</div>
      </div>
      <div className="min-w-0">
        <div className="truncate text-sm">
          <DockLink sn={task.gateway} />
        </div>
        {task.origin === 'elsewhere' ? <Badge tone="info">{t('row.startedElsewhere')}</Badge> : null}
        {row.earlier ? <Badge tone="neutral">{t('row.earlierAttempt')}</Badge> : null}
      </div>
      <div className="min-w-0 text-sm">
        <span className="font-mono">{device?.fromVersion ?? '?'}</span>
        <span role="img" aria-label={t('row.versionTo')}>
          {' '}
          →{' '}
        </span>
        <span className="font-mono">{device?.targetVersion ?? '?'}</span>
      </div>
      <div className="flex min-w-0 flex-col justify-center gap-1">
        <ProgressBar
          label={t('row.progress', { sn: row.sn })}
          value={percent}
          valueText={text.deviceStatusText(task, row.sn)}
          tone={barTone(state)}
        />
        <ProgressCaption task={task} percent={percent} />
      </div>
      <div className="flex min-w-0 flex-col gap-0.5 text-sm">
        <span>
          {/* The state's one word (the same on the campaign page, kiosk and reports); the bar's valuetext keeps the protocol's. */}
          <StatusBadge kind={TASK_STATE_KIND[state]} label={task.supersededBy !== undefined ? text.words.superseded : stateLabel(state)} />
        </span>
        {sub !== null ? <span className="truncate text-xs text-slate-600">{sub}</span> : null}
        <VerificationMark device={device} />
        {failure !== null ? <FailureLine failure={failure} /> : null}
      </div>
      <div className="flex min-w-0 flex-col gap-0.5 text-xs">
        {rate !== null ? <span className="tabular-nums">{f.speed(rate)}</span> : null}
        {eta !== null ? <span className="tabular-nums">{t('row.eta', { duration: f.duration(eta) })}</span> : null}
        <LiveMarks task={task} timings={timings} />
      </div>
    </>
  );
}

/** Re-renders only when its own task object or the timings change (the reducers keep untouched tasks). */
export const DeviceRow = memo(DeviceRowView);
