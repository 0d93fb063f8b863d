import { describe, expect, it } from 'vitest';
import { decode } from '../protocol/decode.ts';
import type { Decoded } from '../protocol/messages.ts';
import { createDiagnosticsStore, INVALID_RING_SIZE } from './diagnostics-store.ts';
import { progressPayload } from './session-test-kit.ts';

const progress = (): Decoded => decode('thing/product/DOCK-1/events', progressPayload(5));
const osd = (): Decoded => decode('thing/product/DOCK-1/osd', JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, data: { mode_code: 0 } }));
const brokenJson = (): Decoded => decode('thing/product/DOCK-1/events', '{"tid":');
const foreignTopic = (): Decoded => decode('some/other/topic', '{}');

describe('diagnostics store', () => {
  it('counts per kind, invalid and ignored, once per batch', () => {
    const store = createDiagnosticsStore();
    const ignored = decode('thing/product/DOCK-1/events', JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, method: 'hms', data: {} }));
    expect(ignored.kind).toBe('ignored');
    let updates = 0;
    store.subscribe(() => (updates += 1));
    store.getState().batchObserved([progress(), progress(), osd(), brokenJson(), foreignTopic(), ignored], 1_000);
    const s = store.getState();
    expect(updates).toBe(1);
    expect(s.total).toBe(6);
    expect(s.countsByKind).toMatchObject({ ota_progress: 2, osd: 1, invalid: 2, ignored: 1 });
    expect(s.invalidTotal).toBe(2);
    expect(s.ignoredTotal).toBe(1);
    expect(s.recentInvalid.map((r) => [r.at, r.topic])).toEqual([
      [1_000, 'thing/product/DOCK-1/events'],
      [1_000, 'some/other/topic'],
    ]);
    expect(s.recentInvalid[0]!.reason).not.toBe('');
    expect(s.recentInvalid[0]!.size).toBe('{"tid":'.length);
  });

  it('keeps only the last 200 invalid messages', () => {
    const store = createDiagnosticsStore();
    for (let i = 0; i < 3; i += 1) {
      store.getState().batchObserved(
        Array.from({ length: 150 }, () => decode(`bad/${i}`, '{}')),
        i * 100,
      );
    }
    const s = store.getState();
    expect(s.invalidTotal).toBe(450);
    expect(s.recentInvalid).toHaveLength(INVALID_RING_SIZE);
    expect(s.recentInvalid.at(-1)!.topic).toBe('bad/2');
    expect(s.recentInvalid.filter((r) => r.topic === 'bad/0')).toHaveLength(0);
    expect(s.recentInvalid.filter((r) => r.topic === 'bad/1')).toHaveLength(50);
  });

  it('computes messages per second per family over a sliding 10 s window', () => {
    const store = createDiagnosticsStore();
    const t0 = 1_700_000_000_000;
    // 10 s of traffic: 20 events and 5 osd per second.
    for (let s = 0; s < 10; s += 1) {
      store.getState().batchObserved([...Array.from({ length: 20 }, progress), ...Array.from({ length: 5 }, osd)], t0 + s * 1_000);
    }
    expect(store.getState().ratePerFamily.events).toBeCloseTo(20, 5);
    expect(store.getState().ratePerFamily.osd).toBeCloseTo(5, 5);
    expect(store.getState().ratePerFamily.state).toBe(0);
    // Traffic stops: the window slides past it.
    store.getState().clockTicked(t0 + 14_000);
    expect(store.getState().ratePerFamily.events).toBeCloseTo(10, 5);
    store.getState().clockTicked(t0 + 30_000);
    expect(store.getState().ratePerFamily.events).toBe(0);
    // Unparseable topics are counted under 'unknown'.
    store.getState().batchObserved([foreignTopic()], t0 + 31_000);
    expect(store.getState().ratePerFamily.unknown).toBeGreaterThan(0);
  });

  it('reset clears everything', () => {
    const store = createDiagnosticsStore();
    store.getState().batchObserved([progress(), brokenJson()], 5_000);
    store.getState().reset();
    const s = store.getState();
    expect(s.total).toBe(0);
    expect(s.recentInvalid).toEqual([]);
    expect(s.ratePerFamily.events).toBe(0);
    expect(s.countsByKind.invalid).toBe(0);
  });
});
