import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNow } from '../ui/clock';
import { TaskDevices } from './task-detail/task-devices';
import { TaskFacts } from './task-detail/task-facts';
import { TaskOutcome } from './task-detail/task-outcome';
import { useTaskTitle } from './task-detail/use-task-title';
import { TaskTimeline } from './task-detail/task-timeline';
import { taskState } from '../tasks/task-derived';
import { useTaskHistory } from '../tasks/tasks-history-context';
import { useTask, useTaskTimings } from '../tasks/tasks-hooks';
import { useHistoryTask } from './use-history-task';

/** Route /tasks/:bid: everything known about one upgrade, for support staff. */
export default function TaskDetailScreen({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation('monitor');
  const bid = useParams().bid ?? '';
  const live = useTask(bid);
  // A finished task the live table let go is still in the history.
  const stored = useHistoryTask(useTaskHistory(), bid, live === undefined);
  const task = live ?? stored;
  const timings = useTaskTimings();
  const now = useNow();
  const title = useTaskTitle(task, bid);
  const state = task === undefined ? null : taskState(task, now, timings);
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-6 p-6">
      <div>
        <Link to="/monitor" className="text-sm text-blue-800 underline">
          {t('detail.back')}
        </Link>
        <h1 id="screen-title" className="text-xl font-semibold">
          {title}
        </h1>
      </div>
      {task === undefined || state === null ? (
        <p>{t('detail.unknown')}</p>
      ) : (
        <>
          <TaskOutcome task={task} state={state} readOnly={readOnly} />
          <TaskFacts task={task} state={state} />
          <TaskDevices task={task} />
          <TaskTimeline events={task.events} />
        </>
      )}
    </section>
  );
}
