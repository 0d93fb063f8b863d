/**
 * One driver at a time (docs/campaigns-on-broker.md, "One driver at a time"): takes the lease of a
 * campaign whose driver is gone, settles a race, renews the lease while driving, and stops the
 * moment another driver holds it.
 *
 * Settling a race: the broker keeps the last lease written, and every subscriber sees the leases of
 * a campaign in the broker's order. A taker publishes its lease and waits for it to come back (its
 * echo). A foreign lease seen before the echo was written before ours: ours replaces it, so it is
 * ignored. A live foreign lease seen after the echo was written after ours and replaces it: the
 * taker lost, and watches. When the echo has stood for `settleMs`, the taker drives. Every taker
 * sees the same order, so exactly one (the last) drives, a moment after the last lease came back.
 */
import { encodeRecord, type CampaignLeaseRecord } from '../protocol/campaign-records.ts';
import { campaignLeaseTopic } from '../protocol/campaign-topics.ts';
import type { Board } from './campaign-board.ts';
import { leaseHolder, newLease } from './campaign-lease.ts';
import type { LinkContext } from './campaign-link-types.ts';

interface Driving {
  since: number;
  lastRenewAt: number;
  /** Sending stops at this time unless a renewal is acknowledged. */
  safeUntil: number;
}

interface Taking {
  since: number;
  /** The lease this taker published: its echo is the one with these values. */
  renewedAt: number;
  /** When the echo came back; null before. */
  echoAt: number | null;
}

export interface LeaseKeeperOptions {
  settleMs: number;
  ttlMs: number;
  renewMs: number;
  /** A driver stops sending when its last acknowledged renewal is this close to expiring. */
  safetyMs: number;
}

export interface LeaseKeeper {
  /** A lease record as it arrived (in the broker's order), before the board takes it in. */
  leaseArrived(id: string, lease: CampaignLeaseRecord | null, retained: boolean, at: number): void;
  /** Publishes the lease of a campaign to take (its driver is gone, or it is new here). */
  take(id: string, at: number): void;
  /** Settles takes, renews what this link drives, stops what another driver holds now. */
  step(id: string, at: number): 'driving' | 'taking' | 'lost' | 'idle';
  /** This link holds the lease and may send now (connected, renewal acknowledged in time). */
  drives(id: string, at: number): boolean;
  /** When this link started driving the campaign; null when it does not. */
  drivingSince(id: string): number | null;
  isDriving(id: string): boolean;
  isTaking(id: string): boolean;
  /** Campaigns this link drives or is taking: their truth is this link's store, not the board. */
  owned(): ReadonlySet<string>;
  /** Stops driving and taking it; clears the lease on the broker when it is ours. */
  release(id: string): Promise<void>;
  /** The connection dropped: takes in flight are abandoned (their echo may never come). */
  disconnected(): void;
}

export function createLeaseKeeper(ctx: LinkContext, options: LeaseKeeperOptions): LeaseKeeper {
  const { deps } = ctx;
  const { clientId, label } = deps;
  const driving = new Map<string, Driving>();
  const taking = new Map<string, Taking>();

  function publishLease(id: string, at: number): void {
    const lease = newLease(id, clientId, label, at, options.ttlMs);
    const topic = campaignLeaseTopic(ctx.ns, id);
    ctx.publishRecord(topic, encodeRecord(topic, lease)).then(
      () => {
        const d = driving.get(id);
        if (d !== undefined) d.safeUntil = Math.max(d.safeUntil, lease.expiresAt - options.safetyMs);
      },
      () => undefined,
    );
  }

  function lose(id: string, lease: CampaignLeaseRecord): void {
    if (driving.delete(id)) ctx.log(`campaign ${id}: ${lease.label} drives it now; stopped sending`);
    else if (taking.delete(id)) ctx.log(`campaign ${id}: ${lease.label} took the lease after this driver did and holds it; watching`);
  }

  return {
    leaseArrived(id, lease, retained, at) {
      if (lease === null || lease.clientId === clientId) {
        const t = taking.get(id);
        if (t !== undefined && lease !== null && t.echoAt === null && lease.renewedAt === t.renewedAt) t.echoAt = at;
        return;
      }
      if (lease.expiresAt <= at) return;
      const t = taking.get(id);
      // Before our echo: written before ours, which replaces it.
      if (t !== undefined && t.echoAt !== null) lose(id, lease);
      // A live lease published now (not a retained copy read at connect) or one whose driver is present.
      if (driving.has(id) && (!retained || ctx.board().drivers.has(lease.clientId))) lose(id, lease);
    },
    take(id, at) {
      if (driving.has(id) || taking.has(id)) return;
      taking.set(id, { since: at, renewedAt: at, echoAt: null });
      publishLease(id, at);
      ctx.log(`campaign ${id}: taking the lease`);
    },
    step(id, at) {
      const d = driving.get(id);
      if (d !== undefined) {
        if (at - d.lastRenewAt >= options.renewMs && ctx.isConnected()) {
          d.lastRenewAt = at;
          publishLease(id, at);
        }
        return 'driving';
      }
      const t = taking.get(id);
      if (t === undefined) return 'idle';
      const lease = ctx.board().campaigns.get(id)?.lease ?? null;
      if (t.echoAt !== null && at - t.echoAt >= options.settleMs) {
        taking.delete(id);
        if (lease?.clientId !== clientId) return 'lost';
        driving.set(id, { since: at, lastRenewAt: t.renewedAt, safeUntil: t.renewedAt + options.ttlMs - options.safetyMs });
        ctx.log(`campaign ${id}: driving`);
        return 'driving';
      }
      // No echo in a lease's lifetime: the publish was lost; the next sync may take it again.
      if (t.echoAt === null && at - t.since > options.ttlMs) {
        taking.delete(id);
        return 'idle';
      }
      return 'taking';
    },
    drives(id, at) {
      const d = driving.get(id);
      return d !== undefined && ctx.isConnected() && at < d.safeUntil;
    },
    drivingSince: (id) => driving.get(id)?.since ?? null,
    isDriving: (id) => driving.has(id),
    isTaking: (id) => taking.has(id),
    owned: () => new Set([...driving.keys(), ...taking.keys()]),
    release(id) {
      driving.delete(id);
      taking.delete(id);
      if (ctx.board().campaigns.get(id)?.lease?.clientId !== clientId) return Promise.resolve();
      return ctx.publishRecord(campaignLeaseTopic(ctx.ns, id), '').catch(() => undefined);
    },
    disconnected() {
      taking.clear();
    },
  };
}

/** Whether the campaign's lease is free for this client: none, expired, its driver gone, or its own. */
export function leaseFreeFor(board: Board, id: string, clientId: string, at: number): boolean {
  const holder = leaseHolder(board, id, at);
  return holder === null || holder.clientId === clientId;
}
