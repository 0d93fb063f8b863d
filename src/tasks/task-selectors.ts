/**
 * Selectors over the store state. Anything that builds a new object is memoised per table version
 * so a component re-renders only when its answer changes.
 */
import { summarizeTasks } from './task-derived.ts';
import { tasksInOrder } from './task-table.ts';
import type { TaskTimings, TasksSummary, UpgradeTask } from './task-types.ts';
import type { TasksState } from './tasks-state.ts';

export const selectTask =
  (bid: string) =>
  (state: TasksState): UpgradeTask | undefined =>
    state.table.byBid.get(bid);

/** bids, oldest first: the same array until a task is added or removed. */
export const selectTaskIds = (state: TasksState): readonly string[] => state.table.order;

export const selectSummary = (state: TasksState): TasksSummary => state.summary;

export const selectTimings = (state: TasksState): TaskTimings => state.timings;

export interface TaskFilter {
  campaignId?: string;
  gateway?: string;
  origin?: UpgradeTask['origin'];
}

function matches(task: UpgradeTask, filter: TaskFilter): boolean {
  return (
    (filter.campaignId === undefined || task.campaignId === filter.campaignId) &&
    (filter.gateway === undefined || task.gateway === filter.gateway) &&
    (filter.origin === undefined || task.origin === filter.origin)
  );
}

/** bids of the tasks matching the filter, oldest first. Compare results with useShallow. */
export function filterTaskIds(state: TasksState, filter: TaskFilter): string[] {
  return tasksInOrder(state.table)
    .filter((task) => matches(task, filter))
    .map((task) => task.bid);
}

/** The gateway's current task (not terminal), if any: the upgrade screen marks it busy. */
export function selectActiveTaskBid(gateway: string) {
  return (state: TasksState): string | null => {
    for (let i = state.table.order.length - 1; i >= 0; i--) {
      const task = state.table.byBid.get(state.table.order[i] ?? '');
      if (task !== undefined && task.gateway === gateway && !task.terminal) return task.bid;
    }
    return null;
  };
}

/** Per table (a store's table is replaced whenever it changes), so two stores never share an answer. */
const campaignSummaries = new WeakMap<TasksState['table'], Map<string, { computedAt: number; summary: TasksSummary }>>();

/**
 * One campaign's summary, computed once per table and flush time (the same answer for every
 * component asking), with the clock of the last flush.
 */
export function selectCampaignSummary(campaignId: string) {
  return (state: TasksState): TasksSummary => {
    let byCampaign = campaignSummaries.get(state.table);
    if (byCampaign === undefined) campaignSummaries.set(state.table, (byCampaign = new Map()));
    const cached = byCampaign.get(campaignId);
    if (cached !== undefined && cached.computedAt === state.summary.computedAt) return cached.summary;
    const tasks = tasksInOrder(state.table).filter((task) => task.campaignId === campaignId);
    const summary = summarizeTasks(tasks, state.summary.computedAt, state.timings);
    byCampaign.set(campaignId, { computedAt: state.summary.computedAt, summary });
    return summary;
  };
}
