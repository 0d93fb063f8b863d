import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * The broker connection as the UI shows it. "connected" means the subscriptions were
 * acknowledged (SUBACK), not merely that the socket is open: before that, events could be missed.
 */
export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/**
 * What the last error was, so each screen can say it in its own language; `lastError` is its
 * English text. Written together with it (broker-error.ts `errorState`), never alone.
 */
export type BrokerErrorInfo =
  /** The broker refused the CONNECT: a 3.1.1 return code or an MQTT 5 reason code. */
  | { kind: 'connack'; code: number }
  /** The socket failed with a Node-style code (ECONNREFUSED, ENOTFOUND, ...). */
  | { kind: 'transport'; code: string }
  /** The socket failed without saying why (a browser WebSocket) before a CONNACK. */
  | { kind: 'refused' }
  | { kind: 'closedBeforeConnack' }
  /** The broker closed the WebSocket with a close frame that says something (socket-close.ts). */
  | { kind: 'socketClosed'; code: number; reason: string }
  /** An established connection dropped. */
  | { kind: 'lost' }
  /** SUBACK refused these filters: all of them (no connection) or some (connected without them). */
  | { kind: 'subscriptionsRefused'; filters: readonly string[]; all: boolean }
  /** An MQTT 5 DISCONNECT from the broker, with its reason code. */
  | { kind: 'disconnected'; code: number }
  /** Any other error, as its message says it (not translated). */
  | { kind: 'text'; text: string };

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Human-readable English text of the last error (auth refused, socket closed, ...), or null. */
  lastError: string | null;
  /** The same error as data, for words in the operator's language; null when lastError is. */
  lastErrorInfo: BrokerErrorInfo | null;
  /** ms epoch of the last phase change. */
  since: number;
  /** ms epoch of the last inbound message, or null before the first. */
  lastMessageAt: number | null;
  /** The URL the session connects to, as resolved (no credentials). */
  url: string | null;
  /** MQTT protocol version of the connection the broker accepted (5, or 4 = 3.1.1); null before one. */
  protocolVersion: 4 | 5 | null;
  /** True when publishing is refused (read-only mode or kiosk). */
  readOnly: boolean;
}

export const initialConnectionState: ConnectionState = {
  phase: 'disconnected',
  lastError: null,
  lastErrorInfo: null,
  since: 0,
  lastMessageAt: null,
  url: null,
  protocolVersion: null,
  readOnly: false,
};

export type ConnectionStore = StoreApi<ConnectionState>;

export function createConnectionStore(): ConnectionStore {
  return createStore<ConnectionState>(() => initialConnectionState);
}
