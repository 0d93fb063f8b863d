import { useFormat } from '../ui/i18n/use-format';
import type { UpgradeTask } from '../tasks/task-types';
import { useStepText } from '../tasks/use-step-text';

/** Under a row's bar: the device's percent and which step it belongs to ("42% · Step 2 of 2 · Upgrading Firmware"). */
export function ProgressCaption({ task, percent }: { task: UpgradeTask; percent: number }) {
  const f = useFormat();
  const step = useStepText()(task);
  return (
    <div className="flex min-w-0 gap-2 text-xs">
      <span className="font-semibold tabular-nums">{f.percent(percent)}</span>
      {step !== null ? (
        <span className="truncate text-slate-600" title={step}>
          {step}
        </span>
      ) : null}
    </div>
  );
}
