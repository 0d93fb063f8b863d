/**
 * ota_progress -> task. Delivery is at-least-once and out of order, so an event is applied only
 * when it is newer than everything applied so far and not a redelivery; a terminal task never
 * moves again. Every distinct event still goes into the task's log, sorted by device time, so the
 * log (and the task) end up the same whatever order the events arrived in.
 */
import type { OtaProgressDecoded } from '../protocol/messages.ts';
import { canonicalWord, isTerminalStatus } from '../protocol/status.ts';
import { activeTaskOf, putTask, withDraft, type TaskDraft, type TaskTable } from './task-table.ts';
import { EVENT_LOG_CAP, RAW_KEPT_EVENTS, type TaskEvent, type TaskExecution, type UpgradeTask } from './task-types.ts';
import { republishedTaskOf } from './task-republish.ts';
import { supersedeOnGateway } from './task-supersede.ts';
import { startVerification } from './task-verification.ts';

/** Raw payloads bigger than this are replaced by a note: the log is persisted, localStorage is small. */
export const RAW_KEEP_LIMIT = 8_192;

/** An empty text: the broker worker left a tick's payload behind (src/broker/progress-text-filter.ts). */
function keptRaw(text: string, size: number): string | undefined {
  if (text === '') return undefined;
  return size > RAW_KEEP_LIMIT ? JSON.stringify({ note: `payload of ${size} bytes not kept` }) : text;
}

/**
 * The event as logged. A message without a percent (no progress block, or none in it) keeps the
 * percent `held` had, and its step when it names none: a terminal status still applies without
 * moving the bar. A message naming another step than `held` starts that step at 0.
 */
export function progressEvent(msg: OtaProgressDecoded, now: number, held: TaskExecution | null = null): TaskEvent {
  let { step, percent } = msg;
  if (percent === null) {
    const sameStep = step === null || step === held?.step;
    step ??= held?.step ?? null;
    percent = sameStep ? (held?.percent ?? 0) : 0;
  }
  return {
    receivedAt: now,
    timestamp: msg.meta.timestamp,
    tid: msg.meta.tid,
    status: canonicalWord(msg.status),
    subStatus: canonicalWord(msg.subStatus),
    subStatusRaw: canonicalWord(msg.subStatusRaw),
    step: canonicalWord(step),
    percent,
    result: msg.result,
    ...(msg.stepResult !== null && { stepResult: msg.stepResult }),
    rate: msg.rate,
    raw: keptRaw(msg.meta.text, msg.meta.size),
  };
}

/** A non-zero step_result: the step failed (older DJI documentation), whatever status says. */
export function stepFailed(event: TaskEvent): boolean {
  return event.stepResult !== undefined && event.stepResult !== 0;
}

/**
 * A redelivery: the same timestamp, status and percent (and step), or the same tid with the same
 * timestamp. A tid alone is not enough: Autel docks echo the ota_create tid on every progress event
 * (Autel's documented example does), so distinct events can share one tid.
 */
export function isRedelivery(a: TaskEvent, b: TaskEvent): boolean {
  if (a.timestamp === b.timestamp && a.status === b.status && a.percent === b.percent && a.step === b.step) return true;
  return a.tid !== null && a.tid === b.tid && a.timestamp === b.timestamp && (a.timestamp !== null || a.status === b.status);
}

/** The event with its raw JSON let go (`raw` undefined: the timeline says it was not kept). */
function withoutRaw(event: TaskEvent): TaskEvent {
  return event.raw === undefined ? event : { ...event, raw: undefined };
}

/**
 * Inserts by device time (events without one go last, in arrival order). Keeps the first event
 * (when the upgrade started) and the newest EVENT_LOG_CAP - 1; of the events that came with their
 * raw JSON, the newest RAW_KEPT_EVENTS keep it. Both depend on an event's place in the sorted log,
 * never on arrival order, so the log ends the same whatever order events came in.
 */
function withLogged(events: readonly TaskEvent[], event: TaskEvent): readonly TaskEvent[] {
  let pos = events.length;
  const ts = event.timestamp;
  if (ts !== null) {
    while (pos > 0) {
      const before = events[pos - 1]?.timestamp ?? null;
      if (before === null || before <= ts) break;
      pos--;
    }
  }
  // Between the first and the newest cap - 1 of a full log: it would be dropped at once.
  if (pos >= 1 && pos <= events.length + 1 - EVENT_LOG_CAP) return events;
  // One array, built once (this runs for every progress event: 10,000 a second at fleet scale):
  // the log with the event at `pos`, minus the oldest after the first when it would pass the cap.
  const total = events.length + 1;
  const drop = Math.max(0, total - EVENT_LOG_CAP);
  const next: TaskEvent[] = [];
  for (let i = 0; i < total; i++) {
    if (i >= 1 && i <= drop) continue;
    const e = i < pos ? events[i] : i === pos ? event : events[i - 1];
    if (e !== undefined) next.push(e);
  }
  // The newest RAW_KEPT_EVENTS that have their raw JSON keep it (ticks come without: they repeat
  // what an earlier event said); a scan of at most EVENT_LOG_CAP events.
  let kept = 0;
  for (let i = next.length - 1; i >= 0; i--) {
    const e = next[i];
    if (e?.raw === undefined) continue;
    if (kept < RAW_KEPT_EVENTS) kept++;
    else next[i] = withoutRaw(e);
  }
  return next;
}

