/**
 * Tasks survive a reload, and finished ones stay findable: every task is a record in IndexedDB
 * (task-records.ts), written when it changes, while the live table in memory stays bounded
 * (MAX_TASKS) for the frame rate. On start the open tasks and the newest finished ones are restored;
 * the rest of the history is reached by search(). The history keeps at most `historyCap` finished
 * tasks, dropping the oldest finished first.
 *
 * Nothing here runs per message: a table change only schedules the kit's next write, and the keys
 * to write are found then, by comparing the table with what was last written (tasks are immutable,
 * so a changed task is a different object). A change of progress only (percent, rate, the event
 * log) is written at most once a minute per task; a new status, step or result at once; pagehide
 * writes everything.
 *
 * Other tabs write the same records. When one did, the kit names the keys; those records are read
 * and merged into the store with the merge rules of tasks-merge.ts, and a merged task that holds
 * facts the stored record lacks is written back, so both tabs converge.
 */
import { ChangePacer } from '../lib/persist/change-pacer.ts';
import type { PersistKit, RecordCollection } from '../lib/persist/persist-kit.ts';
import { snSearchKey, TASK_FACTS, TASK_INDEX, taskFromRecord, taskRecord, TASKS_STORE } from './task-records.ts';
import { tasksInOrder, type TaskTable } from './task-table.ts';
import { MAX_TASKS, type UpgradeTask } from './task-types.ts';
import { readLegacyTasks, removeLegacyTasks, type LegacyStorage } from './tasks-legacy-storage.ts';
import { sameFacts } from './tasks-merge.ts';
import type { TasksStore } from './tasks-state.ts';

/** Finished tasks kept in the history unless the settings say otherwise. */
export const DEFAULT_HISTORY_CAP = 100_000;
/** How often the history is trimmed to its cap (and once after the start). */
export const HISTORY_PRUNE_EVERY_MS = 60_000;
/** Tasks a history search returns at most. */
export const HISTORY_SEARCH_LIMIT = 200;
/** Tasks of one SN (a dock's page) read at most. */
export const SN_HISTORY_LIMIT = 2_000;

export interface IntervalTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realIntervals: IntervalTimers = {
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};

export interface TaskHistoryOptions {
  historyCap?: number;
  /** Finished tasks restored into the live table at most (every open task is restored). */
  restoreLimit?: number;
  now?: () => number;
  intervals?: IntervalTimers;
  /** The previous version's localStorage: its tasks move into the history on the first start. */
  legacy?: LegacyStorage | null;
}

export interface TaskHistory {
  /** Resolves once the stored (and moved) tasks are in the store. */
  readonly ready: Promise<void>;
  /** Tasks in the whole history with an SN (gateway or device) starting with `text`, newest first. */
  search(text: string, limit?: number): Promise<UpgradeTask[]>;
  /** One task of the history by bid (null when it has none). */
  read(bid: string): Promise<UpgradeTask | null>;
  /** Tasks in the whole history naming exactly this SN (as gateway or device), newest first. */
  ofSn(sn: string, limit?: number): Promise<UpgradeTask[]>;
  historyCapChanged(cap: number): void;
  /** Drops the oldest finished tasks beyond the cap; how many went. */
  prune(): Promise<number>;
  /** Writes what changed now (pagehide does this too); resolves once written. */
  flush(): Promise<void>;
  stop(): void;
}

function tableOf(tasks: readonly UpgradeTask[]): TaskTable {
  const sorted = [...tasks].sort((a, b) => a.createdAt - b.createdAt);
  const byBid = new Map<string, UpgradeTask>();
  for (const task of sorted) if (!byBid.has(task.bid)) byBid.set(task.bid, task);
  return { byBid, order: [...byBid.keys()] };
}

