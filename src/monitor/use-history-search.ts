/**
 * The Monitor's search over the whole task history (IndexedDB), beside the live rows it filters in
 * memory: asked a moment after typing stops, and only the newest answer counts.
 */
import { useEffect, useState } from 'react';
import type { TaskHistoryReader } from '../tasks/tasks-history-context';
import type { UpgradeTask } from '../tasks/task-types';

export type HistorySearch = { status: 'idle' } | { status: 'searching' } | { status: 'done'; tasks: readonly UpgradeTask[] };

/** Typing pauses this long before the history is asked. */
export const HISTORY_SEARCH_DELAY_MS = 250;

export function useHistorySearch(history: TaskHistoryReader | null, text: string, delayMs = HISTORY_SEARCH_DELAY_MS): HistorySearch {
  const needle = text.trim();
  const [answer, setAnswer] = useState<{ needle: string; tasks: readonly UpgradeTask[] } | null>(null);
  useEffect(() => {
    if (history === null || needle === '') return undefined;
    let current = true;
    const timer = setTimeout(() => {
      history.search(needle).then(
        (tasks) => current && setAnswer({ needle, tasks }),
        () => current && setAnswer({ needle, tasks: [] }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [history, needle, delayMs]);
  if (history === null || needle === '') return { status: 'idle' };
  if (answer?.needle !== needle) return { status: 'searching' };
  return { status: 'done', tasks: answer.tasks };
}
