/**
 * The upgrade task model (docs/architecture.md): one task = one ota_create (one gateway, 1-2
 * devices), keyed by its bid. Everything here is plain data so it can be persisted and compared
 * as is.
 */
import type { StepKey, SubStatus, TaskStatus } from '../protocol/status.ts';

/** Who sent the ota_create: this browser, or another console / a backend seen on the broker. */
export type TaskOrigin = 'this-console' | 'elsewhere';

/**
 * The command's own life, before and beside the device's progress. null when the task was only
 * learned from progress events (started elsewhere, its ota_create never seen).
 */
export type CommandState = 'queued' | 'published' | 'accepted' | 'rejected' | 'no-reply';

/** Per device, after the task ended ok: does the device report the target version? */
export type Verification = 'pending' | 'verified' | 'version-mismatch' | null;

export interface TaskDevice {
  sn: string;
  modelKey?: string;
  /** The version the device reported before the upgrade (known for tasks this console started). */
  fromVersion?: string;
  targetVersion?: string;
  fileName?: string;
  /** bytes; lets the ETA use the download rate. */
  fileSize?: number;
  verification: Verification;
  /** The last firmware_version the device reported while this task was open or after it. */
  reportedVersion?: string;
}

/** What the device last told us through ota_progress (the newest applied event). */
export interface TaskExecution {
  status: TaskStatus;
  subStatus: SubStatus | null;
  /** sub_status as sent, so a value the protocol does not define can still be shown. */
  subStatusRaw: string | null;
  /** The step `percent` belongs to: percent restarts at 0 when the step changes. */
  step: StepKey | null;
  percent: number;
  /** bytes/s (ext.rate) of the newest event, null when it carried none. */
  rate: number | null;
  /** The device's result code, or the failed step's step_result when the device sent result 0. */
  result: number;
  /** progress.step_result when it was non-zero: the step failed, so the task failed. */
  stepResult?: number;
  /** Device timestamp (ms) of the newest applied event; null when devices send none. */
  lastEventAt: number | null;
  /** Local time (ms) the newest applied event arrived. */
  lastAppliedAt: number;
}

/** One ota_progress as received, for the task timeline and the raw message view. */
export interface TaskEvent {
  /** Local arrival time (ms). */
  receivedAt: number;
  /** Device timestamp (ms), null when absent. */
  timestamp: number | null;
  tid: string | null;
  status: TaskStatus;
  subStatus: SubStatus | null;
  subStatusRaw: string | null;
  step: StepKey | null;
  /** As sent; a message without a percent holds the percent the task had when it arrived. */
  percent: number;
  result: number;
  /** progress.step_result as sent, when the message had one. */
  stepResult?: number;
  rate: number | null;
  /**
   * The message's JSON text as received (replaced by a JSON note when it was too large to keep);
   * undefined when it came without one (a tick that repeats an earlier event, see
   * src/broker/progress-text-filter.ts) or is older than its task's newest RAW_KEPT_EVENTS that have one.
   */
  raw: string | undefined;
}

export interface RepublishedCreate {
  bid: string;
  tid: string | null;
  /** The copy's device timestamp (local arrival time when it had none). */
  at: number;
  /** The dock's non-zero services_reply result for this copy, if it refused it. */
  refused?: number;
}

