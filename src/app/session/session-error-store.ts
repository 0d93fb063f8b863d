import { createStore } from 'zustand/vanilla';

export interface SessionErrorState {
  /** Why no session could be started (e.g. the broker URL cannot be resolved); null when fine. */
  error: string | null;
}

export const sessionErrorStore = createStore<SessionErrorState>(() => ({ error: null }));
