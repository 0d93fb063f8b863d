import { describe, expect, it } from 'vitest';
import { createCampaignsStore, RUN_ELSEWHERE_MESSAGE } from './campaign-store.ts';
import { makePlan } from './campaign-test-kit.ts';
import { electCampaignLeader, LEASE_RENEW_MS, LEASE_TTL_MS, type LeaderElectionDeps, type TabRole } from './campaign-leader.ts';

/** An in-memory Web Locks manager: one holder per name, the rest wait in line. */
function fakeLocks() {
  const held = new Set<string>();
  const queue = new Map<string, (() => void)[]>();
  const request = ((name: string, a: unknown, b?: unknown) => {
    const options = (typeof a === 'function' ? {} : a) as { ifAvailable?: boolean };
    const callback = (typeof a === 'function' ? a : b) as (lock: Lock | null) => unknown;
    const grant = (): Promise<unknown> => {
      held.add(name);
      return Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)).finally(() => {
        held.delete(name);
        queue.get(name)?.shift()?.();
      });
    };
    if (!held.has(name)) return grant();
    if (options.ifAvailable === true) return Promise.resolve(callback(null));
    return new Promise<unknown>((resolve) => {
      queue.set(name, [...(queue.get(name) ?? []), () => void grant().then((value) => resolve(value))]);
    });
  }) as LockManager['request'];
  return { request };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('campaign tab leadership', () => {
  it('with Web Locks: the first tab leads, the second follows and takes over when the first goes', async () => {
    const locks = fakeLocks();
    const deps = (owner: string): LeaderElectionDeps => ({
      locks,
      storage: null,
      now: () => 0,
      owner,
      setInterval: () => null,
      clearInterval: () => undefined,
    });
    const roles: Record<string, TabRole[]> = { a: [], b: [] };
    const stopA = electCampaignLeader(deps('a'), (r) => roles.a?.push(r));
    await flush();
    electCampaignLeader(deps('b'), (r) => roles.b?.push(r));
    await flush();
    expect(roles).toEqual({ a: ['leader'], b: ['follower'] });
    stopA();
    await flush();
    await flush();
    expect(roles.b).toEqual(['follower', 'leader']);
  });

  it('with a localStorage lease: one leader after confirmation, the other follows until the lease expires', () => {
    const storage = memoryStorage();
    const clock = { now: 1_000 };
    const ticks: (() => void)[] = [];
    const deps = (owner: string): LeaderElectionDeps => ({
      locks: null,
      storage,
      now: () => clock.now,
      owner,
      setInterval: (fn) => ticks.push(fn),
      clearInterval: () => undefined,
    });
    const roles: Record<string, TabRole[]> = { a: [], b: [] };
    electCampaignLeader(deps('a'), (r) => roles.a?.push(r));
    const [tickA] = ticks;
    // Not leading before the lease is confirmed.
    expect(roles.a).toEqual([]);
    clock.now += LEASE_RENEW_MS;
    tickA?.();
    expect(roles.a).toEqual(['leader']);
    electCampaignLeader(deps('b'), (r) => roles.b?.push(r));
    const tickB = ticks[1];
    expect(roles.b).toEqual(['follower']);
    // A stops renewing (closed or frozen): B takes the lease once it expired, and leads after confirming.
    clock.now += LEASE_TTL_MS + 1;
    tickB?.();
    clock.now += LEASE_RENEW_MS;
    tickB?.();
    expect(roles.b).toEqual(['follower', 'leader']);
    tickA?.();
    expect(roles.a).toEqual(['leader', 'follower']);
  });
});

describe('campaigns store in a follower tab', () => {
  it('refuses operator actions, says why, and mirrors the leader', () => {
    const store = createCampaignsStore(() => 'c1');
    const id = store.getState().campaignStarted(makePlan(2), 1);
    const mirrored = store.getState().campaigns;
    store.getState().controlChanged(true);
    expect(() => store.getState().campaignStarted(makePlan(1), 2)).toThrow(RUN_ELSEWHERE_MESSAGE);
    store.getState().campaignPaused(id, 3);
    expect(store.getState().campaigns[0]?.state).toBe('running');
    store.getState().campaignsMirrored([{ ...mirrored[0]!, state: 'paused', pausedReason: { kind: 'operator' } }]);
    expect(store.getState().campaigns[0]?.state).toBe('paused');
    store.getState().controlChanged(false);
    store.getState().campaignResumed(id, 4);
    expect(store.getState().campaigns[0]?.state).toBe('running');
  });
});
