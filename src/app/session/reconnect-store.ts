import { createStore, type StoreApi } from 'zustand/vanilla';

export interface ReconnectState {
  /** Bumped by "Save & reconnect": the session runner reconnects even when nothing changed. */
  requests: number;
  reconnectRequested(): void;
}

export type ReconnectStore = StoreApi<ReconnectState>;

export function createReconnectStore(): ReconnectStore {
  return createStore<ReconnectState>((set) => ({
    requests: 0,
    reconnectRequested: () => set((s) => ({ requests: s.requests + 1 })),
  }));
}
