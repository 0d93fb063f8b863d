/**
 * Two tabs of one browser share the task history (IndexedDB) and both record tasks: the tab that
 * sent an ota_create knows it as its own (campaign, attempt, the devices' versions), the other sees
 * it on the services topic as started elsewhere. Merging two records of one bid keeps the facts each
 * knows and the furthest progress, so neither tab's save erases what the other knows and both
 * tabs converge. mergeTask is commutative and idempotent on everything it decides.
 */
import { sameExecutionCourse } from './task-derived.ts';
import { isRedelivery } from './task-progress.ts';
import type { TaskTable } from './task-table.ts';
import {
  EVENT_LOG_CAP,
  type CommandState,
  type TaskDevice,
  type TaskEvent,
  type TaskExecution,
  type UpgradeTask,
  type Verification,
} from './task-types.ts';

const COMMAND_RANK: Readonly<Record<CommandState, number>> = { queued: 0, published: 1, 'no-reply': 2, accepted: 3, rejected: 4 };
const VERIFICATION_RANK: Readonly<Record<NonNullable<Verification>, number>> = { pending: 1, 'version-mismatch': 2, verified: 3 };

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Strings compared the same way from either side, for ties nothing else decides. */
function firstOf<T extends string>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

/** >0 when execution `a` is further than `b`: terminal, then the newer device time, then the later arrival. */
function compareExecutions(a: UpgradeTask, b: UpgradeTask): number {
  if (a.terminal !== b.terminal) return a.terminal ? 1 : -1;
  const ea = a.execution;
  const eb = b.execution;
  if (ea === null || eb === null) return ea === eb ? 0 : ea === null ? -1 : 1;
  const ta = ea.lastEventAt ?? Number.NEGATIVE_INFINITY;
  const tb = eb.lastEventAt ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta - tb;
  if (ea.lastAppliedAt !== eb.lastAppliedAt) return ea.lastAppliedAt - eb.lastAppliedAt;
  if (ea.percent !== eb.percent) return ea.percent - eb.percent;
  return ea.status < eb.status ? -1 : ea.status > eb.status ? 1 : 0;
}

function sameExecution(a: TaskExecution | null, b: TaskExecution | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    sameExecutionCourse(a, b) &&
    a.percent === b.percent &&
    a.rate === b.rate &&
    a.lastEventAt === b.lastEventAt &&
    a.lastAppliedAt === b.lastAppliedAt
  );
}

/** Device time order (events without one last, by arrival), so the union reads the same from either side. */
function eventOrder(a: TaskEvent, b: TaskEvent): number {
  const ta = a.timestamp ?? Number.POSITIVE_INFINITY;
  const tb = b.timestamp ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta - tb;
  if (a.receivedAt !== b.receivedAt) return a.receivedAt - b.receivedAt;
  return a.percent - b.percent;
}

/**
 * The keys under which isRedelivery (task-progress.ts) finds two events the same: the same time,
 * status, percent and step; or the same tid and time (and status when there is no time).
 */
function redeliveryKeys(e: TaskEvent): string[] {
  const keys = [`c|${String(e.timestamp)}|${e.status}|${String(e.percent)}|${String(e.step)}`];
  if (e.tid !== null) keys.push(e.timestamp !== null ? `t|${e.tid}|${String(e.timestamp)}` : `t|${e.tid}|null|${e.status}`);
  return keys;
}

/** Both logs, redeliveries once, newest EVENT_LOG_CAP kept; `a` itself when `b` adds nothing. */
export function mergeEvents(a: readonly TaskEvent[], b: readonly TaskEvent[]): readonly TaskEvent[] {
  if (b.length === 0) return a;
  const known = new Set(a.flatMap(redeliveryKeys));
  const extra = b.filter((e) => !redeliveryKeys(e).some((k) => known.has(k)));
  if (extra.length === 0) return a;
  const all = [...a, ...extra].sort(eventOrder);
  // As the live log does: the first event (when the upgrade started) and the newest.
  if (all.length > EVENT_LOG_CAP) all.splice(1, all.length - EVENT_LOG_CAP);
  return all;
}

function furtherVerification(a: Verification, b: Verification): Verification {
  if (a === null) return b;
  if (b === null) return a;
  return VERIFICATION_RANK[a] >= VERIFICATION_RANK[b] ? a : b;
}

