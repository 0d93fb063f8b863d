/**
 * When the wallboard lost the broker. The connection store's `since` moves with every phase
 * change (connecting, reconnecting, ...); the banner must keep the moment the board stopped being
 * connected, across all the retries that follow.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState } from './connection-store';

export interface ConnectionLoss {
  /** ms epoch since which the board has not been connected; null while connected. */
  lostSince: number | null;
  /** Connected at least once since the board opened: a first connect is not a loss. */
  everConnected: boolean;
}

export function foldConnection(previous: ConnectionLoss, state: ConnectionState, now: number): ConnectionLoss {
  if (state.phase === 'connected') {
    return previous.lostSince === null && previous.everConnected ? previous : { lostSince: null, everConnected: true };
  }
  if (previous.lostSince !== null) return previous;
  return { lostSince: state.since > 0 ? state.since : now, everConnected: previous.everConnected };
}

const trackers = new WeakMap<StoreApi<ConnectionState>, StoreApi<ConnectionLoss>>();

/** One tracker per connection store, following it for the life of the page. */
export function connectionLossOf(source: StoreApi<ConnectionState>, now: () => number = Date.now): StoreApi<ConnectionLoss> {
  const existing = trackers.get(source);
  if (existing !== undefined) return existing;
  const tracker = createStore<ConnectionLoss>(() => foldConnection({ lostSince: null, everConnected: false }, source.getState(), now()));
  source.subscribe((state) => {
    const next = foldConnection(tracker.getState(), state, now());
    if (next !== tracker.getState()) tracker.setState(next, true);
  });
  trackers.set(source, tracker);
  return tracker;
}
