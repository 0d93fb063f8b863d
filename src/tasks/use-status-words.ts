import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format.ts';
import { useProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import type { TaskState, UpgradeTask } from './task-types.ts';
import { deviceStatusTextIn, statusLabelIn, subStatusLabelIn, type StatusWords } from './status-words.ts';

/** The status words in the active language (protocol labels from 'protocol', the rest from 'tasks'). */
export function useStatusWords(): StatusWords {
  const { t } = useTranslation('tasks');
  const labels = useProtocolLabels();
  const f = useFormat();
  return useMemo(
    () => ({
      status: labels.status,
      subStatus: labels.subStatus,
      command: (state) => t(`command.${state}`),
      superseded: t('superseded'),
      resultCodeLine: (code) => t('resultCodeLine', { code: String(code), text: labels.resultCode(code) }),
      percent: f.percent,
    }),
    [t, labels, f],
  );
}

/**
 * Localised task-status-text.ts for components (monitor, kiosk): the same rules, words in the
 * active language; in English every text equals task-status-text.ts's.
 */
export function useTaskStatusText() {
  const words = useStatusWords();
  return useMemo(
    () => ({
      words,
      /** deviceStatusText: the progressbar's aria-valuetext. */
      deviceStatusText: (task: UpgradeTask, deviceSn: string) => deviceStatusTextIn(task, deviceSn, words),
      /** taskStatusLabel. */
      statusLabel: (task: UpgradeTask) => statusLabelIn(task, words),
      /** taskSubStatusLabel. */
      subStatusLabel: (task: UpgradeTask) => subStatusLabelIn(task, words),
      /** resultCodeLine. */
      resultCodeLine: words.resultCodeLine,
    }),
    [words],
  );
}

/** TASK_STATE_LABELS (state-look.ts) in the active language: device statuses from 'protocol', the rest from 'tasks'. */
export function useTaskStateLabel(): (state: TaskState) => string {
  const { t } = useTranslation('tasks');
  const labels = useProtocolLabels();
  return useMemo(
    () => (state: TaskState) => {
      switch (state) {
        case 'queued':
        case 'published':
        case 'accepted':
        case 'no-reply':
        case 'stalled':
        case 'verified':
        case 'version-mismatch':
          return t(`state.${state}`);
        default:
          // The rest are device statuses.
          return labels.status(state);
      }
    },
    [t, labels],
  );
}
