import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { stepNumber, type StepKey } from '../protocol/status.ts';
import { useProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import type { UpgradeTask } from './task-types.ts';

/** An upgrade has two steps: download, then upgrade (src/protocol/status.ts numbers them). */
export const STEP_COUNT = 2;

/** Which words the step line of a task needs: none once it ended well (a finished row reads no step). */
export function stepLineKind(task: UpgradeTask): { kind: 'numbered' | 'stoppedIn'; step: StepKey } | null {
  const execution = task.execution;
  if (execution === null || execution.step === null) return null;
  if (task.terminal) return execution.status === 'ok' ? null : { kind: 'stoppedIn', step: execution.step };
  return { kind: 'numbered', step: execution.step };
}

/**
 * "Step 2 of 2 · Upgrading Firmware" beside a progress bar: devices may restart the percent when
 * the step changes, and with the step named a drop from 100% to 20% reads as progress.
 */
export function useStepText(): (task: UpgradeTask) => string | null {
  const { t } = useTranslation('tasks');
  const labels = useProtocolLabels();
  return useCallback(
    (task: UpgradeTask) => {
      const line = stepLineKind(task);
      if (line === null) return null;
      return t(`step.${line.kind}`, { n: stepNumber(line.step), total: STEP_COUNT, step: labels.step(line.step) });
    },
    [t, labels],
  );
}
