/**
 * Runs the orchestrator: once a second, and soon after any change of the tasks, the campaigns or
 * the session. One tick = record what the tasks say, send what the orchestrator decides, push
 * queued attempts out, mark replies that never came.
 */
import type { StoreApi } from 'zustand/vanilla';
import { orchestrate } from './campaign-orchestrator.ts';
import { createCampaignSender, type CampaignSender, type SenderDeps } from './campaign-sender.ts';
import type { Campaign, SendDecision } from './campaign-types.ts';

export interface DriverTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Runs fn soon, after the current store update has finished. */
  defer(fn: () => void): void;
}

const realTimers: DriverTimers = {
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
  defer: (fn) => queueMicrotask(fn),
};

export interface DriverDeps extends SenderDeps {
  /** Other stores whose change should trigger a tick (the active session). */
  alsoWatch?: readonly StoreApi<unknown>[];
  timers?: DriverTimers;
  intervalMs?: number;
}

export interface CampaignDriver {
  /** One orchestration pass now. */
  tick(): void;
  stop(): void;
  readonly sender: CampaignSender;
}

/** One pass over every campaign: the changed campaigns and the sends, without touching any store. */
export function orchestrateAll(deps: Pick<SenderDeps, 'campaigns' | 'tasks' | 'now' | 'drives' | 'docks'>): {
  changed: Campaign[];
  sends: SendDecision[];
} {
  const { table, timings } = deps.tasks.getState();
  const at = deps.now();
  const changed: Campaign[] = [];
  const sends: SendDecision[] = [];
  for (const campaign of deps.campaigns.getState().campaigns) {
    if (deps.drives !== undefined && !deps.drives(campaign.id)) continue;
    const result = orchestrate(campaign, table, at, timings, deps.docks);
    if (result.campaign !== campaign) changed.push(result.campaign);
    sends.push(...result.sends);
  }
  return { changed, sends };
}

export function startCampaignDriver(deps: DriverDeps): CampaignDriver {
  const { timers = realTimers, intervalMs = 1_000 } = deps;
  const sender = createCampaignSender(deps);
  let ticking = false;
  let scheduled = false;
  let stopped = false;

  function tick(): void {
    // Store actions below notify subscribers, which ask for another tick: run it after this one.
    if (ticking || stopped) return;
    ticking = true;
    try {
      const { changed, sends } = orchestrateAll(deps);
      deps.campaigns.getState().campaignsOrchestrated(changed);
      sender.send(sends);
      sender.flushQueued();
      sender.checkReplyTimeouts();
    } finally {
      ticking = false;
    }
  }

  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    timers.defer(() => {
      scheduled = false;
      tick();
    });
  }

  const unsubscribes = [
    deps.campaigns.subscribe(schedule),
    deps.tasks.subscribe(schedule),
    ...(deps.alsoWatch ?? []).map((s) => s.subscribe(schedule)),
  ];
  const handle = timers.setInterval(tick, intervalMs);
  schedule();

  return {
    tick,
    sender,
    stop() {
      stopped = true;
      timers.clearInterval(handle);
      for (const unsubscribe of unsubscribes) unsubscribe();
    },
  };
}
