import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { initialConnectionState, type ConnectionState } from './connection-store';
import { connectionLossOf } from './connection-loss';

function connection() {
  return createStore<ConnectionState>(() => ({ ...initialConnectionState, phase: 'connecting', since: 1_000 }));
}

describe('connectionLossOf', () => {
  it('is not a loss before the first connect, and none while connected', () => {
    const source = connection();
    const loss = connectionLossOf(source, () => 5);
    expect(loss.getState()).toEqual({ lostSince: 1_000, everConnected: false });
    source.setState({ phase: 'connected', since: 2_000 });
    expect(loss.getState()).toEqual({ lostSince: null, everConnected: true });
  });

  it('keeps the moment the connection was lost across every retry that follows', () => {
    const source = connection();
    const loss = connectionLossOf(source);
    source.setState({ phase: 'connected', since: 2_000 });
    source.setState({ phase: 'reconnecting', since: 3_000 });
    source.setState({ phase: 'connecting', since: 4_000 });
    source.setState({ phase: 'reconnecting', since: 9_000, lastError: 'connection refused' });
    expect(loss.getState()).toEqual({ lostSince: 3_000, everConnected: true });
    source.setState({ phase: 'connected', since: 10_000 });
    expect(loss.getState().lostSince).toBeNull();
    source.setState({ phase: 'disconnected', since: 11_000 });
    expect(loss.getState().lostSince).toBe(11_000);
  });

  it('uses the clock when the store has no phase time yet, and one tracker per store', () => {
    const source = createStore<ConnectionState>(() => initialConnectionState);
    const loss = connectionLossOf(source, () => 42);
    expect(loss.getState().lostSince).toBe(42);
    expect(connectionLossOf(source)).toBe(loss);
  });
});
