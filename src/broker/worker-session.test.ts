import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { initialConnectionState, type ConnectionState } from './connection-store.ts';
import { createDiagnosticsStore } from './diagnostics-store.ts';
import { SessionClosedError } from './errors.ts';
import { serveBrokerSession, type HostPort } from './session-worker-host.ts';
import type { FromWorker, ToWorker } from './session-worker-messages.ts';
import { startAedesWsBroker, type AedesWsBroker } from './aedes-broker-test-kit.ts';
import { channelWorker } from './channel-worker-test-kit.ts';
import { openSession, uniqueClientId, type SessionFixture } from './session-test-kit.ts';
import { createWorkerBrokerSession, WORKER_CLOSE_TIMEOUT_MS, type SessionWorker } from './worker-session.ts';

const WAIT = { timeout: 5_000, interval: 20 };
const EVENTS = 'thing/product/DOCK-1/events';
const brokers: AedesWsBroker[] = [];
const fixtures: SessionFixture[] = [];

afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.session.close()));
  await Promise.all(brokers.splice(0).map((b) => b.close()));
  vi.restoreAllMocks();
});

async function broker(): Promise<AedesWsBroker> {
  const b = await startAedesWsBroker();
  brokers.push(b);
  return b;
}

function workerSession(overrides: Parameters<typeof openSession>[0]): SessionFixture {
  const f = openSession(overrides, 'worker');
  fixtures.push(f);
  return f;
}

/** A worker that records what the page posts and lets the test answer for it. */
function scriptedWorker() {
  const posted: ToWorker[] = [];
  const listeners: { message: ((event: MessageEvent<unknown>) => void)[]; error: ((event: Event) => void)[] } = { message: [], error: [] };
  let terminated = false;
  const worker: SessionWorker = {
    postMessage: (message) => posted.push(message),
    addEventListener: (type: 'message' | 'error', listener: never) => listeners[type].push(listener),
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    posted,
    say: (data: unknown) => listeners.message.forEach((l) => l(new MessageEvent('message', { data }))),
    crash: (message: string) => listeners.error.forEach((l) => l(Object.assign(new Event('error'), { message }))),
    get terminated() {
      return terminated;
    },
  };
}

function scriptedSession(readOnly = false) {
  const script = scriptedWorker();
  const connectionStore = createStore<ConnectionState>(() => initialConnectionState);
  const diagnosticsStore = createDiagnosticsStore();
  const session = createWorkerBrokerSession({
    url: 'ws://127.0.0.1:9/mqtt',
    clientId: uniqueClientId('scripted'),
    persistent: false,
    readOnly,
    createWorker: () => script.worker,
    connectionStore,
    diagnosticsStore,
  });
  return { script, session, connectionStore, diagnosticsStore };
}