function mergeDevice(a: TaskDevice, b: TaskDevice, newerIsB: boolean): TaskDevice {
  const pick = <K extends keyof TaskDevice>(key: K): TaskDevice[K] => a[key] ?? b[key];
  const merged: TaskDevice = {
    sn: a.sn,
    verification: furtherVerification(a.verification, b.verification),
  };
  const modelKey = pick('modelKey');
  const fromVersion = pick('fromVersion');
  const targetVersion = pick('targetVersion');
  const fileName = pick('fileName');
  const fileSize = pick('fileSize');
  const reportedVersion = newerIsB ? (b.reportedVersion ?? a.reportedVersion) : (a.reportedVersion ?? b.reportedVersion);
  return {
    ...merged,
    ...(modelKey === undefined ? {} : { modelKey }),
    ...(fromVersion === undefined ? {} : { fromVersion }),
    ...(targetVersion === undefined ? {} : { targetVersion }),
    ...(fileName === undefined ? {} : { fileName }),
    ...(fileSize === undefined ? {} : { fileSize }),
    ...(reportedVersion === undefined ? {} : { reportedVersion }),
  };
}

function sameDevice(a: TaskDevice, b: TaskDevice): boolean {
  return (
    a.sn === b.sn &&
    a.modelKey === b.modelKey &&
    a.fromVersion === b.fromVersion &&
    a.targetVersion === b.targetVersion &&
    a.fileName === b.fileName &&
    a.fileSize === b.fileSize &&
    a.verification === b.verification &&
    a.reportedVersion === b.reportedVersion
  );
}

/** Real devices beat the gateway standing in for them; the record started here lists them in its order. */
function mergeDevices(own: UpgradeTask, other: UpgradeTask, newerIsOther: boolean): readonly TaskDevice[] {
  if (own.devicesInferred !== other.devicesInferred) return own.devicesInferred ? other.devices : own.devices;
  const merged = own.devices.map((d) => {
    const match = other.devices.find((o) => o.sn === d.sn);
    return match === undefined ? d : mergeDevice(d, match, newerIsOther);
  });
  for (const o of other.devices) if (!own.devices.some((d) => d.sn === o.sn)) merged.push(o);
  return merged.length > 2 ? merged.slice(0, 2) : merged;
}

/** The record whose non-progress facts lead: started here first, then the first by bid-independent tie-breaks. */
function leads(a: UpgradeTask, b: UpgradeTask): boolean {
  if (a.origin !== b.origin) return a.origin === 'this-console';
  if (a.devicesInferred !== b.devicesInferred) return !a.devicesInferred;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  if (a.tid !== b.tid) return (a.tid ?? '') < (b.tid ?? '');
  if (a.lastReceivedAt !== b.lastReceivedAt) return a.lastReceivedAt > b.lastReceivedAt;
  // Records this alike that still differ are rare; any fixed order keeps the merge commutative.
  return JSON.stringify(a) <= JSON.stringify(b);
}

/** Two records of one bid as one; `a` itself when `b` teaches it nothing. */
export function mergeTask(a: UpgradeTask, b: UpgradeTask): UpgradeTask {
  if (a === b || sameTask(a, b)) return a;
  const [own, other] = leads(a, b) ? [a, b] : [b, a];
  const progress = compareExecutions(a, b);
  const further = progress > 0 ? a : progress < 0 ? b : own;
  const commandA = a.command === null ? -1 : COMMAND_RANK[a.command];
  const commandB = b.command === null ? -1 : COMMAND_RANK[b.command];
  const commandFrom = commandA !== commandB ? (commandA > commandB ? a : b) : own;
  const terminal = a.terminal || b.terminal;
  const newerIsOther = other.lastReceivedAt > own.lastReceivedAt;
  const retryOf = own.retryOf ?? other.retryOf;
  const campaignId = own.campaignId ?? other.campaignId;
  const supersededBy = firstOf(a.supersededBy, b.supersededBy);
  const merged: UpgradeTask = {
    bid: own.bid,
    gateway: own.gateway,
    devices: mergeDevices(own, other, newerIsOther),
    devicesInferred: own.devicesInferred && other.devicesInferred,
    origin: a.origin === 'this-console' || b.origin === 'this-console' ? 'this-console' : 'elsewhere',
    command: commandFrom.command,
    tid: own.tid ?? other.tid,
    resultCode: commandFrom.resultCode ?? own.resultCode ?? other.resultCode,
    execution: further.execution,
    terminal,
    attempt: own.origin === other.origin ? Math.max(own.attempt, other.attempt) : own.attempt,
    ...(retryOf === undefined ? {} : { retryOf }),
    ...(campaignId === undefined ? {} : { campaignId }),
    ...(supersededBy === undefined ? {} : { supersededBy }),
    createdAt: Math.min(a.createdAt, b.createdAt),
    publishedAt: minOf(a.publishedAt, b.publishedAt),
    finishedAt: terminal ? minOf(a.terminal ? a.finishedAt : null, b.terminal ? b.finishedAt : null) : null,
    lastReceivedAt: Math.max(a.lastReceivedAt, b.lastReceivedAt),
    events: mergeEvents(a.events, b.events),
  };
  return sameTask(merged, a) ? a : merged;
}

