/**
 * The worker's half of a worker broker session: MQTT, decoding and the device answers run here,
 * off the page's thread; the page gets decoded batches and the connection state
 * (worker-session.ts). Written against a port, not `self`, so tests run it over a MessageChannel.
 */
import { createStore } from 'zustand/vanilla';
import type { Decoded } from '../protocol/messages.ts';
import { initialConnectionState, type ConnectionState } from './connection-store.ts';
import { createDeviceResponder } from './device-responder.ts';
import { timerInboxScheduler } from './inbox.ts';
import { createBrokerSession } from './session.ts';
import type { BrokerSession, SessionOptions, WebSocketFactory } from './session-types.ts';
import { toWireError, toWorkerSchema, type FromWorker, type HostSessionOptions } from './session-worker-messages.ts';
import { packBatch } from './batch-wire.ts';
import { createProgressTextFilter } from './progress-text-filter.ts';

export interface HostPort {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/**
 * How often the worker hands what it decoded to the page, about once per frame (the page draws once
 * per frame anyway): each post is a task on both threads, and every 4 ms cost more CPU at 10,000
 * messages a second (renderer CPU 0.93x at 16 ms, lower in each of three interleaved rounds).
 */
export const WORKER_FLUSH_MS = 16;

export interface HostDeps {
  createSession?: (options: SessionOptions) => BrokerSession;
  flushMs?: number;
  /** The worker's WebSocket, so the broker's close code and reason reach the operator (session.ts). */
  createWebSocket?: WebSocketFactory;
}

/** Everything but the moment of the last message: that the page notes itself, per batch. */
function sameApartFromLastMessage(a: ConnectionState, b: ConnectionState): boolean {
  return (Object.keys(a) as (keyof ConnectionState)[]).every((key) => key === 'lastMessageAt' || a[key] === b[key]);
}

export function serveBrokerSession(port: HostPort, deps: HostDeps = {}): void {
  const createSession = deps.createSession ?? createBrokerSession;
  let session: BrokerSession | null = null;
  let closed = false;

  function open(options: HostSessionOptions): void {
    if (session || closed) {
      port.postMessage({ type: 'failed', error: { name: 'Error', message: 'This broker worker already ran a session' } });
      return;
    }
    const connection = createStore<ConnectionState>(() => initialConnectionState);
    connection.subscribe((state, previous) => {
      if (!sameApartFromLastMessage(state, previous)) port.postMessage({ type: 'connection', state });
    });
    try {
      session = createSession({
        ...options,
        connectionStore: connection,
        diagnosticsStore: null,
        inboxScheduler: timerInboxScheduler(deps.flushMs ?? WORKER_FLUSH_MS),
        location: null,
        ...(deps.createWebSocket === undefined ? {} : { createWebSocket: deps.createWebSocket }),
      });
    } catch (error) {
      port.postMessage({ type: 'failed', error: toWireError(error) });
      return;
    }
    const opened = session;
    // Packed, not copied: the hot kinds cross as flat arrays (batch-wire.ts), and a progress tick
    // that repeats its task's last event leaves its payload text behind (progress-text-filter.ts).
    const progressText = createProgressTextFilter();
    opened.onBatch((batch: readonly Decoded[]) => port.postMessage({ type: 'batch', batch: packBatch(batch, progressText) }));
    if (options.respondToDevices && !options.readOnly) {
      opened.onBatch(
        createDeviceResponder({
          publish: (topic, message) => opened.publish(topic, message),
          onError: (error, meta) => console.warn(`could not answer ${meta.method ?? 'message'} on ${meta.topic}`, error),
        }),
      );
    }
  }

  function publish(id: number, topic: string, message: object | string, qos: 0 | 1, retain: boolean): void {
    if (!session) {
      port.postMessage({ type: 'published', id, error: { name: 'SessionClosedError', message: 'The broker session is closed' } });
      return;
    }
    session.publish(topic, message, { qos, retain }).then(
      () => port.postMessage({ type: 'published', id, error: null }),
      (error: unknown) => port.postMessage({ type: 'published', id, error: toWireError(error) }),
    );
  }

  function resubscribe(id: number, filter: string): void {
    if (!session) {
      port.postMessage({ type: 'published', id, error: { name: 'SessionClosedError', message: 'The broker session is closed' } });
      return;
    }
    session.resubscribe(filter).then(
      () => port.postMessage({ type: 'published', id, error: null }),
      (error: unknown) => port.postMessage({ type: 'published', id, error: toWireError(error) }),
    );
  }

  async function close(): Promise<void> {
    closed = true;
    try {
      await session?.close();
    } finally {
      port.postMessage({ type: 'closed' });
    }
  }

  port.addEventListener('message', (event) => {
    const parsed = toWorkerSchema.safeParse(event.data);
    if (!parsed.success) {
      console.error('broker worker: ignored a malformed request', parsed.error.issues);
      return;
    }
    const request = parsed.data;
    if (request.type === 'open') open(request.options);
    else if (request.type === 'publish') publish(request.id, request.topic, request.message, request.qos, request.retain ?? false);
    else if (request.type === 'resubscribe') resubscribe(request.id, request.filter);
    else if (request.type === 'watchOsd') session?.watchOsd(request.sns);
    else void close();
  });
}
