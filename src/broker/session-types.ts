/** What a broker session is given and what it offers: the contract of session.ts, shared with the worker. */
import type { StoreApi } from 'zustand/vanilla';
import type { Decoded } from '../protocol/messages.ts';
import type { BackoffOptions } from './backoff.ts';
import type { PageLocation } from './broker-url.ts';
import type { ConnectionState } from './connection-store.ts';
import type { DiagnosticsStore } from './diagnostics-store.ts';
import type { BatchListener, InboxScheduler } from './inbox.ts';
import type { Timers } from './timers.ts';

export interface SessionOptions {
  /** ws:// or wss:// URL, or a path such as '/mqtt' on the page's own host. */
  url: string;
  username?: string;
  password?: string;
  clientId: string;
  /** false for a second tab: a clean session that never takes over the first tab's. */
  persistent: boolean;
  readOnly: boolean;
  sessionExpirySeconds?: number;
  /** Declared to an MQTT 5 broker; larger inbound messages that still arrive are counted and skipped. */
  maxPacketSize?: number;
  reconnect?: BackoffOptions & {
    /** Retry period after the broker refused the credentials (default: the max delay, 30 s). */
    authRetryDelayMs?: number;
  };
  /** First protocol to offer (default 5). */
  protocolVersion?: 4 | 5;
  /**
   * Try the other version when the broker refuses this one or hangs up on the CONNECT without a
   * CONNACK (default true: the "auto" setting). false keeps to `protocolVersion`.
   */
  protocolFallback?: boolean;
  /**
   * Makes the connection's WebSocket, so the session can read the broker's close code and reason
   * (MQTT.js does not pass them on). It must return a WebSocket with the browser's API: the
   * browser's own in the worker, the `ws` package's in Node. Without it MQTT.js makes its own and a
   * login refused by a close frame reads as a dropped connection.
   */
  createWebSocket?: WebSocketFactory;
  connectTimeoutMs?: number;
  keepaliveSeconds?: number;
  timers?: Timers;
  random?: () => number;
  inboxScheduler?: InboxScheduler;
  /** Where the session reports its phase and errors (the page's, or the worker's own). */
  connectionStore: StoreApi<ConnectionState>;
  /** null: batches are counted by whoever receives them (the page side of a worker session). */
  diagnosticsStore: DiagnosticsStore | null;
  location?: PageLocation | null;
  /**
   * Where campaign records live (docs/campaigns-on-broker.md): `{ns}/#` is subscribed to, its
   * messages are decoded as records, and publishing under it is allowed.
   */
  campaignNamespace?: string;
  /** The connection's last will (a driver's presence record is cleared by it). */
  will?: SessionWill;
  /**
   * 'all' (default): every device's osd (`thing/product/+/osd`). 'watched': only the devices
   * named to watchOsd, one filter each (the page: docs/operations.md, "What the console subscribes to").
   */
  osd?: 'all' | 'watched';
}

/** The slice of a WebSocket the session itself uses: its open and close events, and the incoming bytes (routed-socket.ts). */
export interface SessionWebSocket {
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  send(data: Uint8Array<ArrayBuffer>): void;
}

export type WebSocketFactory = (url: string, protocols: string[]) => SessionWebSocket;

export interface SessionWill {
  topic: string;
  /** Sent as is; '' with retain clears a retained record. */
  payload: string;
  qos: 0 | 1;
  retain: boolean;
}

export interface PublishOptions {
  qos?: 0 | 1;
  /** Kept by the broker for later subscribers (campaign records). */
  retain?: boolean;
}

export interface BrokerSession {
  /**
   * Resolves on PUBACK (QoS 1), which may come after a reconnect; refuses in read-only mode. An
   * object is sent as JSON; a string as is ('' with retain clears a retained record).
   */
  publish(topic: string, message: object | string, opts?: PublishOptions): Promise<void>;
  /** One call per animation frame with everything decoded since the last one. */
  onBatch(listener: BatchListener<Decoded>): () => void;
  /**
   * Subscribes to `filter` again: the broker sends its retained messages for it once more (the
   * campaign capability probe reads its record back this way). Resolves on SUBACK.
   */
  resubscribe(filter: string): Promise<void>;
  /** With `osd: 'watched'`: the devices whose osd the session subscribes to from now on; otherwise nothing to do. */
  watchOsd(deviceSns: readonly string[]): void;
  close(): Promise<void>;
  readonly readOnly: boolean;
  readonly clientId: string;
  /** The protocol the broker accepted on the last connection; null before the first. */
  readonly protocolVersion: 4 | 5 | null;
}
