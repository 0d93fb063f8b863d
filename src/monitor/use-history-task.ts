/** A task the live table does not hold, read from the history (a search result opened from the Monitor). */
import { useEffect, useState } from 'react';
import type { TaskHistoryReader } from '../tasks/tasks-history-context';
import type { UpgradeTask } from '../tasks/task-types';

export function useHistoryTask(history: TaskHistoryReader | null, bid: string, wanted: boolean): UpgradeTask | undefined {
  const [found, setFound] = useState<{ bid: string; task: UpgradeTask | null } | null>(null);
  useEffect(() => {
    if (history === null || !wanted) return undefined;
    let current = true;
    history.read(bid).then(
      (task) => current && setFound({ bid, task }),
      () => current && setFound({ bid, task: null }),
    );
    return () => {
      current = false;
    };
  }, [history, bid, wanted]);
  return wanted && found?.bid === bid ? (found.task ?? undefined) : undefined;
}
