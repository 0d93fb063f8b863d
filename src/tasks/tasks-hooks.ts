/** React access to the task store: atomic selectors, one subscription per row. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { filterTaskIds, selectCampaignSummary, selectSummary, selectTask, selectTaskIds, selectTimings, type TaskFilter } from './task-selectors.ts';
import type { TaskTimings, TasksSummary, UpgradeTask } from './task-types.ts';
import { tasksStore, type TasksStore } from './tasks-store.ts';

export function useTask(bid: string, store: TasksStore = tasksStore): UpgradeTask | undefined {
  return useStore(store, selectTask(bid));
}

/** All bids (oldest first), or those matching the filter; re-renders only when the list changes. */
export function useTaskIds(filter?: TaskFilter, store: TasksStore = tasksStore): readonly string[] {
  const all = useStore(store, selectTaskIds);
  const filtered = useStore(
    store,
    useShallow((state) => (filter === undefined ? null : filterTaskIds(state, filter))),
  );
  return filtered ?? all;
}

export function useTasksSummary(store: TasksStore = tasksStore): TasksSummary {
  return useStore(store, selectSummary);
}

export function useCampaignSummary(campaignId: string, store: TasksStore = tasksStore): TasksSummary {
  return useStore(store, selectCampaignSummary(campaignId));
}

export function useTaskTimings(store: TasksStore = tasksStore): TaskTimings {
  return useStore(store, selectTimings);
}

/**
 * Keeps derived states (stalled, no reply, verification deadlines) moving while no traffic
 * arrives. Mount it once on screens that show tasks.
 */
export function useTasksClock(intervalMs = 1_000, store: TasksStore = tasksStore): void {
  useEffect(() => {
    const timer = setInterval(() => store.getState().clockTicked(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, store]);
}
