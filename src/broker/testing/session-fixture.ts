/** Builds sessions for the broker tests with their own stores and short reconnect delays. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Decoded } from '../../protocol/messages.ts';
import { initialConnectionState, type ConnectionState } from '../connection-store.ts';
import { createDiagnosticsStore, type DiagnosticsStore } from '../diagnostics-store.ts';
import { createBrokerSession, type BrokerSession, type SessionOptions } from '../session.ts';

export interface SessionFixture {
  session: BrokerSession;
  connection: StoreApi<ConnectionState>;
  diagnostics: DiagnosticsStore;
  /** Every decoded message delivered through onBatch, in order. */
  received: Decoded[];
  /** Size of every batch delivered. */
  batchSizes: number[];
  /** Phases in the order they were entered. */
  phases: ConnectionState['phase'][];
}

let counter = 0;

export function uniqueClientId(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`.slice(0, 23);
}

export function openSession(overrides: Partial<SessionOptions> & Pick<SessionOptions, 'url'>): SessionFixture {
  const connection = createStore<ConnectionState>(() => initialConnectionState);
  const diagnostics = createDiagnosticsStore();
  const phases: ConnectionState['phase'][] = [];
  connection.subscribe((state, previous) => {
    if (state.phase !== previous.phase) phases.push(state.phase);
  });
  const session = createBrokerSession({
    clientId: uniqueClientId(),
    persistent: true,
    readOnly: false,
    reconnect: { minDelayMs: 50, maxDelayMs: 300, authRetryDelayMs: 300 },
    connectTimeoutMs: 3_000,
    connectionStore: connection,
    diagnosticsStore: diagnostics,
    ...overrides,
  });
  const received: Decoded[] = [];
  const batchSizes: number[] = [];
  session.onBatch((batch) => {
    batchSizes.push(batch.length);
    received.push(...batch);
  });
  return { session, connection, diagnostics, received, batchSizes, phases };
}

/** A payload the protocol decodes as ota_progress. */
export function progressPayload(percent: number, bid = 'b-1'): string {
  return JSON.stringify({
    tid: `t-${percent}-${Math.random()}`,
    bid,
    timestamp: Date.now(),
    method: 'ota_progress',
    data: { result: 0, output: { status: 'in_progress', progress: { percent, step_key: 'download_firmware' } } },
  });
}

export function percentsOf(messages: readonly Decoded[]): number[] {
  return messages.flatMap((m) => (m.kind === 'ota_progress' ? [m.percent] : []));
}
