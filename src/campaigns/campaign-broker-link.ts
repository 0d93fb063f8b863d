/**
 * Campaigns on the broker (docs/campaigns-on-broker.md): reads the records under the namespace
 * into the board, mirrors every campaign into the campaigns store, and drives (takes the lease
 * of, runs the orchestrator and sender for, writes the records of) the campaigns whose driver is
 * gone. Runs in the page and in the headless runner: no React, no IndexedDB, no window; the
 * session, stores, clock, ids and label are passed in.
 *
 * No double send: the gateway record with the attempt is on the broker (PUBACK) before its
 * ota_create goes out; a driver that takes over treats attempts it did not create as possibly
 * sent: seen (a task with that bid that left 'queued') means sent; else it watches for a grace
 * period before sending the very same message (same bid, tid, timestamp). A driver stops sending
 * the moment it sees another driver's live lease, while disconnected, and when its last confirmed
 * renewal is about to expire.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  CAMPAIGN_FORMAT_VERSION,
  encodeRecord,
  type CampaignCommandName,
  type CampaignCommandRecord,
  type CampaignRecord,
} from '../protocol/campaign-records.ts';
import {
  campaignCommandsTopic,
  campaignGatewayTopic,
  campaignHeaderTopic,
  campaignLeaseTopic,
  driverPresenceTopic,
  probeTopic,
} from '../protocol/campaign-topics.ts';
import type { IdSource } from '../protocol/ids.ts';
import type { Decoded } from '../protocol/messages.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import { boardCampaign, boardReduced, emptyBoard, type Board } from './campaign-board.ts';
import { startCampaignDriver, type CampaignDriver, type DriverTimers } from './campaign-driver.ts';
import type { DockReader } from './dock-activity.ts';
import { LEASE_RENEW_MS, LEASE_SAFETY_MS, LEASE_TTL_MS, leaseHolder, newLease, type LeaseHolder } from './campaign-lease.ts';
import type { CampaignsStore } from './campaign-store.ts';
import type { Campaign, CampaignAttempt } from './campaign-types.ts';
import { gatewayRecord, headerRecord } from './campaign-wire.ts';

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
  /** How long a new lease must stay ours before driving (default 2 s): two takers settle on the broker's last. */
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
  /** Who drives each campaign the board knows (null: nobody now). */
  drivers: Readonly<Record<string, LeaseHolder | null>>;
  /** Campaigns written by a newer format: shown read-only with a note. */
  newer: Readonly<Record<string, { v: number; name: string | null }>>;
  /** The last refused publish under the namespace (not authorized, ...), null when none. */
  publishRefused: string | null;
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

const DAY_MS = 24 * 60 * 60 * 1000;
const ACTIVE: ReadonlySet<Campaign['state']> = new Set(['running', 'paused']);

interface Driving {
  since: number;
  lastRenewAt: number;
  /** Sending stops at this time unless a renewal is acknowledged. */
  safeUntil: number;
}

const realTimers: DriverTimers = {
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
  defer: (fn) => queueMicrotask(fn),
};

