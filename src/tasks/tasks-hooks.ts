/** React access to the task store: atomic selectors, one subscription per row. */
import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { filterTaskIds, selectSummary, selectTask, selectTaskIds, selectTimings, type TaskFilter } from './task-selectors.ts';
import type { TaskTable } from './task-table.ts';
import type { TaskTimings, TasksSummary, UpgradeTask } from './task-types.ts';
import { useTasksStore } from './tasks-context.ts';
import type { TasksState } from './tasks-state.ts';

/** Any selector over the task state; keep it atomic (a primitive, or a value the store keeps). */
export function useTasks<T>(selector: (state: TasksState) => T): T {
  return useStore(useTasksStore(), selector);
}

export function useTask(bid: string): UpgradeTask | undefined {
  return useStore(useTasksStore(), selectTask(bid));
}

/** All bids (oldest first), or those matching the filter; re-renders only when the list changes. */
export function useTaskIds(filter?: TaskFilter): readonly string[] {
  const store = useTasksStore();
  const all = useStore(store, selectTaskIds);
  const filtered = useStore(
    store,
    useShallow((state) => (filter === undefined ? null : filterTaskIds(state, filter))),
  );
  return filtered ?? all;
}

/** The whole table: for views that derive from every task at once (kiosk board, campaign rows). */
export function useTaskTable(): TaskTable {
  return useStore(useTasksStore(), (s) => s.table);
}

export function useTasksSummary(): TasksSummary {
  return useStore(useTasksStore(), selectSummary);
}

export function useTaskTimings(): TaskTimings {
  return useStore(useTasksStore(), selectTimings);
}

/**
 * Reads a task as the store holds it now, without subscribing: for lists rebuilt on their own
 * schedule (the Monitor's rows follow their tasks one by one).
 */
export function useTaskLookup(): (bid: string) => UpgradeTask | undefined {
  const store = useTasksStore();
  return useCallback((bid) => store.getState().table.byBid.get(bid), [store]);
}

/** Hands the configured stalled / no reply / verification timings to the store. */
export function useTaskTimingsChanged(): (timings: TaskTimings) => void {
  const store = useTasksStore();
  return useCallback((timings) => store.getState().timingsChanged(timings, Date.now()), [store]);
}

/**
 * Keeps derived states (stalled, no reply, verification deadlines) moving while no traffic
 * arrives. Mount it once on screens that show tasks.
 */
export function useTasksClock(intervalMs = 1_000): void {
  const store = useTasksStore();
  useEffect(() => {
    const timer = setInterval(() => store.getState().clockTicked(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, store]);
}