/** Equal on every field mergeTask decides (events by content, not identity). */
export function sameTask(a: UpgradeTask, b: UpgradeTask): boolean {
  return (
    sameFacts(a, b) &&
    a.events.length === b.events.length &&
    a.events.every((e, i) => b.events[i] !== undefined && eventOrder(e, b.events[i]) === 0 && isRedelivery(e, b.events[i]))
  );
}

/** Equal on everything but the event log (which storage may hold shortened). */
export function sameFacts(a: UpgradeTask, b: UpgradeTask): boolean {
  return (
    a.bid === b.bid &&
    a.gateway === b.gateway &&
    a.devicesInferred === b.devicesInferred &&
    a.origin === b.origin &&
    a.command === b.command &&
    a.tid === b.tid &&
    a.resultCode === b.resultCode &&
    a.terminal === b.terminal &&
    a.attempt === b.attempt &&
    a.retryOf === b.retryOf &&
    a.campaignId === b.campaignId &&
    a.supersededBy === b.supersededBy &&
    a.createdAt === b.createdAt &&
    a.publishedAt === b.publishedAt &&
    a.finishedAt === b.finishedAt &&
    a.lastReceivedAt === b.lastReceivedAt &&
    sameExecution(a.execution, b.execution) &&
    a.devices.length === b.devices.length &&
    a.devices.every((d, i) => b.devices[i] !== undefined && sameDevice(d, b.devices[i]))
  );
}

/**
 * `other` (another tab's stored tasks) merged into `local`: shared bids merged, bids only the
 * other tab knows slotted in by creation time. `local` itself when nothing changes, so a tab
 * whose store already holds everything stays quiet (and does not write back).
 */
export function mergeTables(local: TaskTable, other: TaskTable): TaskTable {
  let byBid: Map<string, UpgradeTask> | null = null;
  const arrivals: UpgradeTask[] = [];
  for (const bid of other.order) {
    const theirs = other.byBid.get(bid);
    if (theirs === undefined) continue;
    const mine = local.byBid.get(bid);
    if (mine === undefined) {
      arrivals.push(theirs);
      continue;
    }
    const merged = mergeTask(mine, theirs);
    if (merged === mine) continue;
    byBid ??= new Map(local.byBid);
    byBid.set(bid, merged);
  }
  if (byBid === null && arrivals.length === 0) return local;
  const table = byBid ?? new Map(local.byBid);
  for (const task of arrivals) table.set(task.bid, task);
  return { byBid: table, order: arrivals.length === 0 ? local.order : interleave(local, arrivals) };
}

/** local's order kept, each arrival placed before the first local task created after it. */
function interleave(local: TaskTable, arrivals: readonly UpgradeTask[]): string[] {
  const sorted = [...arrivals].sort((x, y) => x.createdAt - y.createdAt);
  const order: string[] = [];
  let next = 0;
  for (const bid of local.order) {
    const createdAt = local.byBid.get(bid)?.createdAt ?? Number.NEGATIVE_INFINITY;
    while (next < sorted.length && (sorted[next]?.createdAt ?? 0) < createdAt) order.push(sorted[next++]?.bid ?? '');
    order.push(bid);
  }
  while (next < sorted.length) order.push(sorted[next++]?.bid ?? '');
  return order;
}
