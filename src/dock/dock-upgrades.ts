/**
 * A dock's upgrades, from the live task table and the stored history together (the live copy of a
 * task wins: it is the newer), and the firmware versions its devices went through. Pure.
 */
import { taskState } from '../tasks/task-derived.ts';
import { taskResultCode } from '../tasks/task-status-text.ts';
import type { TaskState, TaskTimings, UpgradeTask } from '../tasks/task-types.ts';

export interface DockUpgrade {
  task: UpgradeTask;
  state: TaskState;
  /** When the command went out (or the task was first seen, for one started elsewhere). */
  startedAt: number;
  /** null while it runs. */
  endedAt: number | null;
  /** Start to end, null while it runs. Device and console clocks differ: never below 0. */
  durationMs: number | null;
  resultCode: number | null;
}

export interface VersionChange {
  deviceSn: string;
  modelKey?: string;
  from: string | null;
  to: string;
  at: number;
  bid: string;
  /** The device reported the new version afterwards (verified), another one (mismatch), or not yet. */
  verification: 'verified' | 'version-mismatch' | 'pending' | null;
}

const startOf = (task: UpgradeTask): number => task.publishedAt ?? task.createdAt;

/** Every task of the gateway, newest first, each once. */
export function dockUpgrades(
  gateway: string,
  live: Iterable<UpgradeTask>,
  stored: readonly UpgradeTask[],
  now: number,
  timings: TaskTimings,
): DockUpgrade[] {
  const byBid = new Map<string, UpgradeTask>();
  for (const task of stored) if (task.gateway === gateway) byBid.set(task.bid, task);
  for (const task of live) if (task.gateway === gateway) byBid.set(task.bid, task);
  return [...byBid.values()]
    .sort((a, b) => b.createdAt - a.createdAt || (a.bid < b.bid ? -1 : 1))
    .map((task) => {
      const startedAt = startOf(task);
      const endedAt = task.terminal ? (task.finishedAt ?? task.lastReceivedAt) : null;
      return {
        task,
        state: taskState(task, now, timings),
        startedAt,
        endedAt,
        durationMs: endedAt === null ? null : Math.max(0, endedAt - startedAt),
        resultCode: taskResultCode(task),
      };
    });
}

const SUCCEEDED: ReadonlySet<TaskState> = new Set(['ok', 'verified', 'version-mismatch']);

/** The versions each device was upgraded to by a successful upgrade, newest first. */
export function versionHistory(upgrades: readonly DockUpgrade[]): VersionChange[] {
  return upgrades.flatMap((upgrade) => {
    if (!SUCCEEDED.has(upgrade.state)) return [];
    return upgrade.task.devices.flatMap((device): VersionChange[] =>
      device.targetVersion === undefined
        ? []
        : [
            {
              deviceSn: device.sn,
              modelKey: device.modelKey,
              from: device.fromVersion ?? null,
              to: device.targetVersion,
              at: upgrade.endedAt ?? upgrade.startedAt,
              bid: upgrade.task.bid,
              verification: device.verification,
            },
          ],
    );
  });
}
