/**
 * Why a task did not end well and what to do next, as data: the words are chosen where it is
 * shown (failure-texts.ts). The Monitor, the task page, the campaign table and the reports all
 * read this one function, so a failure is explained the same way everywhere.
 */
import { nextStepForCode, nextStepForSubStatus, type NextStep } from '../protocol/next-steps.ts';
import type { TaskStatus } from '../protocol/status.ts';
import { taskResultCode } from './task-status-text.ts';
import type { TaskState, UpgradeTask } from './task-types.ts';

export type FailureReason =
  /** A result code other than 0, from the reply or a progress event. */
  | { kind: 'code'; code: number }
  /** progress.step_result: the step failed without a documented result code. */
  | { kind: 'step-result'; code: number }
  /** The failure sub-status the device reported (a protocol word, or its own). */
  | { kind: 'sub-status'; value: string }
  /** Only the end status is known. */
  | { kind: 'status'; status: Extract<TaskStatus, 'failed' | 'rejected' | 'canceled' | 'timeout'> }
  | { kind: 'no-reply' }
  | { kind: 'superseded' }
  /** After ok, the device reports another version (or none) than the target. */
  | { kind: 'mismatch'; reported: string | null; target: string | null };

export interface TaskFailure {
  reason: FailureReason;
  nextStep: NextStep;
}

const FAILURE_STATES: ReadonlySet<TaskState> = new Set<TaskState>(['failed', 'rejected', 'canceled', 'timeout']);

function endStatus(task: UpgradeTask, state: TaskState): Extract<FailureReason, { kind: 'status' }>['status'] {
  if (state === 'rejected' || state === 'canceled' || state === 'timeout') return state;
  const status = task.execution?.status;
  return status === 'rejected' || status === 'canceled' || status === 'timeout' ? status : 'failed';
}

function fromEnd(task: UpgradeTask, state: TaskState): TaskFailure {
  const stepResult = task.execution?.stepResult;
  const code = taskResultCode(task);
  if (code !== null && stepResult !== undefined && stepResult === code) return { reason: { kind: 'step-result', code }, nextStep: 'retry' };
  if (code !== null) return { reason: { kind: 'code', code }, nextStep: nextStepForCode(code) };
  const execution = task.execution;
  const status = endStatus(task, state);
  if (execution !== null && task.command !== 'rejected') {
    const advice = nextStepForSubStatus(execution.subStatus);
    if (advice !== null && execution.subStatus !== null)
      return { reason: { kind: 'sub-status', value: execution.subStatus }, nextStep: advice };
  }
  return { reason: { kind: 'status', status }, nextStep: status === 'canceled' ? 'startAgain' : 'retry' };
}

/** The failure of a task in its shown state, or null when nothing went wrong (yet). */
export function taskFailure(task: UpgradeTask, state: TaskState): TaskFailure | null {
  if (task.supersededBy !== undefined) return { reason: { kind: 'superseded' }, nextStep: 'followNewer' };
  if (FAILURE_STATES.has(state)) return fromEnd(task, state);
  if (state === 'no-reply') return { reason: { kind: 'no-reply' }, nextStep: 'checkOnline' };
  if (state === 'version-mismatch') {
    const device = task.devices.find((d) => d.verification === 'version-mismatch');
    return {
      reason: { kind: 'mismatch', reported: device?.reportedVersion ?? null, target: device?.targetVersion ?? null },
      nextStep: 'checkReportedVersion',
    };
  }
  return null;
}