function isNewer(task: UpgradeTask, event: TaskEvent): boolean {
  const last = task.execution?.lastEventAt ?? null;
  // Without a device timestamp on either side, arrival order is all there is.
  return event.timestamp === null || last === null || event.timestamp >= last;
}

/** The task after one progress event; the same object when the event changes nothing. */
export function applyProgressEvent(task: UpgradeTask, event: TaskEvent): UpgradeTask {
  // Both kinds of redelivery share the timestamp: most events of the log are passed over on it alone.
  const { timestamp } = event;
  if (task.events.some((e) => e.timestamp === timestamp && isRedelivery(e, event))) return task;
  const events = withLogged(task.events, event);
  const createdAt =
    task.origin === 'elsewhere' && event.timestamp !== null && event.timestamp < task.createdAt ? event.timestamp : task.createdAt;
  const lastReceivedAt = Math.max(task.lastReceivedAt, event.receivedAt);
  if (task.terminal || !isNewer(task, event)) return { ...task, events, createdAt, lastReceivedAt };
  // A failed step ends the task as failed, with the step's code when the device sent result 0.
  const failedStep = stepFailed(event) && event.status !== 'ok';
  const status = failedStep && !isTerminalStatus(event.status) ? 'failed' : event.status;
  const terminal = isTerminalStatus(status);
  // One copy of the task per event, not a noted one and then an applied one (10,000 a second).
  const applied: UpgradeTask = {
    ...task,
    events,
    createdAt,
    lastReceivedAt,
    execution: {
      status,
      subStatus: event.subStatus,
      subStatusRaw: event.subStatusRaw,
      step: event.step,
      percent: event.percent,
      rate: event.rate,
      result: failedStep && event.result === 0 ? (event.stepResult ?? 0) : event.result,
      ...(failedStep && { stepResult: event.stepResult }),
      lastEventAt: event.timestamp ?? task.execution?.lastEventAt ?? null,
      lastAppliedAt: event.receivedAt,
    },
    terminal,
    finishedAt: terminal ? (event.timestamp ?? event.receivedAt) : null,
  };
  return status === 'ok' ? startVerification(applied) : applied;
}

/** A task learned only from its progress: the gateway stands in for the unknown devices. */
function taskSeenElsewhere(bid: string, gateway: string, event: TaskEvent): UpgradeTask {
  return {
    bid,
    gateway,
    devices: [{ sn: gateway, verification: null }],
    devicesInferred: true,
    origin: 'elsewhere',
    command: null,
    tid: null,
    resultCode: null,
    execution: null,
    terminal: false,
    attempt: 1,
    createdAt: event.timestamp ?? event.receivedAt,
    publishedAt: null,
    finishedAt: null,
    lastReceivedAt: event.receivedAt,
    events: [],
  };
}

/** A bid for progress that names none and matches no active task: stable for the same event. */
function syntheticBid(gateway: string, event: TaskEvent): string {
  return `unknown-bid:${gateway}:${String(event.timestamp ?? event.receivedAt)}`;
}

/**
 * Correlation: the event's bid (or the bid of a re-published copy of a task's ota_create); without
 * a bid, the gateway's active task; else a new task seen elsewhere.
 */
export function applyProgressInto(draft: TaskDraft, msg: OtaProgressDecoded, now: number): void {
  const gateway = msg.meta.gateway;
  const bid = msg.meta.bid !== null && msg.meta.bid !== '' ? msg.meta.bid : null;
  let task: UpgradeTask | null = bid === null ? null : (draft.byBid.get(bid) ?? republishedTaskOf(draft, gateway, bid));
  if (task === null && bid === null) task = activeTaskOf(draft.byBid, draft.order, gateway);
  const event = progressEvent(msg, now, task?.execution ?? null);
  task ??= taskSeenElsewhere(bid ?? syntheticBid(gateway, event), gateway, event);
  const next = applyProgressEvent(task, event);
  putTask(draft, next);
  if (task.execution === null && next.execution !== null) supersedeOnGateway(draft, next, now);
}

export function applyProgress(table: TaskTable, msg: OtaProgressDecoded, now: number): TaskTable {
  return withDraft(table, (draft) => applyProgressInto(draft, msg, now));
}
