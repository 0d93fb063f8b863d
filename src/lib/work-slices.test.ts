import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageSliceClock, restAfter, SLICE_MS, WRITING_SHARE } from './work-slices.ts';

describe('pageSliceClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rests as long as asked while the page is visible', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let done = false;
    const resting = pageSliceClock(() => false)
      .pause(40)
      .then(() => (done = true));
    await vi.advanceTimersByTimeAsync(39);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await resting;
    expect(done).toBe(true);
  });

  it('takes only a turn when the page is hidden, whatever rest was asked for', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    // No timer is advanced: the pause ends on a MessageChannel turn, not a 60 s timer.
    await expect(pageSliceClock(() => true).pause(60_000)).resolves.toBeUndefined();
  });
});

describe('restAfter', () => {
  it('leaves the page the rest of the time, so slices take WRITING_SHARE of a write', () => {
    expect(SLICE_MS / (SLICE_MS + restAfter(SLICE_MS))).toBeCloseTo(WRITING_SHARE);
    expect(restAfter(-5)).toBe(0);
  });
});
