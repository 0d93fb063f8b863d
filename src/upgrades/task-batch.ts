/**
 * One inbound batch -> the next task table, in one pass over one draft. Messages apply in arrival
 * order; the reducers themselves make the result independent of the order of progress events.
 * The live store uses applyBatchTracked, without verification deadlines: those move with its 1 s
 * clock (clockTicked), as checking them on every frame visited every task 60 times a second.
 */
import type { Decoded } from '../protocol/messages.ts';
import { applyOtaCreateSeenInto, applyReplyInto } from './task-command.ts';
import { applyProgressInto } from './task-progress.ts';
import { draftOf, EMPTY_TASK_TABLE, type TaskDraft, type TaskTable } from './task-table.ts';
import type { UpgradeTask } from './task-types.ts';
import { applyStateInto, expireVerifications } from './task-verification.ts';

/** Messages the task model learns from; everything else in a batch is skipped without a copy. */
function concernsTasks(message: Decoded): boolean {
  switch (message.kind) {
    case 'ota_progress':
    case 'ota_create':
    case 'ota_create_reply':
      return true;
    case 'state':
      return message.firmwareVersion !== undefined;
    default:
      return false;
  }
}

/**
 * The draft's Map seen through a Proxy that notes which bids the batch writes, so the summary is
 * updated from those alone. The copy itself stays a plain Map (the native copy is the fast one; a
 * Map subclass overriding set() copied 10,000 entries through JS on every frame) and becomes the
 * next table's; only the few reads and writes of the batch pass through the Proxy.
 */
function touchRecording(map: Map<string, UpgradeTask>, touched: Set<string>): Map<string, UpgradeTask> {
  const set = (bid: string, task: UpgradeTask): Map<string, UpgradeTask> => {
    touched.add(bid);
    return map.set(bid, task);
  };
  // Methods bound once: a lookup by gateway walks the whole table through get().
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(map, {
    get(target, key) {
      if (key === 'set') return set;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      let method = bound.get(key);
      if (method === undefined) {
        method = (value as (...args: unknown[]) => unknown).bind(target);
        bound.set(key, method);
      }
      return method;
    },
  });
}

export interface BatchOutcome {
  table: TaskTable;
  /** bids whose task was added or replaced (empty when the table is the same object). */
  touched: ReadonlySet<string>;
}

const NOTHING: ReadonlySet<string> = new Set();

export function applyBatchTracked(table: TaskTable, batch: readonly Decoded[], now: number): BatchOutcome {
  if (!batch.some(concernsTasks)) return { table, touched: NOTHING };
  const byBid = new Map(table.byBid);
  const touched = new Set<string>();
  // An empty draft's other fields, so this stays a TaskDraft whatever task-table.ts adds to one.
  const draft: TaskDraft = { ...draftOf(EMPTY_TASK_TABLE), byBid: touchRecording(byBid, touched), order: [...table.order] };
  for (const message of batch) {
    if (!concernsTasks(message)) continue;
    switch (message.kind) {
      case 'ota_progress':
        applyProgressInto(draft, message, now);
        break;
      case 'ota_create':
        applyOtaCreateSeenInto(draft, message, now);
        break;
      case 'ota_create_reply':
        applyReplyInto(draft, message, now);
        break;
      case 'state':
        applyStateInto(draft, message);
        break;
      default:
        break;
    }
  }
  if (!draft.changed) return { table, touched: NOTHING };
  // putTask only appends new bids: the same length is the same order, and keeping the array lets
  // the monitor's id list (compared element by element) see no change on a progress-only frame.
  const order = draft.order.length === table.order.length ? table.order : draft.order;
  return { table: { byBid, order }, touched };
}

/** The batch, then verification deadlines at `now`: the whole flush as one pure function. */
export function applyBatch(table: TaskTable, batch: readonly Decoded[], now: number, verifyGraceMs: number): TaskTable {
  return expireVerifications(applyBatchTracked(table, batch, now).table, now, verifyGraceMs);
}
