import { describe, expect, it } from 'vitest';
import { MAX_SAVE_DELAY_MS, SAVE_SHARE, slicedBuilds, type SliceClock } from './work-slices.ts';

/** A clock the work moves: each step of `work` costs `msPerStep`; pauses resolve at once. */
function costlyWork(steps: number, msPerStep: number) {
  let t = 0;
  const clock: SliceClock = { now: () => t, pause: () => Promise.resolve() };
  function* work(): Generator<void, number> {
    for (let i = 0; i < steps; i += 1) {
      t += msPerStep;
      yield;
    }
    t += msPerStep;
    return steps;
  }
  return { clock, work };
}

async function finished(builds: ReturnType<typeof slicedBuilds>): Promise<void> {
  for (let i = 0; i < 1_000 && builds.busy; i += 1) await Promise.resolve();
  expect(builds.busy).toBe(false);
}

describe('slicedBuilds.nextDelay', () => {
  it('is the base delay until a build has finished, and while builds are cheap', async () => {
    const { clock, work } = costlyWork(9, 0.1);
    const builds = slicedBuilds(clock);
    expect(builds.nextDelay(1_000)).toBe(1_000);
    let result = 0;
    builds.start(work(), (n) => (result = n));
    await finished(builds);
    expect(result).toBe(9);
    // 10 steps x 0.1 ms = 1 ms of work: 2% of 50 ms, well under the base delay.
    expect(builds.nextDelay(1_000)).toBe(1_000);
  });

  it('spaces saves out so their building takes at most SAVE_SHARE of the time, up to the cap', async () => {
    const { clock, work } = costlyWork(59, 1);
    const builds = slicedBuilds(clock);
    builds.start(work());
    await finished(builds);
    expect(builds.nextDelay(1_000)).toBeCloseTo(60 / SAVE_SHARE);
    const huge = costlyWork(999, 1);
    const slow = slicedBuilds(huge.clock);
    slow.start(huge.work());
    await finished(slow);
    expect(slow.nextDelay(1_000)).toBe(MAX_SAVE_DELAY_MS);
  });

  it('keeps the last finished build\'s cost when a later one is dropped', async () => {
    const { clock, work } = costlyWork(59, 1);
    const builds = slicedBuilds(clock);
    builds.start(work());
    await finished(builds);
    const before = builds.nextDelay(1_000);
    builds.start(work());
    expect(builds.drop()).toBe(true);
    await Promise.resolve();
    expect(builds.nextDelay(1_000)).toBe(before);
  });
});
