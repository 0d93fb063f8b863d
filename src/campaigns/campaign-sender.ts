/**
 * The impure shell around the orchestrator: turns a send decision into a recorded attempt, a queued
 * task and an ota_create on the gateway's services topic (QoS 1), and keeps queued attempts going
 * out once a session is there.
 *
 * Never lost, never sent twice:
 * - The attempt (bid, tid, timestamp) is recorded in the campaign, and the campaign written to
 *   storage, BEFORE the publish. Its message can always be rebuilt byte for byte.
 * - A publish in flight in this page is never started again; a failed publish (no session, broker
 *   refused, connection lost before PUBACK) leaves the task queued and it is tried again later.
 * - After a reload, an attempt without a PUBACK is sent again as the SAME message (same bid and tid).
 *   If the first copy did reach the dock, the dock answers 312014 (already upgrading) to the
 *   second and goes on with the first (same bid, so its progress still lands on this task); the
 *   alternative, never re-sending, would leave an attempt queued forever when the first copy never
 *   left the page. An attempt with a PUBACK is never sent again; its task is re-created as
 *   published when the task history lost it.
 * - Attempts already decided still go out after an Abort: Abort stops new decisions.
 * - Just before the ota_create goes out, the window and the idle gate are checked again
 *   (campaign-timing.ts): a dock that started working since the decision holds the publish; the
 *   attempt stays queued and goes out, the same message, once the dock is idle again.
 */
import { buildOtaCreate } from '../protocol/builders.ts';
import type { IdSource } from '../protocol/ids.ts';
import type { OtaCreateMessage } from '../protocol/wire.ts';
import { servicesTopic } from '../protocol/topics.ts';
import { sendHold } from './campaign-timing.ts';
import type { CampaignsStore } from './campaign-store.ts';
import { attemptTaskInput } from './campaign-task-input.ts';
import type { DockReader } from './dock-activity.ts';
import type { Campaign, CampaignAttempt, CampaignGateway, SendDecision } from './campaign-types.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import type { TaskState } from '../tasks/task-types.ts';

/** An attempt recorded in one of these states was answered by its dock (a reply, or progress). */
const ANSWERED: ReadonlySet<TaskState> = new Set<TaskState>(['accepted', 'sent', 'in_progress', 'paused', 'stalled']);

/** What the sender needs of a broker session. */
export interface Publisher {
  publish(topic: string, message: object, opts?: { qos?: 0 | 1 }): Promise<void>;
  readonly readOnly: boolean;
}

export interface SenderDeps {
  campaigns: CampaignsStore;
  tasks: TasksStore;
  /** The current session, null while there is none. */
  publisher: () => Publisher | null;
  ids: IdSource;
  now: () => number;
  /** Writes the campaigns to storage at once (the write-ahead step); a no-op without storage. */
  persistNow?: () => void;
  /** Don't retry a failed publish sooner than this (ms). */
  retryDelayMs?: number;
  /** Campaigns on the broker: only the campaigns whose lease this driver holds (default: all). */
  drives?: (campaignId: string) => boolean;
  /**
   * Campaigns on the broker: writes the gateway's record (with the attempt) and resolves on its
   * PUBACK. The ota_create goes out only after that, so a driver that takes over knows the bid.
   */
  recordAttempt?: (campaignId: string, gateway: string) => Promise<void>;
  /** false: hold this attempt's publish for now (one another driver recorded, in its grace period). */
  mayPublish?: (campaignId: string, attempt: CampaignAttempt) => boolean;
  /** What the docks report (osd mode_code), for the idle gate; without it every dock is of unknown state. */
  docks?: DockReader;
}

export interface CampaignSender {
  /** Records, creates and publishes a new attempt for each decision. */
  send(decisions: readonly SendDecision[]): void;
  /** Publishes every attempt still waiting for its PUBACK that is not in flight; re-creates lost tasks. */
  flushQueued(): void;
  /** Marks published campaign tasks with no services_reply after the reply timeout as no reply. */
  checkReplyTimeouts(): void;
  /** bids being published right now (for tests and diagnostics). */
  inFlight(): ReadonlySet<string>;
}

/** The attempt's ota_create, exactly as first built: same tid, bid and timestamp. */
export function attemptMessage(gw: CampaignGateway, attempt: CampaignAttempt): OtaCreateMessage {
  return { ...buildOtaCreate(gw.devices), tid: attempt.tid, bid: attempt.bid, timestamp: attempt.timestamp };
}

