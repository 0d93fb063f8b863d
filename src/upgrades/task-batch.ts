/**
 * One inbound batch -> the next task table, in one pass over one draft. Messages apply in arrival
 * order; the reducers themselves make the result independent of the order of progress events.
 * The live store uses applyBatchTracked, without verification deadlines: those move with its 1 s
 * clock (clockTicked), as checking them on every frame visited every task 60 times a second.
 */
import type { Decoded } from '../protocol/messages.ts';
import { applyOtaCreateSeenInto, applyReplyInto } from './task-command.ts';
import { applyProgressInto } from './task-progress.ts';
import { draftOf, EMPTY_TASK_TABLE, tableOf, type TaskDraft, type TaskTable } from './task-table.ts';
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
 * The draft's Map, noting which bids the batch wrote so the summary is updated from those alone.
 * Entries copied in by the constructor are not noted (`touched` does not exist yet then).
 */
class TouchRecordingMap extends Map<string, UpgradeTask> {
  touched: Set<string> | undefined;
  constructor(base: ReadonlyMap<string, UpgradeTask>) {
    super(base);
    this.touched = new Set();
  }
  override set(bid: string, task: UpgradeTask): this {
    this.touched?.add(bid);
    return super.set(bid, task);
  }
}

export interface BatchOutcome {
  table: TaskTable;
  /** bids whose task was added or replaced (empty when the table is the same object). */
  touched: ReadonlySet<string>;
}

const NOTHING: ReadonlySet<string> = new Set();

export function applyBatchTracked(table: TaskTable, batch: readonly Decoded[], now: number): BatchOutcome {
  if (!batch.some(concernsTasks)) return { table, touched: NOTHING };
  const byBid = new TouchRecordingMap(table.byBid);
  // An empty draft's other fields, so this stays a TaskDraft whatever task-table.ts adds to one.
  const draft: TaskDraft = { ...draftOf(EMPTY_TASK_TABLE), byBid, order: [...table.order] };
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
  const touched = byBid.touched ?? NOTHING;
  byBid.touched = undefined;
  const next = tableOf(draft, table);
  return { table: next, touched: next === table ? NOTHING : touched };
}

/** The batch, then verification deadlines at `now`: the whole flush as one pure function. */
export function applyBatch(table: TaskTable, batch: readonly Decoded[], now: number, verifyGraceMs: number): TaskTable {
  return expireVerifications(applyBatchTracked(table, batch, now).table, now, verifyGraceMs);
}
