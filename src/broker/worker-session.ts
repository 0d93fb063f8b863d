/**
 * The page's half of a worker broker session: the same BrokerSession the app always used, with
 * MQTT, decoding and device answers running in a dedicated worker (session-worker-host.ts). At
 * fleet scale (10,000 gateways at 1 Hz) parsing MQTT and decoding took most of the page's thread;
 * here the page only receives decoded batches, counts them and draws them, once per frame.
 */
import type { Decoded } from '../protocol/messages.ts';
import { redactBrokerUrl, resolveBrokerUrl } from './broker-url.ts';
import { errorState } from './broker-error.ts';
import type { BrokerErrorInfo, ConnectionState } from './connection-store.ts';
import { createDiagnosticsFeed } from './diagnostics-feed.ts';
import type { DiagnosticsStore } from './diagnostics-store.ts';
import { SessionClosedError } from './errors.ts';
import { assertPublishable } from './publish-guard.ts';
import { createInbox } from './inbox.ts';
import type { BrokerSession, PublishOptions, SessionOptions } from './session-types.ts';
import { readFromWorker, type FromWorker, type HostSessionOptions, type ToWorker, type WireError } from './session-worker-messages.ts';
import { claimStore } from './store-owner.ts';
import { systemTimers } from './timers.ts';
import { unpackBatch } from './batch-wire.ts';

/** The slice of a Worker (or a MessagePort, in tests) the page side uses. */
export interface SessionWorker {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** The in-page session's options (the worker gets the serializable ones), plus the worker's own. */
export type WorkerSessionOptions = Pick<
  SessionOptions,
  | 'url'
  | 'username'
  | 'password'
  | 'clientId'
  | 'persistent'
  | 'readOnly'
  | 'sessionExpirySeconds'
  | 'maxPacketSize'
  | 'reconnect'
  | 'protocolVersion'
  | 'protocolFallback'
  | 'connectTimeoutMs'
  | 'keepaliveSeconds'
  | 'timers'
  | 'inboxScheduler'
  | 'connectionStore'
  | 'location'
  | 'campaignNamespace'
  | 'will'
  | 'osd'
> & {
  /** Answer devices that wait for the cloud (the worker does it; refused when read-only). */
  respondToDevices?: boolean;
  /** Told the protocol version of each connection the broker accepted (the page remembers it per URL). */
  protocolAccepted?(version: 4 | 5): void;
  createWorker?: () => SessionWorker;
  diagnosticsStore: DiagnosticsStore;
};

/** How long close() waits for the worker to say its session closed before ending the worker anyway. */
export const WORKER_CLOSE_TIMEOUT_MS = 5_000;

export const createSessionWorker = (): SessionWorker => new Worker(new URL('./session.worker.ts', import.meta.url), { type: 'module' });

function errorFromWire(wire: WireError): Error {
  if (wire.name === 'SessionClosedError') return new SessionClosedError();
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

/** An ErrorEvent's message when it has one (a script that failed to load has none). */
function eventMessage(event: Event): string {
  const message: unknown = 'message' in event ? event.message : undefined;
  return typeof message === 'string' && message !== '' ? message : 'the worker script could not run';
}

export function createWorkerBrokerSession(options: WorkerSessionOptions): BrokerSession {
  const timers = options.timers ?? systemTimers;
  const store = options.connectionStore;
  const url = resolveBrokerUrl(options.url, options.location);
  const ownsStore = claimStore(store, options.clientId);
  const setState = (patch: Partial<ConnectionState>) => {
    if (ownsStore()) store.setState(patch);
  };
  const fail = (error: BrokerErrorInfo) => setState({ phase: 'disconnected', since: timers.now(), ...errorState(error) });

  // Said at once, as the in-page session does: the worker's own first word is a few ms away.
  setState({
    phase: 'connecting',
    since: timers.now(),
    ...errorState(null),
    lastMessageAt: null,
    url: redactBrokerUrl(url),
    protocolVersion: null,
    readOnly: options.readOnly,
  });

  const inbox = createInbox<Decoded>(options.inboxScheduler ? { scheduler: options.inboxScheduler } : {});
  const feed = createDiagnosticsFeed(options.diagnosticsStore, timers);
  inbox.subscribe((batch) => setState({ lastMessageAt: feed.observe(batch) }));

  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed = false;
  let stopped = false;
  let protocolVersion: 4 | 5 | null = null;
  let closing: Promise<void> | null = null;
  let resolveClosed: () => void = () => undefined;
  const workerClosed = new Promise<void>((resolve) => (resolveClosed = resolve));

  function failPending(error: Error): void {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  /** The worker is gone (it crashed, or closed): nothing more will come from it. */
  function stop(): void {
    if (stopped) return;
    stopped = true;
    failPending(new SessionClosedError());
    resolveClosed();
    worker.terminate();
  }

  function onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'batch':
        inbox.pushAll(unpackBatch(message.batch));
        return;
      case 'connection': {
        const { lastMessageAt: _ignored, ...state } = message.state;
        protocolVersion = state.protocolVersion ?? protocolVersion;
        setState(state);
        if (state.phase === 'connected' && state.protocolVersion !== null && !closed) options.protocolAccepted?.(state.protocolVersion);
        return;
      }
      case 'published': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(errorFromWire(message.error));
        else waiting?.resolve();
        return;
      }
      case 'failed':
        fail({ kind: 'text', text: message.error.message });
        stop();
        return;
      case 'closed':
        stop();
        return;
    }
  }