describe('worker broker session, page side', () => {
  it('says Connecting at once, and asks the worker to open the resolved URL without respondToDevices by default', () => {
    const { script, connectionStore } = scriptedSession();
    expect(connectionStore.getState()).toMatchObject({ phase: 'connecting', url: 'ws://127.0.0.1:9/mqtt', readOnly: false });
    expect(script.posted[0]).toMatchObject({
      type: 'open',
      options: { url: 'ws://127.0.0.1:9/mqtt', respondToDevices: false, persistent: false },
    });
  });

  it('a crashed worker: Disconnected with the reason, waiting publishes fail, close still resolves', async () => {
    const { script, session, connectionStore } = scriptedSession();
    const waiting = session.publish(EVENTS.replace('events', 'services'), { method: 'ota_create' });
    script.crash('out of memory');
    await expect(waiting).rejects.toBeInstanceOf(SessionClosedError);
    expect(connectionStore.getState()).toMatchObject({ phase: 'disconnected', lastError: 'The broker connection stopped: out of memory' });
    expect(script.terminated).toBe(true);
    await expect(session.publish(EVENTS.replace('events', 'services'), {})).rejects.toBeInstanceOf(SessionClosedError);
    await session.close();
  });

  it('ignores a malformed message from the worker, reports it, and keeps taking the good ones', () => {
    const { script, connectionStore } = scriptedSession();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    script.say({ type: 'connection', state: { phase: 'flying' } });
    script.say('garbage');
    expect(errors).toHaveBeenCalledTimes(2);
    expect(String(errors.mock.calls[0]?.[0])).toContain('ignored a malformed message');
    const good: FromWorker = { type: 'connection', state: { ...initialConnectionState, phase: 'connected', protocolVersion: 5, since: 1 } };
    script.say(good);
    expect(connectionStore.getState().phase).toBe('connected');
  });

  it('a publish error from the worker rejects that publish only, with the error it had', async () => {
    const { script, session } = scriptedSession();
    const topic = 'thing/product/DOCK-1/services';
    const first = session.publish(topic, { n: 1 });
    const second = session.publish(topic, { n: 2 }, { qos: 0 });
    const ids = script.posted.flatMap((m) => (m.type === 'publish' ? [m.id] : []));
    expect(script.posted.filter((m) => m.type === 'publish').map((m) => m.type === 'publish' && m.qos)).toEqual([1, 0]);
    script.say({ type: 'published', id: ids[1], error: { name: 'Error', message: 'client disconnecting' } });
    script.say({ type: 'published', id: ids[0], error: null });
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toThrow('client disconnecting');
  });

  it('a message the worker could not receive fails on the page and nothing is left waiting', async () => {
    const { session, script } = scriptedSession();
    script.worker.postMessage = (message) => {
      structuredClone(message);
    };
    await expect(session.publish('thing/product/DOCK-1/services', { build: () => 1 })).rejects.toThrow();
  });

  it('close() ends a worker that never answers, after WORKER_CLOSE_TIMEOUT_MS, and says Disconnected', async () => {
    const script = scriptedWorker();
    const scheduled: { fn: () => void; ms: number }[] = [];
    const connectionStore = createStore<ConnectionState>(() => initialConnectionState);
    const session = createWorkerBrokerSession({
      url: 'ws://127.0.0.1:9/mqtt',
      clientId: uniqueClientId('hung'),
      persistent: false,
      readOnly: false,
      createWorker: () => script.worker,
      connectionStore,
      diagnosticsStore: createDiagnosticsStore(),
      timers: { now: () => 1, schedule: (fn, ms) => (scheduled.push({ fn, ms }), () => undefined) },
    });
    let closed = false;
    const closing = session.close().then(() => (closed = true));
    expect(script.posted.at(-1)).toEqual({ type: 'close' });
    await Promise.resolve();
    expect(closed).toBe(false);
    const timeout = scheduled.find((s) => s.ms === WORKER_CLOSE_TIMEOUT_MS);
    expect(timeout).toBeDefined();
    timeout?.fn();
    await closing;
    expect(script.terminated).toBe(true);
    expect(connectionStore.getState().phase).toBe('disconnected');
  });

  it('a worker that could not open the session: Disconnected with its words', () => {
    const { script, connectionStore } = scriptedSession();
    script.say({ type: 'failed', error: { name: 'Error', message: 'Unknown protocol' } });
    expect(connectionStore.getState()).toMatchObject({ phase: 'disconnected', lastError: 'Unknown protocol' });
    expect(script.terminated).toBe(true);
  });
});

describe('worker broker session, worker side', () => {
  function host() {
    const { port1, port2 } = new MessageChannel();
    const heard: unknown[] = [];
    port1.addEventListener('message', (event) => heard.push(event.data));
    serveBrokerSession(port2 as unknown as HostPort);
    port1.start();
    port2.start();
    return { port: port1, heard, close: () => (port1.close(), port2.close()) };
  }

  it('refuses a second session on one worker and reports malformed requests without dying', async () => {
    const b = await broker();
    const h = host();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const options = {
      url: b.url,
      clientId: uniqueClientId('host'),
      persistent: false,
      readOnly: false,
      respondToDevices: false,
      connectTimeoutMs: 3_000,
    };
    h.port.postMessage({ type: 'open', options });
    h.port.postMessage({ type: 'publish', id: 'one', topic: 5 });
    h.port.postMessage({ type: 'open', options });
    await vi.waitFor(
      () =>
        expect(h.heard).toContainEqual({ type: 'failed', error: { name: 'Error', message: 'This broker worker already ran a session' } }),
      WAIT,
    );
    await vi.waitFor(
      () =>
        expect(
          h.heard.some((m) => (m as FromWorker).type === 'connection' && (m as { state: ConnectionState }).state.phase === 'connected'),
        ).toBe(true),
      WAIT,
    );
    expect(errors).toHaveBeenCalledWith('broker worker: ignored a malformed request', expect.anything());
    h.port.postMessage({ type: 'close' });
    await vi.waitFor(() => expect(h.heard).toContainEqual({ type: 'closed' }), WAIT);
    h.close();
  });
});

