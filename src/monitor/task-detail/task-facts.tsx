import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DockLink } from '../../ui/dock-link';
import { useFormat } from '../../ui/i18n/use-format';
import { StatusBadge } from '../../ui/status-badge';
import { TASK_STATE_KIND } from '../../tasks/state-look';
import { useStatusWords, useTaskStateLabel } from '../../tasks/use-status-words';
import type { TaskState, UpgradeTask } from '../../tasks/task-types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function TaskFacts({ task, state }: { task: UpgradeTask; state: TaskState }) {
  const { t } = useTranslation('monitor');
  const f = useFormat();
  const words = useStatusWords();
  const stateLabel = useTaskStateLabel();
  return (
    <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-4 rounded border border-slate-200 bg-white p-4">
      <Fact label={t('facts.state')}>
        <StatusBadge kind={TASK_STATE_KIND[state]} label={stateLabel(state)} />
      </Fact>
      <Fact label={t('facts.gateway')}>
        <DockLink sn={task.gateway} />
      </Fact>
      <Fact label={t('facts.startedBy')}>{task.origin === 'this-console' ? t('facts.thisConsole') : t('facts.elsewhere')}</Fact>
      <Fact label={t('facts.command')}>{task.command === null ? t('facts.commandNotSeen') : words.command(task.command)}</Fact>
      {/* What the dock answered to the command, never its meaning for the upgrade (that is the progress). */}
      <Fact label={t('facts.reply')}>
        {task.resultCode === null
          ? t('facts.noReply')
          : task.resultCode === 0
            ? t('facts.replyAccepted')
            : t('facts.replyRefused', { line: words.resultCodeLine(task.resultCode) })}
      </Fact>
      <Fact label={t('facts.attempt')}>
        {f.number(task.attempt)}
        {task.retryOf !== undefined ? <span className="text-slate-500">{t('facts.retryOf', { bid: task.retryOf })}</span> : null}
      </Fact>
      <Fact label={t('facts.created')}>{f.dateTime(task.createdAt)}</Fact>
      <Fact label={t('facts.published')}>{task.publishedAt === null ? '—' : f.dateTime(task.publishedAt)}</Fact>
      <Fact label={t('facts.finished')}>{task.finishedAt === null ? '—' : f.dateTime(task.finishedAt)}</Fact>
      <Fact label={t('facts.bid')}>
        <span className="font-mono break-all">{task.bid}</span>
      </Fact>
    </dl>
  );
}
