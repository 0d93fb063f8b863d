import { describe, expect, it } from 'vitest';
import { newGateway } from '../fleet/fleet-model.ts';
import { livenessAt } from '../fleet/fleet-selectors.ts';
import type { FleetStore } from '../fleet/fleet-store.ts';
import { topo } from '../fleet/fleet-test-kit.ts';
import { skipReasonText } from './skip-reasons.ts';
import { resolveGateway, willSend, type GatewayFacts } from './resolve-targets.ts';
import { DOCK2, firmware, fleetOf, M30, M3D, type DockSpec } from './upgrade-test-kit.ts';

const NOW = 1_700_000_000_000;
const DOCK_FW = firmware('dock2', DOCK2, '10.01.2000');
const AIRCRAFT_FW = firmware('m3d', M3D, '07.01.0100');
const GATEWAY_FW = firmware('any-dock', null, '99.0.0');

function facts(store: FleetStore, sn: string, extra: Partial<GatewayFacts> = {}): GatewayFacts {
  const gateway = store.getState().gateways.get(sn);
  if (gateway === undefined) throw new Error(`no gateway ${sn}`);
  return { gateway, liveness: livenessAt(gateway.lastSeen, NOW), activeTaskBid: null, ...extra };
}

function resolveOne(spec: DockSpec, chosen = [DOCK_FW, AIRCRAFT_FW], extra: Partial<GatewayFacts> = {}) {
  return resolveGateway(facts(fleetOf([spec], NOW), spec.sn, extra), chosen);
}

const kinds = (r: ReturnType<typeof resolveGateway>) => r.skip.map((s) => s.kind);

describe('resolveGateway targets', () => {
  it('puts the dock and its aircraft in one ota_create when firmware for both models is chosen', () => {
    const r = resolveOne({
      sn: 'DOCK1',
      aircraft: { sn: 'AC1' },
      dockState: { firmwareVersion: '10.01.1000' },
      aircraftState: { firmwareVersion: '07.01.0001' },
    });
    expect(willSend(r)).toBe(true);
    expect(r.targets.map((t) => [t.sn, t.firmware.id, t.fromVersion, t.upgradeType])).toEqual([
      ['DOCK1', 'dock2', '10.01.1000', 3],
      ['AC1', 'm3d', '07.01.0001', 3],
    ]);
    expect(r.skip).toEqual([]);
  });

  it('targets only the devices whose model key equals the firmware model', () => {
    const r = resolveOne({ sn: 'DOCK1', aircraft: { sn: 'AC1' } }, [AIRCRAFT_FW]);
    expect(r.targets.map((t) => t.sn)).toEqual(['AC1']);
    const other = resolveOne({ sn: 'DOCK2', aircraft: { sn: 'AC2', model: M30 } }, [AIRCRAFT_FW]);
    expect(kinds(other)).toEqual(['no-matching-device']);
  });

  it('a firmware without a model targets the gateway itself, whatever its model', () => {
    const r = resolveOne({ sn: 'DOCK1', model: '3-1-0', aircraft: { sn: 'AC1' } }, [GATEWAY_FW]);
    expect(r.targets.map((t) => t.sn)).toEqual(['DOCK1']);
    // Also before any update_topo told us the model.
    const unknown = resolveGateway({ gateway: newGateway('NEWDOCK', true), liveness: 'online', activeTaskBid: null }, [GATEWAY_FW]);
    expect(unknown.targets.map((t) => [t.sn, t.fromVersion])).toEqual([['NEWDOCK', null]]);
  });

  it('ignores an aircraft that left the topology (offline or unpaired)', () => {
    const store = fleetOf([{ sn: 'DOCK1', aircraft: { sn: 'AC1' } }], NOW - 1000);
    store.getState().batchReceived([topo('DOCK1', DOCK2, [])], NOW);
    expect(
      store
        .getState()
        .gateways.get('DOCK1')
        ?.devices.map((d) => [d.sn, d.inTopology]),
    ).toEqual([
      ['DOCK1', true],
      ['AC1', false],
    ]);
    const r = resolveGateway(facts(store, 'DOCK1'), [AIRCRAFT_FW]);
    expect(r.skip).toEqual([{ kind: 'no-matching-device', models: [M3D], deviceModels: [DOCK2] }]);
  });
});

