/**
 * When a campaign may send an ota_create, pure: the same rule for the orchestrator (deciding) and
 * the sender (just before the publish), in the browser and in the headless runner.
 *
 * - Outside the maintenance window, or before "start not before", nothing new is published.
 * - With the idle gate on, a gateway is published to only while its dock reports idle (osd
 *   mode_code 0) and no aircraft of it reports a flight mode; a dock with no recent osd only when
 *   the operator allowed unknown state.
 */
import type { DockReader } from './dock-activity.ts';
import { scheduleStateAt } from './maintenance-window.ts';
import type { Campaign, CampaignTiming, GatewayWait, IdleGate } from './campaign-types.ts';

/** Campaigns from before windows and the gate: send at any time, to any dock. */
export const UNTIMED: CampaignTiming = { window: null, notBefore: null, idleGate: { enabled: false, allowUnknown: true } };

/** What a new campaign gets unless the operator says otherwise. */
export const DEFAULT_IDLE_GATE: IdleGate = { enabled: true, allowUnknown: false };

export function timingOf(campaign: Pick<Campaign, 'timing'>): CampaignTiming {
  return campaign.timing ?? UNTIMED;
}

interface CachedState {
  from: number;
  until: number;
  hold: { opensAt: number | null } | null;
}

// The state holds from one opening or closing to the next: the sender asks for every queued attempt.
const cache = new WeakMap<CampaignTiming, CachedState>();

/** null: the window (and not-before) allow sending now; else when they next open (null: never known). */
export function windowHold(timing: CampaignTiming, now: number): { opensAt: number | null } | null {
  const cached = cache.get(timing);
  if (cached !== undefined && cached.from <= now && now < cached.until) return cached.hold;
  const state = scheduleStateAt(timing, now);
  const hold = state.open ? null : { opensAt: state.opensAt };
  const until = state.open ? (state.closesAt ?? Number.POSITIVE_INFINITY) : (state.opensAt ?? Number.POSITIVE_INFINITY);
  cache.set(timing, { from: now, until, hold });
  return hold;
}

/** null: the gate lets this gateway be sent now; else why it waits. */
export function gateHold(gate: IdleGate, gateway: string, now: number, docks: DockReader | undefined): GatewayWait | null {
  if (!gate.enabled) return null;
  const reading = docks?.read(gateway, now) ?? { kind: 'unknown' };
  if (reading.kind === 'idle') return null;
  if (reading.kind === 'unknown' && gate.allowUnknown) return null;
  return reading;
}

export type SendHold = { kind: 'window'; opensAt: number | null } | GatewayWait;

/** The check made just before an ota_create is published: null = go. */
export function sendHold(campaign: Pick<Campaign, 'timing'>, gateway: string, now: number, docks: DockReader | undefined): SendHold | null {
  const timing = timingOf(campaign);
  const window = windowHold(timing, now);
  if (window !== null) return { kind: 'window', opensAt: window.opensAt };
  return gateHold(timing.idleGate, gateway, now, docks);
}

export function sameWait(a: GatewayWait | null | undefined, b: GatewayWait | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  if (a.kind !== b.kind) return false;
  if (a.kind === 'unknown' || b.kind === 'unknown') return true;
  return a.device === b.device && a.role === b.role && a.activity === b.activity && a.modeCode === b.modeCode;
}
