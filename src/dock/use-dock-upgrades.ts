/** A gateway's upgrades: the live table as it changes, plus what the stored history holds for it (read once per gateway). */
import { useEffect, useMemo, useState } from 'react';
import { useNow } from '../ui/clock.ts';
import type { UpgradeTask } from '../tasks/task-types.ts';
import { useTaskTable, useTaskTimings } from '../tasks/tasks-hooks.ts';
import { useTaskHistory } from '../tasks/tasks-history-context.ts';
import { dockUpgrades, type DockUpgrade } from './dock-upgrades.ts';

export type StoredHistory = 'none' | 'reading' | 'read' | 'failed';

export interface DockUpgradesView {
  upgrades: DockUpgrade[];
  stored: StoredHistory;
}

const NO_TASKS: readonly UpgradeTask[] = [];

export function useDockUpgrades(sn: string): DockUpgradesView {
  const history = useTaskHistory();
  const [read, setRead] = useState<{ sn: string; tasks: readonly UpgradeTask[]; failed: boolean } | null>(null);
  useEffect(() => {
    if (history === null) return undefined;
    let current = true;
    history.ofSn(sn).then(
      (tasks) => current && setRead({ sn, tasks, failed: false }),
      () => current && setRead({ sn, tasks: NO_TASKS, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [history, sn]);
  const table = useTaskTable();
  const timings = useTaskTimings();
  const now = useNow();
  const mine = read?.sn === sn ? read : null;
  const storedTasks = mine?.tasks ?? NO_TASKS;
  const live = useMemo(() => [...table.byBid.values()].filter((task) => task.gateway === sn), [table, sn]);
  const upgrades = useMemo(() => dockUpgrades(sn, live, storedTasks, now, timings), [sn, live, storedTasks, now, timings]);
  const stored: StoredHistory = history === null ? 'none' : mine === null ? 'reading' : mine.failed ? 'failed' : 'read';
  return { upgrades, stored };
}
