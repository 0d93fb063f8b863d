import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMosquitto, type RunningMosquitto } from '../broker/mosquitto-test-kit.ts';
import { startSimDocks, type SimDocks } from '../broker/sim-docks-test-kit.ts';
import { startTestDriver, type TestDriver } from './campaign-broker-test-kit.ts';
import { makePlan } from './campaign-test-kit.ts';

// Races of campaigns on the broker against a real broker: every scenario ends with exactly one
// ota_create per gateway attempt.

// A race settles about settleMs (300 ms here) after the last lease came back, a takeover of a driver
// gone without a word when its lease expires (2 s here): each wait below is a few seconds at most,
// with room for a loaded 2-core machine.
const WAIT = { timeout: 20_000, interval: 20 };
let broker: RunningMosquitto;
let docks: SimDocks;
const drivers: TestDriver[] = [];
let nsSerial = 0;
let ns = '';

beforeAll(async () => {
  broker = await startMosquitto();
}, 15_000);

afterAll(async () => {
  await broker.stop();
});

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close().catch(() => undefined)));
  await docks.stop();
});

async function setUp(): Promise<void> {
  nsSerial += 1;
  ns = `race-${process.pid}-${nsSerial}/v1`;
  docks = await startSimDocks(broker.tcpUrl, 150);
}

function driver(name: string): TestDriver {
  const d = startTestDriver(broker.url, ns, name);
  drivers.push(d);
  return d;
}

const connected = (d: TestDriver) => vi.waitFor(() => expect(d.connection.getState().phase).toBe('connected'), WAIT);
const stateOn = (d: TestDriver, id: string) => d.campaigns.getState().campaigns.find((c) => c.id === id)?.state;

function createsPerGateway(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of docks.creates) counts.set(c.gateway, (counts.get(c.gateway) ?? 0) + 1);
  return counts;
}