describe('worker broker session against aedes', { timeout: 15_000 }, () => {
  const needReply = (tid: string) =>
    JSON.stringify({
      tid,
      bid: 'b-1',
      timestamp: Date.now(),
      method: 'ota_progress',
      need_reply: 1,
      data: { result: 0, output: { status: 'in_progress', progress: { percent: 5 } } },
    });

  function responder(url: string, readOnly: boolean) {
    const connectionStore = createStore<ConnectionState>(() => initialConnectionState);
    const clientId = uniqueClientId(readOnly ? 'ro' : 'rw');
    const session = createWorkerBrokerSession({
      url,
      clientId,
      persistent: false,
      readOnly,
      respondToDevices: true,
      createWorker: () => channelWorker(),
      connectionStore,
      diagnosticsStore: createDiagnosticsStore(),
    });
    const received: string[] = [];
    session.onBatch((batch) => batch.forEach((m) => received.push(m.kind)));
    closers.push(() => session.close());
    return { clientId, connectionStore, received };
  }
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('answers need_reply events from the worker, once per message; a read-only one answers nothing', async () => {
    const b = await broker();
    const writer = responder(b.url, false);
    const reader = responder(b.url, true);
    await vi.waitFor(
      () => expect([writer.connectionStore.getState().phase, reader.connectionStore.getState().phase]).toEqual(['connected', 'connected']),
      WAIT,
    );
    // The same message twice, as a QoS 1 redelivery would bring it: answered once.
    const first = needReply('t-1');
    await b.publish(EVENTS, first, 1);
    await b.publish(EVENTS, first, 1);
    await b.publish(EVENTS, needReply('t-2'), 1);
    await vi.waitFor(() => expect(reader.received).toEqual(['ota_progress', 'ota_progress', 'ota_progress']), WAIT);
    await vi.waitFor(() => expect(b.publishedByClients).toHaveLength(2), WAIT);
    expect(b.publishedByClients.map((p) => [p.clientId, p.topic, JSON.parse(p.payload).tid])).toEqual([
      [writer.clientId, 'thing/product/DOCK-1/events_reply', 't-1'],
      [writer.clientId, 'thing/product/DOCK-1/events_reply', 't-2'],
    ]);
  });

  it("carries the payload text of progress that says something new, and leaves a repeating tick's behind", async () => {
    const b = await broker();
    const f = workerSession({ url: b.url });
    await vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);
    const progress = (tid: string, percent: number, sub: string) =>
      JSON.stringify({
        tid,
        bid: 'b-7',
        timestamp: 1_000 + percent,
        method: 'ota_progress',
        data: { result: 0, output: { status: 'in_progress', sub_status: sub, progress: { percent } } },
      });
    const sent = [progress('t-1', 1, 'DOWNLOADING'), progress('t-2', 2, 'DOWNLOADING'), progress('t-3', 3, 'INSTALLING')];
    for (const payload of sent) await b.publish(EVENTS, payload, 1);
    await vi.waitFor(() => expect(f.received).toHaveLength(3), WAIT);
    expect(f.received.map((m) => (m.kind === 'ota_progress' ? m.meta.text : m.kind))).toEqual([sent[0], '', sent[2]]);
  });

  it('delivers decoded batches to the page and counts them in the page diagnostics', async () => {
    const b = await broker();
    const f = workerSession({ url: b.url });
    await vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);
    await b.publish(EVENTS, needReply('t-9'), 1);
    await b.publish(EVENTS, '{broken', 1);
    await vi.waitFor(() => expect(f.diagnostics.getState().total).toBe(2), WAIT);
    expect(f.received.map((m) => m.kind)).toEqual(['ota_progress', 'invalid']);
    expect(f.connection.getState().lastMessageAt).not.toBeNull();
    expect(b.publishedByClients).toEqual([]);
  });
});
