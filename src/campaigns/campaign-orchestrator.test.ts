import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isGatewayActive } from './campaign-orchestrator.ts';
import { createWorld, gatewaySn, makePlan, type World } from './campaign-test-kit.ts';
import { pausedReasonMessage, skipReasonMessage } from './campaign-texts.ts';
import type { Campaign } from './campaign-types.ts';
import { englishText } from '../ui/i18n/message.ts';

// Reasons are stored as descriptors; the English sentence is what the campaign view shows for them.
const reasonText = (c: Campaign): string => (c.pausedReason === null ? '' : englishText(pausedReasonMessage(c.pausedReason)));

let worlds: World[] = [];
function world(...args: Parameters<typeof createWorld>): World {
  const w = createWorld(...args);
  worlds.push(w);
  return w;
}
afterEach(() => {
  worlds.forEach((w) => w.stop());
  worlds = [];
});

function campaignOf(w: World, id: string): Campaign {
  const c = w.campaigns.getState().campaigns.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no campaign ${id}`);
  return c;
}

function activeCount(c: Campaign): number {
  return c.gateways.filter(isGatewayActive).length;
}

describe('concurrency limit', () => {
  it('sends only maxParallel gateways, and the next one when a slot frees', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(6, { maxParallel: 2 }), w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2)]);

    w.accept(gatewaySn(1));
    w.report(gatewaySn(1), 'in_progress', 40);
    await w.settle();
    expect(w.sentGateways()).toHaveLength(2);

    w.report(gatewaySn(1), 'ok');
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2), gatewaySn(3)]);
    expect(activeCount(campaignOf(w, id))).toBe(2);
  });

  it('counts a task as active from queued (offline) on', async () => {
    const w = world();
    w.online.value = false;
    const id = w.campaigns.getState().campaignStarted(makePlan(5, { maxParallel: 3 }), w.clock.now);
    await w.settle();
    expect(w.publisher.sent).toHaveLength(0);
    const queued = [...w.tasks.getState().table.byBid.values()];
    expect(queued.map((t) => [t.gateway, t.command, t.campaignId])).toEqual([
      [gatewaySn(1), 'queued', id],
      [gatewaySn(2), 'queued', id],
      [gatewaySn(3), 'queued', id],
    ]);
  });

  it('never exceeds the limit nor sends a gateway twice while busy, over random result sequences', async () => {
    const outcome = fc.constantFrom('ok', 'failed', 'rejected', 'no-reply', 'progress', 'timeout');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(), outcome, fc.boolean()), { maxLength: 40 }),
        async (gateways, limit, steps) => {
          const w = createWorld();
          try {
            const id = w.campaigns.getState().campaignStarted(makePlan(gateways, { maxParallel: limit }), w.clock.now);
            await w.settle();
            for (const [pick, result, retry] of steps) {
              const campaign = campaignOf(w, id);
              expect(activeCount(campaign)).toBeLessThanOrEqual(limit);
              const active = campaign.gateways.filter(isGatewayActive);
              if (retry) w.campaigns.getState().failedRetried(id, w.clock.now);
              const gw = active[pick % Math.max(1, active.length)];
              if (gw !== undefined) {
                if (result === 'ok' || result === 'failed' || result === 'timeout') w.report(gw.gateway, result);
                else if (result === 'progress') w.report(gw.gateway, 'in_progress', 30);
                else if (result === 'rejected') w.reject(gw.gateway, 312015);
                else await w.advance(w.tasks.getState().timings.replyTimeoutMs);
              }
              await w.settle();
              const after = campaignOf(w, id);
              expect(activeCount(after)).toBeLessThanOrEqual(limit);
              // One publish per attempt: nothing sent twice, nothing lost.
              const attempts = after.gateways.flatMap((g) => g.attempts);
              expect(w.publisher.sent.map((s) => s.message.bid).sort()).toEqual(attempts.map((a) => a.bid).sort());
              // A gateway never has two unfinished tasks.
              for (const g of after.gateways) {
                const open = [...w.tasks.getState().table.byBid.values()].filter(
                  (t) => t.gateway === g.gateway && !t.terminal && t.command !== 'no-reply',
                );
                expect(open.length).toBeLessThanOrEqual(1);
              }
            }
            // Everything ends: finish the rest, and the campaign is finished.
            for (let guard = 0; guard < gateways * 3; guard++) {
              const active = campaignOf(w, id).gateways.filter(isGatewayActive);
              if (active.length === 0) break;
              for (const g of active) w.report(g.gateway, 'ok');
              await w.settle();
            }
            expect(campaignOf(w, id).state).toBe('finished');
          } finally {
            w.stop();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('stop rule', () => {
  it('pauses when failures reach the count, with the reason, and sends nothing more', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(6, { maxParallel: 2, pauseAfterFailures: { count: 1 } }), w.clock.now);
    await w.settle();
    w.report(gatewaySn(1), 'failed');
    await w.settle();
    const c = campaignOf(w, id);
    expect(c.state).toBe('paused');
    expect(c.pausedReason).toEqual({ kind: 'failures', failures: 1, limit: 1 });
    expect(reasonText(c)).toBe('Paused: 1 failure reached the limit of 1');
    w.report(gatewaySn(2), 'ok');
    await w.advance(5_000);
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2)]);

    w.campaigns.getState().campaignResumed(id, w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2), gatewaySn(3), gatewaySn(4)]);
    expect(campaignOf(w, id).state).toBe('running');
  });

  it('counts rejections and no reply as failures', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(6, { maxParallel: 2, pauseAfterFailures: { count: 2 } }), w.clock.now);
    await w.settle();
    w.reject(gatewaySn(1), 312015);
    await w.settle();
    expect(campaignOf(w, id).state).toBe('running');
    expect(w.sentGateways()).toHaveLength(3);
    w.accept(gatewaySn(3));
    await w.advance(w.tasks.getState().timings.replyTimeoutMs);
    const c = campaignOf(w, id);
    expect(c.state).toBe('paused');
    expect(c.pausedReason).toEqual({ kind: 'failures', failures: 2, limit: 2 });
    expect(reasonText(c)).toBe('Paused: 2 failures reached the limit of 2');
    expect(w.tasks.getState().table.byBid.get(c.gateways[1]?.attempts[0]?.bid ?? '')?.command).toBe('no-reply');
  });

  it('takes a percentage of the campaign gateways, rounded up', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(10, { pauseAfterFailures: { percent: 15 } }), w.clock.now);
    await w.settle();
    w.report(gatewaySn(1), 'failed');
    await w.settle();
    expect(campaignOf(w, id).state).toBe('running');
    w.report(gatewaySn(2), 'timeout');
    await w.settle();
    expect(campaignOf(w, id).pausedReason).toEqual({ kind: 'failures-percent', failures: 2, percent: 15, limit: 2, gateways: 10 });
    expect(reasonText(campaignOf(w, id))).toBe('Paused: 2 failures reached the limit of 15% (2 failures of 10 gateways)');
  });
});

describe('canary', () => {
  it('sends the first N alone and the rest once they all succeeded', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(5, { canarySize: 2 }), w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2)]);
    w.report(gatewaySn(1), 'ok');
    await w.settle();
    expect(w.sentGateways()).toHaveLength(2);
    w.report(gatewaySn(2), 'ok');
    await w.settle();
    expect(w.sentGateways()).toEqual([1, 2, 3, 4, 5].map(gatewaySn));
    expect(campaignOf(w, id).canaryDone).toBe(true);
  });

  it('pauses when a canary gateway failed; Resume accepts it and goes on', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(4, { canarySize: 2, maxParallel: 1 }), w.clock.now);
    await w.settle();
    w.report(gatewaySn(1), 'failed');
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2)]);
    w.report(gatewaySn(2), 'ok');
    await w.settle();
    expect(campaignOf(w, id).pausedReason).toEqual({ kind: 'canary', failed: 1, canary: 2 });
    expect(reasonText(campaignOf(w, id))).toBe('Paused: the canary failed on 1 of 2 gateways');
    expect(w.sentGateways()).toHaveLength(2);
    w.campaigns.getState().campaignResumed(id, w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([1, 2, 3].map(gatewaySn));
  });
});

describe('operator actions', () => {
  it('Pause holds new sends, Resume continues, Abort stops them for good while running tasks go on', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(5, { maxParallel: 1 }), w.clock.now);
    await w.settle();
    w.campaigns.getState().campaignPaused(id, w.clock.now);
    w.report(gatewaySn(1), 'ok');
    await w.settle();
    expect(campaignOf(w, id).pausedReason).toEqual({ kind: 'operator' });
    expect(reasonText(campaignOf(w, id))).toBe('Paused by the operator');
    expect(w.sentGateways()).toHaveLength(1);
    w.campaigns.getState().campaignResumed(id, w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toHaveLength(2);

    w.campaigns.getState().campaignAborted(id, w.clock.now);
    w.report(gatewaySn(2), 'ok');
    await w.advance(10_000);
    const c = campaignOf(w, id);
    expect(c.state).toBe('aborted');
    expect(w.sentGateways()).toHaveLength(2);
    // The running task's result is still recorded after the abort.
    expect(c.gateways[1]?.attempts[0]?.outcome).toBe('succeeded');
    w.campaigns.getState().campaignResumed(id, w.clock.now);
    expect(campaignOf(w, id).state).toBe('aborted');
  });

  it('Retry failed re-sends failed gateways with a new tid/bid, attempt + 1 and retryOf', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(3), w.clock.now);
    await w.settle();
    w.report(gatewaySn(1), 'failed');
    w.reject(gatewaySn(2), 312015);
    w.report(gatewaySn(3), 'ok');
    await w.settle();
    expect(campaignOf(w, id).state).toBe('finished');

    w.campaigns.getState().failedRetried(id, w.clock.now);
    await w.settle();
    const c = campaignOf(w, id);
    expect(c.state).toBe('running');
    expect(w.sentGateways()).toEqual([1, 2, 3, 1, 2].map(gatewaySn));
    for (const gw of c.gateways.slice(0, 2)) {
      const [first, second] = gw.attempts;
      expect(second?.attempt).toBe(2);
      expect(second?.bid).not.toBe(first?.bid);
      expect(second?.tid).not.toBe(first?.tid);
      const task = w.tasks.getState().table.byBid.get(second?.bid ?? '');
      expect(task).toMatchObject({ attempt: 2, retryOf: first?.bid, campaignId: id, tid: second?.tid });
    }
    expect(c.gateways[2]?.attempts).toHaveLength(1);
  });

  it('retries one gateway on its own', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(2), w.clock.now);
    await w.settle();
    w.report(gatewaySn(1), 'failed');
    w.report(gatewaySn(2), 'failed');
    await w.settle();
    w.campaigns.getState().gatewayRetried(id, gatewaySn(2), w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([1, 2, 2].map(gatewaySn));
  });
});

describe('gateways busy with another task', () => {
  it('skips a gateway another task is active on, with the reason, without counting a failure', async () => {
    const w = world();
    w.tasks
      .getState()
      .taskCreated({ bid: 'single-1', tid: 't-single', gateway: gatewaySn(2), devices: [{ sn: gatewaySn(2) }] }, w.clock.now);
    const id = w.campaigns.getState().campaignStarted(makePlan(3, { pauseAfterFailures: { count: 1 } }), w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(3)]);
    const c = campaignOf(w, id);
    expect(c.state).toBe('running');
    expect(c.gateways[1]?.skippedReason).toEqual({ kind: 'busy', bid: 'single-1', owner: 'this-console' });
    expect(englishText(skipReasonMessage(c.gateways[1]!.skippedReason!))).toBe(
      'Skipped: another upgrade is active on this gateway (task single-1, started from this console)',
    );
    w.report(gatewaySn(1), 'ok');
    w.report(gatewaySn(3), 'ok');
    await w.settle();
    expect(campaignOf(w, id).state).toBe('finished');
  });
});