function expectOneCreateEach(gateways: number): void {
  const counts = createsPerGateway();
  expect(counts.size).toBe(gateways);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

async function startCampaign(on: TestDriver, gateways = 6): Promise<string> {
  await new Promise((r) => setTimeout(r, 400)); // the board is read (boardReadyMs)
  return on.campaigns.getState().campaignStarted(makePlan(gateways, { maxParallel: 2 }), Date.now());
}

describe('campaigns on the broker: one driver, one ota_create per gateway attempt', { timeout: 30_000 }, () => {
  it('two drivers connected at once: the campaign is driven once, every console sees it with its devices', async () => {
    await setUp();
    const a = driver('A');
    const b = driver('B');
    await Promise.all([connected(a), connected(b)]);
    const id = await startCampaign(a);
    await vi.waitFor(() => expect(b.campaigns.getState().campaigns.find((c) => c.id === id)?.gateways).toHaveLength(6), WAIT);
    expect(b.campaigns.getState().campaigns[0]?.gateways[0]?.deviceInfo[0]).toMatchObject({ fromVersion: '10.0.0' });
    await vi.waitFor(() => expect([stateOn(a, id), stateOn(b, id)]).toEqual(['finished', 'finished']), WAIT);
    // A finished campaign needs no driver: its lease is released.
    await vi.waitFor(() => expect(b.link.drivenBy(id)).toBeNull(), WAIT);
    expectOneCreateEach(6);
    // The console that did not drive it knows the driver's tasks with their devices and versions.
    for (const d of [a, b]) {
      const bids = d.campaigns.getState().campaigns[0]?.gateways.flatMap((g) => g.attempts.map((at) => at.bid)) ?? [];
      expect(bids).toHaveLength(6);
      for (const bid of bids) {
        expect(d.tasks.getState().table.byBid.get(bid)?.devices).toEqual([
          expect.objectContaining({ fromVersion: '10.0.0', targetVersion: '10.1.0', modelKey: '3-1-0' }),
        ]);
      }
    }
    const late = driver('C');
    await vi.waitFor(() => expect(stateOn(late, id)).toBe('finished'), WAIT);
  });

  it('a driver that is gone is taken over and the campaign continues', async () => {
    await setUp();
    const a = driver('A');
    const b = driver('B');
    await Promise.all([connected(a), connected(b)]);
    const id = await startCampaign(a);
    await vi.waitFor(() => expect(b.link.drivenBy(id)?.label).toBe('A'), WAIT);
    await vi.waitFor(() => expect(docks.creates.length).toBeGreaterThanOrEqual(2), WAIT);
    await a.abandon();
    await vi.waitFor(() => expect(b.link.drivenBy(id)?.label).toBe('B'), WAIT);
    await vi.waitFor(() => expect(stateOn(b, id)).toBe('finished'), WAIT);
    expectOneCreateEach(6);
  });

  it('two consoles race to take over a campaign whose driver is gone: one wins within seconds, the other watches', async () => {
    await setUp();
    const a = driver('A');
    const b = driver('B');
    const c = driver('C');
    await Promise.all([connected(a), connected(b), connected(c)]);
    const id = await startCampaign(a);
    await vi.waitFor(() => expect(docks.creates.length).toBeGreaterThanOrEqual(2), WAIT);
    await a.abandon();
    // B and C see A's presence go with its connection at the same moment, and both take the lease.
    const gone = Date.now();
    await vi.waitFor(() => expect([b, c].filter((d) => d.link.drivenBy(id)?.clientId === d.clientId)).toHaveLength(1), WAIT);
    const winner = [b, c].find((d) => d.link.drivenBy(id)?.clientId === d.clientId);
    const loser = winner === b ? c : b;
    // Settled in about the settle time (0.3 s here), not a lease lifetime.
    expect(Date.now() - gone).toBeLessThan(5_000);
    await vi.waitFor(() => expect(loser.link.drivenBy(id)?.clientId).toBe(winner?.clientId), WAIT);
    await vi.waitFor(() => expect([stateOn(b, id), stateOn(c, id)]).toEqual(['finished', 'finished']), WAIT);
    expectOneCreateEach(6);
  });

  it('Pause and Resume from a console that does not drive: commands the driver applies', async () => {
    await setUp();
    const a = driver('A');
    const b = driver('B');
    await Promise.all([connected(a), connected(b)]);
    const id = await startCampaign(a);
    await vi.waitFor(() => expect(b.link.drivenBy(id)?.label).toBe('A'), WAIT);
    await b.link.command(id, 'pause');
    await vi.waitFor(() => expect([stateOn(a, id), stateOn(b, id)]).toEqual(['paused', 'paused']), WAIT);
    const sent = docks.creates.length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(docks.creates.length).toBe(sent);
    await b.link.command(id, 'resume');
    await vi.waitFor(() => expect([stateOn(a, id), stateOn(b, id)]).toEqual(['finished', 'finished']), WAIT);
    expectOneCreateEach(6);
  });

  it('a driver that comes back after a network cut sees the new lease and sends nothing more', async () => {
    await setUp();
    const a = driver('A');
    const b = driver('B');
    await Promise.all([connected(a), connected(b)]);
    const id = await startCampaign(a);
    await vi.waitFor(() => expect(docks.creates.length).toBeGreaterThanOrEqual(1), WAIT);
    a.link.disconnected();
    await vi.waitFor(() => expect(b.link.drivenBy(id)?.label).toBe('B'), WAIT);
    const sentByBTakeover = docks.creates.length;
    a.link.connected();
    // Seen while the campaign still runs: once it finishes, B releases the lease and nobody drives it.
    await vi.waitFor(() => expect(a.link.drivenBy(id)?.label).toBe('B'), WAIT);
    await vi.waitFor(() => expect(stateOn(b, id)).toBe('finished'), WAIT);
    expect(docks.creates.length).toBeGreaterThanOrEqual(sentByBTakeover);
    expectOneCreateEach(6);
  });

  it('takeover with attempts recorded but never sent: the same message goes out once, after the grace period', async () => {
    await setUp();
    const a = driver('A');
    const b = driver('B');
    await Promise.all([connected(a), connected(b)]);
    a.refuseOtaCreate = true;
    const id = await startCampaign(a);
    const recorded = () =>
      b.campaigns
        .getState()
        .campaigns.find((c) => c.id === id)
        ?.gateways.flatMap((g) => g.attempts) ?? [];
    await vi.waitFor(() => expect(recorded()).toHaveLength(2), WAIT);
    const unsent = recorded().map((attempt) => ({ bid: attempt.bid, tid: attempt.tid, timestamp: attempt.timestamp }));
    expect(docks.creates).toEqual([]);
    await a.abandon();
    await vi.waitFor(() => expect(stateOn(b, id)).toBe('finished'), WAIT);
    expectOneCreateEach(6);
    for (const attempt of unsent) expect(docks.creates).toContainEqual(expect.objectContaining(attempt));
  });

  it('the capability probe: read back retained through the wildcard, or reported as unsupported', async () => {
    await setUp();
    const a = driver('A');
    await connected(a);
    await vi.waitFor(() => expect(a.link.state.getState().probe).toBe('ok'), WAIT);
    const b = startTestDriver(broker.url, ns, 'B');
    b.noRetainedThroughWildcards = true;
    drivers.push(b);
    await connected(b);
    await vi.waitFor(() => expect(b.link.state.getState().probe).toBe('unsupported'), WAIT);
  });

  it('clears a finished campaign older than the retention from the broker', async () => {
    await setUp();
    const a = startTestDriver(broker.url, ns, 'A', { retentionMs: 1_000 });
    drivers.push(a);
    const c = driver('C');
    await Promise.all([connected(a), connected(c)]);
    const id = await startCampaign(a, 2);
    await vi.waitFor(() => expect(stateOn(c, id)).toBe('finished'), WAIT);
    // Cleared from the broker: the other console's list lets it go, and a late one never sees it.
    await vi.waitFor(() => expect(c.campaigns.getState().campaigns).toEqual([]), WAIT);
    const late = driver('D');
    await connected(late);
    await new Promise((r) => setTimeout(r, 1_000)); // three times the board's read time
    expect(late.campaigns.getState().campaigns).toEqual([]);
  });
});
