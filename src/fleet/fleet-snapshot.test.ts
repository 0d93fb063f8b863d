import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledFleet } from './fleet-snapshot.ts';
import { createFleetStore } from './fleet-store.ts';
import { state, topo } from './fleet-test-kit.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('throttledFleet', () => {
  it('passes the first change on at once, later ones at most once per interval, and new gateways at once', () => {
    const store = createFleetStore();
    const throttled = throttledFleet(store, 1_000);
    const seen: number[] = [];
    const stop = throttled.subscribe(() => seen.push(throttled.get().gatewaySns.length));

    const versions = () => throttled.get().gateways.get('D1')?.devices[0]?.firmwareVersion ?? null;

    store.getState().batchReceived([topo('D1', '3-2-0')], Date.now());
    expect(seen).toEqual([1]);
    store.getState().batchReceived([state('D1', { firmwareVersion: '1' })], Date.now());
    store.getState().batchReceived([state('D1', { firmwareVersion: '2' })], Date.now());
    expect(seen).toEqual([1]);
    expect(versions()).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([1, 1]);
    expect(versions()).toBe('2');

    // A gateway that comes is shown at once, even within the interval.
    store.getState().batchReceived([state('D1', { firmwareVersion: '3' })], Date.now());
    store.getState().batchReceived([topo('D2', '3-2-0')], Date.now());
    expect(seen).toEqual([1, 1, 2]);
    expect(versions()).toBe('3');

    stop();
    store.getState().batchReceived([topo('D4', '3-2-0')], Date.now());
    vi.advanceTimersByTime(2_000);
    expect(seen).toEqual([1, 1, 2]);
  });
});
