/**
 * The campaign's brain, pure: given a campaign, the task table and the time, it records how the
 * current attempts ended, applies the stop rule and the canary, notices the end, and says which
 * gateways to send next. No timers and no I/O: the driver (campaign-driver.ts) calls it on a tick.
 *
 * Rules:
 * - An attempt is active from queued until its task is terminal or shows no reply; only active
 *   attempts count against maxParallel.
 * - A terminal failure (failed, rejected, canceled, timeout) or no reply fails the attempt and
 *   counts toward the stop rule. Outcomes are final: a late reply after no reply changes the
 *   shown state (lastState) but not the count, so the stop rule never un-pauses by itself.
 * - Stop rule: { count: N } pauses when failures since the start / last resume reach N;
 *   { percent: P } when they reach P% of the campaign's gateways (rounded up, at least 1), so the
 *   threshold does not swing while few results are in.
 * - Canary: only the first N gateways are sent; when they all ended, the rest follow if none
 *   failed, else the campaign pauses (resuming accepts the canary).
 * - A gateway whose turn comes while another task (not this campaign's current attempt) is active on
 *   it is skipped with the reason, not waited for: that task may belong to another console and
 *   never end here. Skipped is not a failure; Retry sends it later.
 * - Timing (campaign-timing.ts): outside the maintenance window or before "start not before"
 *   nothing new is sent and the campaign says when the window opens; attempts already sent go on.
 * - Idle gate: a gateway whose dock is not idle (or whose aircraft flies, or, unless allowed, whose
 *   dock sent no recent osd) is passed over with the reason and does not take a slot; it is sent
 *   once its dock is idle. When every gateway left to send waits, the campaign says so.
 * - A campaign with nothing left to send and nothing running finishes, also while paused.
 */
import { failedAttemptCount } from './campaign-actions.ts';
import { gateHold, sameWait, timingOf, windowHold } from './campaign-timing.ts';
import type {
  Campaign,
  CampaignAttempt,
  CampaignGateway,
  CampaignWait,
  GatewayWait,
  PausedReason,
  SendDecision,
  SkipReason,
} from './campaign-types.ts';
import type { DockReader } from './dock-activity.ts';
import { taskState } from '../tasks/task-derived.ts';
import { resultCodeLine, taskResultCode } from '../tasks/task-status-text.ts';
import type { TaskTable } from '../tasks/task-table.ts';
import type { TaskState, TaskTimings, UpgradeTask } from '../tasks/task-types.ts';

const SUCCEEDED: ReadonlySet<TaskState> = new Set(['ok', 'verified', 'version-mismatch']);
const FAILED: ReadonlySet<TaskState> = new Set(['failed', 'rejected', 'canceled', 'timeout', 'no-reply']);

export interface OrchestratorResult {
  /** The same object when nothing changed. */
  campaign: Campaign;
  sends: SendDecision[];
}

function lastAttempt(gw: CampaignGateway): CampaignAttempt | undefined {
  return gw.attempts.at(-1);
}

/** The newest attempt with what its task says now (outcome, shown state, result text). */
function observeAttempt(attempt: CampaignAttempt, task: UpgradeTask | undefined, now: number, timings: TaskTimings): CampaignAttempt {
  // A missing task is one the sender has yet to (re)create after a reload: still active.
  if (task === undefined) return attempt;
  const state = taskState(task, now, timings);
  const code = taskResultCode(task);
  const resultText = code === null ? null : resultCodeLine(code);
  let { outcome, finishedAt } = attempt;
  if (outcome === null && SUCCEEDED.has(state)) outcome = 'succeeded';
  if (outcome === null && FAILED.has(state)) outcome = 'failed';
  if (outcome !== null && finishedAt === null) finishedAt = task.finishedAt ?? now;
  if (
    outcome === attempt.outcome &&
    state === attempt.lastState &&
    resultText === attempt.resultText &&
    finishedAt === attempt.finishedAt
  ) {
    return attempt;
  }
  return { ...attempt, outcome, lastState: state, resultText, finishedAt };
}

function observeGateways(campaign: Campaign, table: TaskTable, now: number, timings: TaskTimings): CampaignGateway[] {
  return campaign.gateways.map((gw) => {
    const last = lastAttempt(gw);
    if (last === undefined) return gw;
    const observed = observeAttempt(last, table.byBid.get(last.bid), now, timings);
    return observed === last ? gw : { ...gw, attempts: [...gw.attempts.slice(0, -1), observed] };
  });
}

