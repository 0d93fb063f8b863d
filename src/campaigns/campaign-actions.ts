/**
 * What the operator and the sender do to a campaign, as pure Campaign -> Campaign functions. An
 * action that does not apply (resume a running campaign, abort a finished one) returns the same
 * object, so subscribers stay quiet.
 */
import { assertOtaCreateDevices } from '../protocol/builders.ts';
import { nameForPlan } from './campaign-name.ts';
import type { Campaign, CampaignAttempt, CampaignGateway, CampaignPlan } from './campaign-types.ts';
import { windowProblem } from './maintenance-window.ts';

/** Throws an Error naming the problem when the plan cannot become a campaign. */
export function assertCampaignPlan(plan: CampaignPlan): void {
  if (plan.items.length === 0) throw new Error('A campaign needs at least one gateway');
  const seen = new Set<string>();
  for (const item of plan.items) {
    if (seen.has(item.gateway)) throw new Error(`Gateway ${item.gateway} is listed twice`);
    seen.add(item.gateway);
    assertOtaCreateDevices(item.devices);
  }
  if (plan.maxParallel !== null && !(Number.isInteger(plan.maxParallel) && plan.maxParallel >= 1)) {
    throw new Error('Max parallel upgrades must be a whole number of at least 1');
  }
  if (plan.canarySize !== null && !(Number.isInteger(plan.canarySize) && plan.canarySize >= 1)) {
    throw new Error('Canary size must be a whole number of at least 1');
  }
  const rule = plan.pauseAfterFailures;
  if (rule !== null) {
    if ('count' in rule && !(Number.isInteger(rule.count) && rule.count >= 1)) {
      throw new Error('Pause after failures must be a whole number of at least 1');
    }
    if ('percent' in rule && !(Number.isFinite(rule.percent) && rule.percent > 0 && rule.percent <= 100)) {
      throw new Error('Pause after failures (percent) must be between 0 and 100');
    }
  }
  const timing = plan.timing;
  if (timing !== undefined) {
    const problem = timing.window === null ? null : windowProblem(timing.window);
    if (problem !== null) throw new Error(`The maintenance window's ${WINDOW_PARTS[problem]} is not valid`);
    if (timing.notBefore !== null && !Number.isFinite(timing.notBefore)) throw new Error('"Start not before" is not a valid time');
  }
}

const WINDOW_PARTS = { days: 'days', start: 'start time', duration: 'duration', timeZone: 'time zone' } as const;

export function newCampaign(plan: CampaignPlan, id: string, now: number): Campaign {
  assertCampaignPlan(plan);
  const gateways: CampaignGateway[] = plan.items.map((item) => ({
    gateway: item.gateway,
    devices: item.devices.map((d) => ({ ...d })),
    deviceInfo: item.deviceInfo.map((d) => ({ ...d })),
    attempts: [],
    retryRequested: false,
    skippedReason: null,
  }));
  return {
    id,
    ...nameForPlan(plan),
    createdAt: now,
    firmware: plan.firmware.map((f) => ({ ...f })),
    maxParallel: plan.maxParallel,
    pauseAfterFailures: plan.pauseAfterFailures,
    canarySize: plan.canarySize,
    gateways,
    state: 'running',
    pausedReason: null,
    failuresBeforeResume: 0,
    canaryDone: plan.canarySize === null,
    finishedAt: null,
    updatedAt: now,
    ...(plan.timing === undefined ? {} : { timing: plan.timing }),
  };
}

/** Every failed attempt of the campaign (a retried gateway's earlier failures still count). */
export function failedAttemptCount(campaign: Campaign): number {
  let failed = 0;
  for (const gw of campaign.gateways) for (const a of gw.attempts) if (a.outcome === 'failed') failed += 1;
  return failed;
}

export function pausedByOperator(campaign: Campaign, now: number): Campaign {
  if (campaign.state !== 'running') return campaign;
  return { ...campaign, state: 'paused', pausedReason: { kind: 'operator' }, updatedAt: now };
}

