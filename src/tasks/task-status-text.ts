/**
 * The words the monitor shows for a device of a task, and the progressbar's aria-valuetext of the
 * accessibility contract: "{percent}% · {status label} · {sub-status label}".
 */
import { statusLabel, subStatusLabel } from '../protocol/labels.ts';
import { resultCodeText } from '../protocol/result-codes.ts';
import type { CommandState, UpgradeTask } from './task-types.ts';

export const COMMAND_STATE_LABELS: Readonly<Record<CommandState, string>> = Object.freeze({
  queued: 'Queued',
  published: 'Sent',
  accepted: 'Accepted',
  rejected: 'Rejected',
  'no-reply': 'No reply',
});

/** A task seen elsewhere that ended because a newer one started on its gateway (task-supersede.ts). */
export const SUPERSEDED_LABEL = 'Superseded';

/** "312015: The dock is busy ...": the code first, so support staff can search for it. */
export function resultCodeLine(code: number): string {
  return `${code}: ${resultCodeText(code)}`;
}

/** The status word: the device's status once it reported, else the command state. */
export function taskStatusLabel(task: UpgradeTask): string {
  if (task.supersededBy !== undefined) return SUPERSEDED_LABEL;
  if (task.command === 'rejected' && task.execution?.status !== 'ok') return COMMAND_STATE_LABELS.rejected;
  if (task.execution !== null) return statusLabel(task.execution.status);
  return task.command === null ? statusLabel('sent') : COMMAND_STATE_LABELS[task.command];
}

/** The sub-status label, or the raw value a device invented; null when there is none. */
export function taskSubStatusLabel(task: UpgradeTask): string | null {
  const execution = task.execution;
  if (execution === null || task.command === 'rejected') return null;
  if (execution.subStatus !== null) return subStatusLabel(execution.subStatus);
  return execution.subStatusRaw !== null && execution.subStatusRaw !== '' ? subStatusLabel(execution.subStatusRaw) : null;
}

/** The result code worth showing: a rejection's, or a progress result other than 0. */
export function taskResultCode(task: UpgradeTask): number | null {
  if (task.command === 'rejected' && task.resultCode !== null) return task.resultCode;
  const result = task.execution?.result ?? 0;
  return result !== 0 ? result : null;
}

/** The percent as the device reports it, within the current step. */
export function devicePercent(task: UpgradeTask): number {
  return task.execution?.percent ?? 0;
}

/**
 * The progressbar's aria-valuetext for one device of the task. An ota_progress covers the whole
 * task, so both devices of a task read the same; the SN must belong to the task.
 */
export function deviceStatusText(task: UpgradeTask, deviceSn: string): string {
  if (!task.devices.some((d) => d.sn === deviceSn)) return '';
  const parts = [`${Math.round(devicePercent(task))}%`, taskStatusLabel(task)];
  const sub = taskSubStatusLabel(task);
  if (sub !== null) parts.push(sub);
  const rejectedCode = task.command === 'rejected' || task.execution?.status === 'rejected' ? taskResultCode(task) : null;
  if (rejectedCode !== null) parts.push(resultCodeLine(rejectedCode));
  return parts.join(' · ');
}
