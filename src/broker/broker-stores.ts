import { createActiveSessionStore, type ActiveSessionStore } from './active-session.ts';
import { createConnectionStore, type ConnectionStore } from './connection-store.ts';
import { createDiagnosticsStore, type DiagnosticsStore } from './diagnostics-store.ts';

/** The page-side stores a broker session reports into: made once by the app's bootstrap, or by a test. */
export interface BrokerStores {
  connection: ConnectionStore;
  diagnostics: DiagnosticsStore;
  activeSession: ActiveSessionStore;
}

export function createBrokerStores(): BrokerStores {
  return { connection: createConnectionStore(), diagnostics: createDiagnosticsStore(), activeSession: createActiveSessionStore() };
}
