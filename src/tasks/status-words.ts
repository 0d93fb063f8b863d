/**
 * The monitor's words for a task in any language, by exactly the rules of task-status-text.ts
 * (which stays English: the kiosk and logs use it). The words come in from the caller, so this
 * stays pure; useStatusWords() supplies them for the active language. status-words.test.tsx checks
 * that the English words give deviceStatusText's output for any task, so the two cannot drift.
 */
import { devicePercent, taskResultCode } from './task-status-text.ts';
import type { CommandState, UpgradeTask } from './task-types.ts';

export interface StatusWords {
  /** A device status (protocol label). */
  status(status: string): string;
  /** A sub-status (protocol label), or the raw value a device invented. */
  subStatus(subStatus: string): string;
  command(state: CommandState): string;
  superseded: string;
  /** "312015: The dock is busy ...". */
  resultCodeLine(code: number): string;
  /** A whole percent: "42%". */
  percent(percent: number): string;
}

const SEPARATOR = ' · ';

/** taskStatusLabel: the device's status once it reported, else the command state. */
export function statusLabelIn(task: UpgradeTask, words: StatusWords): string {
  if (task.supersededBy !== undefined) return words.superseded;
  if (task.command === 'rejected' && task.execution?.status !== 'ok') return words.command('rejected');
  if (task.execution !== null) return words.status(task.execution.status);
  return task.command === null ? words.status('sent') : words.command(task.command);
}

/** taskSubStatusLabel: the sub-status, or the raw value a device invented; null when there is none. */
export function subStatusLabelIn(task: UpgradeTask, words: StatusWords): string | null {
  const execution = task.execution;
  if (execution === null || task.command === 'rejected') return null;
  if (execution.subStatus !== null) return words.subStatus(execution.subStatus);
  return execution.subStatusRaw !== null && execution.subStatusRaw !== '' ? words.subStatus(execution.subStatusRaw) : null;
}

/**
 * deviceStatusText: the progressbar's aria-valuetext, "{percent}% · {status} · {sub-status}" and a
 * rejection's code line; '' when the SN is not one of the task's devices.
 */
export function deviceStatusTextIn(task: UpgradeTask, deviceSn: string, words: StatusWords): string {
  if (!task.devices.some((d) => d.sn === deviceSn)) return '';
  const parts = [words.percent(Math.round(devicePercent(task))), statusLabelIn(task, words)];
  const sub = subStatusLabelIn(task, words);
  if (sub !== null) parts.push(sub);
  const rejectedCode = task.command === 'rejected' || task.execution?.status === 'rejected' ? taskResultCode(task) : null;
  if (rejectedCode !== null) parts.push(words.resultCodeLine(rejectedCode));
  return parts.join(SEPARATOR);
}
