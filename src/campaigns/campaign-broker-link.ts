/**
 * Campaigns on the broker (docs/campaigns-on-broker.md): reads the records under the namespace
 * into the board, mirrors every campaign into the campaigns store, and drives (takes the lease
 * of, runs the orchestrator and sender for, writes the records of) the campaigns whose driver is
 * gone. Runs in the page and in the headless runner: no React, no IndexedDB, no window; the
 * session, stores, clock, ids and label are passed in. Its parts, each in its own file: the lease
 * (campaign-lease-keeper.ts), the send guard against double sends (campaign-send-guard.ts), the
 * records (campaign-record-sync.ts), commands, presence, the capability probe and retention.
 */
import { createStore } from 'zustand/vanilla';
import type { CampaignRecord } from '../protocol/campaign-records.ts';
import { boardCampaign, boardReduced, emptyBoard, type Board } from './campaign-board.ts';
import { createCampaignCommands } from './campaign-commands.ts';
import { startCampaignDriver, type CampaignDriver, type DriverTimers } from './campaign-driver.ts';
import { LEASE_RENEW_MS, LEASE_SAFETY_MS, LEASE_TTL_MS, leaseHolder, type LeaseHolder } from './campaign-lease.ts';
import { createLeaseKeeper, leaseFreeFor } from './campaign-lease-keeper.ts';
import type { CampaignBrokerLink, CampaignBrokerLinkDeps, CampaignLinkState, LinkContext } from './campaign-link-types.ts';
import { createPresence } from './campaign-presence.ts';
import { createCapabilityProbe } from './campaign-probe.ts';
import { createRecordSync } from './campaign-record-sync.ts';
import { createRetention, DEFAULT_RETENTION_MS } from './campaign-retention.ts';
import { createSendGuard } from './campaign-send-guard.ts';
import type { Campaign } from './campaign-types.ts';

export type {
  BrokerCapability,
  CampaignBrokerLink,
  CampaignBrokerLinkDeps,
  CampaignLinkState,
  RecordSession,
} from './campaign-link-types.ts';

const ACTIVE: ReadonlySet<Campaign['state']> = new Set(['running', 'paused']);

const realTimers: DriverTimers = {
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
  defer: (fn) => queueMicrotask(fn),
};

/** MQTT 5 PUBACK 0x87, as MQTT.js reports it: the broker's ACL refused the write. */
function notAuthorized(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === 0x87) return true;
  return error instanceof Error && /not authori[sz]ed/i.test(error.message);
}

