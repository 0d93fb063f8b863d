import mqtt from 'mqtt';
import type { IClientOptions, IDisconnectPacket, MqttClient } from 'mqtt';
import { namespaceFilter } from '../protocol/campaign-topics.ts';
import { decode, MAX_PAYLOAD_BYTES } from '../protocol/decode.ts';
import { UpgradeIdMemory } from '../protocol/upgrade-ids.ts';
import type { Decoded } from '../protocol/messages.ts';
import { ALL_OSD_FILTER, SUBSCRIPTION_FILTERS } from '../protocol/topics.ts';
import { backoffDelay, DEFAULT_MAX_DELAY_MS } from './backoff.ts';
import { redactBrokerUrl, resolveBrokerUrl } from './broker-url.ts';
import { errorState } from './broker-error.ts';
import type { BrokerErrorInfo, ConnectionPhase, ConnectionState } from './connection-store.ts';
import { createDiagnosticsFeed } from './diagnostics-feed.ts';
import { classifyRefusal, errorCode, grantedFromError, SessionClosedError } from './errors.ts';
import { shownCloseReason, socketCloseMeaning, type SocketClose } from './socket-close.ts';
import { assertPublishable } from './publish-guard.ts';
import { createInbox } from './inbox.ts';
import { createOsdSubscriptions, type OsdClient } from './osd-subscriptions.ts';
import type { IncomingPublish } from './publish-fast-path.ts';
import { routeIncoming } from './routed-socket.ts';
import { claimStore } from './store-owner.ts';
import { systemTimers } from './timers.ts';
import type { BrokerSession, PublishOptions, SessionOptions, SessionWebSocket, WebSocketFactory } from './session-types.ts';

export const DEFAULT_SESSION_EXPIRY_SECONDS = 24 * 60 * 60;

/** What happened on one network connection; the next attempt is decided from it when it closes. */
interface Attempt {
  serial: number;
  version: 4 | 5;
  connacked: boolean;
  transportError: boolean;
  refusal: number | null;
  subscriptionsRefused: boolean;
  /** Whether the WebSocket opened (the broker took the upgrade); null when MQTT.js made the socket. */
  socketOpened: boolean | null;
  /** The close frame of this attempt's WebSocket, when the session made the socket. */
  socketClose: SocketClose | null;
  closeHandled: boolean;
}

