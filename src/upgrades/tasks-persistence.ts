/**
 * Tasks survive a reload: a bounded, versioned copy in localStorage, written at most once per
 * debounce period (never per message) and when the page is hidden. Reading never throws: corrupt
 * or unknown data means an empty (or partial) history.
 */
import type { TaskTable } from './task-table.ts';
import { MAX_TASKS, type TaskEvent, type UpgradeTask } from './task-types.ts';
import { STORAGE_FORMAT_VERSION, storedTaskSchema, storedTasksSchema } from './tasks-persistence-schema.ts';
import { knowsMore } from './tasks-merge.ts';
import type { TasksStore } from './tasks-store.ts';

export const TASKS_STORAGE_KEY = 'ota-console.tasks';

/** localStorage holds about 5M characters for the whole origin; tasks take at most half. */
export const MAX_STORED_CHARS = 2_500_000;

export type TaskStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage when the page has one and it works (it throws in some private modes). */
export function browserStorage(): TaskStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Ever smaller copies, tried in turn until one fits: the newest events and raw payloads matter most. */
const SHRINK_STEPS: readonly { events: number; raw: boolean }[] = [
  { events: 200, raw: true },
  { events: 50, raw: true },
  { events: 20, raw: false },
  { events: 5, raw: false },
  { events: 0, raw: false },
];

function trimmedEvents(events: readonly TaskEvent[], keep: number, raw: boolean): TaskEvent[] {
  const kept = keep === 0 ? [] : events.slice(-keep);
  return raw ? [...kept] : kept.map((e) => ({ ...e, raw: null }));
}

export function serializeTasks(tasks: readonly UpgradeTask[], step: { events: number; raw: boolean }, savedAt: number): string {
  return JSON.stringify({
    version: STORAGE_FORMAT_VERSION,
    savedAt,
    tasks: tasks.map((t) => ({ ...t, events: trimmedEvents(t.events, step.events, step.raw) })),
  });
}

function newestTasks(table: TaskTable): UpgradeTask[] {
  const tasks: UpgradeTask[] = [];
  for (const bid of table.order.slice(-MAX_TASKS)) {
    const task = table.byBid.get(bid);
    if (task !== undefined) tasks.push(task);
  }
  return tasks;
}

/**
 * Writes the newest tasks in the largest form that fits the budget and the storage quota. Returns
 * false when nothing could be written (storage full of other data, or refusing writes).
 */
export function saveTasks(storage: TaskStorage, table: TaskTable, now: number, maxChars = MAX_STORED_CHARS): boolean {
  let tasks = newestTasks(table);
  for (;;) {
    for (const step of SHRINK_STEPS) {
      const text = serializeTasks(tasks, step, now);
      if (text.length > maxChars) continue;
      try {
        storage.setItem(TASKS_STORAGE_KEY, text);
        return true;
      } catch {
        // Quota exceeded: try a smaller copy.
      }
    }
    if (tasks.length === 0) return false;
    tasks = tasks.slice(Math.ceil(tasks.length / 2));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The stored tasks as a table; anything unreadable is left out. */
export function loadTasks(storage: TaskStorage): TaskTable {
  let text: string | null;
  try {
    text = storage.getItem(TASKS_STORAGE_KEY);
  } catch {
    return { byBid: new Map(), order: [] };
  }
  const envelope = storedTasksSchema.safeParse(text === null ? null : parseJson(text));
  // A newer format written by a newer build is not guessed at; there is no older one yet.
  if (!envelope.success || envelope.data.version !== STORAGE_FORMAT_VERSION) return { byBid: new Map(), order: [] };
  const byBid = new Map<string, UpgradeTask>();
  const order: string[] = [];
  for (const item of envelope.data.tasks.slice(-MAX_TASKS)) {
    const parsed = storedTaskSchema.safeParse(item);
    if (!parsed.success || byBid.has(parsed.data.bid)) continue;
    byBid.set(parsed.data.bid, parsed.data);
    order.push(parsed.data.bid);
  }
  return { byBid, order };
}

export interface PersistenceTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: PersistenceTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Writes to a storage key by other tabs of this browser (the `storage` event never fires for our own). */
export interface StorageChanges {
  subscribe(key: string, listener: () => void): () => void;
}

/** The window's `storage` event for one key (null key = the whole storage was cleared). */
export function windowStorageChanges(): StorageChanges | null {
  if (typeof window === 'undefined') return null;
  return {
    subscribe(key, listener) {
      const onStorage = (event: StorageEvent): void => {
        if (event.key === key || event.key === null) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}

export interface TasksPersistence {
  /** Writes now if a change is waiting. */
  flush(): void;
  stop(): void;
}

/**
 * Restores the stored tasks into the store, then writes changes back at most once per `debounceMs`
 * (the store changes once per frame under load; storage writes are slow and synchronous).
 *
 * Other tabs of the browser write the same key. When one did (its `storage` event), its tasks are
 * merged into the store at once, so both tabs show the same, and again right before our next
 * write, so our save never drops what it wrote. If we know something it did not store, we write
 * back. A single tab never reads storage after the start.
 */
export function connectTasksPersistence(
  store: TasksStore,
  storage: TaskStorage,
  options: { debounceMs?: number; timers?: PersistenceTimers; now?: () => number; changes?: StorageChanges | null } = {},
): TasksPersistence {
  const { debounceMs = 1_000, timers = realTimers, now = Date.now, changes = windowStorageChanges() } = options;
  store.getState().tasksRestored(loadTasks(storage), now());
  let scheduled = false;
  let handle: unknown = null;
  let otherTabWrote = false;
  /** While the other tab's tasks come in: storage already holds them, no write for that alone. */
  let absorbing = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    handle = timers.setTimeout(write, debounceMs);
  };
  /** Merges the stored tasks; true when ours hold more than storage does. */
  const absorb = (): boolean => {
    const theirs = loadTasks(storage);
    absorbing = true;
    try {
      store.getState().tasksMerged(theirs, now());
    } finally {
      absorbing = false;
    }
    return knowsMore(store.getState().table, theirs);
  };
  function write(): void {
    if (!scheduled) return;
    timers.clearTimeout(handle);
    if (otherTabWrote) {
      otherTabWrote = false;
      absorb();
    }
    scheduled = false;
    saveTasks(storage, store.getState().table, now());
  }
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.table !== previous.table && !absorbing) schedule();
  });
  const unsubscribeChanges =
    changes?.subscribe(TASKS_STORAGE_KEY, () => {
      otherTabWrote = true;
      if (absorb()) schedule();
    }) ?? null;
  const onHide = (): void => write();
  const target = typeof window === 'undefined' ? null : window;
  target?.addEventListener('pagehide', onHide);
  return {
    flush: write,
    stop() {
      write();
      unsubscribe();
      unsubscribeChanges?.();
      target?.removeEventListener('pagehide', onHide);
    },
  };
}
