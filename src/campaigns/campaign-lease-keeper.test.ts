import { describe, expect, it } from 'vitest';
import { campaignLeaseRecordSchema, type CampaignLeaseRecord, type CampaignRecord } from '../protocol/campaign-records.ts';
import { boardReduced, emptyBoard, type Board } from './campaign-board.ts';
import { createLeaseKeeper, type LeaseKeeper } from './campaign-lease-keeper.ts';
import type { CampaignBrokerLinkDeps, LinkContext } from './campaign-link-types.ts';

// Races for a campaign's lease, with a broker that keeps the last retained lease and delivers every
// lease to every taker in one order (as MQTT does per topic): exactly one taker drives, within the
// settle time after the last lease came back, whatever the order.

const NS = 'race/v1';
const ID = 'c-1';
const OPTIONS = { settleMs: 300, ttlMs: 3_000, renewMs: 500, safetyMs: 1_000 };

interface Taker {
  name: string;
  keeper: LeaseKeeper;
  board: Board;
}

/** A broker in the test's hands: publishes are queued, `deliver` hands them to every taker in order. */
function world() {
  let clock = 10_000;
  const queue: CampaignLeaseRecord[] = [];
  const takers: Taker[] = [];
  const presence: CampaignRecord[] = [];

  function taker(name: string): Taker {
    const t: Taker = { name, keeper: null as unknown as LeaseKeeper, board: emptyBoard() };
    const ctx: LinkContext = {
      deps: { clientId: name, label: name } as CampaignBrokerLinkDeps,
      ns: NS,
      publishRecord(_topic, payload) {
        if (payload !== '') queue.push(campaignLeaseRecordSchema.parse(JSON.parse(payload)));
        return Promise.resolve();
      },
      refused: () => undefined,
      board: () => t.board,
      isConnected: () => true,
      boardReady: () => true,
      log: () => undefined,
    };
    t.keeper = createLeaseKeeper(ctx, OPTIONS);
    presence.push({
      type: 'driver',
      clientId: name,
      presence: { v: 1, clientId: name, label: name, state: 'online', since: clock },
    });
    takers.push(t);
    for (const other of takers) other.board = boardReduced(other.board, presence);
    return t;
  }

  /** The next `count` queued leases reach every taker, in the broker's order. */
  function deliver(count = queue.length): void {
    for (const lease of queue.splice(0, count)) {
      for (const t of takers) {
        t.keeper.leaseArrived(ID, lease, false, clock);
        t.board = boardReduced(t.board, [{ type: 'lease', id: ID, lease }]);
      }
    }
  }

  function step(ms: number): string[] {
    clock += ms;
    return takers.map((t) => t.keeper.step(ID, clock));
  }

  const driving = () => takers.filter((t) => t.keeper.drives(ID, clock)).map((t) => t.name);
  return { taker, deliver, step, driving, queue, now: () => clock };
}

describe('the lease keeper settles a race in the broker order', () => {
  it('two takers at once: the later lease wins, the other watches; settled one settle time after the last echo', () => {
    const w = world();
    const a = w.taker('A');
    const b = w.taker('B');
    a.keeper.take(ID, w.now());
    b.keeper.take(ID, w.now());
    w.deliver();
    expect(w.step(OPTIONS.settleMs)).toEqual(['idle', 'driving']);
    expect(w.driving()).toEqual(['B']);
    expect(a.keeper.isTaking(ID)).toBe(false);
  });

  it('each lease delivered one by one, with steps between: still one driver, renewing', async () => {
    const w = world();
    const a = w.taker('A');
    const b = w.taker('B');
    a.keeper.take(ID, w.now());
    w.deliver(1);
    w.step(100);
    // B decided on a board that had not yet got A's lease.
    b.keeper.take(ID, w.now());
    w.step(100);
    w.deliver(1);
    w.step(OPTIONS.settleMs);
    expect(w.driving()).toEqual(['B']);
    // Renewals come back acknowledged: B goes on driving a lease lifetime and more.
    for (let i = 0; i < 10; i++) {
      w.step(OPTIONS.renewMs);
      await Promise.resolve();
      w.deliver();
    }
    expect(w.driving()).toEqual(['B']);
  });

  it('a foreign lease before our echo is one ours replaces: it is ignored', () => {
    const w = world();
    const a = w.taker('A');
    const b = w.taker('B');
    b.keeper.take(ID, w.now());
    a.keeper.take(ID, w.now());
    // Broker order: B's lease, then A's. A must not give up on B's lease, which came before its echo.
    w.deliver(1);
    w.step(50);
    w.deliver(1);
    w.step(OPTIONS.settleMs);
    expect(w.driving()).toEqual(['A']);
  });

  it('three takers: one driver, no matter how the leases interleave with steps', () => {
    for (let split = 0; split <= 3; split++) {
      const w = world();
      const takers = ['A', 'B', 'C'].map((n) => w.taker(n));
      for (const t of takers) t.keeper.take(ID, w.now());
      w.deliver(split);
      w.step(OPTIONS.settleMs - 1);
      w.deliver();
      w.step(OPTIONS.settleMs);
      w.step(OPTIONS.settleMs);
      expect(w.driving()).toEqual(['C']);
    }
  });

  it('a driver that sees a live lease published by another stops at once; it keeps renewing otherwise', () => {
    const w = world();
    const a = w.taker('A');
    a.keeper.take(ID, w.now());
    w.deliver();
    w.step(OPTIONS.settleMs);
    expect(w.driving()).toEqual(['A']);
    w.step(OPTIONS.renewMs);
    expect(w.queue).toHaveLength(1); // the renewal
    w.deliver();
    expect(w.driving()).toEqual(['A']);
    const late = w.taker('L');
    late.keeper.take(ID, w.now());
    w.deliver();
    expect(w.driving()).toEqual([]);
    w.step(OPTIONS.settleMs);
    expect(w.driving()).toEqual(['L']);
  });

  it('a take whose echo never comes is given up after a lease lifetime', () => {
    const w = world();
    const a = w.taker('A');
    a.keeper.take(ID, w.now());
    w.queue.splice(0); // lost
    expect(w.step(OPTIONS.ttlMs)).toEqual(['taking']);
    expect(w.step(1)).toEqual(['idle']);
  });
});
