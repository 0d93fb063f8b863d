/**
 * The ota_create command's life: created here (queued), on the wire (published), answered by the
 * dock's services_reply (accepted / rejected with a code) or not answered in time (no reply).
 * ota_create messages from other consoles are learned from the services topic.
 */
import type { OtaCreateDecoded, OtaCreateReplyDecoded } from '../protocol/messages.ts';
import {
  answeredCopy,
  adoptRepublished,
  everyCopyRefused,
  republishedTaskByTid,
  republishedTaskOf,
  withRefusal,
} from './task-republish.ts';
import { putTask, taskByTid, withDraft, type TaskDraft, type TaskTable } from './task-table.ts';
import type { NewTaskInput, TaskDevice, UpgradeTask } from './task-types.ts';
import { startVerification } from './task-verification.ts';

function blankTask(bid: string, gateway: string, now: number): UpgradeTask {
  return {
    bid,
    gateway,
    devices: [],
    devicesInferred: false,
    origin: 'this-console',
    command: 'queued',
    tid: null,
    resultCode: null,
    execution: null,
    terminal: false,
    attempt: 1,
    createdAt: now,
    publishedAt: null,
    finishedAt: null,
    lastReceivedAt: now,
    events: [],
  };
}

/** A task this console is about to send; a bid that already exists is left alone. */
export function taskCreated(table: TaskTable, input: NewTaskInput, now: number): TaskTable {
  if (table.byBid.has(input.bid)) return table;
  return withDraft(table, (draft) =>
    putTask(draft, {
      ...blankTask(input.bid, input.gateway, now),
      devices: input.devices.map((d) => ({ ...d, verification: null })),
      tid: input.tid,
      attempt: input.attempt ?? 1,
      ...(input.retryOf === undefined ? {} : { retryOf: input.retryOf }),
      ...(input.campaignId === undefined ? {} : { campaignId: input.campaignId }),
    }),
  );
}

function updateTask(table: TaskTable, bid: string, update: (task: UpgradeTask) => UpgradeTask): TaskTable {
  const task = table.byBid.get(bid);
  if (task === undefined) return table;
  return withDraft(table, (draft) => putTask(draft, update(task)));
}

/** The broker acknowledged the publish (PUBACK). Only a queued command moves: a reply may have come first. */
export function taskPublished(table: TaskTable, bid: string, now: number): TaskTable {
  return updateTask(table, bid, (task) =>
    task.command === 'queued'
      ? { ...task, command: 'published', publishedAt: now, lastReceivedAt: Math.max(task.lastReceivedAt, now) }
      : task,
  );
}

/**
 * The dock accepted this command before this console listened (a campaign's record says so: a
 * driver taking over re-creates the task). Only a command not yet answered moves; no reply timeout
 * applies to it any more, and its lastReceivedAt starts the stalled clock from now.
 */
export function taskAcceptedEarlier(table: TaskTable, bid: string, now: number): TaskTable {
  return updateTask(table, bid, (task) =>
    task.command === 'queued' || task.command === 'published'
      ? { ...task, command: 'accepted', resultCode: 0, lastReceivedAt: Math.max(task.lastReceivedAt, now) }
      : task,
  );
}

/** The reply timeout passed: only a command still waiting for its reply becomes no-reply. */
export function replyTimedOut(table: TaskTable, bid: string): TaskTable {
  return updateTask(table, bid, (task) =>
    task.command === 'published' && task.execution === null ? { ...task, command: 'no-reply' } : task,
  );
}

