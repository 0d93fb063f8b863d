/**
 * One driver at a time, anywhere (docs/campaigns-on-broker.md): a retained lease per campaign,
 * renewed while driving, plus the driver's presence record that its connection's will clears. A
 * lease is free when there is none, it expired, or its driver's presence is gone. Pure.
 */
import { CAMPAIGN_FORMAT_VERSION, type CampaignLeaseRecord } from '../protocol/campaign-records.ts';
import type { Board } from './campaign-board.ts';

export const LEASE_RENEW_MS = 10_000;
export const LEASE_TTL_MS = 30_000;
/** A driver stops sending when its last confirmed renewal is this close to expiring. */
export const LEASE_SAFETY_MS = 10_000;

export interface LeaseHolder {
  clientId: string;
  label: string;
}

/** Who holds the campaign's lease now; null when it is free. */
export function leaseHolder(board: Board, campaignId: string, now: number): LeaseHolder | null {
  const lease = board.campaigns.get(campaignId)?.lease ?? null;
  if (lease === null || lease.expiresAt <= now) return null;
  if (!board.drivers.has(lease.clientId)) return null;
  return { clientId: lease.clientId, label: lease.label };
}

export function newLease(
  campaignId: string,
  clientId: string,
  label: string,
  now: number,
  ttlMs: number = LEASE_TTL_MS,
): CampaignLeaseRecord {
  return { v: CAMPAIGN_FORMAT_VERSION, campaignId, clientId, label, renewedAt: now, expiresAt: now + ttlMs };
}
