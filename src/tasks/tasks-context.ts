/**
 * The tasks store reaches components through this context, never as a module singleton: the app's
 * bootstrap provides the page's store, a test provides its own.
 */
import { createContext, useContext } from 'react';
import type { TasksStore } from './tasks-state.ts';

const TasksStoreContext = createContext<TasksStore | null>(null);

/** `<TasksStoreProvider value={store}>` (a React 19 context is its own provider). */
export const TasksStoreProvider = TasksStoreContext;

export function useTasksStore(): TasksStore {
  const store = useContext(TasksStoreContext);
  if (store === null) throw new Error('useTasksStore needs a <TasksStoreProvider> above it');
  return store;
}
