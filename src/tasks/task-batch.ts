/**
 * One inbound batch -> the next task table, in one pass over one draft. Messages apply in arrival
 * order; the reducers themselves make the result independent of the order of progress events.
 * The live store uses applyBatchTracked, without verification deadlines: those move with its 1 s
 * clock (clockTicked), as checking them on every frame visited every task 60 times a second.
 */
import type { Decoded } from '../protocol/messages.ts';
import { applyOtaCreateSeenInto, applyReplyInto } from './task-command.ts';
import { applyProgressInto } from './task-progress.ts';
import { draftOf, tableOf, type TaskDraft, type TaskTable } from './task-table.ts';
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

export interface BatchOutcome {
  table: TaskTable;
  /** bids whose task was added or replaced (empty when the table is the same object). */
  touched: ReadonlySet<string>;
}

const NOTHING: ReadonlySet<string> = new Set();

export function applyBatchTracked(table: TaskTable, batch: readonly Decoded[], now: number): BatchOutcome {
  if (!batch.some(concernsTasks)) return { table, touched: NOTHING };
  const draft: TaskDraft = draftOf(table);
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
  return { table: tableOf(draft, table), touched: draft.byBid.touched };
}

/** The batch, then verification deadlines at `now`: the whole flush as one pure function. */
export function applyBatch(table: TaskTable, batch: readonly Decoded[], now: number, verifyGraceMs: number): TaskTable {
  return expireVerifications(applyBatchTracked(table, batch, now).table, now, verifyGraceMs);
}