describe('resolveGateway skip reasons', () => {
  it('no matching device: names the wanted and the present models', () => {
    const r = resolveOne({ sn: 'DOCK1', model: '3-1-0', aircraft: { sn: 'AC1', model: M30 } });
    expect(kinds(r)).toEqual(['no-matching-device']);
    expect(skipReasonText(r.skip[0]!)).toBe(
      'No matching device: the chosen firmware is for DJI Dock 2 or Mavic 3D; this gateway has DJI Dock, Matrice 30',
    );
  });

  it('already on the target version: skipped when every target is on it, per device otherwise', () => {
    const all = resolveOne({
      sn: 'DOCK1',
      aircraft: { sn: 'AC1' },
      dockState: { firmwareVersion: '10.01.2000' },
      aircraftState: { firmwareVersion: '07.01.0100' },
    });
    expect(kinds(all)).toEqual(['already-on-target']);
    expect(skipReasonText(all.skip[0]!)).toBe('Already on the target version (DOCK1 10.01.2000, AC1 07.01.0100)');

    const some = resolveOne({
      sn: 'DOCK1',
      aircraft: { sn: 'AC1' },
      dockState: { firmwareVersion: '10.01.2000' },
      aircraftState: { firmwareVersion: '07.00.0000' },
    });
    expect(willSend(some)).toBe(true);
    expect(some.targets.map((t) => t.sn)).toEqual(['AC1']);
    expect(some.onTarget.map((d) => [d.sn, d.version])).toEqual([['DOCK1', '10.01.2000']]);
  });

  it('a device on the target version that needs a consistency upgrade is still a target', () => {
    const r = resolveOne({ sn: 'DOCK1', dockState: { firmwareVersion: '10.01.2000', compatibleStatus: 1 } }, [DOCK_FW]);
    expect(r.targets.map((t) => [t.sn, t.consistencyOffered])).toEqual([['DOCK1', true]]);
  });

  it('offline: stale and never heard from', () => {
    const stale = resolveGateway(facts(fleetOf([{ sn: 'DOCK1' }], NOW - 10 * 60_000), 'DOCK1'), [DOCK_FW]);
    expect(kinds(stale)).toEqual(['offline']);
    expect(skipReasonText(stale.skip[0]!)).toBe('Offline: no message recently (stale)');
    const unseen = resolveGateway({ gateway: newGateway('DOCK9', true), liveness: 'unseen', activeTaskBid: null }, [GATEWAY_FW]);
    expect(unseen.skip).toEqual([{ kind: 'offline', liveness: 'unseen' }]);
    expect(willSend(unseen)).toBe(false);
  });

  it('busy: an active task, firmware_upgrade_status 1, or an upgrading osd mode', () => {
    const task = resolveOne({ sn: 'DOCK1' }, [DOCK_FW], { activeTaskBid: 'bid-7' });
    expect(task.skip).toEqual([{ kind: 'busy', cause: { source: 'task', bid: 'bid-7' } }]);
    expect(skipReasonText(task.skip[0]!)).toBe('Busy: an upgrade is already running on it (task bid-7)');

    const status = resolveOne({ sn: 'DOCK1', aircraft: { sn: 'AC1' }, aircraftState: { firmwareUpgradeStatus: 1 } }, [DOCK_FW]);
    expect(status.skip).toEqual([{ kind: 'busy', cause: { source: 'upgrade-status', sn: 'AC1' } }]);

    const osd = resolveOne({ sn: 'DOCK1', dockModeCode: 3 }, [DOCK_FW]);
    expect(osd.skip).toEqual([{ kind: 'busy', cause: { source: 'osd', sn: 'DOCK1', modeCode: 3 } }]);
    expect(skipReasonText(osd.skip[0]!)).toBe('Busy: DOCK1 reports it is upgrading (osd mode_code 3)');
    // Mode 3 means upgrading for a dock, not for an aircraft: only the dock's own mode counts.
    expect(resolveOne({ sn: 'DOCK1', dockModeCode: 0 }, [DOCK_FW]).skip).toEqual([]);
  });

  it('more than two targets: a topology with two matching sub-devices', () => {
    const store = fleetOf([{ sn: 'DOCK1', aircraft: { sn: 'AC1' } }], NOW);
    const gateway = store.getState().gateways.get('DOCK1')!;
    const extra = { ...gateway.devices[1]!, sn: 'AC2' };
    const r = resolveGateway({ gateway: { ...gateway, devices: [...gateway.devices, extra] }, liveness: 'online', activeTaskBid: null }, [
      DOCK_FW,
      AIRCRAFT_FW,
    ]);
    expect(kinds(r)).toEqual(['too-many-targets']);
    expect(skipReasonText(r.skip[0]!)).toBe('3 devices match; one ota_create takes at most 2');
  });

  it('invalid SN of the gateway or of a target device', () => {
    const bad = resolveGateway({ gateway: newGateway('DOCK/1', true), liveness: 'online', activeTaskBid: null }, [GATEWAY_FW]);
    expect(bad.skip).toEqual([{ kind: 'invalid-sn', sn: 'DOCK/1', problem: expect.stringContaining("'/'") as unknown }]);
    const store = fleetOf([{ sn: 'DOCK1', aircraft: { sn: 'AC1' } }], NOW);
    const gateway = store.getState().gateways.get('DOCK1')!;
    const withBad = { ...gateway, devices: [gateway.devices[0]!, { ...gateway.devices[1]!, sn: 'AC+1' }] };
    const r = resolveGateway({ gateway: withBad, liveness: 'online', activeTaskBid: null }, [AIRCRAFT_FW]);
    expect(kinds(r)).toEqual(['invalid-sn']);
    expect(skipReasonText(r.skip[0]!)).toMatch(/^Invalid SN "AC\+1": SN contains '\+' \(it has a special meaning in MQTT topics\)/);
  });

  it('a model-less firmware and one for the dock model aiming at the same device conflict', () => {
    const r = resolveOne({ sn: 'DOCK1' }, [DOCK_FW, GATEWAY_FW]);
    expect(r.skip).toEqual([{ kind: 'conflict', sn: 'DOCK1', files: [DOCK_FW.fileName, GATEWAY_FW.fileName] }]);
  });

  it('lists every reason that applies, not only the first', () => {
    const r = resolveGateway(facts(fleetOf([{ sn: 'DOCK1', dockModeCode: 3 }], NOW - 10 * 60_000), 'DOCK1'), [AIRCRAFT_FW]);
    expect(kinds(r)).toEqual(['offline', 'busy', 'no-matching-device']);
  });
});

