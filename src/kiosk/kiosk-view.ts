/**
 * What the wallboard shows, derived from the task table and the clock: the filtered tasks' figures,
 * one card per device of every active task, and the newest failures with a reason people can read.
 * Pure, so the filter and the picks are tested without a screen.
 */
import { summarizeTasks, taskEtaMs, taskState } from '../tasks/task-derived';
import { taskFailure, type TaskFailure } from '../tasks/task-failure';
import { taskStatusLabel } from '../tasks/task-status-text';
import { tasksInOrder, type TaskTable } from '../tasks/task-table';
import type { TaskState, TaskTimings, UpgradeTask } from '../tasks/task-types';

export interface DeviceCard {
  /** bid + device SN: stable across updates, so cards keep their place and React keys. */
  key: string;
  bid: string;
  sn: string;
}

export interface KioskFigures {
  inProgress: number;
  ok: number;
  verified: number;
  /** Succeeded tasks whose target version is known: the ones a version report can verify. */
  checkable: number;
  /** Succeeded tasks with no known target version (seen only as events): never verifiable here. */
  uncheckable: number;
  failed: number;
  timeout: number;
  canceled: number;
  rejected: number;
  stalled: number;
  total: number;
  /** 0..100 over the shown tasks, null without tasks. */
  overallPercent: number | null;
  /** ms until the slowest active task finishes its current step; null when nothing to go on. */
  etaMs: number | null;
}

export interface KioskFailure {
  bid: string;
  gateway: string;
  /** The device SNs of the task, for people looking for their dock. */
  devices: readonly string[];
  state: TaskState;
  /** The task, for the board to word label and reason in its language (use-task-words.ts). */
  task: UpgradeTask;
  /** The status word in English, e.g. "Failed". */
  label: string;
  /** Why, and what to do next, as data (src/tasks/task-failure.ts): the board words it in its language. */
  failure: TaskFailure | null;
  at: number;
}

export const RECENT_FAILURES_MAX = 8;
/** A failure older than this is history, not news for the operations room. */
export const RECENT_FAILURE_WINDOW_MS = 24 * 60 * 60 * 1000;

const FAILURE_STATES: ReadonlySet<TaskState> = new Set<TaskState>(['failed', 'rejected', 'canceled', 'timeout', 'version-mismatch']);

/** Tasks of gateways whose SN starts with the prefix and of the campaign (all when null), oldest first. */
export function tasksForBoard(table: TaskTable, gatewayPrefix: string | null, campaignId: string | null = null): UpgradeTask[] {
  const tasks = tasksInOrder(table);
  if (gatewayPrefix === null && campaignId === null) return tasks;
  return tasks.filter(
    (task) => (gatewayPrefix === null || task.gateway.startsWith(gatewayPrefix)) && (campaignId === null || task.campaignId === campaignId),
  );
}

/** One card per device of each task still running, in task order so pages do not reshuffle. */
export function activeDeviceCards(tasks: readonly UpgradeTask[]): DeviceCard[] {
  const cards: DeviceCard[] = [];
  for (const task of tasks) {
    if (task.terminal) continue;
    for (const device of task.devices) cards.push({ key: `${task.bid}\u0000${device.sn}`, bid: task.bid, sn: device.sn });
  }
  return cards;
}

export function kioskFigures(tasks: readonly UpgradeTask[], now: number, timings: TaskTimings): KioskFigures {
  const summary = summarizeTasks(tasks, now, timings);
  const { counts } = summary;
  let etaMs: number | null = null;
  let checkable = 0;
  let uncheckable = 0;
  for (const task of tasks) {
    const eta = taskEtaMs(task);
    if (eta !== null && (etaMs === null || eta > etaMs)) etaMs = eta;
    if (task.terminal && task.execution?.status === 'ok') {
      if (task.devices.some((d) => d.targetVersion !== undefined)) checkable++;
      else uncheckable++;
    }
  }
  return {
    inProgress: summary.active - counts.stalled,
    ok: counts.ok,
    verified: counts.verified,
    checkable,
    uncheckable,
    failed: counts.failed + counts.timeout + counts.canceled,
    timeout: counts.timeout,
    canceled: counts.canceled,
    rejected: counts.rejected,
    stalled: counts.stalled,
    total: summary.total,
    overallPercent: summary.overallPercent,
    etaMs,
  };
}

/**
 * Since when the board can vouch for "no failures": it sees failures only while open, so the
 * moment it opened, unless that is longer ago than the failure window (then the whole window).
 * Null means the whole window.
 */
export function watchingSince(openedAt: number, now: number): number | null {
  return now - openedAt >= RECENT_FAILURE_WINDOW_MS ? null : openedAt;
}

/** The newest failures within the window, newest first. */
export function recentFailures(
  tasks: readonly UpgradeTask[],
  now: number,
  timings: TaskTimings,
  max = RECENT_FAILURES_MAX,
): KioskFailure[] {
  const failures: KioskFailure[] = [];
  for (const task of tasks) {
    const state = taskState(task, now, timings);
    if (!FAILURE_STATES.has(state)) continue;
    const at = task.finishedAt ?? task.lastReceivedAt;
    if (now - at > RECENT_FAILURE_WINDOW_MS) continue;
    failures.push({
      bid: task.bid,
      gateway: task.gateway,
      devices: task.devices.map((d) => d.sn),
      state,
      task,
      label: state === 'version-mismatch' ? 'Version mismatch' : taskStatusLabel(task),
      failure: taskFailure(task, state),
      at,
    });
  }
  failures.sort((a, b) => b.at - a.at);
  return failures.slice(0, max);
}
