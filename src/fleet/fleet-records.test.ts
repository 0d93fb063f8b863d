import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeChannel } from '../lib/persist/change-channel.ts';
import { MINOR_CHANGE_EVERY_MS } from '../lib/persist/change-pacer.ts';
import type { DatabaseSpec } from '../lib/persist/persist-database.ts';
import { openPersistKit, type PersistKit } from '../lib/persist/persist-kit.ts';
import { freshIndexedDb, linkedChannels, manualTimers, settle } from '../lib/persist/persist-kit-test-kit.ts';
import { MemoryStorage } from '../lib/work-slices-test-kit.ts';
import { applyBatch } from './apply-batch.ts';
import { LEGACY_FLEET_KEY, readLegacyFleet } from './fleet-legacy-storage.ts';
import { emptyFleet, type FleetState } from './fleet-model.ts';
import { fleetOfGateways, storedGateway } from './fleet-record-form.ts';
import { connectFleetRecords, FLEET_STORE_SPECS, type FleetRecords } from './fleet-records.ts';
import { addGateway } from './fleet-roster.ts';
import { deviceBySn, devicesOfGateway, gatewayOfDevice } from './fleet-selectors.ts';
import { createFleetStore } from './fleet-store.ts';
import { osd, state, topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;
const DATABASE: DatabaseSpec = { name: 'fleet-test', version: 1, stores: FLEET_STORE_SPECS };

function sampleFleet(): FleetState {
  let s = applyBatch(
    emptyFleet,
    [
      topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-1', index: 'A' }]),
      state('DOCK1', { firmwareVersion: '10.01.3205', compatibleStatus: 0 }),
      state('AC1', { firmwareVersion: '07.00.0100', compatibleStatus: 1, firmwareUpgradeStatus: 1 }, 'DOCK1'),
      osd('DOCK1', 3),
      topo('DOCK2', '3-3-0'),
      topo('DOCK2', '3-3-0', []),
    ],
    T0,
  );
  s = addGateway(s, 'MANUAL1').state;
  return s;
}

/** The previous version's document, as it wrote it. */
function legacyDocument(fleet: FleetState, roster: { sn: string; added?: number; removed?: number }[] = []): string {
  return JSON.stringify({
    version: 1,
    gateways: [...fleet.gateways.values()].map(storedGateway),
    ...(roster.length > 0 ? { roster } : {}),
  });
}

const opened: { kit: PersistKit; records: FleetRecords }[] = [];
afterEach(() => {
  for (const { kit, records } of opened.splice(0)) {
    records.stop();
    kit.close();
  }
});

async function openTab(
  options: { factory?: IDBFactory | null; channel?: ChangeChannel | null; legacy?: MemoryStorage; now?: () => number } = {},
) {
  const { factory = freshIndexedDb(), channel = null, legacy = null, now } = options;
  const time = manualTimers();
  const kit = await openPersistKit({ database: DATABASE, factory, channel, timers: time.timers, slices: null, pageEvents: null });
  const store = createFleetStore();
  const records = connectFleetRecords(store, kit, { legacy, ...(now !== undefined && { now }) });
  opened.push({ kit, records });
  await records.ready;
  return { kit, store, records, time };
}

describe('fleet records', () => {
  it('a reload shows every gateway, its topology, firmware, manual flag and last-seen, before any update_topo', async () => {
    const factory = freshIndexedDb();
    const first = await openTab({ factory });
    first.store
      .getState()
      .batchReceived(
        [
          topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-1', index: 'A' }]),
          state('DOCK1', { firmwareVersion: '10.01.3205' }),
          state('AC1', { firmwareVersion: '07.00.0100', compatibleStatus: 1, firmwareUpgradeStatus: 1 }, 'DOCK1'),
          topo('DOCK2', '3-3-0'),
        ],
        T0,
      );
    first.store.getState().gatewayAdded('MANUAL1', T0);
    expect(first.time.pending).toBe(1);
    first.time.fire();
    await first.kit.flush();

    const reloaded = await openTab({ factory });
    const restored = reloaded.store.getState();
    expect(restored.gatewaySns).toEqual(['DOCK1', 'DOCK2', 'MANUAL1']);
    expect(deviceBySn(restored, 'AC1')).toMatchObject({
      modelKey: '0-91-1',
      productName: 'Mavic 3TD',
      index: 'A',
      firmwareVersion: '07.00.0100',
      compatibleStatus: 1,
      inTopology: true,
    });
    expect(deviceBySn(restored, 'DOCK1')).toMatchObject({ productName: 'DJI Dock 2', firmwareVersion: '10.01.3205', lastSeen: T0 });
    expect(restored.gateways.get('MANUAL1')).toMatchObject({ manual: true, lastSeen: null });
    expect(gatewayOfDevice(restored, 'AC1')).toBe('DOCK1');
    // Upgrade flags are not restored: they would claim an upgrade that may have ended long ago.
    expect(restored.gateways.get('DOCK1')?.upgrading).toBe(false);
    expect(deviceBySn(restored, 'AC1')?.firmwareUpgradeStatus).toBeNull();
  });

  it('writes only the gateways that changed, and deletes a removed one', async () => {
    const factory = freshIndexedDb();
    const [channel] = linkedChannels(1);
    const tab = await openTab({ factory, channel });
    tab.store.getState().batchReceived([topo('DOCK1', '3-1-0'), topo('DOCK2', '3-1-0')], T0);
    await tab.kit.flush();
    tab.store.getState().batchReceived([osd('DOCK2', 0)], T0 + 5);
    await tab.kit.flush();
    tab.store.getState().gatewayRemoved('DOCK1', T0 + 10);
    await tab.kit.flush();
    expect(channel?.posted.map((n) => n.map((x) => `${x.store}:${x.keys.join(',')}`))).toEqual([
      ['gateways:DOCK1,DOCK2'],
      ['gateways:DOCK2'],
      ['gateways:DOCK1', 'fleet-roster:DOCK1'],
    ]);
    const reloaded = await openTab({ factory });
    expect(reloaded.store.getState().gatewaySns).toEqual(['DOCK2']);
    // The removal is remembered: a stale copy of DOCK1 from elsewhere does not bring it back.
    expect(reloaded.store.getState().roster.get('DOCK1')).toEqual({ removed: T0 + 10 });
  });

  it('writes a gateway whose last-seen alone moved at most once a minute, a new firmware at once', async () => {
    let clock = T0;
    const [channel] = linkedChannels(1);
    const factory = freshIndexedDb();
    const tab = await openTab({ factory, channel, now: () => clock });
    const posted = () => channel?.posted.map((notices) => notices.flatMap((n) => n.keys)) ?? [];
    const step = async (batch: Parameters<typeof applyBatch>[1]) => {
      tab.store.getState().batchReceived(batch, clock);
      tab.time.fire();
      await settle();
    };
    await step([topo('DOCK1', '3-1-0'), topo('DOCK2', '3-1-0')]);
    clock += 5_000;
    await step([osd('DOCK1', 0), state('DOCK2', { firmwareVersion: '10.01.3205' })]);
    expect(posted()).toEqual([['DOCK1', 'DOCK2'], ['DOCK2']]);
    expect(tab.time.delays.at(-1)).toBe(MINOR_CHANGE_EVERY_MS);
    clock += MINOR_CHANGE_EVERY_MS;
    tab.time.fire();
    tab.time.fire();
    await settle();
    expect(posted().at(-1)).toEqual(['DOCK1']);
    const reloaded = await openTab({ factory });
    expect(reloaded.store.getState().gateways.get('DOCK1')?.lastSeen).toBe(T0 + 5_000);
    expect(deviceBySn(reloaded.store.getState(), 'DOCK2')?.firmwareVersion).toBe('10.01.3205');
  });

  it("moves the previous version's localStorage fleet and roster into records, then removes the key", async () => {
    const factory = freshIndexedDb();
    const legacy = new MemoryStorage();
    legacy.setItem(
      LEGACY_FLEET_KEY,
      legacyDocument(sampleFleet(), [
        { sn: 'MANUAL1', added: T0 },
        { sn: 'GONE1', removed: T0 },
      ]),
    );
    const migrated = await openTab({ factory, legacy });
    expect(migrated.store.getState().gatewaySns).toEqual(['DOCK1', 'DOCK2', 'MANUAL1']);
    expect(migrated.store.getState().roster.get('GONE1')).toEqual({ removed: T0 });
    expect(legacy.getItem(LEGACY_FLEET_KEY)).toBeNull();
    const reloaded = await openTab({ factory, legacy });
    expect(reloaded.store.getState().gatewaySns).toEqual(['DOCK1', 'DOCK2', 'MANUAL1']);
    expect(deviceBySn(reloaded.store.getState(), 'AC1')?.firmwareVersion).toBe('07.00.0100');
  });

  it('without IndexedDB the old fleet is shown from memory and its key kept', async () => {
    const legacy = new MemoryStorage();
    legacy.setItem(LEGACY_FLEET_KEY, legacyDocument(sampleFleet()));
    const tab = await openTab({ factory: null, legacy });
    expect(tab.store.getState().gatewaySns).toEqual(['DOCK1', 'DOCK2', 'MANUAL1']);
    expect(legacy.getItem(LEGACY_FLEET_KEY)).not.toBeNull();
  });
});

describe("the previous version's fleet document", () => {
  it('reads as empty when corrupt, foreign or of a future version, and as nothing when absent', () => {
    const storage = new MemoryStorage();
    expect(readLegacyFleet(storage)).toBeNull();
    for (const text of ['', '{', 'null', '[]', '"x"', '{"version":2,"gateways":[]}', '{"version":1,"gateways":{}}']) {
      storage.setItem(LEGACY_FLEET_KEY, text);
      expect(readLegacyFleet(storage)).toEqual({ gateways: [], roster: [] });
    }
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(readLegacyFleet(throwing)).toBeNull();
  });

  it('skips entries that do not validate and keeps the rest', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      LEGACY_FLEET_KEY,
      JSON.stringify({
        version: 1,
        gateways: [
          { sn: 'BAD/SN', devices: [] },
          {
            sn: 'OK1',
            devices: [{ sn: 'OK1', role: 'gateway', fw: '1.0' }, { sn: 'A+B', role: 'sub-device' }, { sn: 'AC1', role: 'gateway' }, 42],
          },
          'not an object',
          { sn: 'OK1', devices: [] },
          { sn: 'OK2', seen: -5, devices: [] },
          {
            sn: 'OK3',
            devices: [
              { sn: 'AC1', role: 'sub-device', compat: 7 },
              { sn: 'AC2', role: 'sub-device', topo: true },
            ],
          },
          { sn: `NUL${'\u0000'}`, devices: [] },
        ],
      }),
    );
    const restored = fleetOfGateways(readLegacyFleet(storage)?.gateways ?? []);
    expect(restored.gatewaySns).toEqual(['OK1', 'OK3']);
    expect(devicesOfGateway(restored, 'OK1').map((d) => d.sn)).toEqual(['OK1']);
    expect(deviceBySn(restored, 'OK1')?.firmwareVersion).toBe('1.0');
    // The gateway's own record is created when storage lost it.
    expect(devicesOfGateway(restored, 'OK3').map((d) => `${d.sn}:${d.role}`)).toEqual(['OK3:gateway', 'AC2:sub-device']);
  });
});

