/**
 * The page's campaigns. Operator actions (start, pause, resume, abort, retry) and the sender's
 * records (attempt decided, attempt on the wire) are actions here; the orchestrator's verdicts
 * (outcomes seen, paused by the stop rule, finished) arrive as campaignsOrchestrated.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultIds } from '../protocol/ids.ts';
import {
  aborted,
  attemptPublished,
  attemptRecorded,
  failedRetried,
  gatewayRetried,
  newCampaign,
  pausedByOperator,
  resumed,
} from './campaign-actions.ts';
import { MAX_CAMPAIGNS, type Campaign, type CampaignAttempt, type CampaignPlan } from './campaign-types.ts';

export const RUN_ELSEWHERE_MESSAGE =
  'Campaigns are run by another tab of this console (only one tab sends, so nothing goes out twice). Use that tab, or close it and this one takes over.';

export interface CampaignsState {
  /** Oldest first. */
  campaigns: readonly Campaign[];
  /**
   * Another tab of this console runs the campaigns: this store only mirrors what it stores, and
   * operator actions are refused (campaignStarted throws RUN_ELSEWHERE_MESSAGE).
   */
  controlledElsewhere: boolean;
  controlChanged(controlledElsewhere: boolean): void;
  /** Follower tabs: the leader's stored campaigns, replacing ours. */
  campaignsMirrored(campaigns: readonly Campaign[]): void;
  /** Starts a campaign (validated; throws on a bad plan) and returns its id. Sending starts on the next tick. */
  campaignStarted(plan: CampaignPlan, now: number): string;
  campaignPaused(id: string, now: number): void;
  campaignResumed(id: string, now: number): void;
  campaignAborted(id: string, now: number): void;
  /** "Retry failed": a new attempt for every gateway whose newest attempt failed. */
  failedRetried(id: string, now: number): void;
  /** The per-gateway Retry. */
  gatewayRetried(id: string, gateway: string, now: number): void;
  /** Sender: this attempt is about to be published (recorded first, so a reload knows about it). */
  attemptRecorded(id: string, gateway: string, attempt: CampaignAttempt, now: number): void;
  /** Sender: the broker acknowledged the attempt (PUBACK). */
  attemptPublished(id: string, bid: string, now: number): void;
  /** Orchestrator: campaigns it changed (outcomes, pause by the stop rule, canary, finished). */
  campaignsOrchestrated(changed: readonly Campaign[]): void;
  /** Campaigns read back from storage; live ones win over restored ones with the same id. */
  campaignsRestored(restored: readonly Campaign[]): void;
  /** Forget a finished or aborted campaign (its tasks stay in the task list). */
  campaignRemoved(id: string): void;
  /**
   * Campaigns as the broker holds them (campaigns-on-broker): each replaces the one with its id,
   * except those this console drives or has yet to publish (`ownIds`), whose truth is here.
   */
  campaignsFromBroker(remote: readonly Campaign[], ownIds: ReadonlySet<string>): void;
}

export type CampaignsStore = StoreApi<CampaignsState>;

/** Keeps at most MAX_CAMPAIGNS: the oldest finished or aborted ones go first. */
function bounded(campaigns: readonly Campaign[]): readonly Campaign[] {
  let excess = campaigns.length - MAX_CAMPAIGNS;
  if (excess <= 0) return campaigns;
  return campaigns.filter((c) => {
    if (excess > 0 && (c.state === 'finished' || c.state === 'aborted')) {
      excess -= 1;
      return false;
    }
    return true;
  });
}

export function createCampaignsStore(newId: () => string = defaultIds.uuid): CampaignsStore {
  return createStore<CampaignsState>()((set, get) => {
    function update(id: string, change: (c: Campaign) => Campaign): void {
      const { campaigns, controlledElsewhere } = get();
      if (controlledElsewhere) return;
      let changed = false;
      const next = campaigns.map((c) => {
        if (c.id !== id) return c;
        const updated = change(c);
        changed ||= updated !== c;
        return updated;
      });
      if (changed) set({ campaigns: next });
    }

    return {
      campaigns: [],
      controlledElsewhere: false,
      controlChanged(controlledElsewhere) {
        if (controlledElsewhere !== get().controlledElsewhere) set({ controlledElsewhere });
      },
      campaignsMirrored(campaigns) {
        if (get().controlledElsewhere) set({ campaigns: bounded(campaigns) });
      },
      campaignStarted(plan, now) {
        if (get().controlledElsewhere) throw new Error(RUN_ELSEWHERE_MESSAGE);
        const campaign = newCampaign(plan, newId(), now);
        set({ campaigns: bounded([...get().campaigns, campaign]) });
        return campaign.id;
      },
      campaignPaused: (id, now) => update(id, (c) => pausedByOperator(c, now)),
      campaignResumed: (id, now) => update(id, (c) => resumed(c, now)),
      campaignAborted: (id, now) => update(id, (c) => aborted(c, now)),
      failedRetried: (id, now) => update(id, (c) => failedRetried(c, now)),
      gatewayRetried: (id, gateway, now) => update(id, (c) => gatewayRetried(c, gateway, now)),
      attemptRecorded: (id, gateway, attempt, now) => update(id, (c) => attemptRecorded(c, gateway, attempt, now)),
      attemptPublished: (id, bid, now) => update(id, (c) => attemptPublished(c, bid, now)),
      campaignsOrchestrated(changed) {
        if (changed.length === 0 || get().controlledElsewhere) return;
        const byId = new Map(changed.map((c) => [c.id, c]));
        set({ campaigns: get().campaigns.map((c) => byId.get(c.id) ?? c) });
      },
      campaignsRestored(restored) {
        const live = get().campaigns;
        const liveIds = new Set(live.map((c) => c.id));
        set({ campaigns: bounded([...restored.filter((c) => !liveIds.has(c.id)), ...live]) });
      },
      campaignsFromBroker(remote, ownIds) {
        const current = get().campaigns;
        const byId = new Map(remote.filter((c) => !ownIds.has(c.id)).map((c) => [c.id, c]));
        let changed = false;
        const next = current.map((c) => {
          const r = byId.get(c.id);
          byId.delete(c.id);
          if (r === undefined || r === c) return c;
          changed = true;
          return r;
        });
        if (byId.size > 0) changed = true;
        if (!changed) return;
        const added = [...byId.values()];
        set({ campaigns: bounded([...next, ...added].sort((a, b) => a.createdAt - b.createdAt)) });
      },
      campaignRemoved(id) {
        const { campaigns } = get();
        const next = campaigns.filter((c) => c.id !== id || c.state === 'running' || c.state === 'paused');
        if (next.length !== campaigns.length) set({ campaigns: next });
      },
    };
  });
}
