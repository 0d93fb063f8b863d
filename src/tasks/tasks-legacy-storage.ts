/**
 * What the previous version kept in localStorage: all tasks as one JSON document under
 * 'ota-console.tasks' (format version 1). Read once, on the first start with IndexedDB, to move the
 * tasks into the history; then the key is removed. Reading never throws: a bad document reads as
 * nothing, a bad task is left out alone.
 */
import type { TaskTable } from './task-table.ts';
import type { UpgradeTask } from './task-types.ts';
import { STORAGE_FORMAT_VERSION, storedTaskSchema, storedTasksSchema } from './tasks-persistence-schema.ts';

export const LEGACY_TASKS_KEY = 'ota-console.tasks';

export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The stored tasks, oldest first; null when the key is absent or unreadable. */
export function readLegacyTasks(storage: LegacyStorage): TaskTable | null {
  let text: string | null;
  try {
    text = storage.getItem(LEGACY_TASKS_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  const envelope = storedTasksSchema.safeParse(parseJson(text));
  // A newer format written by a newer build is not guessed at.
  if (!envelope.success || envelope.data.version !== STORAGE_FORMAT_VERSION) return { byBid: new Map(), order: [] };
  const byBid = new Map<string, UpgradeTask>();
  const order: string[] = [];
  for (const item of envelope.data.tasks) {
    const parsed = storedTaskSchema.safeParse(item);
    if (!parsed.success || byBid.has(parsed.data.bid)) continue;
    byBid.set(parsed.data.bid, parsed.data);
    order.push(parsed.data.bid);
  }
  return { byBid, order };
}

export function removeLegacyTasks(storage: LegacyStorage): void {
  try {
    storage.removeItem(LEGACY_TASKS_KEY);
  } catch {
    // Storage refusing now: the tasks are moved already, a second move changes nothing.
  }
}
