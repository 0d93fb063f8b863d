/**
 * The collection of tasks, immutable from the outside. Reducers work on a draft whose writes go to
 * a small layer over the table's Map (layered-map.ts), so a batch of hundreds of events over
 * 10,000 tasks copies neither the Map nor anything per message.
 */
import { MapDraft } from '../lib/layered-map.ts';
import { ElsewhereIndexDraft, indexOfVersion, isOpenElsewhere, keepIndexFor, type ElsewhereIndex } from './elsewhere-index.ts';
import { MAX_ACTIVE_ELSEWHERE, type UpgradeTask } from './task-types.ts';

export interface TaskTable {
  readonly byBid: ReadonlyMap<string, UpgradeTask>;
  /** bids, oldest task first. */
  readonly order: readonly string[];
}

export const EMPTY_TASK_TABLE: TaskTable = Object.freeze({ byBid: new Map<string, UpgradeTask>(), order: Object.freeze([]) });

export interface TaskDraft {
  /** Reads see the draft's writes; `touched` lists the bids written. */
  readonly byBid: MapDraft<string, UpgradeTask>;
  /** bids, oldest first: the table's own array until the draft adds a task. */
  readonly order: readonly string[];
  /** Adds a bid at the end of the order (the first one copies the table's array). */
  appendBid(bid: string): void;
  /** Open tasks seen elsewhere by gateway (elsewhere-index.ts), caught up with the draft's order. */
  elsewhereIndex(): ElsewhereIndexDraft;
  /** What the next version's index is: the draft's own when it used one, else its table's. */
  carriedIndex(): ElsewhereIndex | undefined;
  changed: boolean;
}

/**
 * A batch of progress adds no task, and copying a 10,000-bid order for each of sixty batches a
 * second only made garbage: the order is copied when the first new bid comes.
 */
class Draft implements TaskDraft {
  readonly byBid: MapDraft<string, UpgradeTask>;
  changed = false;
  readonly #table: TaskTable;
  readonly #shared: readonly string[];
  #own: string[] | null = null;
  #elsewhere: ElsewhereIndexDraft | null = null;

  constructor(table: TaskTable) {
    this.byBid = new MapDraft(table.byBid);
    this.#table = table;
    this.#shared = table.order;
  }

  elsewhereIndex(): ElsewhereIndexDraft {
    this.#elsewhere ??= new ElsewhereIndexDraft(indexOfVersion(this.#table.byBid));
    this.#elsewhere.catchUp(this.byBid, this.order);
    return this.#elsewhere;
  }

  carriedIndex(): ElsewhereIndex | undefined {
    return this.#elsewhere?.freeze() ?? indexOfVersion(this.#table.byBid);
  }

  get order(): readonly string[] {
    return this.#own ?? this.#shared;
  }

  appendBid(bid: string): void {
    this.#own ??= [...this.#shared];
    this.#own.push(bid);
  }
}

export function draftOf(table: TaskTable): TaskDraft {
  return new Draft(table);
}

/** The table back from a draft; the same object when nothing changed, so subscribers stay quiet. */
export function tableOf(draft: TaskDraft, original: TaskTable): TaskTable {
  if (!draft.changed) return original;
  // Unless a task was added the order is the table's own array: the monitor's id list (compared
  // element by element) sees no change on a progress-only frame.
  const table = { byBid: draft.byBid.freeze(), order: draft.order };
  const index = draft.carriedIndex();
  if (index !== undefined) keepIndexFor(table.byBid, index);
  return table;
}

/** Stores a task; new bids go to the end of the order. A task equal by reference is no change. */
export function putTask(draft: TaskDraft, task: UpgradeTask): void {
  const previous = draft.byBid.get(task.bid);
  if (previous === task) return;
  if (previous === undefined) draft.appendBid(task.bid);
  draft.byBid.set(task.bid, task);
  draft.changed = true;
}

/** Runs draft-based steps as one pure table -> table function. */
export function withDraft(table: TaskTable, step: (draft: TaskDraft) => void): TaskTable {
  const draft = draftOf(table);
  step(draft);
  return tableOf(draft, table);
}

/** The gateway's most recent task that is not terminal; a gateway runs one upgrade at a time. */
export function activeTaskOf(byBid: ReadonlyMap<string, UpgradeTask>, order: readonly string[], gateway: string): UpgradeTask | null {
  for (let i = order.length - 1; i >= 0; i--) {
    const task = byBid.get(order[i] ?? '');
    if (task !== undefined && task.gateway === gateway && !task.terminal) return task;
  }
  return null;
}

/** The task whose ota_create carried this tid (newest first). */
export function taskByTid(byBid: ReadonlyMap<string, UpgradeTask>, order: readonly string[], tid: string): UpgradeTask | null {
  for (let i = order.length - 1; i >= 0; i--) {
    const task = byBid.get(order[i] ?? '');
    if (task !== undefined && task.tid === tid) return task;
  }
  return null;
}

/** Active tasks seen elsewhere, the longest silent first, beyond `cap`: what a flood of invented bids leaves. */
function silentElsewhereBeyond(table: TaskTable, cap: number, drop: Set<string>): void {
  const active: UpgradeTask[] = [];
  for (const task of table.byBid.values()) {
    if (isOpenElsewhere(task) && !drop.has(task.bid)) active.push(task);
  }
  if (active.length <= cap) return;
  active.sort((a, b) => a.lastReceivedAt - b.lastReceivedAt);
  for (const task of active.slice(0, active.length - cap)) drop.add(task.bid);
}

/**
 * Keeps at most `max` tasks: the oldest terminal ones go first. Active tasks started here are never
 * dropped (campaigns rely on them, and they are bounded by what the operator sends). Active tasks
 * seen elsewhere are bounded by the fleet (one per gateway, see task-supersede.ts) and, against
 * invented gateways, by `maxActiveElsewhere`: beyond it the longest silent go.
 */
export function pruneTable(table: TaskTable, max: number, maxActiveElsewhere: number = MAX_ACTIVE_ELSEWHERE): TaskTable {
  const excess = table.order.length - max;
  if (excess <= 0) return table;
  const drop = new Set<string>();
  for (const bid of table.order) {
    if (drop.size >= excess) break;
    if (table.byBid.get(bid)?.terminal === true) drop.add(bid);
  }
  if (table.order.length - drop.size > maxActiveElsewhere) silentElsewhereBeyond(table, maxActiveElsewhere, drop);
  if (drop.size === 0) return table;
  const byBid = new Map(table.byBid);
  for (const bid of drop) byBid.delete(bid);
  return { byBid, order: table.order.filter((bid) => !drop.has(bid)) };
}

export function tasksInOrder(table: TaskTable): UpgradeTask[] {
  const tasks: UpgradeTask[] = [];
  for (const bid of table.order) {
    const task = table.byBid.get(bid);
    if (task !== undefined) tasks.push(task);
  }
  return tasks;
}
