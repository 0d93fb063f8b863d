import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMosquitto, type RunningMosquitto } from './mosquitto-test-kit.ts';
import {
  openSession,
  percentsOf,
  progressPayload,
  SESSION_VIAS,
  uniqueClientId,
  type SessionFixture,
  type SessionVia,
} from './session-test-kit.ts';

/** Any MQTT 5 broker with a WebSocket listener can be named here; else a local mosquitto is started. */
const injectedUrl = process.env.OTA_TEST_MQTT5_URL;
const WAIT = { timeout: 8_000, interval: 20 };
const EVENTS = 'thing/product/DOCK-5/events';

describe.each(SESSION_VIAS)('broker session (%s) against an MQTT 5 broker (mosquitto)', { timeout: 20_000 }, (via: SessionVia) => {
  let broker: RunningMosquitto | null = null;
  let url = injectedUrl ?? '';
  const fixtures: SessionFixture[] = [];

  beforeAll(async () => {
    if (!injectedUrl) {
      broker = await startMosquitto();
      url = broker.url;
    }
  }, 15_000);

  afterAll(async () => {
    await Promise.all(fixtures.map((f) => f.session.close()));
    await broker?.stop();
  });

  const open = (overrides: Parameters<typeof openSession>[0]) => {
    const f = openSession(overrides, via);
    fixtures.push(f);
    return f;
  };
  const connected = (f: SessionFixture) => vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);

  async function publishAsAnotherClient(messages: readonly [string, string][]): Promise<void> {
    const publisher = await mqtt.connectAsync(url, { clientId: uniqueClientId('pub5'), protocolVersion: 5 });
    try {
      for (const [topic, payload] of messages) await publisher.publishAsync(topic, payload, { qos: 1 });
    } finally {
      await publisher.endAsync();
    }
  }

  it('uses MQTT 5 where offered, and a persistent session delivers what was published while it was away', async () => {
    const clientId = uniqueClientId('p5');
    const first = open({ url, clientId });
    await connected(first);
    expect(first.session.protocolVersion).toBe(5);
    expect(first.connection.getState().protocolVersion).toBe(5);
    await first.session.close();

    await publishAsAnotherClient([[EVENTS, progressPayload(33)]]);

    const again = open({ url, clientId });
    await vi.waitFor(() => expect(percentsOf(again.received)).toEqual([33]), WAIT);
    await connected(again);
    expect(again.session.protocolVersion).toBe(5);
  });

  it('matches a reply and progress without method to the ota_create it published; an unknown one stays invalid', async () => {
    const f = open({ url });
    await connected(f);
    const tid = `tid-${uniqueClientId('m')}`;
    const bid = `bid-${uniqueClientId('m')}`;
    await f.session.publish('thing/product/DOCK-5/services', {
      tid,
      bid,
      timestamp: 1,
      method: 'ota_create',
      data: { devices: [{ sn: 'DOCK-5' }] },
    });
    const progress = { output: { status: 'in_progress', progress: { percent: 9 } } };
    await publishAsAnotherClient([
      ['thing/product/DOCK-5/services_reply', JSON.stringify({ tid, bid, data: { result: 0 } })],
      [EVENTS, JSON.stringify({ bid, data: progress })],
      [EVENTS, JSON.stringify({ bid: 'bid-nobody-knows', data: progress })],
    ]);
    await vi.waitFor(() => expect(f.received.filter((d) => d.kind !== 'ota_create')).toHaveLength(3), WAIT);
    expect(f.received.filter((d) => d.kind !== 'ota_create').map((d) => d.kind)).toEqual(['ota_create_reply', 'ota_progress', 'invalid']);
  });

  it('declares its maximum packet size: the broker drops larger messages, the rest flows', async () => {
    const f = open({ url, maxPacketSize: 2_048 });
    await connected(f);
    const huge = JSON.stringify({ method: 'ota_progress', pad: 'x'.repeat(8_000) });
    await publishAsAnotherClient([
      [EVENTS, huge],
      [EVENTS, progressPayload(1)],
    ]);
    await vi.waitFor(() => expect(percentsOf(f.received)).toEqual([1]), WAIT);
    expect(f.diagnostics.getState().total).toBe(1);
    expect(f.connection.getState().phase).toBe('connected');
  });
});
