import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CampaignRecordDecoded } from '../protocol/messages.ts';
import { startAedesWsBroker, type AedesWsBroker } from './aedes-broker-test-kit.ts';
import { InvalidTopicError } from './errors.ts';
import { startMosquitto, type RunningMosquitto } from './mosquitto-test-kit.ts';
import { openSession, SESSION_VIAS, uniqueClientId, type SessionFixture, type SessionVia } from './session-test-kit.ts';

const WAIT = { timeout: 8_000, interval: 20 };
const probe = (clientId: string) => ({ v: 1, clientId, nonce: 'n-1', at: 1 });

describe.each(SESSION_VIAS)('campaign records through a broker session (%s, mosquitto)', { timeout: 20_000 }, (via: SessionVia) => {
  let broker: RunningMosquitto;
  const fixtures: SessionFixture[] = [];
  const ns = `test-${via}/v1`;

  beforeAll(async () => {
    broker = await startMosquitto();
  }, 15_000);

  afterAll(async () => {
    await Promise.all(fixtures.map((f) => f.session.close()));
    await broker.stop();
  });

  const open = (overrides: Partial<Parameters<typeof openSession>[0]> = {}) => {
    const f = openSession({ url: broker.url, campaignNamespace: ns, ...overrides }, via);
    fixtures.push(f);
    return f;
  };
  const connected = (f: SessionFixture) => vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);
  const records = (f: SessionFixture) => f.received.filter((d): d is CampaignRecordDecoded => d.kind === 'campaign_record');

  it('publishes a retained record that a later session reads back through the namespace filter', async () => {
    const writer = open();
    await connected(writer);
    await writer.session.publish(`${ns}/probe/writer-1`, JSON.stringify(probe('writer-1')), { qos: 1, retain: true });
    const reader = open();
    await vi.waitFor(() => expect(records(reader)).toHaveLength(1), WAIT);
    expect(records(reader)[0]).toMatchObject({ retained: true, record: { type: 'probe', clientId: 'writer-1', probe: probe('writer-1') } });

    await writer.session.publish(`${ns}/probe/writer-1`, '', { qos: 1, retain: true });
    await vi.waitFor(
      () => expect(records(reader).at(-1)?.record).toEqual({ type: 'cleared', topic: { kind: 'probe', clientId: 'writer-1' } }),
      WAIT,
    );
    const late = open();
    await connected(late);
    await new Promise((r) => setTimeout(r, 300));
    expect(records(late)).toEqual([]);
  });

  it('counts hostile records on Diagnostics and delivers no record for them', async () => {
    const reader = open();
    await connected(reader);
    const hostile = await mqtt.connectAsync(broker.url, { clientId: uniqueClientId('hostile'), protocolVersion: 5 });
    await hostile.publishAsync(`${ns}/campaigns/c-1`, '{"v":1,"__proto__":{"x":1}}', { qos: 1 });
    await hostile.publishAsync(`${ns}/campaigns/c-1/gateways/DOCK 1`, '{}', { qos: 1 });
    await hostile.publishAsync(`${ns}/campaigns/c-1`, 'x'.repeat(70_000), { qos: 1 });
    await hostile.endAsync();
    await vi.waitFor(() => expect(reader.diagnostics.getState().invalidTotal).toBe(3), WAIT);
    const reasons = reader.diagnostics.getState().recentInvalid.map((r) => r.reason);
    expect(reasons).toEqual([
      expect.stringMatching(/__proto__/),
      expect.stringMatching(/SN is not valid/),
      expect.stringMatching(/limit is 65536/),
    ]);
    expect(records(reader)).toEqual([]);
  });

  it('refuses to publish outside the protocol and its own namespace', async () => {
    const f = open();
    await connected(f);
    await expect(f.session.publish('other/v1/campaigns/c-1', '{}', { retain: true })).rejects.toThrow(InvalidTopicError);
    await expect(f.session.publish(`${ns}/campaigns/c/1`, '{}', { retain: true })).rejects.toThrow(InvalidTopicError);
  });
});

describe('a session will (aedes)', { timeout: 20_000 }, () => {
  let broker: AedesWsBroker;
  beforeAll(async () => {
    broker = await startAedesWsBroker();
  });
  afterAll(async () => {
    await broker.close();
  });

  it('clears the retained presence record when the connection drops', async () => {
    const ns = 'will/v1';
    const topic = `${ns}/drivers/driver-1`;
    const driver = openSession({
      url: broker.url,
      campaignNamespace: ns,
      protocolVersion: 4,
      will: { topic, payload: '', qos: 1, retain: true },
    });
    await vi.waitFor(() => expect(driver.connection.getState().phase).toBe('connected'), WAIT);
    await driver.session.publish(topic, JSON.stringify({ v: 1, clientId: 'driver-1', label: 'D', state: 'online', since: 1 }), {
      retain: true,
    });
    const watcher = openSession({ url: broker.url, campaignNamespace: ns, protocolVersion: 4 });
    const seen = () => watcher.received.flatMap((d) => (d.kind === 'campaign_record' ? [d.record.type] : []));
    await vi.waitFor(() => expect(seen()).toEqual(['driver']), WAIT);
    broker.setAccepting(false);
    broker.dropConnections();
    broker.setAccepting(true);
    await vi.waitFor(() => expect(seen()).toContain('cleared'), WAIT);
    await driver.session.close();
    await watcher.session.close();
  });
});
