/**
 * The task store's shape, apart from its factory (tasks-store.ts): persistence and selectors take
 * a store without importing the module that makes one.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Decoded } from '../protocol/messages.ts';
import type { TaskTable } from './task-table.ts';
import type { NewTaskInput, TaskTimings, TasksSummary } from './task-types.ts';

export interface TasksState {
  table: TaskTable;
  /** Bumped whenever the table changes: memoised selectors key on it. */
  version: number;
  /**
   * The bids the change that made `table` touched (a batch's), or null when it may have touched
   * any (restored, merged, pruned, cleared...): a subscriber can follow 10,000 tasks by the few a
   * frame changed instead of reading them all.
   */
  changedBids: ReadonlySet<string> | null;
  summary: TasksSummary;
  timings: TaskTimings;
  /** Everything the broker delivered since the last flush (one call per animation frame). */
  batchReceived(batch: readonly Decoded[], now: number): void;
  /** Time passed without traffic: stalled, no reply and verification deadlines move on. */
  clockTicked(now: number): void;
  taskCreated(input: NewTaskInput, now: number): void;
  /**
   * Campaign records read from the broker name the devices and versions of tasks another console
   * started: those tasks (now, or once their first message arrives) get them (task-describe.ts).
   */
  tasksDescribed(inputs: readonly NewTaskInput[], now: number): void;
  taskPublished(bid: string, now: number): void;
  /** A campaign's record says the dock accepted this command before this console listened. */
  taskAcceptedEarlier(bid: string, now: number): void;
  replyTimedOut(bid: string, now: number): void;
  timingsChanged(timings: Partial<TaskTimings>, now: number): void;
  /** Tasks read back from storage; live tasks win over restored ones with the same bid. */
  tasksRestored(table: TaskTable, now: number): void;
  /** Another tab stored its tasks: each bid merged with ours (tasks-merge.ts), new ones added. */
  tasksMerged(other: TaskTable, now: number): void;
  /** Forget finished tasks (active ones stay). */
  finishedTasksCleared(now: number): void;
}

export type TasksStore = StoreApi<TasksState>;
