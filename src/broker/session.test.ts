import mqtt from 'mqtt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadOnlyError, InvalidTopicError, SessionClosedError } from './errors.ts';
import { startAedesWsBroker, type AedesWsBroker } from './aedes-broker-test-kit.ts';
import {
  openSession,
  percentsOf,
  progressPayload,
  SESSION_VIAS,
  uniqueClientId,
  type SessionFixture,
  type SessionVia,
} from './session-test-kit.ts';

const WAIT = { timeout: 5_000, interval: 20 };
const EVENTS = 'thing/product/DOCK-1/events';

const brokers: AedesWsBroker[] = [];
const fixtures: SessionFixture[] = [];

async function broker(options?: Parameters<typeof startAedesWsBroker>[0]): Promise<AedesWsBroker> {
  const b = await startAedesWsBroker(options);
  brokers.push(b);
  return b;
}

function tracked(f: SessionFixture): SessionFixture {
  fixtures.push(f);
  return f;
}

async function connected(f: SessionFixture): Promise<void> {
  await vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);
}

afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.session.close()));
  await Promise.all(brokers.splice(0).map((b) => b.close()));
});

describe.each(SESSION_VIAS)('broker session (%s) against aedes (MQTT 3.1.1 only)', { timeout: 15_000 }, (via: SessionVia) => {
  const session = (overrides: Parameters<typeof openSession>[0]) => tracked(openSession(overrides, via));
  it('falls back from MQTT 5 to 3.1.1 when the broker answers "unacceptable protocol version"', async () => {
    const b = await broker();
    const f = session({ url: b.url });
    await connected(f);
    expect(b.connectVersions.slice(0, 2)).toEqual([5, 4]);
    expect(f.session.protocolVersion).toBe(4);
    expect(f.connection.getState()).toMatchObject({ protocolVersion: 4, lastError: null, url: b.url });
  });

  it('falls back to 3.1.1 when the broker hangs up on an MQTT 5 CONNECT without a CONNACK', async () => {
    const b = await broker({ closeOnMqtt5Connect: true });
    const f = session({ url: b.url });
    await connected(f);
    expect(b.connectVersions.slice(0, 2)).toEqual([5, 4]);
    expect(f.session.protocolVersion).toBe(4);
  });

  it('says Connected only once the SUBACK arrived', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let subscribeSeen = false;
    const b = await broker({
      hooks: {
        authorizeSubscribe: (_client, sub, done) => {
          subscribeSeen = true;
          void held.then(() => done(null, sub));
        },
      },
    });
    const f = session({ url: b.url });
    await vi.waitFor(() => expect(subscribeSeen).toBe(true), WAIT);
    // CONNACK is in, the SUBSCRIBE is at the broker, the SUBACK is held back.
    expect(f.connection.getState().protocolVersion).toBe(4);
    expect(f.connection.getState().phase).toBe('connecting');
    release();
    await connected(f);
    expect(f.phases).toEqual(['connecting', 'connected']);
  });

  it('reports a filter the broker refused, and stays connected on the others', async () => {
    const b = await broker({
      hooks: { authorizeSubscribe: (_client, sub, done) => done(null, sub.topic === 'thing/product/+/osd' ? null : sub) },
    });
    const f = session({ url: b.url });
    await connected(f);
    expect(f.connection.getState().lastError).toContain('thing/product/+/osd');
    expect(f.connection.getState().lastErrorInfo).toEqual({ kind: 'subscriptionsRefused', filters: ['thing/product/+/osd'], all: false });
  });

  it('resubscribes after the broker lost everything, and receives what is published after that', async () => {
    const b = await broker();
    const f = session({ url: b.url });
    await connected(f);
    await b.restart();
    await vi.waitFor(() => expect(f.phases).toContain('reconnecting'), WAIT);
    await connected(f);
    await b.publish(EVENTS, progressPayload(42));
    await vi.waitFor(() => expect(percentsOf(f.received)).toEqual([42]), WAIT);
    expect(f.phases).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(f.connection.getState().lastMessageAt).not.toBeNull();
  });

  it('delivers a QoS 1 message published while it was disconnected, after it reconnects', async () => {
    const b = await broker();
    const clientId = uniqueClientId('persist');
    const f = session({ url: b.url, clientId });
    await connected(f);
    b.setAccepting(false);
    b.dropConnections();
    await vi.waitFor(() => expect(f.connection.getState().phase).toBe('reconnecting'), WAIT);
    await b.publish(EVENTS, progressPayload(7), 1);
    expect(f.received).toEqual([]);
    b.setAccepting(true);
    await vi.waitFor(() => expect(percentsOf(f.received)).toEqual([7]), WAIT);
    await connected(f);
  });

  it('keeps a QoS 1 publish made while disconnected and sends it after the reconnect', async () => {
    const b = await broker();
    const f = session({ url: b.url });
    await connected(f);
    b.setAccepting(false);
    b.dropConnections();
    await vi.waitFor(() => expect(f.connection.getState().phase).toBe('reconnecting'), WAIT);
    let settled = false;
    const publishing = f.session.publish('thing/product/DOCK-1/services', { method: 'ota_create', tid: 'offline' });
    void publishing.finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);
    b.setAccepting(true);
    await publishing;
    await vi.waitFor(() => expect(b.publishedByClients.map((p) => JSON.parse(p.payload).tid)).toEqual(['offline']), WAIT);
  });

  it('publishes with QoS 1 and resolves once the broker has it', async () => {
    const b = await broker();
    const f = session({ url: b.url });
    await connected(f);
    await f.session.publish('thing/product/DOCK-1/services', { method: 'ota_create', data: { devices: [] } });
    // aedes reports the publish to its listeners a moment after it sent the PUBACK.
    await vi.waitFor(() => expect(b.publishedByClients).toHaveLength(1), WAIT);
    expect(b.publishedByClients).toEqual([
      {
        clientId: f.session.clientId,
        topic: 'thing/product/DOCK-1/services',
        payload: JSON.stringify({ method: 'ota_create', data: { devices: [] } }),
      },
    ]);
  });

  it('refuses to publish in read-only mode, and nothing reaches the broker', async () => {
    const b = await broker();
    const readOnly = session({ url: b.url, readOnly: true });
    const writer = session({ url: b.url });
    await connected(readOnly);
    await connected(writer);
    expect(readOnly.connection.getState().readOnly).toBe(true);
    await expect(readOnly.session.publish('thing/product/DOCK-1/services', { method: 'ota_create' })).rejects.toBeInstanceOf(ReadOnlyError);
    // A publish that is known to arrive, sent after the refused one: if the refused one had gone
    // out on the wire it would be at the broker before this.
    await writer.session.publish('thing/product/DOCK-1/events_reply', { data: { result: 0 } });
    await vi.waitFor(() => expect(b.publishedByClients.length).toBeGreaterThan(0), WAIT);
    expect(b.publishedByClients.map((p) => p.clientId)).toEqual([writer.session.clientId]);
  });

  it('refuses a topic that is not one of the protocol', async () => {
    const b = await broker();
    const f = session({ url: b.url });
    await connected(f);
    await expect(f.session.publish('thing/product/+/services', {})).rejects.toBeInstanceOf(InvalidTopicError);
    await expect(f.session.publish('some/other/topic', {})).rejects.toBeInstanceOf(InvalidTopicError);
    expect(b.publishedByClients).toEqual([]);
  });

  it('counts invalid and oversized payloads in diagnostics while valid ones in the same batch arrive', async () => {
    const b = await broker();
    const f = session({ url: b.url, maxPacketSize: 2_048 });
    await connected(f);
    const publisher = await mqtt.connectAsync(b.url, { clientId: uniqueClientId('pub'), protocolVersion: 4 });
    try {
      await publisher.publishAsync(EVENTS, '{not json', { qos: 1 });
      await publisher.publishAsync(EVENTS, progressPayload(10), { qos: 1 });
      await publisher.publishAsync(EVENTS, JSON.stringify({ method: 'ota_progress', pad: 'x'.repeat(4_000) }), { qos: 1 });
      await publisher.publishAsync('thing/product/DOCK-1/state', '[1,2]', { qos: 1 });
      await publisher.publishAsync(EVENTS, progressPayload(20), { qos: 1 });
    } finally {
      await publisher.endAsync();
    }
    await vi.waitFor(() => expect(f.diagnostics.getState().total).toBe(5), WAIT);
    expect(percentsOf(f.received)).toEqual([10, 20]);
    const d = f.diagnostics.getState();
    expect(d.invalidTotal).toBe(3);
    expect(d.countsByKind.ota_progress).toBe(2);
    expect(d.recentInvalid.map((r) => r.topic)).toEqual([EVENTS, EVENTS, 'thing/product/DOCK-1/state']);
    expect(d.recentInvalid[1]!.size).toBeGreaterThan(4_000);
    expect(f.connection.getState().phase).toBe('connected');
  });

  it('shows a refused login as Disconnected with the reason, without the password, and keeps retrying', async () => {
    let attempts = 0;
    const b = await broker({
      hooks: {
        authenticate: (_client, username, _password, done) => {
          attempts += 1;
          const error = Object.assign(new Error('bad credentials'), { returnCode: 4 as const });
          done(username === 'ok' ? null : error, username === 'ok');
        },
      },
    });
    const f = session({ url: b.url, username: 'operator', password: 'hunter2-secret' });
    await vi.waitFor(() => expect(f.connection.getState().phase).toBe('disconnected'), WAIT);
    expect(f.connection.getState().lastError).toBe('Bad username or password');
    expect(f.connection.getState().lastErrorInfo).toEqual({ kind: 'connack', code: 4 });
    expect(JSON.stringify(f.connection.getState())).not.toContain('hunter2');
    const seen = attempts;
    await vi.waitFor(() => expect(attempts).toBeGreaterThan(seen), WAIT);
    expect(f.connection.getState().phase).toBe('disconnected');
  });

  it('is Disconnected after close, and refuses to publish then', async () => {
    const b = await broker();
    const f = session({ url: b.url });
    await connected(f);
    await f.session.close();
    expect(f.connection.getState().phase).toBe('disconnected');
    await expect(f.session.publish(EVENTS, {})).rejects.toBeInstanceOf(SessionClosedError);
    await vi.waitFor(() => expect(b.broker.connectedClients).toBe(0), WAIT);
  });
});

describe.each(SESSION_VIAS)('broker session handover (%s)', { timeout: 15_000 }, (via: SessionVia) => {
  const session = (overrides: Parameters<typeof openSession>[0]) => tracked(openSession(overrides, via));
  it('a session being closed does not overwrite the state of the session that replaced it', async () => {
    const b = await broker();
    const old = session({ url: b.url });
    await connected(old);
    const closing = old.session.close();
    const successor = session({ url: b.url, connectionStore: old.connection });
    const phasesAfterHandover: string[] = [];
    old.connection.subscribe((s, prev) => s.phase !== prev.phase && phasesAfterHandover.push(s.phase));
    await closing;
    await vi.waitFor(() => expect(old.connection.getState().phase).toBe('connected'), WAIT);
    expect(phasesAfterHandover).toEqual(['connected']);
    await successor.session.close();
    expect(old.connection.getState().phase).toBe('disconnected');
  });
});
