/**
 * Saving the tasks as resumable work. At fleet scale the stored copy is megabytes of JSON (2,000
 * tasks with their event logs): built in one go it blocked the page for 60+ ms once a second.
 * Built here a task at a time, as a generator the caller can run to the end at once (pagehide,
 * stop) or in slices between frames (lib/work-slices.ts), with the same text either way.
 */
import type { TaskTable } from './task-table.ts';
import { MAX_TASKS, type TaskEvent, type UpgradeTask } from './task-types.ts';
import { STORAGE_FORMAT_VERSION } from './tasks-persistence-schema.ts';

export const TASKS_STORAGE_KEY = 'ota-console.tasks';

/** localStorage holds about 5M characters for the whole origin; tasks take at most half. */
export const MAX_STORED_CHARS = 2_500_000;

export type TaskStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ShrinkStep {
  events: number;
  raw: boolean;
}

/** Ever smaller copies, tried in turn until one fits: the newest events and raw payloads matter most. */
export const SHRINK_STEPS: readonly ShrinkStep[] = [
  { events: 200, raw: true },
  { events: 50, raw: true },
  { events: 20, raw: false },
  { events: 5, raw: false },
  { events: 0, raw: false },
];

function trimmedEvents(events: readonly TaskEvent[], keep: number, raw: boolean): TaskEvent[] {
  const kept = keep === 0 ? [] : events.slice(-keep);
  // undefined, which JSON leaves out: the loaded event says its raw JSON was not kept.
  return raw ? [...kept] : kept.map((e) => ({ ...e, raw: undefined }));
}

function storedTask(task: UpgradeTask, step: ShrinkStep): UpgradeTask {
  return { ...task, events: trimmedEvents(task.events, step.events, step.raw) };
}

/** The stored text in one call (what the generator below builds piecewise, character for character). */
export function serializeTasks(tasks: readonly UpgradeTask[], step: ShrinkStep, savedAt: number): string {
  return JSON.stringify({ version: STORAGE_FORMAT_VERSION, savedAt, tasks: tasks.map((t) => storedTask(t, step)) });
}

/**
 * serializeTasks' text built a task at a time (yielding after each), or null as soon as it would
 * pass `maxChars`: a copy that cannot fit is not finished only to be thrown away.
 */
function* serializeWithin(tasks: readonly UpgradeTask[], step: ShrinkStep, savedAt: number, maxChars: number): Generator<void, string | null> {
  const head = `{"version":${JSON.stringify(STORAGE_FORMAT_VERSION)},"savedAt":${JSON.stringify(savedAt)},"tasks":[`;
  const parts: string[] = [];
  let length = head.length + 2;
  for (const task of tasks) {
    const part = JSON.stringify(storedTask(task, step));
    length += part.length + (parts.length > 0 ? 1 : 0);
    if (length > maxChars) return null;
    parts.push(part);
    yield;
  }
  return `${head}${parts.join(',')}]}`;
}

function newestTasks(table: TaskTable): UpgradeTask[] {
  const tasks: UpgradeTask[] = [];
  for (const bid of table.order.slice(-MAX_TASKS)) {
    const task = table.byBid.get(bid);
    if (task !== undefined) tasks.push(task);
  }
  return tasks;
}

export interface SaveOutcome {
  saved: boolean;
  /** Index in SHRINK_STEPS of the copy written (or of the smallest, when nothing was). */
  step: number;
}

/**
 * Writes the newest tasks in the largest form that fits the budget and the storage quota, starting
 * at SHRINK_STEPS[firstStep] (a caller that knows the richer copies did not fit a moment ago skips
 * them). When even the smallest copy is refused, the older half of the tasks is dropped and the
 * steps are tried again.
 */
export function* saveTasksWork(storage: TaskStorage, table: TaskTable, now: number, maxChars = MAX_STORED_CHARS, firstStep = 0): Generator<void, SaveOutcome> {
  let tasks = newestTasks(table);
  let first = Math.min(Math.max(0, Math.floor(firstStep)), SHRINK_STEPS.length - 1);
  for (;;) {
    for (const [index, step] of SHRINK_STEPS.entries()) {
      if (index < first) continue;
      const text = yield* serializeWithin(tasks, step, now, maxChars);
      if (text === null) continue;
      try {
        storage.setItem(TASKS_STORAGE_KEY, text);
        return { saved: true, step: index };
      } catch {
        // Quota exceeded: try a smaller copy.
      }
    }
    if (tasks.length === 0) return { saved: false, step: SHRINK_STEPS.length - 1 };
    tasks = tasks.slice(Math.ceil(tasks.length / 2));
    first = 0;
  }
}
