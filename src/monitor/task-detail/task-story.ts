import { useTranslation } from 'react-i18next';
import type { TaskFailure } from '../../tasks/task-failure';
import type { TaskState, UpgradeTask } from '../../tasks/task-types';
import { useTaskStateLabel, useTaskStatusText } from '../../tasks/use-status-words';
import { useFailureTexts } from '../../tasks/use-failure-texts';

/**
 * The reply and the progress told apart in one sentence: "Accepted by the dock; then Failed:
 * Download failed". A reply of 0 only says the dock took the command; what the upgrade did
 * afterwards is the progress part, so "Success" is never said beside a failure.
 */
export function useTaskStory(task: UpgradeTask, state: TaskState, failure: TaskFailure | null): string {
  const { t } = useTranslation('monitor');
  const stateLabel = useTaskStateLabel();
  const text = useTaskStatusText();
  const failures = useFailureTexts();
  const reply = task.command === null ? t('outcome.reply.notSeen') : t(`outcome.reply.${task.command}`);
  // A refusal is the whole story: the dock never started.
  if (task.command === 'rejected') return t('outcome.storyOnly', { reply });
  if (task.execution === null) {
    return task.command === 'accepted' || task.command === null
      ? t('outcome.storyNoProgress', { reply })
      : t('outcome.storyOnly', { reply });
  }
  const label = task.supersededBy !== undefined ? text.words.superseded : stateLabel(state);
  const detail = failure !== null ? failures.reason(failure.reason) : text.subStatusLabel(task);
  const progress = detail === null ? t('outcome.progressState', { state: label }) : t('outcome.progress', { state: label, detail });
  return t('outcome.story', { reply, progress });
}