export function connectTaskHistory(store: TasksStore, kit: PersistKit, options: TaskHistoryOptions = {}): TaskHistory {
  const { restoreLimit = MAX_TASKS, now = Date.now, intervals = realIntervals, legacy = null } = options;
  let cap = options.historyCap ?? DEFAULT_HISTORY_CAP;
  /**
   * Task objects written or read back. Tasks are immutable, so a task object in the table that is
   * not in here is a change; weak, so the versions the table moved past are not kept alive (at
   * 10,000 upgrading gateways that is a whole second copy of the table).
   */
  const written = new WeakSet<UpgradeTask>();
  /** Per bid, the version marked to be written and not taken yet: the table may let it go meanwhile. */
  const marked = new Map<string, UpgradeTask>();
  /** The table last compared (weakly, for the same reason). */
  let diffedFrom: WeakRef<ReadonlyMap<string, UpgradeTask>> | null = null;
  let stopped = false;

  /** Progress-only changes are written at a slower pace than the rest (change-pacer.ts). */
  const pacer = new ChangePacer(TASK_FACTS);

  const collection: RecordCollection<UpgradeTask> = kit.collection({
    store: TASKS_STORE,
    encode: taskRecord,
    decode: taskFromRecord,
    // A task the live table let go since it was marked is written as it was then; never deleted.
    current: (bid) => {
      const task = store.getState().table.byBid.get(bid) ?? marked.get(bid) ?? null;
      marked.delete(bid);
      if (task !== null) {
        written.add(task);
        pacer.written(bid, task, now());
      }
      return task;
    },
    dirtyKeys(full) {
      const { byBid } = store.getState().table;
      // The same table holds nothing new, unless some of it was held back last time.
      if (diffedFrom?.deref() === byBid && !pacer.holding && !full) return [];
      diffedFrom = new WeakRef(byBid);
      pacer.beginAsk();
      const at = now();
      const dirty: string[] = [];
      byBid.forEach((task, bid) => {
        if (written.has(task) || marked.get(bid) === task) return;
        if (!pacer.due(bid, task, at, full)) return;
        marked.set(bid, task);
        dirty.push(bid);
      });
      pacer.retain((bid) => byBid.has(bid) || marked.has(bid), byBid.size);
      return dirty;
    },
    askAgainIn: () => pacer.askAgainIn(),
  });

  /** Tasks read from storage go into the store; those the store then holds unchanged need no write. */
  function noteStored(tasks: readonly UpgradeTask[]): void {
    const { byBid } = store.getState().table;
    const at = now();
    for (const stored of tasks) {
      const held = byBid.get(stored.bid);
      if (held === undefined || (held !== stored && !sameFacts(held, stored))) continue;
      written.add(held);
      pacer.written(held.bid, held, at);
    }
  }

  async function moveLegacy(): Promise<void> {
    if (legacy === null) return;
    const table = readLegacyTasks(legacy);
    if (table === null) return;
    if (kit.status.mode !== 'indexeddb') {
      // No IndexedDB: the old tasks are shown from memory and stay where they are for a later start.
      store.getState().tasksRestored(table, now());
      return;
    }
    await collection.putAll(tasksInOrder(table), (task) => task.bid, { onlyNew: true });
    if (kit.status.mode === 'indexeddb') removeLegacyTasks(legacy);
  }

  async function restore(): Promise<void> {
    await moveLegacy();
    const open = await collection.readIndex(TASK_INDEX.open);
    const newest = await collection.readIndex(TASK_INDEX.createdAt, { direction: 'prev', limit: restoreLimit });
    if (stopped) return;
    const tasks = [...open.values, ...newest.values];
    if (tasks.length === 0) return;
    store.getState().tasksRestored(tableOf(tasks), now());
    noteStored(tasks);
  }

  async function prune(): Promise<number> {
    const finished = await collection.count(TASK_INDEX.finishedAt);
    return finished > cap ? collection.deleteOldest(TASK_INDEX.finishedAt, cap) : 0;
  }

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.table !== previous.table) collection.changed();
  });

  const unsubscribeRemote = collection.onRemoteChange((keys) => {
    void collection.readKeys(keys).then(({ values }) => {
      if (stopped || values.length === 0) return;
      store.getState().tasksMerged(tableOf(values), now());
      noteStored(values);
    });
  });

  const ready = restore().catch(() => undefined);
  let pruneHandle: unknown = null;
  void ready.then(() => {
    if (stopped) return;
    void prune();
    pruneHandle = intervals.setInterval(() => void prune(), HISTORY_PRUNE_EVERY_MS);
  });

  return {
    ready,
    async search(text, limit = HISTORY_SEARCH_LIMIT) {
      const needle = snSearchKey(text);
      if (needle === '') return [];
      // A task with two matching SNs is in the index twice.
      const { values } = await collection.readIndex(TASK_INDEX.sns, { prefix: needle, limit: limit * 3 });
      const byBid = new Map<string, UpgradeTask>();
      for (const task of values) byBid.set(task.bid, task);
      // Like the live table, a needle inside an SN matches too: the index's distinct SNs are read
      // (keys only) when the prefix alone did not fill the page.
      if (byBid.size < limit) {
        const inner = await collection.indexKeys(TASK_INDEX.sns, (sn) => sn.includes(needle) && !sn.startsWith(needle), limit);
        for (const sn of inner) {
          if (byBid.size >= limit) break;
          const found = await collection.readIndex(TASK_INDEX.sns, { range: sn, limit });
          for (const task of found.values) byBid.set(task.bid, task);
        }
      }
      return [...byBid.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
    },
    async read(bid) {
      return (await collection.readKeys([bid])).values[0] ?? null;
    },
    async ofSn(sn, limit = SN_HISTORY_LIMIT) {
      const key = snSearchKey(sn);
      if (key === '') return [];
      const { values } = await collection.readIndex(TASK_INDEX.sns, { range: key, limit });
      return values.sort((a, b) => b.createdAt - a.createdAt);
    },
    historyCapChanged(next) {
      if (next === cap) return;
      cap = next;
      void prune();
    },
    prune,
    flush: () => kit.flush(),
    stop() {
      stopped = true;
      unsubscribeStore();
      unsubscribeRemote();
      if (pruneHandle !== null) intervals.clearInterval(pruneHandle);
    },
  };
}