/** Sent and not ended yet. */
export function isGatewayActive(gw: CampaignGateway): boolean {
  const last = lastAttempt(gw);
  return last !== undefined && last.outcome === null;
}

/** Nothing more will be sent for it unless someone asks for a retry. */
function isGatewayDone(gw: CampaignGateway): boolean {
  if (gw.retryRequested) return false;
  if (gw.skippedReason !== null) return true;
  const last = lastAttempt(gw);
  return last !== undefined && last.outcome !== null;
}

function wantsSend(gw: CampaignGateway): boolean {
  if (gw.retryRequested) return !isGatewayActive(gw);
  return gw.attempts.length === 0 && gw.skippedReason === null;
}

export function failureThreshold(campaign: Campaign): number | null {
  const rule = campaign.pauseAfterFailures;
  if (rule === null) return null;
  if ('count' in rule) return rule.count;
  return Math.max(1, Math.ceil((rule.percent / 100) * campaign.gateways.length));
}

function stopRuleReason(campaign: Campaign): PausedReason | null {
  const threshold = failureThreshold(campaign);
  if (threshold === null) return null;
  const failures = failedAttemptCount(campaign) - campaign.failuresBeforeResume;
  if (failures < threshold) return null;
  const rule = campaign.pauseAfterFailures;
  return rule !== null && 'percent' in rule
    ? { kind: 'failures-percent', failures, percent: rule.percent, limit: threshold, gateways: campaign.gateways.length }
    : { kind: 'failures', failures, limit: threshold };
}

function canaryGateways(campaign: Campaign): CampaignGateway[] {
  return campaign.gateways.slice(0, campaign.canarySize ?? campaign.gateways.length);
}

/** The canary's verdict once all of it ended: null while it runs. */
function canaryVerdict(campaign: Campaign): 'passed' | PausedReason | null {
  const canary = canaryGateways(campaign);
  if (!canary.every(isGatewayDone)) return null;
  const failed = canary.filter((gw) => lastAttempt(gw)?.outcome === 'failed').length;
  return failed === 0 ? 'passed' : { kind: 'canary', failed, canary: canary.length };
}

/** The active task on the gateway that is not one of this campaign's attempts, if any. */
function foreignActiveTask(gw: CampaignGateway, table: TaskTable, now: number, timings: TaskTimings): UpgradeTask | null {
  const own = new Set(gw.attempts.map((a) => a.bid));
  for (let i = table.order.length - 1; i >= 0; i--) {
    const task = table.byBid.get(table.order[i] ?? '');
    if (task === undefined || task.gateway !== gw.gateway || task.terminal || own.has(task.bid)) continue;
    // A task that never got its reply is dead weight, not an upgrade in progress.
    if (taskState(task, now, timings) === 'no-reply') continue;
    return task;
  }
  return null;
}

function skipReason(task: UpgradeTask): SkipReason {
  const owner = task.origin === 'elsewhere' ? 'elsewhere' : task.campaignId !== undefined ? 'other-campaign' : 'this-console';
  return { kind: 'busy', bid: task.bid, owner };
}

function sameCampaignWait(a: CampaignWait | null | undefined, b: CampaignWait | null): boolean {
  const x = a ?? null;
  if (x === null || b === null) return x === b;
  if (x.kind === 'window' && b.kind === 'window') return x.opensAt === b.opensAt;
  if (x.kind === 'docks' && b.kind === 'docks') return x.waiting === b.waiting;
  return false;
}

/** The campaign with these waits (gateways not in the map wait for nothing); the same object if none changed. */
function withWaits(campaign: Campaign, gatewayWaits: ReadonlyMap<string, GatewayWait>, wait: CampaignWait | null, now: number): Campaign {
  let changed = false;
  const gateways = campaign.gateways.map((gw) => {
    const w = gatewayWaits.get(gw.gateway) ?? null;
    if (sameWait(gw.waiting, w)) return gw;
    changed = true;
    return { ...gw, waiting: w };
  });
  const waitChanged = !sameCampaignWait(campaign.waiting, wait);
  if (!changed && !waitChanged) return campaign;
  return { ...campaign, gateways, ...(waitChanged ? { waiting: wait } : {}), updatedAt: now };
}