export function startCampaignBrokerLink(deps: CampaignBrokerLinkDeps): CampaignBrokerLink {
  const { session, namespace: ns, clientId, label, campaigns, now } = deps;
  const timers = deps.timers ?? realTimers;
  const boardReadyMs = deps.boardReadyMs ?? 2_000;
  const ttlMs = deps.leaseTtlMs ?? LEASE_TTL_MS;
  const log = deps.log ?? (() => undefined);

  let board: Board = emptyBoard();
  let isConnected = false;
  let connectedAt = 0;
  let stopped = false;
  const state = createStore<CampaignLinkState>(() => ({
    connected: false,
    clientId,
    drivers: {},
    newer: {},
    publishRefused: null,
    writeDenied: null,
    probe: 'unchecked',
  }));

  const ctx: LinkContext = {
    deps,
    ns,
    publishRecord(topic, payload, retain = true) {
      return session.publish(topic, payload, { qos: 1, retain }).then(
        () => {
          const s = state.getState();
          if (s.publishRefused !== null || s.writeDenied !== null) state.setState({ publishRefused: null, writeDenied: null });
        },
        (error: unknown) => {
          const text = error instanceof Error ? error.message : String(error);
          state.setState({ publishRefused: text, ...(notAuthorized(error) ? { writeDenied: text } : {}) });
          throw error;
        },
      );
    },
    refused: (reason) => state.setState({ publishRefused: reason }),
    board: () => board,
    isConnected: () => isConnected,
    boardReady: (at) => isConnected && at - connectedAt >= boardReadyMs,
    log,
  };

  const lease = createLeaseKeeper(ctx, {
    settleMs: deps.settleMs ?? 2_000,
    ttlMs,
    renewMs: deps.leaseRenewMs ?? LEASE_RENEW_MS,
    safetyMs: Math.min(LEASE_SAFETY_MS, ttlMs / 3),
  });
  const guard = createSendGuard(lease, now, deps.graceMs ?? 15_000);
  const records = createRecordSync(ctx);
  const commands = createCampaignCommands(ctx);
  const presence = createPresence(ctx);
  const probe = createCapabilityProbe(ctx, (p) => state.setState({ probe: p }), deps.probeTimeoutMs ?? 5_000);
  const clearExpired = createRetention(ctx, deps.retentionMs ?? DEFAULT_RETENTION_MS);

  const mayDrive = (id?: string): boolean => !session.readOnly && deps.canDrive(id);
  const findCampaign = (id: string): Campaign | undefined => campaigns.getState().campaigns.find((c) => c.id === id);

  /** Settles, renews and releases the leases this link holds; takes those of active campaigns whose driver is gone. */
  function takeOrKeepLeases(at: number): void {
    const ids = new Set<string>([...board.campaigns.keys(), ...campaigns.getState().campaigns.map((c) => c.id)]);
    for (const id of ids) {
      const local = findCampaign(id);
      const entry = board.campaigns.get(id);
      const view = entry === undefined ? null : boardCampaign(entry);
      // An ended campaign needs no driver: its last records, and once the broker has them the lease
      // goes. Not before: the board's copy would still say running, and whoever reads it (this
      // console too, no longer its owner) would take the campaign again and drive that stale copy.
      if (lease.isDriving(id) && local !== undefined && !ACTIVE.has(local.state)) {
        records.writeRecords(local);
        const onBroker = view?.header?.state;
        if (onBroker !== undefined && !ACTIVE.has(onBroker)) void lease.release(id);
        else lease.step(id, at);
        continue;
      }
      const status = lease.step(id, at);
      if (status === 'driving' || status === 'taking' || !ctx.boardReady(at) || !mayDrive(id)) continue;
      if (view?.newer) continue;
      const known = view?.campaign ?? null;
      // On the board: drive it when complete, active and its driver is gone. Only here: publish it first.
      const campaign = known ?? (view === null ? local : undefined);
      if (campaign === undefined || !ACTIVE.has(campaign.state) || !leaseFreeFor(board, id, clientId, at)) continue;
      if (known === null) records.writeRecords(campaign);
      lease.take(id, at);
    }
  }

  function publishState(at: number): void {
    const drivers: Record<string, LeaseHolder | null> = {};
    const newer: Record<string, { v: number; name: string | null }> = {};
    for (const entry of board.campaigns.values()) {
      drivers[entry.id] = lease.isDriving(entry.id) ? { clientId, label } : leaseHolder(board, entry.id, at);
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
      if (isConnected && mayDrive()) presence.keep(at, boardReadyMs);
      records.mirror(lease.owned(), at);
      takeOrKeepLeases(at);
      for (const id of lease.owned()) {
        const campaign = findCampaign(id);
        if (campaign !== undefined && isConnected && lease.isDriving(id)) records.writeRecords(campaign);
      }
      if (ctx.boardReady(at) && mayDrive()) clearExpired(at);
      publishState(at);
    } finally {
      syncing = false;
    }
  }

  const driver: CampaignDriver = startCampaignDriver({
    campaigns,
    tasks: deps.tasks,
    publisher: () => (isConnected ? session : null),
    ids: deps.ids,
    now,
    drives: guard.drives,
    recordAttempt: records.recordAttempt,
    mayPublish: guard.mayPublish,
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
      const incoming: CampaignRecord[] = [];
      for (const message of batch) {
        if (message.kind !== 'campaign_record') continue;
        const record = message.record;
        // Commands are live only: a retained one would be replayed on every connect. A taker applies
        // them too: if it wins, the command is in its copy; if it loses, the winner applied it as well.
        if (record.type === 'command') {
          if (!message.retained && (lease.isDriving(record.id) || lease.isTaking(record.id))) commands.apply(record.command);
          continue;
        }
        if (record.type === 'probe' && record.clientId === clientId) probe.seen(message.retained, record.probe.nonce);
        // In the broker's order, before the board keeps only the last: that order settles a race.
        if (record.type === 'lease') lease.leaseArrived(record.id, record.lease, message.retained, now());
        incoming.push(record);
      }
      if (incoming.length === 0) return;
      board = boardReduced(board, incoming);
      sync();
    },
    connected() {
      isConnected = true;
      connectedAt = now();
      if (mayDrive()) presence.publish(connectedAt);
      probe.start();
      // What was written before the reconnect may not have reached the broker: write it again.
      records.forgetWritten();
      sync();
    },
    disconnected() {
      isConnected = false;
      lease.disconnected();
      publishState(now());
    },
    command(id, name, gateway) {
      return commands.issue(id, name, gateway, lease.isDriving(id));
    },
    drivenBy(id) {
      if (lease.isDriving(id)) return { clientId, label };
      return leaseHolder(board, id, now());
    },
    async stop({ release = true } = {}) {
      if (stopped) return;
      sync();
      stopped = true;
      probe.stop();
      driver.stop();
      unsubscribe();
      timers.clearInterval(handle);
      if (!release) return;
      const releases = [...lease.owned()].map((id) => lease.release(id));
      if (!session.readOnly && isConnected) releases.push(presence.clear());
      await Promise.all(releases);
    },
  };
}
