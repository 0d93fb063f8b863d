import { createStore } from 'zustand/vanilla';

/**
 * The broker connection as the UI shows it. "connected" means the subscriptions were
 * acknowledged (SUBACK), not merely that the socket is open: before that, events could be missed.
 */
export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Human-readable text of the last error (auth refused, socket closed, ...), or null. */
  lastError: string | null;
  /** ms epoch of the last phase change. */
  since: number;
  /** ms epoch of the last inbound message, or null before the first. */
  lastMessageAt: number | null;
  /** The URL the session connects to, as resolved (no credentials). */
  url: string | null;
  /** MQTT protocol version in use (5, or 4 = 3.1.1 when the broker refused 5). */
  protocolVersion: 4 | 5 | null;
  /** True when publishing is refused (read-only mode or kiosk). */
  readOnly: boolean;
}

export const initialConnectionState: ConnectionState = {
  phase: 'disconnected',
  lastError: null,
  since: 0,
  lastMessageAt: null,
  url: null,
  protocolVersion: null,
  readOnly: false,
};

export const connectionStore = createStore<ConnectionState>(() => initialConnectionState);

export const CONNECTION_LABEL: Record<ConnectionPhase, string> = {
  connecting: 'Connecting',
  connected: 'Connected',
  reconnecting: 'Reconnecting',
  disconnected: 'Disconnected',
};