/**
 * Back to running. Failures so far no longer count toward the stop rule (the operator has seen
 * them), and a failed canary is accepted: resuming is the decision to go on.
 */
export function resumed(campaign: Campaign, now: number): Campaign {
  if (campaign.state !== 'paused') return campaign;
  return {
    ...campaign,
    state: 'running',
    pausedReason: null,
    failuresBeforeResume: failedAttemptCount(campaign),
    canaryDone: true,
    updatedAt: now,
  };
}

/** No new ota_create from now on; tasks already sent go on (the protocol has no cancel). */
export function aborted(campaign: Campaign, now: number): Campaign {
  if (campaign.state === 'aborted' || campaign.state === 'finished') return campaign;
  return {
    ...campaign,
    state: 'aborted',
    pausedReason: null,
    gateways: campaign.gateways.map((g) => (g.retryRequested ? { ...g, retryRequested: false } : g)),
    finishedAt: now,
    updatedAt: now,
  };
}

function lastAttempt(gw: CampaignGateway): CampaignAttempt | undefined {
  return gw.attempts.at(-1);
}

/** The gateway's newest attempt failed (or it was skipped) and no retry is queued yet. */
export function canRetryGateway(gw: CampaignGateway): boolean {
  return (lastAttempt(gw)?.outcome === 'failed' || gw.skippedReason !== null) && !gw.retryRequested;
}

function withRetries(campaign: Campaign, pick: (gw: CampaignGateway) => boolean, now: number): Campaign {
  if (campaign.state === 'aborted') return campaign;
  let changed = false;
  const gateways = campaign.gateways.map((gw) => {
    if (!canRetryGateway(gw) || !pick(gw)) return gw;
    changed = true;
    return { ...gw, retryRequested: true, skippedReason: null };
  });
  if (!changed) return campaign;
  // Retrying is an explicit request to send: a paused or finished campaign runs again, and the
  // failures being retried no longer count toward the stop rule.
  return {
    ...campaign,
    gateways,
    state: 'running',
    pausedReason: null,
    finishedAt: null,
    failuresBeforeResume: failedAttemptCount(campaign),
    canaryDone: campaign.canaryDone || campaign.state === 'paused',
    updatedAt: now,
  };
}

/** "Retry failed": every gateway whose newest attempt failed gets another (new tid/bid, attempt + 1). */
export function failedRetried(campaign: Campaign, now: number): Campaign {
  return withRetries(campaign, () => true, now);
}

/** The per-gateway Retry. */
export function gatewayRetried(campaign: Campaign, gateway: string, now: number): Campaign {
  return withRetries(campaign, (gw) => gw.gateway === gateway, now);
}

function updateGateway(campaign: Campaign, gateway: string, now: number, update: (gw: CampaignGateway) => CampaignGateway): Campaign {
  let changed = false;
  const gateways = campaign.gateways.map((gw) => {
    if (gw.gateway !== gateway) return gw;
    const next = update(gw);
    changed ||= next !== gw;
    return next;
  });
  return changed ? { ...campaign, gateways, updatedAt: now } : campaign;
}

/** The sender decided to send this attempt (recorded before the publish: the write-ahead log). */
export function attemptRecorded(campaign: Campaign, gateway: string, attempt: CampaignAttempt, now: number): Campaign {
  return updateGateway(campaign, gateway, now, (gw) =>
    gw.attempts.some((a) => a.bid === attempt.bid)
      ? gw
      : { ...gw, attempts: [...gw.attempts, attempt], retryRequested: false, skippedReason: null },
  );
}

/** The broker acknowledged the attempt's publish. */
export function attemptPublished(campaign: Campaign, bid: string, now: number): Campaign {
  const gw = campaign.gateways.find((g) => g.attempts.some((a) => a.bid === bid && a.publishedAt === null));
  if (gw === undefined) return campaign;
  return updateGateway(campaign, gw.gateway, now, (g) => ({
    ...g,
    attempts: g.attempts.map((a) => (a.bid === bid && a.publishedAt === null ? { ...a, publishedAt: now } : a)),
  }));
}