export function createCampaignSender(deps: SenderDeps): CampaignSender {
  const { campaigns, tasks, ids, now, retryDelayMs = 3_000 } = deps;
  const inFlight = new Set<string>();
  const lastFailure = new Map<string, number>();
  /** bids whose gateway record is on the broker (recordAttempt resolved). */
  const recorded = new Set<string>();
  const drives = deps.drives ?? (() => true);

  function findGateway(campaignId: string, gateway: string): { campaign: Campaign; gw: CampaignGateway } | null {
    const campaign = campaigns.getState().campaigns.find((c) => c.id === campaignId);
    const gw = campaign?.gateways.find((g) => g.gateway === gateway);
    return campaign === undefined || gw === undefined ? null : { campaign, gw };
  }

  function failed(bid: string): void {
    inFlight.delete(bid);
    lastFailure.set(bid, now());
  }

  /** The write-ahead step on the broker; publishes once the record is acknowledged. */
  function recordThenPublish(
    campaign: Campaign,
    gw: CampaignGateway,
    attempt: CampaignAttempt,
    record: (campaignId: string, gateway: string) => Promise<void>,
  ): void {
    inFlight.add(attempt.bid);
    record(campaign.id, gw.gateway).then(
      () => {
        inFlight.delete(attempt.bid);
        recorded.add(attempt.bid);
        const found = findGateway(campaign.id, gw.gateway);
        const current = found?.gw.attempts.find((a) => a.bid === attempt.bid);
        if (found !== null && current !== undefined && current.publishedAt === null) publish(found.campaign, found.gw, current);
      },
      () => failed(attempt.bid),
    );
  }

  function publish(campaign: Campaign, gw: CampaignGateway, attempt: CampaignAttempt): void {
    if (inFlight.has(attempt.bid) || !drives(campaign.id)) return;
    const failedAt = lastFailure.get(attempt.bid);
    if (failedAt !== undefined && now() - failedAt < retryDelayMs) return;
    if (deps.mayPublish !== undefined && !deps.mayPublish(campaign.id, attempt)) return;
    const publisher = deps.publisher();
    if (publisher === null || publisher.readOnly) return;
    if (deps.recordAttempt !== undefined && !recorded.has(attempt.bid)) {
      recordThenPublish(campaign, gw, attempt, deps.recordAttempt);
      return;
    }
    if (sendHold(campaign, gw.gateway, now(), deps.docks) !== null) return;
    let message: OtaCreateMessage;
    try {
      message = attemptMessage(gw, attempt);
    } catch {
      return; // validated when the campaign started; nothing sensible to send otherwise
    }
    inFlight.add(attempt.bid);
    publisher.publish(servicesTopic(gw.gateway), message, { qos: 1 }).then(
      () => {
        inFlight.delete(attempt.bid);
        lastFailure.delete(attempt.bid);
        const at = now();
        tasks.getState().taskPublished(attempt.bid, at);
        campaigns.getState().attemptPublished(campaign.id, attempt.bid, at);
        deps.persistNow?.();
      },
      () => failed(attempt.bid),
    );
  }

  function send(decisions: readonly SendDecision[]): void {
    for (const decision of decisions) {
      if (!drives(decision.campaignId)) continue;
      const found = findGateway(decision.campaignId, decision.gateway);
      if (found === null) continue;
      const tid = ids.uuid();
      const bid = ids.uuid();
      const at = now();
      const attempt: CampaignAttempt = {
        bid,
        tid,
        timestamp: ids.now(),
        attempt: decision.attempt,
        createdAt: at,
        publishedAt: null,
        outcome: null,
        lastState: 'queued',
        resultText: null,
        finishedAt: null,
      };
      campaigns.getState().attemptRecorded(decision.campaignId, decision.gateway, attempt, at);
      deps.persistNow?.();
      const recorded = findGateway(decision.campaignId, decision.gateway);
      if (recorded === null) continue;
      tasks.getState().taskCreated(attemptTaskInput(recorded.campaign.id, recorded.gw, attempt), at);
      publish(recorded.campaign, recorded.gw, attempt);
    }
  }

  function flushQueued(): void {
    for (const campaign of campaigns.getState().campaigns) {
      if (!drives(campaign.id)) continue;
      for (const gw of campaign.gateways) {
        const attempt = gw.attempts.at(-1);
        if (attempt === undefined || attempt.outcome !== null || inFlight.has(attempt.bid)) continue;
        const at = now();
        let task = tasks.getState().table.byBid.get(attempt.bid);
        if (task === undefined) {
          tasks.getState().taskCreated(attemptTaskInput(campaign.id, gw, attempt), at);
          // Its reply, if one came, came before this console listened (a takeover, a lost history).
          // What the campaign's record says of it stands: an attempt the dock answered (or reported
          // progress for) is accepted, never 'no reply'; one still unanswered waits for its reply
          // from now. The dock's next progress shows where it is.
          if (attempt.publishedAt !== null) tasks.getState().taskPublished(attempt.bid, Math.max(attempt.publishedAt, at));
          if (attempt.publishedAt !== null && attempt.lastState !== null && ANSWERED.has(attempt.lastState))
            tasks.getState().taskAcceptedEarlier(attempt.bid, at);
          task = tasks.getState().table.byBid.get(attempt.bid);
        }
        if (attempt.publishedAt !== null || task === undefined) continue;
        if (task.command !== 'queued') {
          // The task history knows it went out (a reply or progress arrived): record, don't resend.
          campaigns.getState().attemptPublished(campaign.id, attempt.bid, task.publishedAt ?? at);
          continue;
        }
        publish(campaign, gw, attempt);
      }
    }
  }

  function checkReplyTimeouts(): void {
    const at = now();
    const { table, timings } = tasks.getState();
    for (const campaign of campaigns.getState().campaigns) {
      if (!drives(campaign.id)) continue;
      for (const gw of campaign.gateways) {
        const attempt = gw.attempts.at(-1);
        if (attempt === undefined) continue;
        const task = table.byBid.get(attempt.bid);
        if (task?.command !== 'published' || task.execution !== null || task.publishedAt === null) continue;
        if (at - task.publishedAt >= timings.replyTimeoutMs) tasks.getState().replyTimedOut(attempt.bid, at);
      }
    }
  }

  return { send, flushQueued, checkReplyTimeouts, inFlight: () => inFlight };
}
