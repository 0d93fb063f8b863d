import { useMemo } from 'react';
import { useProtocolLabels } from '../ui/i18n/protocol-labels';
import { useTaskStateLabel, useTaskStatusText } from '../tasks/use-status-words';
import { taskFailure } from '../tasks/task-failure';
import { useFailureTexts } from '../tasks/use-failure-texts';
import type { TaskState, UpgradeTask } from '../tasks/task-types';

/**
 * The wallboard's words for a task in the active language: the monitor's localised status text
 * (the same rules as src/tasks/task-status-text.ts, byte-identical in English) plus what only
 * the board shows, the reason and next step a failure card gives.
 */
export function useTaskWords() {
  const text = useTaskStatusText();
  const state = useTaskStateLabel();
  const labels = useProtocolLabels();
  const failures = useFailureTexts();
  return useMemo(() => {
    const status = text.statusLabel;
    const subStatus = text.subStatusLabel;
    const resultLine = text.resultCodeLine;
    return {
      status,
      subStatus,
      resultLine,
      state,
      step: labels.step,
      /** The progressbar's aria-valuetext: "{percent}% · {status} · {sub-status}[ · {code}: {text}]". */
      deviceStatus: text.deviceStatusText,
      /** Why, in the words the Monitor and the task page use (src/tasks/task-failure.ts). */
      failureReason(task: UpgradeTask, taskState: TaskState): string {
        const failure = taskFailure(task, taskState);
        return failure === null ? status(task) : failures.reason(failure.reason);
      },
      /** What to do about it, or null when the task did not fail. */
      failureNextStep(task: UpgradeTask, taskState: TaskState): string | null {
        const failure = taskFailure(task, taskState);
        return failure === null ? null : failures.nextStep(failure.nextStep);
      },
      failureLabel(task: UpgradeTask, taskState: TaskState): string {
        return taskState === 'version-mismatch' ? state('version-mismatch') : status(task);
      },
    };
  }, [text, state, labels, failures]);
}
