/**
 * The broker link's shapes (docs/campaigns-on-broker.md): what it needs of a session and of its
 * host (the page or the headless runner), what screens read of it, and the context its parts
 * (lease, records, commands, probe, retention) share.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { CampaignCommandName } from '../protocol/campaign-records.ts';
import type { IdSource } from '../protocol/ids.ts';
import type { Decoded } from '../protocol/messages.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import type { Board } from './campaign-board.ts';
import type { DriverTimers } from './campaign-driver.ts';
import type { LeaseHolder } from './campaign-lease.ts';
import type { CampaignsStore } from './campaign-store.ts';
import type { DockReader } from './dock-activity.ts';

/** The session as the link uses it: records are published retained, QoS 1. */
export interface RecordSession {
  publish(topic: string, message: object | string, opts?: { qos?: 0 | 1; retain?: boolean }): Promise<void>;
  /** Subscribes to a filter again, so the broker sends its retained messages once more (the probe). */
  resubscribe?(filter: string): Promise<void>;
  readonly readOnly: boolean;
}

/**
 * Whether the broker can hold campaigns: a retained probe read back through a wildcard filter.
 * 'unchecked': this console cannot publish (read-only) or has not connected yet.
 */
export type BrokerCapability = 'unchecked' | 'checking' | 'ok' | 'unsupported';

export interface CampaignBrokerLinkDeps {
  session: RecordSession;
  namespace: string;
  clientId: string;
  /** Shown as "Driven by {label}". */
  label: string;
  campaigns: CampaignsStore;
  tasks: TasksStore;
  ids: IdSource;
  now: () => number;
  /** Whether this console or runner may drive (take the lease of) campaigns, or this one. */
  canDrive(campaignId?: string): boolean;
  timers?: DriverTimers;
  /** How long after Connected the retained records are taken as all in (default 2 s). */
  boardReadyMs?: number;
  /**
   * How long a taker waits after its own lease came back from the broker before it drives
   * (default 2 s): a competing lease published after ours has arrived by then (the broker's last
   * write wins).
   */
  settleMs?: number;
  /** How long a driver that took over watches before re-sending an attempt it did not create (default 15 s). */
  graceMs?: number;
  leaseTtlMs?: number;
  leaseRenewMs?: number;
  /** Finished campaigns older than this are cleared from the broker (default 90 days). */
  retentionMs?: number;
  /** The driver's tick (default 1 s). */
  intervalMs?: number;
  /** How long the probe may take to come back (default 5 s). */
  probeTimeoutMs?: number;
  /** What the docks report in osd, for the idle gate (fed by the caller with every batch). */
  docks?: DockReader;
  log?: (line: string) => void;
}

/** What screens show. */
export interface CampaignLinkState {
  connected: boolean;
  /** This console's client id: `drivers[id].clientId === clientId` when it drives campaign `id`. */
  clientId: string;
  /** Who drives each campaign the board knows (null: nobody now). */
  drivers: Readonly<Record<string, LeaseHolder | null>>;
  /** Campaigns written by a newer format: shown read-only with a note. */
  newer: Readonly<Record<string, { v: number; name: string | null }>>;
  /** The last refused publish under the namespace (not authorized, ...), null when none. */
  publishRefused: string | null;
  /**
   * The broker refused this console's last write under the namespace as not authorized (its ACL):
   * its commands would be dropped too (campaign-permission.ts). null once a write is acknowledged.
   */
  writeDenied: string | null;
  probe: BrokerCapability;
}

export interface CampaignBrokerLink {
  batchReceived(batch: readonly Decoded[]): void;
  /** The session is connected (again): presence is published, the board is read. */
  connected(): void;
  disconnected(): void;
  /** Pause, Resume, Abort, Retry: applied here when this console drives, else sent to the driver. */
  command(id: string, name: CampaignCommandName, gateway?: string): Promise<void>;
  drivenBy(id: string): LeaseHolder | null;
  readonly state: StoreApi<CampaignLinkState>;
  /** Stops the driver; releases the leases and the presence unless `release: false` (tests of a crash). */
  stop(options?: { release?: boolean }): Promise<void>;
}

/** What the link's parts share: the session's publish, the board as last read, the connection. */
export interface LinkContext {
  readonly deps: CampaignBrokerLinkDeps;
  readonly ns: string;
  /** Publishes a record under the namespace (QoS 1, retained unless said otherwise); a refusal is noted in the link state. */
  publishRecord(topic: string, payload: string, retain?: boolean): Promise<void>;
  /** A record this link could not write (too large, ...): shown like a refused publish. */
  refused(reason: string): void;
  board(): Board;
  isConnected(): boolean;
  /** Connected long enough for the retained records to be in. */
  boardReady(at: number): boolean;
  log(line: string): void;
}
