/**
 * The task history (IndexedDB, tasks-history.ts) for components: the Monitor's search and the task
 * detail reach finished tasks the live table no longer holds through it. null (the default, and in
 * tests that provide none) means there is no history beyond the live table.
 */
import { createContext, useContext } from 'react';
import type { TaskHistory } from './tasks-history.ts';

/** The part of the history components use. */
export type TaskHistoryReader = Pick<TaskHistory, 'search' | 'read' | 'ofSn' | 'historyCapChanged'>;

const TaskHistoryContext = createContext<TaskHistoryReader | null>(null);

/** `<TaskHistoryProvider value={history}>` (a React 19 context is its own provider). */
export const TaskHistoryProvider = TaskHistoryContext;

export function useTaskHistory(): TaskHistoryReader | null {
  return useContext(TaskHistoryContext);
}
