import { useTranslation } from 'react-i18next';
import { taskFailure } from '../../tasks/task-failure';
import type { TaskState, UpgradeTask } from '../../tasks/task-types';
import { useFailureTexts } from '../../tasks/use-failure-texts';
import { TaskRetry } from './task-retry';
import { useTaskStory } from './task-story';

/** What happened, why it failed and what to do next, with Retry when the task's campaign allows it. */
export function TaskOutcome({ task, state, readOnly }: { task: UpgradeTask; state: TaskState; readOnly: boolean }) {
  const { t } = useTranslation('monitor');
  const failure = taskFailure(task, state);
  const story = useTaskStory(task, state, failure);
  const texts = useFailureTexts();
  return (
    <section aria-label={t('outcome.label')} className="flex flex-col gap-2 rounded border border-slate-200 bg-white p-4">
      <p className="font-medium">{story}</p>
      {failure !== null ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-medium text-slate-600">{t('outcome.why')}</dt>
          <dd className="text-red-800">{texts.reason(failure.reason)}</dd>
          <dt className="font-medium text-slate-600">{t('outcome.next')}</dt>
          <dd>{texts.nextStep(failure.nextStep)}</dd>
        </dl>
      ) : null}
      {failure !== null && task.campaignId !== undefined ? (
        <TaskRetry task={task} campaignId={task.campaignId} readOnly={readOnly} />
      ) : null}
      {failure !== null && task.campaignId === undefined && task.origin === 'this-console' ? (
        <p className="text-sm text-slate-600">{t('outcome.noCampaign')}</p>
      ) : null}
    </section>
  );
}
