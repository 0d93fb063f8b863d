/**
 * A gateway runs one upgrade at a time (a second ota_create gets result code 312014, already
 * upgrading), so once a newer task seen elsewhere reports progress on a gateway, any older open
 * task seen elsewhere on that gateway is over: it ends as superseded instead of staying active
 * forever. This also bounds a flood of progress with invented bids to one active task per gateway.
 * Tasks started here are never touched: their own replies and progress end them, and campaigns
 * rely on them.
 */
import { putTask, type TaskDraft } from './task-table.ts';
import type { UpgradeTask } from './task-types.ts';

function isOpenElsewhere(task: UpgradeTask): boolean {
  return task.origin === 'elsewhere' && !task.terminal;
}

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

/**
 * gateway -> positions in the draft's order of its open tasks seen elsewhere. Built on the first
 * need in a draft (one pass over the table, only in a batch where such a task starts), then
 * caught up with the bids appended since (bids are only ever appended to a draft's order).
 */
interface GatewayIndex {
  scanned: number;
  open: Map<string, number[]>;
}

const indexes = new WeakMap<TaskDraft, GatewayIndex>();

function indexOf(draft: TaskDraft): GatewayIndex {
  let index = indexes.get(draft);
  if (index === undefined) {
    index = { scanned: 0, open: new Map() };
    indexes.set(draft, index);
  }
  for (; index.scanned < draft.order.length; index.scanned++) {
    const task = draft.byBid.get(draft.order[index.scanned] ?? '');
    if (task === undefined || !isOpenElsewhere(task)) continue;
    const list = index.open.get(task.gateway);
    if (list === undefined) index.open.set(task.gateway, [index.scanned]);
    else list.push(index.scanned);
  }
  return index;
}

/** The open tasks seen elsewhere on `gateway`, from the draft's index (built once per draft). */
export function openElsewhereOn(draft: TaskDraft, gateway: string): UpgradeTask[] {
  const positions = indexOf(draft).open.get(gateway);
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
  const index = indexOf(draft);
  const positions = index.open.get(task.gateway);
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
  index.open.set(task.gateway, kept);
}
