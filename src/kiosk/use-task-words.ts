import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProtocolLabels } from '../ui/i18n/protocol-labels';
import { useTaskStateLabel, useTaskStatusText } from '../tasks/use-status-words';
import { taskResultCode } from '../tasks/task-status-text';
import type { TaskState, UpgradeTask } from '../tasks/task-types';

/**
 * The wallboard's words for a task in the active language: the monitor's localised status text
 * (the same rules as src/tasks/task-status-text.ts, byte-identical in English) plus what only
 * the board shows, the reason a failure card gives.
 */
export function useTaskWords() {
  const { t } = useTranslation('kiosk');
  const text = useTaskStatusText();
  const state = useTaskStateLabel();
  const labels = useProtocolLabels();
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
      /** What a person can act on: the result code, else the version the device reports, else the (sub-)status. */
      failureReason(task: UpgradeTask, taskState: TaskState): string {
        const code = taskResultCode(task);
        if (code !== null) return resultLine(code);
        if (taskState === 'version-mismatch') {
          const device = task.devices.find((d) => d.verification === 'version-mismatch');
          return t('failures.reportsInstead', {
            reported: device?.reportedVersion ?? t('failures.anotherVersion'),
            target: device?.targetVersion ?? t('failures.theTarget'),
          });
        }
        return subStatus(task) ?? status(task);
      },
      failureLabel(task: UpgradeTask, taskState: TaskState): string {
        return taskState === 'version-mismatch' ? state('version-mismatch') : status(task);
      },
    };
  }, [t, text, state, labels]);
}
