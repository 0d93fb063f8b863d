import { memo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { productName } from '../protocol/models';
import { useFormat } from '../ui/i18n/use-format';
import { ProgressBar } from '../ui/progress-bar';
import { useNow } from '../ui/clock';
import { barTone } from '../tasks/state-look';
import { taskEtaMs, taskState } from '../tasks/task-derived';
import { devicePercent } from '../tasks/task-status-text';
import type { TaskTimings } from '../tasks/task-types';
import { useTask } from '../tasks/tasks-hooks';
import { useDeviceModelKey } from './device-model-context';
import { StateLabel } from './state-label';
import { useTaskWords } from './use-task-words';

/**
 * The step and the sub-status on one line; a sub-status the step already says ("Downloading" in
 * "Downloading Firmware") is left out, so the line fits a card at wallboard sizes.
 */
export function stepLine(step: string | null, sub: string | null): string {
  if (step === null) return sub ?? '';
  if (sub === null || sub === '' || step.toLocaleLowerCase().includes(sub.toLocaleLowerCase())) return step;
  return `${step} · ${sub}`;
}

interface DeviceCardProps {
  bid: string;
  sn: string;
  timings: TaskTimings;
}

/** One device of an active task: SN, gateway, state, the contract's progress bar, step and ETA. */
function DeviceCardView({ bid, sn, timings }: DeviceCardProps) {
  const { t } = useTranslation('kiosk');
  const f = useFormat();
  const words = useTaskWords();
  const task = useTask(bid);
  const now = useNow();
  const knownModelKey = useDeviceModelKey(sn);
  if (task === undefined) return <li className="rounded-[0.3em] bg-neutral-900" />;
  const state = taskState(task, now, timings);
  const percent = Math.round(devicePercent(task));
  const step = task.execution?.step ?? null;
  const sub = words.subStatus(task);
  const stepText = stepLine(step !== null ? words.step(step) : null, sub);
  const eta = taskEtaMs(task);
  const stalled = state === 'stalled';
  // The task's own device info first, else what the fleet knows: "DJI Dock 2", not "Gateway".
  const modelKey = task.devices.find((d) => d.sn === sn)?.modelKey ?? knownModelKey;
  const model = modelKey === null ? null : (productName(modelKey) ?? null);
  return (
    <li
      className={`flex min-w-0 flex-col justify-between overflow-hidden rounded-[0.3em] border bg-neutral-900 px-[0.6em] py-[0.4em] leading-tight ${stalled ? 'border-amber-400' : 'border-neutral-700'}`}
    >
      <div className="truncate font-mono text-[1.3em] font-bold">{sn}</div>
      <div className="flex min-w-0 items-center gap-[0.5em]">
        <span className="shrink-0 text-[0.9em]">
          <StateLabel state={state} />
        </span>
        <span className="truncate text-[0.85em] text-neutral-400">
          {sn === task.gateway ? (
            (model ?? t('card.gateway'))
          ) : (
            <Trans
              t={t}
              i18nKey="card.onGateway"
              values={{ model: model ?? t('card.device'), gateway: task.gateway }}
              components={{ sn: <span className="font-mono" /> }}
            />
          )}
        </span>
        {eta !== null ? (
          <span className="ml-auto shrink-0 text-[0.9em] tabular-nums text-neutral-300">{t('card.eta', { eta: f.duration(eta) })}</span>
        ) : null}
      </div>
      <ProgressBar
        label={t('card.progress', { sn })}
        value={percent}
        valueText={words.deviceStatus(task, sn)}
        tone={barTone(state)}
        className="h-[0.7em]! bg-neutral-700!"
      />
      {/* The step wraps (two lines at most) rather than being cut: "Upgrading Firmware" must stay whole. */}
      <div className="flex min-w-0 items-baseline gap-[0.6em] text-[0.95em]">
        <span className="shrink-0 text-[1.2em] font-bold tabular-nums">{f.percent(percent)}</span>
        <span data-kiosk-step="" className="line-clamp-2 min-w-0 break-words text-neutral-300">
          {stepText}
        </span>
      </div>
    </li>
  );
}

/** Re-renders when its task changes or the clock ticks, not when another card's task does. */
export const DeviceCard = memo(DeviceCardView);
