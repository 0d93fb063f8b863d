import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProtocolLabels } from '../ui/i18n/protocol-labels';
import { useFormat } from '../ui/i18n/use-format';
import { devicePercent, taskResultCode } from '../upgrades/task-status-text';
import type { CommandState, TaskState, UpgradeTask } from '../upgrades/task-types';

type KioskStateKey = 'queued' | 'published' | 'accepted' | 'noReply' | 'stalled' | 'verified' | 'versionMismatch';

/** Task states that are not device statuses; the rest are the protocol's status words. */
const OWN_STATE: Partial<Record<TaskState, KioskStateKey>> = {
  queued: 'queued',
  published: 'published',
  accepted: 'accepted',
  'no-reply': 'noReply',
  stalled: 'stalled',
  verified: 'verified',
  'version-mismatch': 'versionMismatch',
};

/** The command's word before the device reports: "Sent" for published, as the monitor says it. */
const COMMAND: Record<CommandState, { own: KioskStateKey } | { status: string }> = {
  queued: { own: 'queued' },
  published: { status: 'sent' },
  accepted: { own: 'accepted' },
  rejected: { status: 'rejected' },
  'no-reply': { own: 'noReply' },
};

/**
 * The wallboard's words for a task in the active language. They follow the decisions of
 * src/upgrades/task-status-text.ts (which returns English only) and monitor/state-look.ts, worded
 * with the protocol labels and the 'kiosk' namespace; the English is byte-identical to theirs
 * (the board's tests assert it), and these can go once those return translatable messages.
 */
export function useTaskWords() {
  const { t } = useTranslation('kiosk');
  const labels = useProtocolLabels();
  const f = useFormat();
  return useMemo(() => {
    const command = (state: CommandState) => {
      const word = COMMAND[state];
      return 'own' in word ? t(`state.${word.own}`) : labels.status(word.status);
    };
    const status = (task: UpgradeTask): string => {
      if (task.supersededBy !== undefined) return t('state.superseded');
      if (task.command === 'rejected' && task.execution?.status !== 'ok') return command('rejected');
      if (task.execution !== null) return labels.status(task.execution.status);
      return task.command === null ? labels.status('sent') : command(task.command);
    };
    const subStatus = (task: UpgradeTask): string | null => {
      const execution = task.execution;
      if (execution === null || task.command === 'rejected') return null;
      if (execution.subStatus !== null) return labels.subStatus(execution.subStatus);
      return execution.subStatusRaw !== null && execution.subStatusRaw !== '' ? labels.subStatus(execution.subStatusRaw) : null;
    };
    const resultLine = (code: number) => `${code}: ${labels.resultCode(code)}`;
    const state = (value: TaskState): string => {
      const own = OWN_STATE[value];
      return own === undefined ? labels.status(value) : t(`state.${own}`);
    };
    return {
      status,
      subStatus,
      resultLine,
      state,
      step: labels.step,
      /** The progressbar's aria-valuetext: "{percent}% · {status} · {sub-status}[ · {code}: {text}]". */
      deviceStatus(task: UpgradeTask, deviceSn: string): string {
        if (!task.devices.some((d) => d.sn === deviceSn)) return '';
        const parts = [f.percent(Math.round(devicePercent(task))), status(task)];
        const sub = subStatus(task);
        if (sub !== null) parts.push(sub);
        const rejectedCode = task.command === 'rejected' || task.execution?.status === 'rejected' ? taskResultCode(task) : null;
        if (rejectedCode !== null) parts.push(resultLine(rejectedCode));
        return parts.join(' · ');
      },
      /** What a person can act on: the result code, else the version the device reports, else the (sub-)status. */
      failureReason(task: UpgradeTask, taskState: TaskState): string {
        const code = taskResultCode(task);
        if (code !== null) return resultLine(code);
        if (taskState === 'version-mismatch') {
          const device = task.devices.find((d) => d.verification === 'version-mismatch');
          return t('failures.reportsInstead', { reported: device?.reportedVersion ?? t('failures.anotherVersion'), target: device?.targetVersion ?? t('failures.theTarget') });
        }
        return subStatus(task) ?? status(task);
      },
      failureLabel(task: UpgradeTask, taskState: TaskState): string {
        return taskState === 'version-mismatch' ? state('version-mismatch') : status(task);
      },
    };
  }, [t, labels, f]);
}

export type TaskWords = ReturnType<typeof useTaskWords>;