export function createBrokerSession(options: SessionOptions): BrokerSession {
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const store = options.connectionStore;
  const diagnostics = options.diagnosticsStore;
  const maxPacketSize = options.maxPacketSize ?? MAX_PAYLOAD_BYTES;
  const authRetryDelayMs = options.reconnect?.authRetryDelayMs ?? options.reconnect?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const url = resolveBrokerUrl(options.url, options.location);
  const campaignScope = options.campaignNamespace === undefined ? null : { namespace: options.campaignNamespace };
  const watchedOsd = options.osd === 'watched';
  const deviceFilters = watchedOsd ? SUBSCRIPTION_FILTERS.filter((f) => f !== ALL_OSD_FILTER) : [...SUBSCRIPTION_FILTERS];
  const filters = campaignScope === null ? deviceFilters : [...deviceFilters, namespaceFilter(campaignScope.namespace)];

  let version: 4 | 5 = options.protocolVersion ?? 5;
  const fallback = options.protocolFallback ?? true;
  let versionConfirmed = false;
  let acceptedVersion: 4 | 5 | null = null;
  let everConnected = false;
  let failures = 0;
  let closed = false;
  let closing: Promise<void> | null = null;
  let cancelRetry: (() => void) | null = null;
  let serial = 0;
  const pendingPublishes = new Set<(error: Error) => void>();

  const ownsStore = claimStore(store, options.clientId);
  const setState = (patch: Partial<ConnectionState>) => {
    if (!ownsStore()) return;
    const current = store.getState();
    const phaseChanged = patch.phase !== undefined && patch.phase !== current.phase;
    store.setState(phaseChanged ? { ...patch, since: timers.now() } : patch);
  };
  const setError = (error: BrokerErrorInfo | null) => setState(errorState(error));
  const setPhase = (phase: ConnectionPhase, error?: BrokerErrorInfo | null) =>
    setState(error === undefined ? { phase } : { phase, ...errorState(error) });
  /** The error already shown: a later, vaguer one ("closed") must not replace it. */
  const currentError = (): BrokerErrorInfo | null => {
    const { lastError, lastErrorInfo } = store.getState();
    if (lastError === null) return null;
    return lastErrorInfo ?? { kind: 'text', text: lastError };
  };

  setState({
    phase: 'connecting',
    ...errorState(null),
    lastMessageAt: null,
    url: redactBrokerUrl(url),
    protocolVersion: null,
    readOnly: options.readOnly,
  });

  // ota_create ids sent or seen: messages without a method are matched against them (decode.ts).
  const upgradeIds = new UpgradeIdMemory();
  const inbox = createInbox<Decoded>(options.inboxScheduler ? { scheduler: options.inboxScheduler } : {});
  const osdSubscriptions = createOsdSubscriptions((refused) => setError({ kind: 'subscriptionsRefused', filters: refused, all: false }));
  const feed = diagnostics ? createDiagnosticsFeed(diagnostics, timers) : null;
  inbox.subscribe((batch) => {
    setState({ lastMessageAt: feed ? feed.observe(batch) : timers.now() });
  });

  const v5Properties = (): IClientOptions['properties'] => ({
    sessionExpiryInterval: options.persistent ? (options.sessionExpirySeconds ?? DEFAULT_SESSION_EXPIRY_SECONDS) : 0,
    maximumPacketSize: maxPacketSize,
  });

  const client: MqttClient = mqtt.connect(url, {
    clientId: options.clientId,
    username: options.username,
    password: options.password,
    clean: !options.persistent,
    protocolVersion: version,
    properties: version === 5 ? v5Properties() : undefined,
    ...(options.createWebSocket === undefined
      ? {}
      : { forceNativeWebSocket: true, createWebsocket: webSocketFor(options.createWebSocket) }),
    // Reconnects, resubscription and the protocol fallback are driven here, not by MQTT.js.
    reconnectPeriod: 0,
    resubscribe: false,
    manualConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 30_000,
    keepalive: options.keepaliveSeconds ?? 60,
    ...(options.will === undefined
      ? {}
      : { will: { topic: options.will.topic, payload: options.will.payload, qos: options.will.qos, retain: options.will.retain } }),
  });

  let attempt: Attempt = newAttempt();

  const osdClient: OsdClient = {
    subscribe: (osdFilters) =>
      client.subscribeAsync(osdFilters, { qos: 1 }).then(
        (grants) => grants.map((g) => g.qos),
        (error: unknown) => {
          // MQTT.js rejects when the broker refused any filter; the SUBACK codes say which.
          const granted = grantedFromError(error);
          if (granted === null) throw error;
          return granted;
        },
      ),
    unsubscribe: async (osdFilters) => {
      await client.unsubscribeAsync(osdFilters);
    },
  };

  function newAttempt(): Attempt {
    serial += 1;
    return {
      serial,
      version,
      connacked: false,
      transportError: false,
      refusal: null,
      subscriptionsRefused: false,
      socketOpened: null,
      socketClose: null,
      closeHandled: false,
    };
  }

  /** MQTT.js calls this inside connect()/reconnect(), after startAttempt made the new attempt. */
  function webSocketFor(create: WebSocketFactory): (url: string, protocols: string[]) => SessionWebSocket {
    return (socketUrl, protocols) => {
      const socket = create(socketUrl, protocols);
      const owner = attempt;
      const current = () => attempt === owner && !closed;
      routeIncoming(socket, { version: () => owner.version, timers, publish: (message) => current() && receive(message) });
      owner.socketOpened = false;
      socket.addEventListener('open', () => {
        owner.socketOpened = true;
      });
      socket.addEventListener('close', (event) => {
        owner.socketClose = { code: event.code, reason: shownCloseReason(event.reason) };
      });
      return socket;
    };
  }

  function startAttempt(first: boolean): void {
    cancelRetry = null;
    if (closed) return;
    attempt = newAttempt();
    client.options.protocolVersion = version;
    client.options.properties = version === 5 ? v5Properties() : undefined;
    if (first) client.connect();
    else client.reconnect({ incomingStore: client.incomingStore, outgoingStore: client.outgoingStore });
    const current = attempt;
    // MQTT.js only re-emits transport errors that carry a code (not a browser WebSocket's).
    client.stream.on('error', () => {
      current.transportError = true;
    });
  }

  function scheduleRetry(delayMs: number): void {
    cancelRetry?.();
    cancelRetry = timers.schedule(() => startAttempt(false), delayMs);
  }

  function nextDelay(): number {
    const delay = backoffDelay(failures, options.reconnect, random);
    failures += 1;
    return delay;
  }

  function onClose(): void {
    osdSubscriptions.disconnected();
    const ended = attempt;
    if (closed || ended.closeHandled) return;
    ended.closeHandled = true;
    const retryPhase: ConnectionPhase = everConnected ? 'reconnecting' : 'connecting';
    const socketClose = ended.socketClose;
    const closeMeaning = socketClose === null ? 'silent' : socketCloseMeaning(socketClose);
    // A close frame that says something is this attempt's own error, more precise than "closed".
    const closeError: BrokerErrorInfo | null =
      socketClose === null || closeMeaning === 'silent' ? null : { kind: 'socketClosed', ...socketClose };
    // The broker took the WebSocket but ended it without answering the CONNECT. A browser may also
    // raise an error for such an end, so an opened socket is the better sign where the session has it.
    const dropped = !ended.connacked && ended.refusal === null && (ended.socketOpened ?? !ended.transportError);

    if (ended.subscriptionsRefused) {
      setPhase('disconnected');
      scheduleRetry(authRetryDelayMs);
      return;
    }
    if (ended.refusal === null && closeMeaning === 'notAuthorized') {
      // A login refused with a close frame instead of a CONNACK (RabbitMQ: 1002 "unauthenticated"):
      // the broker understood this version, so it stays; retried slowly, like any refused login.
      setPhase('disconnected', closeError);
      scheduleRetry(authRetryDelayMs);
      return;
    }
    if (ended.refusal !== null) {
      const kind = classifyRefusal(ended.refusal);
      if (kind === 'protocol' && ended.version === 5 && fallback) {
        version = 4;
        // Negotiation, not trouble: nothing is shown unless 3.1.1 fails too.
        setPhase(retryPhase, null);
        scheduleRetry(0);
        return;
      }
      if (kind === 'auth') {
        // Retrying fast cannot help until the credentials change; keep trying slowly, show why.
        setPhase('disconnected');
        scheduleRetry(authRetryDelayMs);
        return;
      }
    } else if (dropped && !versionConfirmed && fallback) {
      // The socket opened and the broker hung up on the CONNECT without a CONNACK: what some
      // 3.1.1-only brokers do with MQTT 5 (RabbitMQ 3.10). The step down to 3.1.1 is negotiation
      // and says nothing; a broker that hangs up on 3.1.1 too is trouble, and the versions
      // alternate so a broker that dislikes 3.1.1 is not stuck.
      version = ended.version === 5 ? 4 : 5;
      if (version === 4) setPhase(retryPhase);
      else setPhase(retryPhase, closeError ?? currentError() ?? { kind: 'closedBeforeConnack' });
      scheduleRetry(version === 4 ? 0 : nextDelay());
      return;
    }
    let error = currentError();
    if (ended.connacked) error = error ?? { kind: 'lost' };
    else if (ended.refusal === null && closeError !== null) error = closeError;
    else if (dropped) error = error ?? { kind: 'closedBeforeConnack' };
    else if (ended.transportError && ended.refusal === null) error = error ?? { kind: 'refused' };
    setPhase(retryPhase, error);
    scheduleRetry(nextDelay());
  }

  function onSubscribed(forSerial: number, granted: readonly number[]): void {
    if (closed || forSerial !== attempt.serial) return;
    const refused = filters.filter((_, i) => (granted[i] ?? 0x80) >= 0x80);
    if (refused.length === filters.length) {
      attempt.subscriptionsRefused = true;
      setError({ kind: 'subscriptionsRefused', filters: refused, all: true });
      client.stream.destroy();
      return;
    }
    everConnected = true;
    failures = 0;
    setPhase('connected', refused.length > 0 ? { kind: 'subscriptionsRefused', filters: refused, all: false } : null);
    if (watchedOsd) osdSubscriptions.connected(osdClient);
  }

  // Resubscribed on every CONNACK, session present or not: cheap, and the SUBACK is what proves
  // the subscriptions exist (a broker may have dropped an expired session).
  client.on('connect', () => {
    attempt.connacked = true;
    versionConfirmed = true;
    acceptedVersion = attempt.version;
    setState({ protocolVersion: attempt.version, ...errorState(null) });
    const forSerial = attempt.serial;
    client.subscribeAsync(filters, { qos: 1 }).then(
      (grants) =>
        onSubscribed(
          forSerial,
          grants.map((g) => g.qos),
        ),
      (error: unknown) => {
        const granted = grantedFromError(error);
        // Without a SUBACK the connection dropped; its close handler retries.
        if (granted) onSubscribed(forSerial, granted);
      },
    );
  });

  client.on('error', (error: Error) => {
    // Ending the socket on close() can surface EPIPE and the like: not worth showing.
    if (closed) return;
    const code = errorCode(error);
    if (typeof code === 'number' && !attempt.connacked) {
      attempt.refusal = code;
      setError({ kind: 'connack', code });
    } else if (typeof code === 'string') {
      attempt.transportError = true;
      setError({ kind: 'transport', code });
    } else {
      setError({ kind: 'text', text: error.message });
    }
  });

  client.on('disconnect', (packet: IDisconnectPacket) => {
    if (closed) return;
    setError({ kind: 'disconnected', code: packet.reasonCode ?? 0x80 });
  });

  client.on('close', onClose);

  function receive({ topic, payload, retain }: IncomingPublish): void {
    const scope = campaignScope === null ? null : { namespace: campaignScope.namespace, retained: retain };
    const decoded = decode(topic, payload, maxPacketSize, upgradeIds, scope);
    upgradeIds.learn(decoded);
    inbox.push(decoded);
  }

  // Only what the fast path passes on (routed-socket.ts), or everything when MQTT.js made the socket.
  client.on('message', (topic: string, payload: Uint8Array, packet: { retain?: boolean }) =>
    receive({ topic, payload, retain: packet.retain === true }),
  );

  startAttempt(true);

  async function publish(topic: string, message: object | string, opts: PublishOptions = {}): Promise<void> {
    assertPublishable(topic, { readOnly: options.readOnly, closed, campaignNamespace: options.campaignNamespace });
    const payload = typeof message === 'string' ? message : JSON.stringify(message);
    if (typeof message !== 'string') upgradeIds.noteSent(message);
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        pendingPublishes.delete(fail);
        reject(error);
      };
      pendingPublishes.add(fail);
      client.publish(topic, payload, { qos: opts.qos ?? 1, retain: opts.retain ?? false }, (error) => {
        if (!pendingPublishes.delete(fail)) return;
        if (error) reject(error);
        else resolve();
      });
    });
  }

  async function resubscribe(filter: string): Promise<void> {
    if (closed) throw new SessionClosedError();
    if (campaignScope === null || !filter.startsWith(`${campaignScope.namespace}/`))
      throw new Error(`Refusing to subscribe to ${filter}: not under the campaign namespace`);
    const grants = await client.subscribeAsync(filter, { qos: 1 });
    if (grants.some((g) => g.qos >= 0x80)) throw new Error(`The broker refused the subscription to ${filter}`);
    // The probe filter overlaps the namespace subscription: dropped again once its retained copy came.
    timers.schedule(() => {
      if (!closed) client.unsubscribe(filter);
    }, 5_000);
  }

  function close(): Promise<void> {
    if (closing) return closing;
    closed = true;
    cancelRetry?.();
    cancelRetry = null;
    inbox.flush();
    inbox.dispose();
    feed?.dispose();
    const graceful = client.connected && pendingPublishes.size === 0;
    for (const fail of [...pendingPublishes]) fail(new SessionClosedError());
    closing = new Promise<void>((resolve) => {
      client.end(!graceful, {}, () => resolve());
    }).then(() => setPhase('disconnected', null));
    return closing;
  }

  return {
    publish,
    onBatch: (listener) => inbox.subscribe(listener),
    resubscribe,
    watchOsd: (deviceSns) => {
      if (watchedOsd && !closed) osdSubscriptions.watch(deviceSns);
    },
    close,
    readOnly: options.readOnly,
    clientId: options.clientId,
    get protocolVersion() {
      return acceptedVersion;
    },
  };
}
