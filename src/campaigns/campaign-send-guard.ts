/**
 * No double send (docs/campaigns-on-broker.md, "No double send"): the driver's sender asks here
 * before each ota_create. Only the lease holder sends, while connected and its renewal is
 * acknowledged in time. An attempt created before this link drove the campaign (by another driver,
 * or this console before a reload) may have gone out already: its task seen anywhere (services,
 * services_reply, events) means it did, and the sender records that instead; otherwise the driver
 * watches for the grace period before sending the very same message (same bid, tid, timestamp).
 * The write-ahead record of each attempt is campaign-record-sync.ts's recordAttempt.
 */
import type { LeaseKeeper } from './campaign-lease-keeper.ts';
import type { CampaignAttempt } from './campaign-types.ts';

export interface SendGuard {
  drives(id: string): boolean;
  mayPublish(id: string, attempt: CampaignAttempt): boolean;
}

export function createSendGuard(lease: LeaseKeeper, now: () => number, graceMs: number): SendGuard {
  const drives = (id: string): boolean => lease.drives(id, now());
  return {
    drives,
    mayPublish(id, attempt) {
      const since = lease.drivingSince(id);
      if (since === null || !drives(id)) return false;
      return attempt.createdAt >= since || now() - since >= graceMs;
    },
  };
}
