/**
 * DJI's reference backend publishes an ota_create again when no services_reply came within 3 s,
 * up to twice, each copy with a new tid and (when it chose the bid itself) a new bid. Those copies
 * are one upgrade, shown as one task. A later ota_create is a copy of an open task seen elsewhere
 * when all of these hold:
 * - same gateway;
 * - the same devices: the same set of SNs, each with the same target version (product_version);
 * - it came at most REPUBLISH_WINDOW_MS after the task's ota_create or its latest copy;
 * - the task has had no reply and no progress yet (that is when the backend re-publishes);
 * - the task has fewer than MAX_REPUBLISHED copies.
 * A copy's replies and progress then apply to the task. A refusal of one copy (the dock busy with
 * another copy: 312014) ends the task only when every copy was refused.
 */
import type { OtaCreateDecoded } from '../protocol/messages.ts';
import { putTask, type TaskDraft } from './task-table.ts';
import { openElsewhereOn } from './task-supersede.ts';
import type { RepublishedCreate, UpgradeTask } from './task-types.ts';

/** The reference backend's copies come 3 s apart; 10 s leaves room for broker and clock delays. */
export const REPUBLISH_WINDOW_MS = 10_000;

/** The reference backend sends at most two copies; a few more are tolerated. */
export const MAX_REPUBLISHED = 4;

/** copy bid -> the bid of the task it belongs to: a hint only, always checked against the task. */
const hints = new Map<string, string>();
const HINT_LIMIT = 4_096;

function hint(copyBid: string, taskBid: string): void {
  hints.set(copyBid, taskBid);
  if (hints.size > HINT_LIMIT) {
    const oldest = hints.keys().next();
    if (!oldest.done) hints.delete(oldest.value);
  }
}

function deviceKey(devices: readonly { sn: string; targetVersion?: string | undefined }[]): string {
  return devices
    .map((d) => `${d.sn}\u0000${d.targetVersion ?? ''}`)
    .sort()
    .join('\u0001');
}

function copyOf(task: UpgradeTask, bid: string): RepublishedCreate | undefined {
  return task.republished?.find((c) => c.bid === bid);
}

/** The open task seen elsewhere on `gateway` that `bid` is a copy of, or null. */
export function republishedTaskOf(draft: TaskDraft, gateway: string, bid: string): UpgradeTask | null {
  const hinted = hints.get(bid);
  const task = hinted === undefined ? undefined : draft.byBid.get(hinted);
  if (task !== undefined && copyOf(task, bid) !== undefined) return task;
  for (const open of openElsewhereOn(draft, gateway)) {
    if (open.republished !== undefined && copyOf(open, bid) !== undefined) return open;
  }
  return null;
}

/** The task whose copy carried this tid, among the open tasks seen elsewhere on `gateway`. */
export function republishedTaskByTid(draft: TaskDraft, gateway: string, tid: string): UpgradeTask | null {
  for (const open of openElsewhereOn(draft, gateway)) {
    if (open.republished?.some((c) => c.tid === tid) === true) return open;
  }
  return null;
}

function lastCopyAt(task: UpgradeTask): number {
  let at = task.publishedAt ?? task.createdAt;
  for (const copy of task.republished ?? []) at = Math.max(at, copy.at);
  return at;
}

/**
 * When `msg` (an ota_create with a bid no task has) is a copy of an open task, records it on that
 * task and returns true; else false and nothing changes.
 */
export function adoptRepublished(draft: TaskDraft, msg: OtaCreateDecoded, now: number): boolean {
  const { bid, tid, gateway } = msg.meta;
  if (bid === null || bid === '') return false;
  const at = msg.meta.timestamp ?? now;
  const key = deviceKey(msg.devices.map((d) => ({ sn: d.sn, targetVersion: d.product_version })));
  for (const task of openElsewhereOn(draft, gateway)) {
    const waiting = task.command === 'published' && task.resultCode === null && task.execution === null && !task.devicesInferred;
    if (!waiting || (task.republished?.length ?? 0) >= MAX_REPUBLISHED) continue;
    const gap = at - lastCopyAt(task);
    if (gap < 0 || gap > REPUBLISH_WINDOW_MS || deviceKey(task.devices) !== key) continue;
    putTask(draft, {
      ...task,
      republished: [...(task.republished ?? []), { bid, tid, at }],
      lastReceivedAt: Math.max(task.lastReceivedAt, now),
    });
    hint(bid, task.bid);
    return true;
  }
  return false;
}

/** The copy a reply answers (by bid, else by tid), or undefined when it answers the task's own ota_create. */
export function answeredCopy(task: UpgradeTask, bid: string | null, tid: string | null): RepublishedCreate | undefined {
  if (task.republished === undefined) return undefined;
  if (bid !== null && bid !== task.bid) {
    const byBid = copyOf(task, bid);
    if (byBid !== undefined) return byBid;
  }
  if (tid !== null && tid !== task.tid) return task.republished.find((c) => c.tid === tid);
  return undefined;
}

/** The task with `copy` (or its own ota_create, when undefined) refused with `code`. */
export function withRefusal(task: UpgradeTask, copy: RepublishedCreate | undefined, code: number): UpgradeTask {
  if (copy === undefined) return { ...task, resultCode: code };
  return { ...task, republished: (task.republished ?? []).map((c) => (c === copy ? { ...c, refused: code } : c)) };
}

/** Every copy and the task's own ota_create were refused: only then is the task rejected. */
export function everyCopyRefused(task: UpgradeTask): boolean {
  const ownRefused = task.resultCode !== null && task.resultCode !== 0;
  return ownRefused && (task.republished ?? []).every((c) => c.refused !== undefined);
}