describe('upgrade type', () => {
  it('is 3 by default and 2 only where the device reports compatible_status 1 and the operator picked it', () => {
    const spec: DockSpec = {
      sn: 'DOCK1',
      aircraft: { sn: 'AC1' },
      dockState: { compatibleStatus: 1 },
      aircraftState: { compatibleStatus: 0 },
    };
    const f = facts(fleetOf([spec], NOW), 'DOCK1');
    const byDefault = resolveGateway(f, [DOCK_FW, AIRCRAFT_FW]);
    expect(byDefault.targets.map((t) => [t.sn, t.upgradeType, t.consistencyOffered])).toEqual([
      ['DOCK1', 3, true],
      ['AC1', 3, false],
    ]);
    const picked = resolveGateway(
      f,
      [DOCK_FW, AIRCRAFT_FW],
      new Map([
        ['DOCK1', 2],
        ['AC1', 2],
      ] as const),
    );
    // AC1 is consistent: a type 2 there would be rejected (312001), so it stays 3.
    expect(picked.targets.map((t) => [t.sn, t.upgradeType])).toEqual([
      ['DOCK1', 2],
      ['AC1', 3],
    ]);
  });
});

describe('resolveGateway without a chosen firmware', () => {
  it('sends nothing and says that no firmware is chosen', () => {
    const r = resolveOne({ sn: 'DOCK1', aircraft: { sn: 'AC1' } }, []);
    expect(willSend(r)).toBe(false);
    expect(r.skip.map(skipReasonText)).toEqual(['No matching device: no firmware is chosen for its devices']);
  });
});
