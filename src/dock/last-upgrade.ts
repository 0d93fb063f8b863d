/**
 * Each gateway's newest task, indexed once per task table (the table is replaced on every change),
 * so a Fleet row asks in O(1) instead of scanning every task.
 */
import type { TaskTable } from '../tasks/task-table.ts';
import type { UpgradeTask } from '../tasks/task-types.ts';

const index = new WeakMap<TaskTable['byBid'], ReadonlyMap<string, UpgradeTask>>();

function newestByGateway(table: TaskTable): ReadonlyMap<string, UpgradeTask> {
  const cached = index.get(table.byBid);
  if (cached !== undefined) return cached;
  const newest = new Map<string, UpgradeTask>();
  for (const task of table.byBid.values()) {
    const held = newest.get(task.gateway);
    if (held === undefined || task.createdAt > held.createdAt) newest.set(task.gateway, task);
  }
  index.set(table.byBid, newest);
  return newest;
}

/** The gateway's most recently created task in the live table, if it has one. */
export function lastTaskOf(table: TaskTable, gateway: string): UpgradeTask | undefined {
  return newestByGateway(table).get(gateway);
}
