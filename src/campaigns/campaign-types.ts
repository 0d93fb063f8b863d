/**
 * A campaign is one operator action over many gateways (docs/architecture.md, "Campaigns"): the plan
 * (gateways x firmware), its concurrency limit, stop rule and canary, and what was sent for each
 * gateway. Plain data, persisted as is: the campaign record is the write-ahead log of every
 * ota_create this console decided to send, so a reload never sends one twice.
 */
import type { OtaCreateDevice } from '../protocol/messages.ts';
import type { DeviceActivity } from '../protocol/mode-codes.ts';
import type { TaskState } from '../tasks/task-types.ts';
import type { MaintenanceWindow } from './maintenance-window.ts';

/** One gateway of the plan: the exact wire entries of its ota_create and what the monitor shows. */
export interface CampaignPlanItem {
  gateway: string;
  /** The exact ota_create device entries (1-2: the dock and/or its aircraft). */
  devices: OtaCreateDevice[];
  /** Per device SN: its model and the version it reported before the upgrade. */
  deviceInfo: { sn: string; modelKey?: string; fromVersion?: string }[];
}

export interface CampaignFirmware {
  id: string;
  productVersion: string;
  fileName: string;
  model?: string;
}

/** The idle gate: send only while the dock is idle and its aircraft on the ground (osd mode_code). */
export interface IdleGate {
  enabled: boolean;
  /** Send to a gateway whose dock sent no (recent) osd. */
  allowUnknown: boolean;
}

/** When a campaign may send (campaign-timing.ts): a maintenance window, a first instant, the idle gate. */
export interface CampaignTiming {
  window: MaintenanceWindow | null;
  /** No ota_create before this instant (ms); null = at once. */
  notBefore: number | null;
  idleGate: IdleGate;
}

/** What the console last knew of a gateway's dock and aircraft (dock-activity.ts). */
export type DockReading =
  | { kind: 'idle' }
  | { kind: 'busy'; device: string; role: 'dock' | 'aircraft'; activity: Exclude<DeviceActivity, 'idle'>; modeCode: number }
  /** No osd from the dock recently. */
  | { kind: 'unknown' };

/** Why a gateway whose turn came is not sent yet. Waiting is not a failure. */
export type GatewayWait = Exclude<DockReading, { kind: 'idle' }>;

/** Why a running campaign sends nothing new right now. */
export type CampaignWait =
  /** Outside the maintenance window or before "start not before"; opensAt null: no opening known. */
  | { kind: 'window'; opensAt: number | null }
  /** Every gateway left to send waits on the idle gate. */
  | { kind: 'docks'; waiting: number };

/** A stop rule: pause when terminal failures since the last start/resume reach it. */
export type PauseAfterFailures = { count: number } | { percent: number };

export interface CampaignPlan {
  /** The operator's name for the campaign ("Campaign name" on Upgrade, `name` in a plan file); absent or blank: an automatic name. */
  name?: string | null;
  firmware: CampaignFirmware[];
  items: CampaignPlanItem[];
  /** At most this many gateways upgrading at once; null = no limit. */
  maxParallel: number | null;
  /** null = never pause on failures. */
  pauseAfterFailures: PauseAfterFailures | null;
  /** The first N gateways go alone; the rest wait until all of them ended without a failure. null = no canary. */
  canarySize: number | null;
  /** Absent: send at any time, to any dock (as before windows and the gate existed). */
  timing?: CampaignTiming;
}

export type CampaignState = 'running' | 'paused' | 'finished' | 'aborted';

/**
 * Why a campaign paused, stored as what happened (not as a sentence) so the campaign view and
 * notifications say it in the operator's language. 'text' is a reason stored by an older build that
 * no longer parses: shown as it was written.
 */
