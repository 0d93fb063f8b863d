/**
 * The session as the browser runs it: its own WebSocket, MQTT.js on its browser transport, and
 * incoming PUBLISHes read by the fast path (routed-socket.ts), against a real mosquitto. Isolated:
 * MQTT.js chooses its transports once per module instance, and this file needs the browser's
 * (mqtt-node-mode-test-kit.ts says why the other Node tests use Node's).
 */
import mqtt from 'mqtt';
import { WebSocket as NodeWebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMosquitto, type RunningMosquitto } from './mosquitto-test-kit.ts';
import type { PacketRouterHooks } from './publish-fast-path.ts';
import { nodeWebSocket, openSession, percentsOf, progressPayload, uniqueClientId, type SessionFixture } from './session-test-kit.ts';

const counts = vi.hoisted(() => ({ fast: 0, forwarded: 0 }));

// Counts what the fast path read and what it passed on, so a test can tell the path was taken.
vi.mock('./publish-fast-path.ts', async (original) => {
  const real = await original<typeof import('./publish-fast-path.ts')>();
  return {
    ...real,
    createPacketRouter: (hooks: PacketRouterHooks) =>
      real.createPacketRouter({
        ...hooks,
        publish: (message) => {
          counts.fast += 1;
          hooks.publish(message);
        },
        forward: (packets) => {
          counts.forwarded += 1;
          hooks.forward(packets);
        },
      }),
  };
});

const WAIT = { timeout: 10_000, interval: 20 };
const EVENTS = 'thing/product/DOCK-F/events';

describe('broker session on the browser transport, with the PUBLISH fast path (mosquitto)', { timeout: 30_000 }, () => {
  let broker: RunningMosquitto;
  const fixtures: SessionFixture[] = [];

  beforeAll(async () => {
    // The browser's WebSocket, as MQTT.js's browser transport expects to find it.
    vi.stubGlobal('WebSocket', NodeWebSocket);
    broker = await startMosquitto();
  }, 15_000);

  afterAll(async () => {
    await Promise.all(fixtures.map((f) => f.session.close()));
    await broker.stop();
    vi.unstubAllGlobals();
  });

  const open = (overrides: Partial<Parameters<typeof openSession>[0]> = {}) => {
    const f = openSession({ url: broker.url, createWebSocket: nodeWebSocket, ...overrides });
    fixtures.push(f);
    return f;
  };
  const connected = (f: SessionFixture) => vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);

  async function publish(messages: readonly { topic: string; payload: string; qos: 0 | 1; retain?: boolean }[]): Promise<void> {
    const publisher = await mqtt.connectAsync(broker.url, { clientId: uniqueClientId('fpub'), protocolVersion: 5 });
    try {
      await Promise.all(messages.map((m) => publisher.publishAsync(m.topic, m.payload, { qos: m.qos, retain: m.retain ?? false })));
    } finally {
      await publisher.endAsync();
    }
  }

  for (const version of [5, 4] as const) {
    it(`MQTT ${version === 5 ? '5' : '3.1.1'}: a burst at QoS 1 arrives whole and in order, one at QoS 0 whole, through the fast path`, async () => {
      const f = open({ protocolVersion: version, protocolFallback: false });
      await connected(f);
      const before = { ...counts };
      const percents = Array.from({ length: 400 }, (_, i) => i % 101);
      await publish(percents.map((p) => ({ topic: EVENTS, payload: progressPayload(p), qos: 1 })));
      await vi.waitFor(() => expect(percentsOf(f.received)).toHaveLength(percents.length), WAIT);
      expect(percentsOf(f.received)).toEqual(percents);

      // The broker may send QoS 0 ahead of QoS 1 still in flight: only the set is compared.
      const atQos0 = Array.from({ length: 100 }, (_, i) => i);
      await publish(atQos0.map((p) => ({ topic: EVENTS, payload: progressPayload(p), qos: 0 })));
      await vi.waitFor(() => expect(percentsOf(f.received)).toHaveLength(percents.length + atQos0.length), WAIT);
      expect(
        percentsOf(f.received)
          .slice(percents.length)
          .sort((a, b) => a - b),
      ).toEqual(atQos0);

      expect(counts.fast - before.fast).toBe(percents.length + atQos0.length);
      expect(f.diagnostics.getState().invalidTotal).toBe(0);
      await f.session.close();
    });
  }

  it('reads the retain flag: a retained record arrives as retained, a live one as live', async () => {
    const ns = 'fast/v1';
    const record = (clientId: string) => JSON.stringify({ v: 1, clientId, nonce: 'n-1', at: 1 });
    const writer = open({ campaignNamespace: ns });
    await connected(writer);
    await writer.session.publish(`${ns}/probe/w-1`, record('w-1'), { qos: 1, retain: true });
    const reader = open({ campaignNamespace: ns });
    await connected(reader);
    await writer.session.publish(`${ns}/probe/w-2`, record('w-2'), { qos: 0 });
    const records = () => reader.received.flatMap((d) => (d.kind === 'campaign_record' ? [d] : []));
    await vi.waitFor(() => expect(records()).toHaveLength(2), WAIT);
    expect(records().map((r) => [r.topic, r.retained])).toEqual([
      [`${ns}/probe/w-1`, true],
      [`${ns}/probe/w-2`, false],
    ]);
    await writer.session.publish(`${ns}/probe/w-1`, '', { qos: 1, retain: true });
  });

  it('acknowledges what it read: a persistent session that comes back gets nothing again', async () => {
    const clientId = uniqueClientId('fack');
    const first = open({ clientId, persistent: true });
    await connected(first);
    await publish(Array.from({ length: 50 }, (_, i) => ({ topic: EVENTS, payload: progressPayload(i), qos: 1 as const })));
    await vi.waitFor(() => expect(percentsOf(first.received)).toHaveLength(50), WAIT);
    // The PUBACKs go out together a few milliseconds later (routed-socket.ts): let them leave.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.session.close();

    const again = open({ clientId, persistent: true });
    await connected(again);
    await publish([{ topic: EVENTS, payload: progressPayload(77), qos: 1 }]);
    await vi.waitFor(() => expect(percentsOf(again.received)).toEqual([77]), WAIT);
  });

  it('leaves the other packets to MQTT.js: the CONNACK and SUBACK were passed on', async () => {
    const before = counts.forwarded;
    const f = open();
    await connected(f);
    expect(counts.forwarded).toBeGreaterThan(before);
  });
});
