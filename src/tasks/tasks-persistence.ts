/**
 * Tasks survive a reload: a bounded, versioned copy in localStorage, written at most once per
 * debounce period (never per message) and when the page is hidden. Reading never throws: corrupt
 * or unknown data means an empty (or partial) history.
 */
import type { TaskTable } from './task-table.ts';
import { MAX_TASKS, type UpgradeTask } from './task-types.ts';
import { STORAGE_FORMAT_VERSION, storedTaskSchema, storedTasksSchema } from './tasks-persistence-schema.ts';
import { knowsMore } from './tasks-merge.ts';
import { MAX_STORED_CHARS, saveTasksWork, TASKS_STORAGE_KEY, type TaskStorage } from './tasks-save-work.ts';
import { pageSliceClock, runNow, slicedBuilds, type SliceClock } from '../lib/work-slices.ts';
import type { TasksStore } from './tasks-state.ts';

export { MAX_STORED_CHARS, serializeTasks, TASKS_STORAGE_KEY, type TaskStorage } from './tasks-save-work.ts';

/** localStorage when the page has one and it works (it throws in some private modes). */
export function browserStorage(): TaskStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Writes the newest tasks in the largest form that fits the budget and the storage quota, at once.
 * Returns false when nothing could be written (storage full of other data, or refusing writes).
 */
export function saveTasks(storage: TaskStorage, table: TaskTable, now: number, maxChars = MAX_STORED_CHARS): boolean {
  return runNow(saveTasksWork(storage, table, now, maxChars)).saved;
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

/** A copy richer than the last one that fit is tried on every this-many-th write. */
export const RICHER_RETRY_EVERY = 10;

export interface TasksPersistenceOptions {
  debounceMs?: number;
  timers?: PersistenceTimers;
  now?: () => number;
  changes?: StorageChanges | null;
  /**
   * Debounced writes are built in slices between frames with this clock (default: the page's);
   * null builds them at once, as pagehide and stop() always do.
   */
  slices?: SliceClock | null;
}

/**
 * Restores the stored tasks into the store, then writes changes back at most once per `debounceMs`
 * (the store changes once per frame under load; storage writes are slow and synchronous). The
 * debounced write is built in slices (tasks-save-work.ts), so megabytes of JSON never hold up a
 * frame; only the final setItem is one piece. A save whose building took long spaces the next
 * ones out (up to 10 s; work-slices.ts SAVE_SHARE): at fleet scale it is every few seconds.
 *
 * Other tabs of the browser write the same key. When one did (its `storage` event), its tasks are
 * merged into the store at once, so both tabs show the same, and again right before our next
 * write, so our save never drops what it wrote. A write of ours still being built when another
 * tab's lands is dropped and started again from the merged tasks. If we know something it did not
 * store, we write back. A single tab never reads storage after the start.
 */
export function connectTasksPersistence(store: TasksStore, storage: TaskStorage, options: TasksPersistenceOptions = {}): TasksPersistence {
  const { debounceMs = 1_000, timers = realTimers, now = Date.now, changes = windowStorageChanges() } = options;
  const slices = options.slices === undefined ? pageSliceClock() : options.slices;
  /** The write being built in slices, if any (null: writes are built at once). */
  const builds = slices === null ? null : slicedBuilds(slices);
  store.getState().tasksRestored(loadTasks(storage), now());
  let scheduled = false;
  let handle: unknown = null;
  let otherTabWrote = false;
  /** While the other tab's tasks come in: storage already holds them, no write for that alone. */
  let absorbing = false;
  /**
   * Copies richer than the last one that fit are tried again one step at a time, and only every
   * RICHER_RETRY_EVERY writes: at fleet scale the richer copy never fits, and building it up to
   * the budget before giving up doubled the work of every save.
   */
  let lastStep = 0;
  let writesSinceRicherTry = 0;
  const firstStep = (): number => {
    if (lastStep === 0 || writesSinceRicherTry + 1 < RICHER_RETRY_EVERY) {
      writesSinceRicherTry += 1;
      return lastStep;
    }
    writesSinceRicherTry = 0;
    return lastStep - 1;
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    handle = timers.setTimeout(writeSoon, builds?.nextDelay(debounceMs) ?? debounceMs);
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
  /** Takes the pending change: merges another tab's first, so our copy includes what it wrote. */
  function take(): boolean {
    if (!scheduled) return false;
    timers.clearTimeout(handle);
    scheduled = false;
    if (otherTabWrote) {
      otherTabWrote = false;
      absorb();
    }
    return true;
  }
  const saveWork = () => saveTasksWork(storage, store.getState().table, now(), MAX_STORED_CHARS, firstStep());
  /** Writes now, whole (pagehide, stop, flush): whatever was being built is out of date. */
  function write(): void {
    if (builds?.drop()) scheduled = true;
    if (!take()) return;
    lastStep = runNow(saveWork()).step;
  }
  function writeSoon(): void {
    if (builds === null) return write();
    if (builds.busy) {
      // One write at a time: a change during a build is written by the next period's write.
      scheduled = false;
      return schedule();
    }
    if (!take()) return;
    builds.start(saveWork(), (outcome) => (lastStep = outcome.step));
  }
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.table !== previous.table && !absorbing) schedule();
  });
  const unsubscribeChanges =
    changes?.subscribe(TASKS_STORAGE_KEY, () => {
      otherTabWrote = true;
      if (builds?.drop()) schedule();
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
