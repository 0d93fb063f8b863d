import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAedesWsBroker, type AedesWsBroker } from '../broker/aedes-broker-test-kit.ts';
import { startSimDocks, type SimDocks } from '../broker/sim-docks-test-kit.ts';
import { startTestDriver, type TestDriver } from './campaign-broker-test-kit.ts';
import { makePlan } from './campaign-test-kit.ts';

// Campaigns on aedes, the demo's broker (MQTT 3.1.1, retained messages in memory): the capability
// probe reads its retained copy back through the wildcard, and two consoles drive a campaign once.

const WAIT = { timeout: 15_000, interval: 50 };
let broker: AedesWsBroker | null = null;
let docks: SimDocks | null = null;
const drivers: TestDriver[] = [];

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close().catch(() => undefined)));
  await docks?.stop();
  docks = null;
  await broker?.close();
  broker = null;
});

function driver(url: string, ns: string, name: string): TestDriver {
  const d = startTestDriver(url, ns, name);
  drivers.push(d);
  return d;
}

const connected = (d: TestDriver) => vi.waitFor(() => expect(d.connection.getState().phase).toBe('connected'), WAIT);

describe('campaigns on aedes', { timeout: 30_000 }, () => {
  it('the capability probe comes back retained through the wildcard: aedes can hold campaigns', async () => {
    broker = await startAedesWsBroker();
    const a = driver(broker.url, 'aedes-probe/v1', 'A');
    await connected(a);
    expect(a.session.protocolVersion).toBe(4);
    await vi.waitFor(() => expect(a.link.state.getState().probe).toBe('ok'), WAIT);
    // The probe is cleared once read: a console that comes later finds none left behind.
    const probeTopic = `aedes-probe/v1/probe/${a.clientId}`;
    await vi.waitFor(() =>
      expect(
        broker?.publishedByClients
          .filter((p) => p.topic === probeTopic)
          .map((p) => p.payload)
          .at(-1),
      ).toBe(''),
    );
  });

  it('a broker that keeps retained messages from wildcard subscribers is reported as unsupported', async () => {
    broker = await startAedesWsBroker();
    const a = driver(broker.url, 'aedes-probe/v1', 'A');
    a.noRetainedThroughWildcards = true;
    await connected(a);
    await vi.waitFor(() => expect(a.link.state.getState().probe).toBe('unsupported'), WAIT);
  });

  it('two consoles at once: one drives, every gateway gets one ota_create, both see it finished', async () => {
    broker = await startAedesWsBroker();
    docks = await startSimDocks(broker.url, 200);
    const ns = 'aedes-race/v1';
    const a = driver(broker.url, ns, 'A');
    const b = driver(broker.url, ns, 'B');
    await Promise.all([connected(a), connected(b)]);
    await new Promise((r) => setTimeout(r, 600)); // the board is read (boardReadyMs)
    const id = a.campaigns.getState().campaignStarted(makePlan(4, { maxParallel: 2 }), Date.now());
    const stateOn = (d: TestDriver) => d.campaigns.getState().campaigns.find((c) => c.id === id)?.state;
    await vi.waitFor(() => expect([stateOn(a), stateOn(b)]).toEqual(['finished', 'finished']), WAIT);
    const perGateway = new Map<string, number>();
    for (const c of docks.creates) perGateway.set(c.gateway, (perGateway.get(c.gateway) ?? 0) + 1);
    expect([...perGateway.values()]).toEqual([1, 1, 1, 1]);
  });
});