export type PausedReason =
  | { kind: 'operator' }
  /** Failures since the start / last resume reached the count rule. */
  | { kind: 'failures'; failures: number; limit: number }
  /** ... reached the percent rule: `limit` failures = `percent`% of `gateways`, rounded up. */
  | { kind: 'failures-percent'; failures: number; percent: number; limit: number; gateways: number }
  /** `failed` of the `canary` first gateways failed. */
  | { kind: 'canary'; failed: number; canary: number }
  | { kind: 'text'; text: string };

/** Whose task kept a gateway busy when its turn came. */
export type BusyTaskOwner = 'elsewhere' | 'other-campaign' | 'this-console';

/** Why a gateway was skipped; 'text' as for PausedReason. */
export type SkipReason = { kind: 'busy'; bid: string; owner: BusyTaskOwner } | { kind: 'text'; text: string };

/** How one attempt ended, as far as the campaign is concerned. */
export type AttemptOutcome = 'succeeded' | 'failed';

/** One ota_create for a gateway: a first try or a retry (new tid and bid). */
export interface CampaignAttempt {
  bid: string;
  tid: string;
  /** The ota_create's timestamp field, kept so a re-send after a reload is the very same message. */
  timestamp: number;
  /** 1 for the first try. */
  attempt: number;
  createdAt: number;
  /** When the broker acknowledged the publish (PUBACK); null while not known to be on the wire. */
  publishedAt: number | null;
  /** null while the attempt is active. */
  outcome: AttemptOutcome | null;
  /** The task's shown state when the campaign last looked (e.g. 'failed', 'verified'); survives task pruning. */
  lastState: TaskState | null;
  /** The result text the campaign view and report show for it (code and meaning), when known. */
  resultText: string | null;
  finishedAt: number | null;
}

export interface CampaignGateway extends CampaignPlanItem {
  /** Oldest first; the newest is the current one. */
  attempts: CampaignAttempt[];
  /** Set by "Retry failed" or a per-gateway Retry: send another attempt when there is room. */
  retryRequested: boolean;
  /**
   * Why the gateway was skipped when its turn came: another task (another campaign's, a single
   * upgrade's, or another console's) was already active on it. Skipped is not a failure; Retry
   * clears it. null otherwise.
   */
  skippedReason: SkipReason | null;
  /** Its turn came (or its attempt is held before the publish) but the idle gate holds it; absent = not waiting. */
  waiting?: GatewayWait | null;
}

export interface Campaign {
  id: string;
  /** The operator's name, or the automatic one in English ("DJI Dock 2 → 10.02.0104, 10 gateways"): what older consoles show. */
  name: string;
  /**
   * true: `name` is the operator's. false: it is automatic, and screens word it from the plan in
   * their own language. Absent in records of older builds (campaign-name.ts tells the two apart).
   */
  nameGiven?: boolean;
  createdAt: number;
  /** The label of the console or runner that started it (campaigns on the broker); absent in older records. */
  createdBy?: string;
  firmware: CampaignFirmware[];
  maxParallel: number | null;
  pauseAfterFailures: PauseAfterFailures | null;
  canarySize: number | null;
  gateways: CampaignGateway[];
  state: CampaignState;
  /** Shown as "Paused: 1 failure reached the limit of 1", "Paused by the operator", ...; null unless paused. */
  pausedReason: PausedReason | null;
  /** Failed attempts counted before the last resume no longer count toward the stop rule. */
  failuresBeforeResume: number;
  /** The canary gateways all ended well (or the operator resumed past a failed canary). */
  canaryDone: boolean;
  /** When it finished or was aborted. */
  finishedAt: number | null;
  updatedAt: number;
  /** Absent in older campaigns: no window, no gate. */
  timing?: CampaignTiming;
  /** Why a running campaign sends nothing new now; absent or null when it is not waiting. */
  waiting?: CampaignWait | null;
}

/** What the orchestrator asks the sender to do: one new attempt for a gateway. */
export interface SendDecision {
  campaignId: string;
  gateway: string;
  attempt: number;
  retryOf?: string;
}

/** Campaigns kept in memory and storage; the oldest finished ones go first. */
export const MAX_CAMPAIGNS = 50;
