import { describe, expect, it } from 'vitest';
import { DEFAULT_TASK_TIMINGS } from '../tasks/task-types.ts';
import { campaignDurations, campaignTimeline } from './campaign-timeline.ts';
import { createWorld, gatewaySn, makePlan } from './campaign-test-kit.ts';

const MINUTE = 60_000;

async function runningCampaign() {
  const w = createWorld();
  const start = w.clock.now;
  const id = w.campaigns.getState().campaignStarted(makePlan(4, { maxParallel: 2 }), start);
  await w.settle();
  w.accept(gatewaySn(1));
  w.accept(gatewaySn(2));
  await w.advance(5 * MINUTE);
  w.report(gatewaySn(1), 'ok');
  await w.advance(2 * MINUTE);
  w.report(gatewaySn(2), 'failed');
  await w.settle();
  const campaign = () => w.campaigns.getState().campaigns.find((c) => c.id === id);
  return { w, start, campaign };
}

describe('campaignTimeline', () => {
  it('counts done, failed and active gateways at each moment, from the campaign record', async () => {
    const { w, start, campaign } = await runningCampaign();
    const c = campaign();
    if (c === undefined) throw new Error('no campaign');
    const timeline = campaignTimeline(c, w.tasks.getState().table, w.clock.now, DEFAULT_TASK_TIMINGS);
    // Both first gateways went out at the start; each end frees a slot the next gateway takes.
    expect(timeline.points.map(({ t, done, failed, active }) => [t - start, done, failed, active])).toEqual([
      [0, 0, 0, 2],
      [5 * MINUTE + 1, 1, 0, 1],
      [7 * MINUTE + 1, 1, 0, 2],
      // Gateway 2 failed and gateway 4 went out at the same instant.
      [7 * MINUTE + 2, 1, 1, 2],
    ]);
    expect(timeline.current).toMatchObject({ done: 1, failed: 1, active: 2 });
    expect(timeline.gateways).toBe(4);
    expect(timeline.to).toBe(w.clock.now);
    w.stop();
  });

  it('takes an end the campaign has not noted yet from the live task', async () => {
    const { w, campaign } = await runningCampaign();
    w.accept(gatewaySn(3));
    w.report(gatewaySn(3), 'ok');
    // No driver tick: the record still says active; the task says ok.
    const c = campaign();
    if (c === undefined) throw new Error('no campaign');
    const timeline = campaignTimeline(c, w.tasks.getState().table, w.clock.now, DEFAULT_TASK_TIMINGS);
    expect(timeline.current).toMatchObject({ done: 2, failed: 1, active: 1 });
    w.stop();
  });

  it('thins a long timeline to the point count asked for, ending where the full one ends', async () => {
    const { w, campaign } = await runningCampaign();
    const c = campaign();
    if (c === undefined) throw new Error('no campaign');
    const full = campaignTimeline(c, w.tasks.getState().table, w.clock.now, DEFAULT_TASK_TIMINGS);
    const thin = campaignTimeline(c, w.tasks.getState().table, w.clock.now, DEFAULT_TASK_TIMINGS, 3);
    expect(thin.points.length).toBeLessThanOrEqual(3);
    expect(thin.points.at(-1)).toEqual(full.points.at(-1));
    w.stop();
  });
});

describe('campaignDurations', () => {
  it('bins the successful upgrades by a round width, with median, fastest and slowest', async () => {
    const { w, campaign } = await runningCampaign();
    w.accept(gatewaySn(3));
    await w.advance(1 * MINUTE);
    w.report(gatewaySn(3), 'ok');
    await w.settle();
    const c = campaign();
    if (c === undefined) throw new Error('no campaign');
    const stats = campaignDurations(c, w.tasks.getState().table, w.clock.now, DEFAULT_TASK_TIMINGS);
    expect(stats.count).toBe(2);
    expect(stats.bins.reduce((sum, b) => sum + b.count, 0)).toBe(2);
    expect(stats.bins.length).toBeLessThanOrEqual(12);
    expect(stats.minMs).toBeLessThanOrEqual(stats.maxMs ?? 0);
    expect(stats.bins[0]?.from).toBeLessThanOrEqual(stats.minMs ?? 0);
    expect(stats.bins.at(-1)?.to).toBeGreaterThan(stats.maxMs ?? 0);
    w.stop();
  });

  it('has nothing to show before an upgrade succeeded', async () => {
    const w = createWorld();
    const id = w.campaigns.getState().campaignStarted(makePlan(2), w.clock.now);
    await w.settle();
    const c = w.campaigns.getState().campaigns.find((x) => x.id === id);
    if (c === undefined) throw new Error('no campaign');
    expect(campaignDurations(c, w.tasks.getState().table, w.clock.now, DEFAULT_TASK_TIMINGS)).toEqual({
      bins: [],
      count: 0,
      medianMs: null,
      minMs: null,
      maxMs: null,
    });
    w.stop();
  });
});