export function startCampaignBrokerLink(deps: CampaignBrokerLinkDeps): CampaignBrokerLink {
  const { session, namespace: ns, clientId, label, campaigns, now } = deps;
  const timers = deps.timers ?? realTimers;
  const boardReadyMs = deps.boardReadyMs ?? 2_000;
  const settleMs = deps.settleMs ?? 2_000;
  const graceMs = deps.graceMs ?? 15_000;
  const ttlMs = deps.leaseTtlMs ?? LEASE_TTL_MS;
  const renewMs = deps.leaseRenewMs ?? LEASE_RENEW_MS;
  const safetyMs = Math.min(LEASE_SAFETY_MS, ttlMs / 3);
  const retentionMs = deps.retentionMs ?? 90 * DAY_MS;
  const log = deps.log ?? (() => undefined);

  let board: Board = emptyBoard();
  let isConnected = false;
  let connectedAt = 0;
  let stopped = false;
  const driving = new Map<string, Driving>();
  /** Campaigns whose lease this link published and waits to see settle: id -> since. */
  const taking = new Map<string, number>();
  /** Payload last published per record topic (header) or the gateway object it came from. */
  const writtenHeader = new Map<string, string>();
  const writtenGateway = new Map<string, object>();
  const appliedCommands = new Set<string>();
  const cleared = new Set<string>();
  const state = createStore<CampaignLinkState>(() => ({
    connected: false,
    drivers: {},
    newer: {},
    publishRefused: null,
    probe: 'unchecked',
  }));
  let probeNonce: string | null = null;
  let cancelProbe: (() => void) | null = null;

  const boardReady = (at: number): boolean => isConnected && at - connectedAt >= boardReadyMs;

  function publishRecord(topic: string, payload: string, retain = true): Promise<void> {
    return session.publish(topic, payload, { qos: 1, retain }).then(
      () => {
        if (state.getState().publishRefused !== null) state.setState({ publishRefused: null });
      },
      (error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        state.setState({ publishRefused: text });
        throw error;
      },
    );
  }

  function drives(id: string): boolean {
    const d = driving.get(id);
    return d !== undefined && isConnected && now() < d.safeUntil;
  }

  function mayPublish(id: string, attempt: CampaignAttempt): boolean {
    const d = driving.get(id);
    if (d === undefined || !drives(id)) return false;
    // Created before this link drove it: another driver (or this console before a reload) may have sent it.
    return attempt.createdAt >= d.since || now() - d.since >= graceMs;
  }

  function findCampaign(id: string): Campaign | undefined {
    return campaigns.getState().campaigns.find((c) => c.id === id);
  }

  function writeGateway(campaign: Campaign, index: number): Promise<void> {
    const gw = campaign.gateways[index];
    if (gw === undefined) return Promise.resolve();
    const topic = campaignGatewayTopic(ns, campaign.id, gw.gateway);
    const payload = encodeRecord(topic, gatewayRecord(campaign, gw, index, now()));
    writtenGateway.set(topic, gw);
    return publishRecord(topic, payload).catch((error: unknown) => {
      if (writtenGateway.get(topic) === gw) writtenGateway.delete(topic);
      throw error;
    });
  }

  function recordAttempt(id: string, gateway: string): Promise<void> {
    const campaign = findCampaign(id);
    const index = campaign?.gateways.findIndex((g) => g.gateway === gateway) ?? -1;
    if (campaign === undefined || index < 0) return Promise.reject(new Error(`campaign ${id} has no gateway ${gateway}`));
    return writeGateway(campaign, index);
  }

  /** Publishes the records of a campaign this link owns that changed since last written. */
  function writeRecords(campaign: Campaign): void {
    const headerTopic = campaignHeaderTopic(ns, campaign.id);
    let header: string;
    try {
      header = encodeRecord(headerTopic, headerRecord(campaign, label));
      campaign.gateways.forEach((gw, index) => {
        const topic = campaignGatewayTopic(ns, campaign.id, gw.gateway);
        if (writtenGateway.get(topic) !== gw) writeGateway(campaign, index).catch(() => undefined);
      });
    } catch (error) {
      state.setState({ publishRefused: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (writtenHeader.get(headerTopic) === header) return;
    writtenHeader.set(headerTopic, header);
    publishRecord(headerTopic, header).catch(() => {
      if (writtenHeader.get(headerTopic) === header) writtenHeader.delete(headerTopic);
    });
  }

  function publishLease(id: string, at: number): void {
    const lease = newLease(id, clientId, label, at, ttlMs);
    const topic = campaignLeaseTopic(ns, id);
    publishRecord(topic, encodeRecord(topic, lease)).then(
      () => {
        const d = driving.get(id);
        if (d !== undefined) d.safeUntil = Math.max(d.safeUntil, lease.expiresAt - safetyMs);
      },
      () => undefined,
    );
  }

  function release(id: string): Promise<void> {
    driving.delete(id);
    taking.delete(id);
    if (board.campaigns.get(id)?.lease?.clientId !== clientId) return Promise.resolve();
    return publishRecord(campaignLeaseTopic(ns, id), '').catch(() => undefined);
  }

  function takeOrKeepLeases(at: number): void {
    const ids = new Set<string>([...board.campaigns.keys(), ...campaigns.getState().campaigns.map((c) => c.id)]);
    for (const id of ids) {
      const entry = board.campaigns.get(id);
      const local = findCampaign(id);
      const lease = entry?.lease ?? null;
      const foreign = lease !== null && lease.clientId !== clientId && lease.expiresAt > at && board.drivers.has(lease.clientId);
      const d = driving.get(id);
      if (d !== undefined) {
        if (foreign) {
          driving.delete(id);
          log(`campaign ${id}: ${lease.label} drives it now; stopped sending`);
        } else if (local !== undefined && !ACTIVE.has(local.state)) {
          writeRecords(local);
          void release(id);
        } else if (at - d.lastRenewAt >= renewMs && isConnected) {
          d.lastRenewAt = at;
          publishLease(id, at);
        }
        continue;
      }
      const since = taking.get(id);
      if (since !== undefined) {
        if (foreign) taking.delete(id);
        else if (lease?.clientId === clientId && at - since >= settleMs) {
          taking.delete(id);
          driving.set(id, { since: at, lastRenewAt: lease.renewedAt, safeUntil: lease.expiresAt - safetyMs });
          log(`campaign ${id}: driving`);
        } else if (at - since > settleMs + ttlMs) taking.delete(id);
        continue;
      }
      if (!boardReady(at) || session.readOnly || !deps.canDrive(id)) continue;
      const view = entry === undefined ? null : boardCampaign(entry);
      if (view?.newer) continue;
      const known = view?.campaign ?? null;
      // On the board: drive it when complete, active and its driver is gone. Only here: publish it first.
      const campaign = known ?? (view === null ? local : undefined);
      if (campaign === undefined || !ACTIVE.has(campaign.state)) continue;
      // A lease of our own client id is this console's before a reload: taken back at once.
      const holder = leaseHolder(board, id, at);
      if (holder !== null && holder.clientId !== clientId) continue;
      if (known === null && campaign !== undefined) writeRecords(campaign);
      // Our own client id's lease needs no settling: the broker lets one connection hold a client id.
      taking.set(id, holder === null ? at : at - settleMs);
      publishLease(id, at);
      log(`campaign ${id}: taking the lease`);
    }
  }

  /** Publishes a retained probe, then subscribes to `{ns}/probe/+` again: the broker must send it back, retained. */
  function startProbe(): void {
    cancelProbe?.();
    cancelProbe = null;
    if (session.readOnly || session.resubscribe === undefined) return;
    const nonce = deps.ids.uuid();
    probeNonce = nonce;
    state.setState({ probe: 'checking' });
    const topic = probeTopic(ns, clientId);
    const resubscribe = session.resubscribe.bind(session);
    publishRecord(topic, encodeRecord(topic, { v: CAMPAIGN_FORMAT_VERSION, clientId, nonce, at: now() }))
      .then(() => resubscribe(`${ns}/probe/+`))
      .catch(() => undefined);
    const handle = globalThis.setTimeout(() => {
      if (probeNonce !== nonce) return;
      probeNonce = null;
      state.setState({ probe: 'unsupported' });
      log('the broker did not send a retained message back through a wildcard subscription: it cannot hold campaigns');
      publishRecord(topic, '').catch(() => undefined);
    }, deps.probeTimeoutMs ?? 5_000);
    cancelProbe = () => globalThis.clearTimeout(handle);
  }

  function probeSeen(retained: boolean, nonce: string): void {
    if (!retained || nonce !== probeNonce) return;
    probeNonce = null;
    cancelProbe?.();
    cancelProbe = null;
    state.setState({ probe: 'ok' });
    publishRecord(probeTopic(ns, clientId), '').catch(() => undefined);
  }

  let presenceAt = Number.NEGATIVE_INFINITY;
  function publishPresence(at: number): void {
    presenceAt = at;
    const topic = driverPresenceTopic(ns, clientId);
    publishRecord(topic, encodeRecord(topic, { v: CAMPAIGN_FORMAT_VERSION, clientId, label, state: 'online', since: at })).catch(
      () => undefined,
    );
  }

  /** The will of this client id's previous connection (a reload) may clear the presence after it was written. */
  function keepPresence(at: number): void {
    if (!isConnected || session.readOnly || !deps.canDrive()) return;
    if (!board.drivers.has(clientId) && at - presenceAt >= boardReadyMs) publishPresence(at);
  }

  function clearExpired(at: number): void {
    if (!boardReady(at) || session.readOnly || !deps.canDrive()) return;
    for (const entry of board.campaigns.values()) {
      const header = entry.header;
      if (header === null || cleared.has(entry.id) || ACTIVE.has(header.state)) continue;
      if (header.finishedAt === null || at - header.finishedAt < retentionMs) continue;
      cleared.add(entry.id);
      const topics = [
        ...[...entry.gateways.keys()].map((sn) => campaignGatewayTopic(ns, entry.id, sn)),
        campaignLeaseTopic(ns, entry.id),
        campaignHeaderTopic(ns, entry.id),
      ];
      for (const topic of topics) publishRecord(topic, '').catch(() => undefined);
      log(`campaign ${entry.id}: cleared from the broker (finished more than ${Math.round(retentionMs / DAY_MS)} days ago)`);
    }
  }

  /** Campaigns last taken from the board: one that leaves it (retention) leaves the store too, if it ended. */
  let mirrored = new Set<string>();
  function mirror(): void {
    const remote: Campaign[] = [];
    for (const entry of board.campaigns.values()) {
      const c = boardCampaign(entry).campaign;
      if (c !== null) remote.push(c);
    }
    const own = new Set([...driving.keys(), ...taking.keys()]);
    campaigns.getState().campaignsFromBroker(remote, own);
    const present = new Set(remote.map((c) => c.id));
    for (const id of mirrored) if (!present.has(id) && !board.campaigns.has(id) && !own.has(id)) campaigns.getState().campaignRemoved(id);
    mirrored = present;
  }

  function publishState(at: number): void {
    const drivers: Record<string, LeaseHolder | null> = {};
    const newer: Record<string, { v: number; name: string | null }> = {};
    for (const entry of board.campaigns.values()) {
      drivers[entry.id] = driving.has(entry.id) ? { clientId, label } : leaseHolder(board, entry.id, at);
      if (entry.newer !== null) newer[entry.id] = entry.newer;
    }
    const prev = state.getState();
    const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
    if (prev.connected !== isConnected || !same(prev.drivers, drivers) || !same(prev.newer, newer))
      state.setState({ connected: isConnected, drivers, newer });
  }

  let syncing = false;
  function sync(): void {
    if (stopped || syncing) return;
    syncing = true;
    try {
      const at = now();
      keepPresence(at);
      mirror();
      takeOrKeepLeases(at);
      for (const id of driving.keys()) {
        const campaign = findCampaign(id);
        if (campaign !== undefined && isConnected) writeRecords(campaign);
      }
      clearExpired(at);
      publishState(at);
    } finally {
      syncing = false;
    }
  }

  function applyCommand(command: CampaignCommandRecord): void {
    if (appliedCommands.has(command.commandId)) return;
    appliedCommands.add(command.commandId);
    const at = now();
    const store = campaigns.getState();
    const id = command.campaignId;
    log(`campaign ${id}: ${command.command}${command.gateway === undefined ? '' : ` ${command.gateway}`} from ${command.from.label}`);
    switch (command.command) {
      case 'pause':
        store.campaignPaused(id, at);
        break;
      case 'resume':
        store.campaignResumed(id, at);
        break;
      case 'abort':
        store.campaignAborted(id, at);
        break;
      case 'retry-failed':
        store.failedRetried(id, at);
        break;
      case 'retry-gateway':
        if (command.gateway !== undefined) store.gatewayRetried(id, command.gateway, at);
        break;
    }
  }

  const driver: CampaignDriver = startCampaignDriver({
    campaigns,
    tasks: deps.tasks,
    publisher: () => (isConnected ? session : null),
    ids: deps.ids,
    now,
    drives,
    recordAttempt,
    mayPublish,
    ...(deps.docks === undefined ? {} : { docks: deps.docks }),
    timers,
    ...(deps.intervalMs === undefined ? {} : { intervalMs: deps.intervalMs }),
  });
  const unsubscribe = campaigns.subscribe((s, prev) => {
    if (s.campaigns !== prev.campaigns) timers.defer(sync);
  });
  const handle = timers.setInterval(sync, deps.intervalMs ?? 1_000);

  return {
    state,
    batchReceived(batch) {
      const records: CampaignRecord[] = [];
      for (const message of batch) {
        if (message.kind !== 'campaign_record') continue;
        const record = message.record;
        // Commands are live only: a retained one would be replayed on every connect.
        if (record.type === 'command') {
          if (!message.retained && driving.has(record.id)) applyCommand(record.command);
          continue;
        }
        if (record.type === 'probe' && record.clientId === clientId) probeSeen(message.retained, record.probe.nonce);
        records.push(record);
      }
      if (records.length === 0) return;
      board = boardReduced(board, records);
      sync();
    },
    connected() {
      isConnected = true;
      connectedAt = now();
      if (!session.readOnly && deps.canDrive()) publishPresence(connectedAt);
      startProbe();
      // What was written before the reconnect may not have reached the broker: write it again.
      writtenHeader.clear();
      writtenGateway.clear();
      sync();
    },
    disconnected() {
      isConnected = false;
      publishState(now());
    },
    async command(id, name, gateway) {
      if (driving.has(id)) {
        applyCommand({
          v: CAMPAIGN_FORMAT_VERSION,
          commandId: deps.ids.uuid(),
          campaignId: id,
          command: name,
          ...(gateway === undefined ? {} : { gateway }),
          from: { clientId, label },
          at: now(),
        });
        return;
      }
      const topic = campaignCommandsTopic(ns, id);
      const record: CampaignCommandRecord = {
        v: CAMPAIGN_FORMAT_VERSION,
        commandId: deps.ids.uuid(),
        campaignId: id,
        command: name,
        ...(gateway === undefined ? {} : { gateway }),
        from: { clientId, label },
        at: now(),
      };
      await publishRecord(topic, encodeRecord(topic, record), false);
    },
    drivenBy(id) {
      if (driving.has(id)) return { clientId, label };
      return leaseHolder(board, id, now());
    },
    async stop({ release: releasing = true } = {}) {
      if (stopped) return;
      sync();
      stopped = true;
      cancelProbe?.();
      driver.stop();
      unsubscribe();
      timers.clearInterval(handle);
      if (!releasing) return;
      const releases = [...new Set([...driving.keys(), ...taking.keys()])].map(release);
      if (!session.readOnly && isConnected) releases.push(publishRecord(driverPresenceTopic(ns, clientId), '').catch(() => undefined));
      await Promise.all(releases);
    },
  };
}