  const worker = (options.createWorker ?? createSessionWorker)();
  worker.addEventListener('message', (event) => {
    const read = readFromWorker(event.data);
    if (read.ok) onMessage(read.message);
    else console.error(`broker worker: ignored a malformed message (${read.reason})`);
  });
  worker.addEventListener('error', (event) => {
    if (closed) return;
    fail({ kind: 'text', text: `The broker connection stopped: ${eventMessage(event)}` });
    stop();
  });

  const hostOptions: HostSessionOptions = {
    url,
    username: options.username,
    password: options.password,
    clientId: options.clientId,
    persistent: options.persistent,
    readOnly: options.readOnly,
    respondToDevices: options.respondToDevices ?? false,
    sessionExpirySeconds: options.sessionExpirySeconds,
    maxPacketSize: options.maxPacketSize,
    reconnect: options.reconnect,
    protocolVersion: options.protocolVersion,
    protocolFallback: options.protocolFallback,
    connectTimeoutMs: options.connectTimeoutMs,
    keepaliveSeconds: options.keepaliveSeconds,
    campaignNamespace: options.campaignNamespace,
    will: options.will,
    osd: options.osd,
  };
  worker.postMessage({ type: 'open', options: hostOptions });

  async function publish(topic: string, message: object | string, opts: PublishOptions = {}): Promise<void> {
    assertPublishable(topic, { readOnly: options.readOnly, closed: closed || stopped, campaignNamespace: options.campaignNamespace });
    const id = nextId++;
    const sent = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    try {
      // A message the worker cannot receive (a function in it, say) fails here, on the page.
      worker.postMessage({ type: 'publish', id, topic, message, qos: opts.qos ?? 1, retain: opts.retain ?? false });
    } catch (error) {
      pending.delete(id);
      throw error;
    }
    return sent;
  }

  async function resubscribe(filter: string): Promise<void> {
    if (closed || stopped) throw new SessionClosedError();
    const id = nextId++;
    const done = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ type: 'resubscribe', id, filter });
    return done;
  }

  function watchOsd(deviceSns: readonly string[]): void {
    if (closed || stopped || options.osd !== 'watched') return;
    worker.postMessage({ type: 'watchOsd', sns: [...deviceSns] });
  }

  function close(): Promise<void> {
    if (closing) return closing;
    closed = true;
    failPending(new SessionClosedError());
    if (!stopped) worker.postMessage({ type: 'close' });
    // A worker that hangs must not hold up the next session (the controller waits for this close).
    const cancelTimeout = timers.schedule(stop, WORKER_CLOSE_TIMEOUT_MS);
    closing = workerClosed.then(() => {
      cancelTimeout();
      inbox.flush();
      inbox.dispose();
      feed.dispose();
      setState({ phase: 'disconnected', since: timers.now(), ...errorState(null) });
    });
    return closing;
  }

  return {
    publish,
    onBatch: (listener) => inbox.subscribe(listener),
    resubscribe,
    watchOsd,
    close,
    readOnly: options.readOnly,
    clientId: options.clientId,
    get protocolVersion() {
      return protocolVersion;
    },
  };
}
