/**
 * A gateway runs one upgrade at a time (a second ota_create gets result code 312014, already
 * upgrading), so once a newer task seen elsewhere reports progress on a gateway, any older open
 * task seen elsewhere on that gateway is over: it ends as superseded instead of staying active
 * forever. This also bounds a flood of progress with invented bids to one active task per gateway.
 * Tasks started here are never touched: their own replies and progress end them, and campaigns
 * rely on them.
 */
import { isOpenElsewhere } from './elsewhere-index.ts';
import { putTask, type TaskDraft } from './task-table.ts';
import type { UpgradeTask } from './task-types.ts';

/** The task ended because `by` started after it on the same gateway. */
export function supersededTask(task: UpgradeTask, by: UpgradeTask, now: number): UpgradeTask {
  const execution = task.execution ?? {
    status: 'canceled' as const,
    subStatus: null,
    subStatusRaw: null,
    step: null,
    percent: 0,
    rate: null,
    result: 0,
    lastEventAt: null,
    lastAppliedAt: now,
  };
  return { ...task, execution: { ...execution, status: 'canceled' }, terminal: true, supersededBy: by.bid, finishedAt: by.createdAt };
}

/** Later start wins; the same start: the one learned later (the larger position in the order). */
function startedLater(a: UpgradeTask, aPos: number, b: UpgradeTask, bPos: number): boolean {
  return a.createdAt !== b.createdAt ? a.createdAt > b.createdAt : aPos > bPos;
}

/** The open tasks seen elsewhere on `gateway`. */
export function openElsewhereOn(draft: TaskDraft, gateway: string): UpgradeTask[] {
  const positions = draft.elsewhereIndex().positions(gateway);
  if (positions === undefined) return [];
  const tasks: UpgradeTask[] = [];
  for (const pos of positions) {
    const task = draft.byBid.get(draft.order[pos] ?? '');
    if (task !== undefined && isOpenElsewhere(task)) tasks.push(task);
  }
  return tasks;
}

/**
 * Called when `task` (seen elsewhere, now with progress) was just stored in the draft: ends every
 * open task seen elsewhere on its gateway that started before it; if one started after it and
 * already reports progress, `task` itself is the stale one and ends.
 */
export function supersedeOnGateway(draft: TaskDraft, task: UpgradeTask, now: number): void {
  if (!isOpenElsewhere(task) || task.execution === null) return;
  const index = draft.elsewhereIndex();
  const positions = index.positions(task.gateway);
  if (positions === undefined || positions.length < 2) return;
  const entries: { task: UpgradeTask; pos: number }[] = [];
  for (const pos of positions) {
    const current = draft.byBid.get(draft.order[pos] ?? '');
    if (current !== undefined && isOpenElsewhere(current)) entries.push({ task: current, pos });
  }
  // The newest start the gateway is actually working on (progress seen) decides; an ota_create
  // alone may still be refused as busy, so it supersedes nothing.
  let winner: { task: UpgradeTask; pos: number } | null = null;
  for (const entry of entries) {
    if (entry.task.execution !== null && (winner === null || startedLater(entry.task, entry.pos, winner.task, winner.pos))) winner = entry;
  }
  const kept: number[] = [];
  for (const entry of entries) {
    if (winner !== null && entry !== winner && startedLater(winner.task, winner.pos, entry.task, entry.pos)) {
      putTask(draft, supersededTask(entry.task, winner.task, now));
    } else kept.push(entry.pos);
  }
  index.set(task.gateway, kept);
}
