/**
 * One inbound batch -> the next task table, in one pass over one draft. Messages apply in arrival
 * order; the reducers themselves make the result independent of the order of progress events.
 */
import type { Decoded } from '../protocol/messages.ts';
import { applyOtaCreateSeenInto, applyReplyInto } from './task-command.ts';
import { applyProgressInto } from './task-progress.ts';
import { draftOf, tableOf, type TaskTable } from './task-table.ts';
import { applyStateInto, expireVerifications, expireVerificationsInto } from './task-verification.ts';

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

export function applyBatch(table: TaskTable, batch: readonly Decoded[], now: number, verifyGraceMs: number): TaskTable {
  if (!batch.some(concernsTasks)) return expireVerifications(table, now, verifyGraceMs);
  const draft = draftOf(table);
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
  expireVerificationsInto(draft, now, verifyGraceMs);
  return tableOf(draft, table);
}
