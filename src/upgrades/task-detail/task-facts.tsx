import type { ReactNode } from 'react';
import { formatDateTime } from '../../ui/format-time';
import { StatusBadge } from '../../ui/status-badge';
import { TASK_STATE_KIND, TASK_STATE_LABELS } from '../monitor/state-look';
import { COMMAND_STATE_LABELS, resultCodeLine } from '../task-status-text';
import type { TaskState, UpgradeTask } from '../task-types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function TaskFacts({ task, state }: { task: UpgradeTask; state: TaskState }) {
  return (
    <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-4 rounded border border-slate-200 bg-white p-4">
      <Fact label="State">
        <StatusBadge kind={TASK_STATE_KIND[state]} label={TASK_STATE_LABELS[state]} />
      </Fact>
      <Fact label="Gateway">
        <span className="font-mono">{task.gateway}</span>
      </Fact>
      <Fact label="Started by">{task.origin === 'this-console' ? 'This console' : 'Elsewhere (another console or a backend)'}</Fact>
      <Fact label="Command">{task.command === null ? 'Not seen by this console' : COMMAND_STATE_LABELS[task.command]}</Fact>
      <Fact label="Reply result">{task.resultCode === null ? 'No reply yet' : resultCodeLine(task.resultCode)}</Fact>
      <Fact label="Attempt">
        {task.attempt}
        {task.retryOf !== undefined ? <span className="text-slate-500"> (retry of {task.retryOf})</span> : null}
      </Fact>
      <Fact label="Created">{formatDateTime(task.createdAt)}</Fact>
      <Fact label="Published">{task.publishedAt === null ? '—' : formatDateTime(task.publishedAt)}</Fact>
      <Fact label="Finished">{task.finishedAt === null ? '—' : formatDateTime(task.finishedAt)}</Fact>
      <Fact label="Business id (bid)">
        <span className="font-mono break-all">{task.bid}</span>
      </Fact>
    </dl>
  );
}
