import { describe, expect, it } from 'vitest';
import { applyBatch } from './apply-batch.ts';
import { emptyFleet, type FleetState } from './fleet-model.ts';
import { deserializeFleet, FLEET_STORAGE_KEY, loadFleet, saveFleet, serializeFleet, type FleetStorage } from './fleet-persistence.ts';
import { addGateway } from './fleet-roster.ts';
import { deviceBySn, devicesOfGateway, gatewayOfDevice } from './fleet-selectors.ts';
import { osd, state, topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;

class MemoryStorage implements FleetStorage {
  readonly items = new Map<string, string>();
  /** setItem refuses values longer than this, like a full quota. */
  constructor(readonly quota = Infinity) {}
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

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

describe('fleet persistence', () => {
  it('round-trips gateways, topology, firmware, manual flag and last-seen', () => {
    const original = sampleFleet();
    const restored = deserializeFleet(serializeFleet(original));
    expect(restored.gatewaySns).toEqual(['DOCK1', 'DOCK2', 'MANUAL1']);
    expect(deviceBySn(restored, 'AC1')).toMatchObject({ modelKey: '0-91-1', productName: 'Mavic 3TD', index: 'A', firmwareVersion: '07.00.0100', compatibleStatus: 1, inTopology: true });
    expect(deviceBySn(restored, 'DOCK1')).toMatchObject({ productName: 'DJI Dock 2', firmwareVersion: '10.01.3205', lastSeen: T0 });
    expect(restored.gateways.get('MANUAL1')).toMatchObject({ manual: true, lastSeen: null });
    expect(restored.gateways.get('DOCK1')).toMatchObject({ manual: false, topoAt: T0, lastSeen: T0 });
    expect(gatewayOfDevice(restored, 'AC1')).toBe('DOCK1');
  });

  it('does not restore upgrade flags, which would claim an upgrade that may have ended', () => {
    const original = sampleFleet();
    expect(original.gateways.get('DOCK1')?.upgrading).toBe(true);
    const restored = deserializeFleet(serializeFleet(original));
    expect(restored.gateways.get('DOCK1')?.upgrading).toBe(false);
    expect(deviceBySn(restored, 'AC1')?.firmwareUpgradeStatus).toBeNull();
  });

  it('starts empty from missing, corrupt, foreign or future-version storage', () => {
    for (const text of [null, '', '{', 'null', '[]', '"x"', '{"version":2,"gateways":[]}', '{"version":1,"gateways":{}}']) {
      expect(deserializeFleet(text)).toBe(emptyFleet);
    }
  });

  it('skips entries that do not validate and keeps the rest', () => {
    const text = JSON.stringify({
      version: 1,
      gateways: [
        { sn: 'BAD/SN', devices: [] },
        { sn: 'OK1', devices: [{ sn: 'OK1', role: 'gateway', fw: '1.0' }, { sn: 'A+B', role: 'sub-device' }, { sn: 'AC1', role: 'gateway' }, 42] },
        'not an object',
        { sn: 'OK1', devices: [] },
        { sn: 'OK2', seen: -5, devices: [] },
        { sn: 'OK3', devices: [{ sn: 'AC1', role: 'sub-device', compat: 7 }, { sn: 'AC2', role: 'sub-device', topo: true }] },
        { sn: `NUL${'\u0000'}`, devices: [] },
      ],
    });
    const restored = deserializeFleet(text);
    expect(restored.gatewaySns).toEqual(['OK1', 'OK3']);
    expect(devicesOfGateway(restored, 'OK1').map((d) => d.sn)).toEqual(['OK1']);
    expect(deviceBySn(restored, 'OK1')?.firmwareVersion).toBe('1.0');
    // The gateway's own record is created when storage lost it.
    expect(devicesOfGateway(restored, 'OK3').map((d) => `${d.sn}:${d.role}`)).toEqual(['OK3:gateway', 'AC2:sub-device']);
  });

  it('loads through the storage and survives a storage that throws', () => {
    const storage = new MemoryStorage();
    expect(saveFleet(storage, sampleFleet())).toBe(3);
    expect(loadFleet(storage).gatewaySns).toEqual(['DOCK1', 'DOCK2', 'MANUAL1']);
    storage.items.set(FLEET_STORAGE_KEY, '\u0000garbage');
    expect(loadFleet(storage)).toBe(emptyFleet);
    const throwing: FleetStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(loadFleet(throwing)).toBe(emptyFleet);
    expect(saveFleet(throwing, sampleFleet())).toBe(0);
    expect(loadFleet(null)).toBe(emptyFleet);
  });

  it('when the quota is short, keeps manual gateways first, then the most recently seen', () => {
    let s = emptyFleet;
    for (let i = 0; i < 40; i++) s = applyBatch(s, [topo(`DOCK${i}`, '3-1-0')], T0 + i * 1_000);
    s = addGateway(s, 'ZMANUAL').state;
    const fullSize = serializeFleet(s).length;
    const storage = new MemoryStorage(Math.floor(fullSize / 3));
    const written = saveFleet(storage, s);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(41);
    const kept = loadFleet(storage).gatewaySns;
    expect(kept).toHaveLength(written);
    expect(kept).toContain('ZMANUAL');
    expect(kept).toContain('DOCK39');
    expect(kept).not.toContain('DOCK0');
  });
});
