/** Builds sessions for the broker tests with their own stores and short reconnect delays. */
import { WebSocket as NodeWebSocket } from 'ws';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Decoded } from '../protocol/messages.ts';
import { initialConnectionState, type ConnectionState } from './connection-store.ts';
import { createDiagnosticsStore, type DiagnosticsStore } from './diagnostics-store.ts';
import { createBrokerSession } from './session.ts';
import type { BrokerSession, SessionOptions, WebSocketFactory } from './session-types.ts';
import { createWorkerBrokerSession } from './worker-session.ts';
import { channelWorker, type ChannelWorker } from './channel-worker-test-kit.ts';

/** Where the session runs: in the page's thread, or behind the broker worker's messages. */
export type SessionVia = 'page' | 'worker';
export const SESSION_VIAS: readonly SessionVia[] = ['page', 'worker'];

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
  /** The worker's stand-in when via is 'worker'. */
  worker: ChannelWorker | null;
}

let counter = 0;

export function uniqueClientId(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`.slice(0, 23);
}

/**
 * The `ws` package's WebSocket in the browser's shape, as the worker gives the session its own: the
 * session then reads the broker's close code and reason, as it does in the browser.
 */
export const nodeWebSocket: WebSocketFactory = (url, protocols) => new NodeWebSocket(url, protocols);

type Overrides = Partial<Omit<SessionOptions, 'timers' | 'random' | 'inboxScheduler' | 'location'>> &
  Pick<SessionOptions, 'url'> & {
    /** Worker sessions only: told each accepted protocol version. */
    protocolAccepted?(version: 4 | 5): void;
  };

export function openSession(overrides: Overrides, via: SessionVia = 'page'): SessionFixture {
  const connection = createStore<ConnectionState>(() => initialConnectionState);
  const diagnostics = createDiagnosticsStore();
  const phases: ConnectionState['phase'][] = [];
  connection.subscribe((state, previous) => {
    if (state.phase !== previous.phase) phases.push(state.phase);
  });
  const options = {
    clientId: uniqueClientId(),
    persistent: true,
    readOnly: false,
    reconnect: { minDelayMs: 50, maxDelayMs: 300, authRetryDelayMs: 300 },
    connectTimeoutMs: 3_000,
    connectionStore: connection,
    diagnosticsStore: diagnostics,
    ...overrides,
  };
  // A worker's WebSocket is the host's to make, as in the browser's session.worker.ts.
  const worker = via === 'worker' ? channelWorker(options.createWebSocket ? { createWebSocket: options.createWebSocket } : {}) : null;
  const session = worker
    ? createWorkerBrokerSession({ ...options, diagnosticsStore: options.diagnosticsStore ?? diagnostics, createWorker: () => worker })
    : createBrokerSession(options);
  const received: Decoded[] = [];
  const batchSizes: number[] = [];
  session.onBatch((batch) => {
    batchSizes.push(batch.length);
    received.push(...batch);
  });
  return { session, connection, diagnostics, received, batchSizes, phases, worker };
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
  return messages.flatMap((m) => (m.kind === 'ota_progress' && m.percent !== null ? [m.percent] : []));
}