describe('two tabs over one stored fleet', () => {
  it("a gateway added in one tab is not dropped by the other's write, and a removal in one removes in the other", async () => {
    const factory = freshIndexedDb();
    const [channelA, channelB] = linkedChannels(2);
    const a = await openTab({ factory, channel: channelA });
    const b = await openTab({ factory, channel: channelB });
    b.store.getState().batchReceived([topo('DOCK1', '3-1-0', [])], T0);
    a.store.getState().gatewayAdded('MANUAL1', T0 + 10);
    // Both write before either hears of the other's write.
    await Promise.all([a.kit.flush(), b.kit.flush()]);
    await settle();
    await Promise.all([a.kit.flush(), b.kit.flush()]);
    await settle();
    expect(b.store.getState().gatewaySns).toEqual(['DOCK1', 'MANUAL1']);
    expect(a.store.getState().gatewaySns).toEqual(['DOCK1', 'MANUAL1']);

    b.store.getState().gatewayRemoved('MANUAL1', T0 + 20);
    await b.kit.flush();
    await settle();
    expect(a.store.getState().gatewaySns).toEqual(['DOCK1']);
    // A's next write (a gateway reporting) keeps the removal.
    a.store.getState().batchReceived([osd('DOCK1', 0)], T0 + 30);
    await a.kit.flush();
    await settle();
    const reloaded = await openTab({ factory });
    expect(reloaded.store.getState().gatewaySns).toEqual(['DOCK1']);
  });
});