function replied(task: UpgradeTask, msg: OtaCreateReplyDecoded, now: number): UpgradeTask {
  // A late reply after no-reply still tells the truth; a reply after terminal progress changes nothing.
  if (task.terminal || task.command === 'accepted' || task.command === 'rejected') return task;
  const tid = task.tid ?? msg.meta.tid;
  if (msg.result === 0) return { ...task, tid, command: 'accepted', resultCode: 0, lastReceivedAt: now };
  if (task.republished !== undefined) {
    // One copy of a re-published ota_create refused (the dock busy with another copy): the task
    // is rejected only once every copy was.
    const refused = withRefusal(task, answeredCopy(task, msg.meta.bid, msg.meta.tid), msg.result);
    if (!everyCopyRefused(refused)) return { ...refused, tid, lastReceivedAt: now };
  }
  return { ...task, tid, command: 'rejected', resultCode: msg.result, terminal: true, finishedAt: now, lastReceivedAt: now };
}

/**
 * Match by bid when the reply's tid agrees (or is absent), else by tid, else as the answer to a
 * re-published copy of a task's ota_create; an unknown reply records a task seen elsewhere.
 */
export function applyReplyInto(draft: TaskDraft, msg: OtaCreateReplyDecoded, now: number): void {
  const { bid, tid, gateway } = msg.meta;
  const byBid = bid !== null && bid !== '' ? draft.byBid.get(bid) : undefined;
  let task = byBid !== undefined && (tid === null || byBid.tid === null || byBid.tid === tid) ? byBid : undefined;
  if (task === undefined && tid !== null && tid !== '') task = taskByTid(draft.byBid, draft.order, tid) ?? undefined;
  if (task === undefined && byBid === undefined && bid !== null && bid !== '') task = republishedTaskOf(draft, gateway, bid) ?? undefined;
  if (task === undefined && tid !== null && tid !== '') task = republishedTaskByTid(draft, gateway, tid) ?? undefined;
  if (task === undefined && byBid === undefined && bid !== null && bid !== '') {
    task = { ...blankTask(bid, msg.meta.gateway, msg.meta.timestamp ?? now), origin: 'elsewhere', command: 'published', tid };
    task = { ...task, devices: [{ sn: msg.meta.gateway, verification: null }], devicesInferred: true };
  }
  if (task !== undefined) putTask(draft, replied(task, msg, now));
}

export function applyReply(table: TaskTable, msg: OtaCreateReplyDecoded, now: number): TaskTable {
  return withDraft(table, (draft) => applyReplyInto(draft, msg, now));
}

function devicesFrom(msg: OtaCreateDecoded): TaskDevice[] {
  return msg.devices.map((d) => ({
    sn: d.sn,
    targetVersion: d.product_version,
    fileName: d.file_name,
    fileSize: d.file_size,
    verification: null,
  }));
}

/**
 * An ota_create on the services topic. Our own publishes come back here too (same bid, this
 * console): ignored. Another console's: a new task, the devices of one known only from progress,
 * or a re-published copy of an open task's ota_create (task-republish.ts). Every device listed is
 * followed, with whatever fields it carries.
 */
export function applyOtaCreateSeenInto(draft: TaskDraft, msg: OtaCreateDecoded, now: number): void {
  const bid = msg.meta.bid;
  if (bid === null || bid === '') return;
  const known = draft.byBid.get(bid);
  if (known?.origin === 'this-console') return;
  if (known !== undefined) {
    if (!known.devicesInferred) return;
    putTask(draft, startVerification({ ...known, devices: devicesFrom(msg), devicesInferred: false, tid: known.tid ?? msg.meta.tid }));
    return;
  }
  if (adoptRepublished(draft, msg, now)) return;
  putTask(draft, {
    ...blankTask(bid, msg.meta.gateway, msg.meta.timestamp ?? now),
    lastReceivedAt: now,
    origin: 'elsewhere',
    command: 'published',
    publishedAt: msg.meta.timestamp ?? now,
    tid: msg.meta.tid,
    devices: devicesFrom(msg),
  });
}

export function applyOtaCreateSeen(table: TaskTable, msg: OtaCreateDecoded, now: number): TaskTable {
  return withDraft(table, (draft) => applyOtaCreateSeenInto(draft, msg, now));
}