function finishedIfDone(campaign: Campaign, now: number): Campaign {
  if (!campaign.gateways.every(isGatewayDone)) return campaign;
  return { ...campaign, state: 'finished', pausedReason: null, waiting: null, finishedAt: now, updatedAt: now };
}

/** Sent but not yet on the wire: the sender holds its publish while the window or the gate is closed. */
function isHeldAttempt(gw: CampaignGateway): boolean {
  const last = lastAttempt(gw);
  return last !== undefined && last.outcome === null && last.publishedAt === null;
}

export function orchestrate(
  campaign: Campaign,
  table: TaskTable,
  now: number,
  timings: TaskTimings,
  docks?: DockReader,
): OrchestratorResult {
  const observed = observeGateways(campaign, table, now, timings);
  let next: Campaign = observed.every((gw, i) => gw === campaign.gateways[i])
    ? campaign
    : { ...campaign, gateways: observed, updatedAt: now };
  const noWaits = new Map<string, GatewayWait>();
  if (next.state === 'paused') return { campaign: finishedIfDone(withWaits(next, noWaits, null, now), now), sends: [] };
  if (next.state !== 'running') return { campaign: withWaits(next, noWaits, null, now), sends: [] };

  const stop = stopRuleReason(next);
  if (stop !== null) {
    const paused: Campaign = { ...next, state: 'paused', pausedReason: stop, updatedAt: now };
    return { campaign: withWaits(paused, noWaits, null, now), sends: [] };
  }

  if (!next.canaryDone) {
    const verdict = canaryVerdict(next);
    if (verdict === 'passed') next = { ...next, canaryDone: true, updatedAt: now };
    else if (verdict !== null) {
      const paused: Campaign = { ...next, state: 'paused', pausedReason: verdict, updatedAt: now };
      return { campaign: withWaits(paused, noWaits, null, now), sends: [] };
    }
  }

  const timing = timingOf(next);
  const closed = windowHold(timing, now);
  if (closed !== null) {
    const waiting = withWaits(next, noWaits, { kind: 'window', opensAt: closed.opensAt }, now);
    return { campaign: finishedIfDone(waiting, now), sends: [] };
  }

  const eligible = next.canaryDone ? next.gateways : canaryGateways(next);
  let room = next.maxParallel === null ? Number.POSITIVE_INFINITY : next.maxParallel - next.gateways.filter(isGatewayActive).length;
  const sends: SendDecision[] = [];
  const skipped = new Map<string, SkipReason>();
  const waits = new Map<string, GatewayWait>();
  let remaining = 0;
  for (const gw of eligible) {
    if (isHeldAttempt(gw)) {
      // Its publish is held by the sender: say why, as for a gateway not sent yet.
      remaining += 1;
      const hold = gateHold(timing.idleGate, gw.gateway, now, docks);
      if (hold !== null) waits.set(gw.gateway, hold);
      continue;
    }
    if (!wantsSend(gw)) continue;
    remaining += 1;
    if (room <= 0) {
      // No slot for it now; still say when its dock would hold it anyway.
      const hold = gateHold(timing.idleGate, gw.gateway, now, docks);
      if (hold !== null) waits.set(gw.gateway, hold);
      continue;
    }
    const busy = foreignActiveTask(gw, table, now, timings);
    if (busy !== null) {
      skipped.set(gw.gateway, skipReason(busy));
      remaining -= 1;
      continue;
    }
    const hold = gateHold(timing.idleGate, gw.gateway, now, docks);
    if (hold !== null) {
      waits.set(gw.gateway, hold);
      continue;
    }
    const previous = lastAttempt(gw);
    sends.push({
      campaignId: next.id,
      gateway: gw.gateway,
      attempt: gw.attempts.length + 1,
      ...(previous === undefined ? {} : { retryOf: previous.bid }),
    });
    room -= 1;
  }
  if (skipped.size > 0) {
    next = {
      ...next,
      gateways: next.gateways.map((gw) => {
        const reason = skipped.get(gw.gateway);
        return reason === undefined ? gw : { ...gw, skippedReason: reason, retryRequested: false };
      }),
      updatedAt: now,
    };
  }
  const allWait = remaining > 0 && waits.size === remaining;
  next = withWaits(next, waits, allWait ? { kind: 'docks', waiting: remaining } : null, now);

  if (sends.length === 0) next = finishedIfDone(next, now);
  return { campaign: next, sends };
}
