import { createStore } from 'zustand/vanilla';
import type { BrokerSession } from './session.ts';

export interface ActiveSessionState {
  session: BrokerSession | null;
}

/** The session the app opened, so features can publish without importing app code. */
export const activeSessionStore = createStore<ActiveSessionState>(() => ({ session: null }));

export const activeSessionChanged = (session: BrokerSession | null): void => activeSessionStore.setState({ session });