export interface UpgradeTask {
  bid: string;
  gateway: string;
  devices: readonly TaskDevice[];
  /**
   * True when the devices are not known (progress seen, ota_create not): the gateway itself stands
   * in as the one device so the task still has a row.
   */
  devicesInferred: boolean;
  origin: TaskOrigin;
  command: CommandState | null;
  /** tid of the ota_create, matched by services_reply. */
  tid: string | null;
  /**
   * The same ota_create published again by a backend that got no reply in time (DJI's reference
   * backend: up to twice, 3 s apart, each with a new tid and bid). Their replies and progress
   * belong to this task (task-republish.ts); `refused` once the dock refused that copy.
   */
  republished?: readonly RepublishedCreate[];
  /** services_reply result (0 = accepted), null before a reply. */
  resultCode: number | null;
  execution: TaskExecution | null;
  /** ok, failed, rejected (reply or progress), canceled, timeout: nothing moves it again. */
  terminal: boolean;
  /** 1 for a first try; a retry is a new task (new bid) with attempt + 1. */
  attempt: number;
  /** The bid this task retries, if it is a retry. */
  retryOf?: string;
  campaignId?: string;
  /**
   * Set when a newer task seen elsewhere started on the same gateway while this one was still open:
   * a gateway runs one upgrade at a time (result code 312014, already upgrading), so this one is
   * over (shown as Superseded, ended as canceled).
   */
  supersededBy?: string;
  /** Local time the task was created here, or the earliest device timestamp seen for it. */
  createdAt: number;
  publishedAt: number | null;
  /** Device timestamp of the terminal event (local time when it had none, or for a rejection). */
  finishedAt: number | null;
  /** Local time any new message for this task last arrived: silence is measured from here. */
  lastReceivedAt: number;
  /** Oldest first, sorted by device timestamp: the first one and the newest, at most EVENT_LOG_CAP. */
  events: readonly TaskEvent[];
}

/**
 * Events kept per task. Memory at fleet scale decides it: 10,000 tasks x 200 events with their
 * raw JSON were ~470 MB; 50 events with raw JSON on the newest 5 kept a ~107 MB heap whose major
 * GCs ran as 100-700 ms long tasks in a 10-minute soak; 20 events, raw on the newest 2, ~51 MB.
 */
export const EVENT_LOG_CAP = 20;

/** How many of a task's events keep their raw JSON (the task detail's raw message view): the newest that came with it. */
export const RAW_KEPT_EVENTS = 2;

/** Tasks kept in memory and in storage; the oldest finished ones go first. */
export const MAX_TASKS = 2_000;

/**
 * Active tasks seen elsewhere kept at most: twice the 10,000-gateway fleet the console is built
 * for, so a flood of progress with invented bids and gateways cannot grow memory without limit.
 */
export const MAX_ACTIVE_ELSEWHERE = 20_000;

/** Timings that decide derived states; features receive them from the runtime config. */
export interface TaskTimings {
  /** No message for this long while not terminal (and not paused) = stalled. */
  stalledAfterMs: number;
  /** Published with no services_reply for this long = no reply. */
  replyTimeoutMs: number;
  /** After ok, this long for the device to report the target version before it is a mismatch. */
  verifyGraceMs: number;
}

export const DEFAULT_TASK_TIMINGS: TaskTimings = Object.freeze({
  stalledAfterMs: 120_000,
  replyTimeoutMs: 30_000,
  verifyGraceMs: 300_000,
});

/** The state a task is shown in: command state before progress, then the device's status. */
export type TaskState =
  | 'queued'
  | 'published'
  | 'accepted'
  | 'no-reply'
  | 'sent'
  | 'in_progress'
  | 'paused'
  | 'stalled'
  | 'ok'
  | 'verified'
  | 'version-mismatch'
  | 'failed'
  | 'rejected'
  | 'canceled'
  | 'timeout';

export const TASK_STATES: readonly TaskState[] = Object.freeze([
  'queued',
  'published',
  'accepted',
  'no-reply',
  'sent',
  'in_progress',
  'paused',
  'stalled',
  'ok',
  'verified',
  'version-mismatch',
  'failed',
  'rejected',
  'canceled',
  'timeout',
]);

export interface TasksSummary {
  /** Tasks per shown state, as of `computedAt`. */
  counts: Readonly<Record<TaskState, number>>;
  total: number;
  /** Not terminal. */
  active: number;
  /** Mean taskOverallShare (0..100): ended well counts whole, failed as nothing, the rest by progress. null without tasks. */
  overallPercent: number | null;
  computedAt: number;
}

/** Everything needed to create a task this console is about to send. */
export interface NewTaskInput {
  bid: string;
  tid: string;
  gateway: string;
  devices: readonly Omit<TaskDevice, 'verification' | 'reportedVersion'>[];
  attempt?: number;
  retryOf?: string;
  campaignId?: string;
}
