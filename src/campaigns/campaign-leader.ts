/**
 * One tab drives the campaigns. Every tab of the console restores the same stored campaigns; if
 * two tabs ran the orchestrator, both would send the next gateways and every ota_create would go
 * out twice. So the tabs elect a leader: the Web Locks API where the page has it (secure contexts),
 * else a lease in localStorage renewed every couple of seconds. The other tabs only mirror what the
 * leader stores, and take over when it goes away.
 */

export type TabRole = 'leader' | 'follower';

export interface LeaderElectionDeps {
  /** navigator.locks when available. */
  locks: Pick<LockManager, 'request'> | null;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  now: () => number;
  /** A unique id for this tab. */
  owner: string;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const LEADER_LOCK_NAME = 'ota-console.campaigns';
export const LEASE_KEY = 'ota-console.campaigns-leader';
export const LEASE_RENEW_MS = 2_000;
/** A lease not renewed for this long belongs to a tab that is gone. */
export const LEASE_TTL_MS = 6_000;

interface Lease {
  owner: string;
  until: number;
}

function readLease(storage: LeaderElectionDeps['storage']): Lease | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(LEASE_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { owner, until } = parsed as Record<string, unknown>;
    return typeof owner === 'string' && typeof until === 'number' ? { owner, until } : null;
  } catch {
    return null;
  }
}

/**
 * Calls onRole('follower') at once when another tab leads (or may lead), and onRole('leader') once
 * this tab leads; leadership is kept until stop() (or the tab closes). Returns stop().
 */
export function electCampaignLeader(deps: LeaderElectionDeps, onRole: (role: TabRole) => void): () => void {
  let role: TabRole | null = null;
  const become = (next: TabRole): void => {
    if (role === next) return;
    role = next;
    onRole(next);
  };

  if (deps.locks !== null) {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let granted = false;
    void deps.locks
      .request(LEADER_LOCK_NAME, { ifAvailable: true }, (lock) => {
        if (lock === null) return undefined;
        granted = true;
        become('leader');
        return held;
      })
      .then(() => {
        if (granted) return undefined;
        become('follower');
        // Wait in line: the lock is granted when the leading tab closes.
        return deps.locks?.request(LEADER_LOCK_NAME, () => {
          become('leader');
          return held;
        });
      })
      .catch(() => undefined);
    return release;
  }

  if (deps.storage === null) {
    // No storage: nothing is restored either, so no other tab can resend this tab's campaigns.
    become('leader');
    return () => undefined;
  }

  const storage = deps.storage;
  // A lease must be seen as ours on two consecutive renewals before leading: two tabs writing at
  // the same moment both read back, and only the last writer still finds its own name.
  let confirmations = 0;
  const renew = (): void => {
    const lease = readLease(storage);
    const at = deps.now();
    if (lease !== null && lease.owner !== deps.owner && lease.until > at) {
      confirmations = 0;
      become('follower');
      return;
    }
    if (lease?.owner === deps.owner) confirmations += 1;
    try {
      storage.setItem(LEASE_KEY, JSON.stringify({ owner: deps.owner, until: at + LEASE_TTL_MS }));
    } catch {
      return;
    }
    // Until confirmed the role stays unknown (not follower): the page may start a campaign meanwhile.
    if (confirmations >= 1) become('leader');
  };
  renew();
  const handle = deps.setInterval(renew, LEASE_RENEW_MS);
  return () => {
    deps.clearInterval(handle);
    if (readLease(storage)?.owner === deps.owner) storage.removeItem(LEASE_KEY);
  };
}
