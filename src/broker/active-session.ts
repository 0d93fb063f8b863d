import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BrokerSession } from './session-types.ts';

export interface ActiveSessionState {
  session: BrokerSession | null;
}

/** The session the app opened, so features can publish without importing app code. */
export type ActiveSessionStore = StoreApi<ActiveSessionState>;

export function createActiveSessionStore(): ActiveSessionStore {
  return createStore<ActiveSessionState>(() => ({ session: null }));
}
