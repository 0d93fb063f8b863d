import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAedesWsBroker, type AedesWsBroker } from '../broker/aedes-broker-test-kit.ts';
import { startSimDocks, type SimDocks } from '../broker/sim-docks-test-kit.ts';
import { startTestDriver, type TestDriver } from './campaign-broker-test-kit.ts';
import { gatewaySn, makePlan } from './campaign-test-kit.ts';
import { createDockActivity } from './dock-activity.ts';

// The idle gate through a real broker session and the campaigns' broker link, wired as the page's
// campaign runtime and the headless runner wire them (a dock tracker fed with every batch): no
// ota_create reaches the broker for a dock that reports working, until it reports idle.

const WAIT = { timeout: 15_000, interval: 50 };
let broker: AedesWsBroker | null = null;
let docks: SimDocks | null = null;
let driver: TestDriver | null = null;

afterEach(async () => {
  await driver?.close().catch(() => undefined);
  driver = null;
  await docks?.stop();
  docks = null;
  await broker?.close();
  broker = null;
});

describe('idle gate on the broker', { timeout: 30_000 }, () => {
  it('holds the working dock while the idle one is upgraded, and sends it once it reports idle', async () => {
    broker = await startAedesWsBroker();
    docks = await startSimDocks(broker.url, 200);
    const tracker = createDockActivity();
    driver = startTestDriver(broker.url, 'gate/v1', 'G', { docks: tracker });
    driver.session.onBatch((batch) => tracker.observe(batch, Date.now()));
    const d = driver;
    await vi.waitFor(() => expect(d.connection.getState().phase).toBe('connected'), WAIT);
    const [idle, busy] = [gatewaySn(1), gatewaySn(2)];
    await docks.reportMode(idle, 0);
    await docks.reportMode(busy, 4, { sn: `${busy}-AC`, mode: 5 });
    await vi.waitFor(() => expect(tracker.read(busy, Date.now()).kind).toBe('busy'), WAIT);
    await new Promise((r) => setTimeout(r, 600)); // the board is read (boardReadyMs)

    const id = d.campaigns
      .getState()
      .campaignStarted(
        { ...makePlan(2), timing: { window: null, notBefore: null, idleGate: { enabled: true, allowUnknown: false } } },
        Date.now(),
      );
    const campaign = () => d.campaigns.getState().campaigns.find((c) => c.id === id);
    await vi.waitFor(() => expect(campaign()?.gateways[1]?.waiting).toMatchObject({ kind: 'busy', activity: 'working' }), WAIT);
    await vi.waitFor(() => expect(campaign()?.gateways[0]?.attempts[0]?.outcome).toBe('succeeded'), WAIT);
    await new Promise((r) => setTimeout(r, 500));
    expect(docks.creates.map((c) => c.gateway)).toEqual([idle]);

    await docks.reportMode(busy, 0, { sn: `${busy}-AC`, mode: 0 });
    await vi.waitFor(() => expect(campaign()?.state).toBe('finished'), WAIT);
    expect(docks.creates.map((c) => c.gateway)).toEqual([idle, busy]);
  });
});
