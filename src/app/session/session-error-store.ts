import { createStore, type StoreApi } from 'zustand/vanilla';

export interface SessionErrorState {
  /** Why no session could be started (e.g. the broker URL cannot be resolved); null when fine. */
  error: string | null;
}

export type SessionErrorStore = StoreApi<SessionErrorState>;

export function createSessionErrorStore(): SessionErrorStore {
  return createStore<SessionErrorState>(() => ({ error: null }));
}
