/**
 * The app's broker session (src/broker/session.ts), opened from Node: same subscriptions, decoding,
 * publish guard and reconnects as in the page, with a timer instead of animation frames.
 */
import { hostname } from 'node:os';
import { WebSocket } from 'ws';
import { connectionTrouble } from '../src/broker/connection-trouble.ts';
import { classifyRefusal } from '../src/broker/errors.ts';
import { createConnectionStore, type ConnectionState, type ConnectionStore } from '../src/broker/connection-store.ts';
import { createDiagnosticsStore, type DiagnosticsStore } from '../src/broker/diagnostics-store.ts';
import { timerInboxScheduler } from '../src/broker/inbox.ts';
import { protocolStart, type ProtocolVersionSetting } from '../src/broker/protocol-version-memory.ts';
import { createBrokerSession } from '../src/broker/session.ts';
import type { BrokerSession, SessionOptions, WebSocketFactory } from '../src/broker/session-types.ts';
import { defaultIds } from '../src/protocol/ids.ts';

export interface NodeSessionOptions {
  url: string;
  username: string | null;
  password: string | null;
  clientId: string;
  readOnly?: boolean;
  /** auto (default): MQTT 5, stepping down to 3.1.1 when the broker hangs up on 5; "5"/"3.1.1": only that. */
  protocolVersion?: ProtocolVersionSetting;
  /** Extra session options (the campaign namespace, the will), passed through as they are. */
  extra?: Partial<SessionOptions>;
}

export interface NodeSession {
  session: BrokerSession;
  connection: ConnectionStore;
  diagnostics: DiagnosticsStore;
}

/** A client id the broker accepts and a topic level may hold: letters, digits, '.', '-', '_'. */
export function defaultRunnerClientId(): string {
  const host =
    hostname()
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .slice(0, 40) || 'host';
  return `ota-runner-${host}-${defaultIds.uuid().slice(0, 8)}`;
}

/**
 * The `ws` package's WebSocket, made by the session for ws:// and wss:// so it reads the broker's
 * close code and reason: RabbitMQ refuses a bad login with close 1002 "unauthenticated", which
 * MQTT.js alone would report as a dropped connection.
 */
const nodeWebSocket: WebSocketFactory = (url, protocols) => new WebSocket(url, protocols);

const isWebSocketUrl = (url: string): boolean => /^wss?:\/\//i.test(url);

export function openNodeSession(options: NodeSessionOptions): NodeSession {
  const connection = createConnectionStore();
  const diagnostics = createDiagnosticsStore();
  // No memory of the version across runs: a runner's connect is rare, and auto finds 3.1.1 within
  // one dropped CONNECT; within a run the session keeps the version that worked.
  const start = protocolStart(options.protocolVersion ?? 'auto', null);
  const session = createBrokerSession({
    url: options.url,
    ...(options.username === null ? {} : { username: options.username }),
    ...(options.password === null ? {} : { password: options.password }),
    clientId: options.clientId,
    // The runner's state lives in retained records it reads back on every connect: nothing for a
    // persistent session to keep, and a clean one never inherits a dead runner's queue.
    persistent: false,
    readOnly: options.readOnly ?? false,
    inboxScheduler: timerInboxScheduler(50),
    connectionStore: connection,
    diagnosticsStore: diagnostics,
    location: null,
    protocolVersion: start.version,
    protocolFallback: start.fallback,
    ...(isWebSocketUrl(options.url) ? { createWebSocket: nodeWebSocket } : {}),
    ...options.extra,
  });
  return { session, connection, diagnostics };
}

/** Why the runner gives up connecting: the broker said no, or nothing answered in time. */
export class ConnectFailedError extends Error {
  override name = 'ConnectFailedError';
  constructor(
    message: string,
    /** The broker refused the credentials or every subscription: retrying will not help. */
    readonly refused: boolean,
  ) {
    super(message);
  }
}

function refusedNow(state: ConnectionState): string | null {
  const info = state.lastErrorInfo;
  if (info === null) return null;
  if (info.kind === 'connack' && classifyRefusal(info.code) === 'auth')
    return `the broker refused the connection: ${state.lastError ?? 'not authorized'}`;
  // A login refused by closing the WebSocket (RabbitMQ: 1002 "unauthenticated") is as final as a
  // CONNACK refusal: waiting for the timeout would only repeat it.
  if (info.kind === 'socketClosed' && connectionTrouble(info) === 'notAuthorized')
    return `not authorized: the broker closed the WebSocket (code ${info.code}${info.reason === '' ? '' : `: ${info.reason}`}); check --username and --password`;
  if (info.kind === 'subscriptionsRefused' && info.all)
    return `not authorized: the broker refused every subscription (${info.filters.join(', ')})`;
  return null;
}

/**
 * Resolves once the session is Connected (subscriptions acknowledged); rejects at once when the
 * broker refuses the credentials or the subscriptions, and after `timeoutMs` otherwise.
 */
export function waitConnected(connection: ConnectionStore, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (state: ConnectionState): boolean => {
      if (state.phase === 'connected') {
        done();
        resolve();
        return true;
      }
      const refused = refusedNow(state);
      if (refused !== null) {
        done();
        reject(new ConnectFailedError(refused, true));
        return true;
      }
      return false;
    };
    const timer = setTimeout(() => {
      done();
      const { lastError, url } = connection.getState();
      reject(
        new ConnectFailedError(
          `could not connect to ${url ?? 'the broker'} within ${Math.round(timeoutMs / 1000)} s${lastError === null ? '' : `: ${lastError}`}`,
          false,
        ),
      );
    }, timeoutMs);
    const unsubscribe = connection.subscribe(check);
    function done(): void {
      clearTimeout(timer);
      unsubscribe();
    }
    check(connection.getState());
  });
}
