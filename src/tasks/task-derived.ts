/**
 * What is derived from a task and the clock, never stored: the shown state (stalled, no reply),
 * completion, speed and ETA, and the summary the monitor and kiosk tiles read.
 */
import { tasksInOrder, type TaskTable } from './task-table.ts';
import { TASK_STATES, type TaskExecution, type TaskState, type TaskTimings, type TasksSummary, type UpgradeTask } from './task-types.ts';

/** No message for the stalled time while the device should be working. Paused is waiting on purpose. */
export function isStalled(task: UpgradeTask, now: number, timings: TaskTimings): boolean {
  if (task.terminal || task.execution?.status === 'paused') return false;
  const working = task.execution !== null || task.command === 'accepted';
  return working && now - task.lastReceivedAt >= timings.stalledAfterMs;
}

/** Our own publish that got no services_reply within the reply timeout (before replyTimedOut recorded it). */
export function isAwaitingReplyTooLong(task: UpgradeTask, now: number, timings: TaskTimings): boolean {
  return (
    task.origin === 'this-console' &&
    task.command === 'published' &&
    task.execution === null &&
    task.publishedAt !== null &&
    now - task.publishedAt >= timings.replyTimeoutMs
  );
}

function okState(task: UpgradeTask): TaskState {
  const checked = task.devices.filter((d) => d.verification !== null);
  if (checked.some((d) => d.verification === 'version-mismatch')) return 'version-mismatch';
  if (checked.length > 0 && checked.every((d) => d.verification === 'verified')) return 'verified';
  return 'ok';
}

/**
 * When taskState(task, t) may next differ from its value at `at` with nothing but the clock moving:
 * the first of its stall and reply deadlines still ahead of `at`, Infinity when none is. Either
 * deadline may not apply to the task; re-deriving it then changes nothing.
 */
export function timeStateChangesAt(task: UpgradeTask, at: number, timings: TaskTimings): number {
  let next = Number.POSITIVE_INFINITY;
  const stallAt = task.lastReceivedAt + timings.stalledAfterMs;
  if (stallAt > at) next = stallAt;
  if (task.publishedAt !== null) {
    const replyAt = task.publishedAt + timings.replyTimeoutMs;
    if (replyAt > at && replyAt < next) next = replyAt;
  }
  return next;
}

/** What the device last said of the task's course, apart from how far along it is and when. */
export function sameExecutionCourse(
  a: Pick<TaskExecution, 'status' | 'subStatusRaw' | 'step' | 'result'>,
  b: Pick<TaskExecution, 'status' | 'subStatusRaw' | 'step' | 'result'>,
): boolean {
  return a.status === b.status && a.subStatusRaw === b.subStatusRaw && a.step === b.step && a.result === b.result;
}

export function taskState(task: UpgradeTask, now: number, timings: TaskTimings): TaskState {
  if (task.command === 'rejected' && (task.execution === null || task.execution.status !== 'ok')) return 'rejected';
  const execution = task.execution;
  if (execution !== null) {
    if (execution.status === 'ok') return okState(task);
    if (task.terminal)
      return execution.status === 'sent' || execution.status === 'in_progress' || execution.status === 'paused'
        ? 'failed'
        : execution.status;
    return isStalled(task, now, timings) ? 'stalled' : execution.status;
  }
  if (task.command === 'no-reply' || isAwaitingReplyTooLong(task, now, timings)) return 'no-reply';
  if (isStalled(task, now, timings)) return 'stalled';
  return task.command ?? 'published';
}

/** 0..100 over both steps (download is the first half); terminal counts as complete. */
export function taskCompletion(task: UpgradeTask): number {
  if (task.terminal) return 100;
  const execution = task.execution;
  if (execution === null) return 0;
  if (execution.step === 'download_firmware') return execution.percent / 2;
  if (execution.step === 'upgrade_firmware') return 50 + execution.percent / 2;
  return execution.percent;
}

// How an upgrade ended, as the campaign orchestrator decides an attempt's outcome: a version
// mismatch ended ok (and is shown apart), no reply failed it.
const ENDED_WELL: ReadonlySet<TaskState> = new Set(['ok', 'verified', 'version-mismatch']);
const ENDED_BADLY: ReadonlySet<TaskState> = new Set(['failed', 'rejected', 'canceled', 'timeout', 'no-reply']);

/**
 * 0..100 toward the goal, for an overall percent: an upgrade that ended well counts whole, one that
 * failed not at all (an overall figure never reads 100% with failures), one still going by its
 * progress.
 */
export function taskOverallShare(task: UpgradeTask, state: TaskState): number {
  if (ENDED_WELL.has(state)) return 100;
  if (ENDED_BADLY.has(state)) return 0;
  return taskCompletion(task);
}

/** Download speed in bytes/s when the device reports one. */
export function taskRate(task: UpgradeTask): number | null {
  return task.execution?.rate ?? null;
}

function totalFileSize(task: UpgradeTask): number | null {
  let total = 0;
  for (const d of task.devices) {
    if (d.fileSize === undefined) return null;
    total += d.fileSize;
  }
  return total > 0 ? total : null;
}

/** percent per ms over the newest events of the current step, from device time (else arrival time). */
function percentSlope(task: UpgradeTask): number | null {
  const execution = task.execution;
  if (execution === null) return null;
  const same = task.events.filter((e) => e.step === execution.step && e.status === execution.status);
  const last = same.at(-1);
  const first = same.find((e) => last !== undefined && e.percent < last.percent);
  if (last === undefined || first === undefined) return null;
  const time = (e: typeof last): number => e.timestamp ?? e.receivedAt;
  const dt = time(last) - time(first);
  return dt > 0 ? (last.percent - first.percent) / dt : null;
}

/**
 * ms until the current step ends: from the download rate and the bytes left when the file size is
 * known, else from how fast percent has been rising. null when there is nothing to go on.
 */
export function taskEtaMs(task: UpgradeTask): number | null {
  const execution = task.execution;
  if (task.terminal || execution === null || execution.status === 'paused') return null;
  const left = 100 - execution.percent;
  const size = totalFileSize(task);
  const rate = execution.rate;
  if (execution.step === 'download_firmware' && size !== null && rate !== null && rate > 0) {
    return ((size * left) / 100 / rate) * 1000;
  }
  const slope = percentSlope(task);
  return slope !== null && slope > 0 ? left / slope : null;
}

export function emptyCounts(): Record<TaskState, number> {
  return Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
}

/** Counts per state and overall percent for a set of tasks (the whole table, or one campaign). */
export function summarizeTasks(tasks: Iterable<UpgradeTask>, now: number, timings: TaskTimings): TasksSummary {
  const counts = emptyCounts();
  let total = 0;
  let active = 0;
  let completion = 0;
  for (const task of tasks) {
    const state = taskState(task, now, timings);
    counts[state] += 1;
    total += 1;
    if (!task.terminal) active += 1;
    completion += taskOverallShare(task, state);
  }
  return { counts, total, active, overallPercent: total === 0 ? null : completion / total, computedAt: now };
}

export function summarizeTable(table: TaskTable, now: number, timings: TaskTimings): TasksSummary {
  return summarizeTasks(tasksInOrder(table), now, timings);
}
