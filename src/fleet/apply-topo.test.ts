import { describe, expect, it } from 'vitest';
import { applyBatch } from './apply-batch.ts';
import { applyState } from './apply-device-report.ts';
import { applyTopo } from './apply-topo.ts';
import { emptyFleet } from './fleet-model.ts';
import { deviceBySn, devicesOfGateway, gatewayOfDevice } from './fleet-selectors.ts';
import { state, topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;

describe('applyTopo', () => {
  it('creates the gateway with its dock and aircraft, model keys, product names, index and thing version', () => {
    const next = applyTopo(emptyFleet, topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-1', index: 'A', thingVersion: '1.1.2' }]), T0);
    expect(next.gatewaySns).toEqual(['DOCK1']);
    const [dock, aircraft] = devicesOfGateway(next, 'DOCK1');
    expect(dock).toMatchObject({
      sn: 'DOCK1',
      role: 'gateway',
      modelKey: '3-2-0',
      productName: 'DJI Dock 2',
      domain: '3',
      inTopology: true,
      lastSeen: T0,
    });
    expect(aircraft).toMatchObject({
      sn: 'AC1',
      role: 'sub-device',
      modelKey: '0-91-1',
      productName: 'Mavic 3TD',
      domain: '0',
      index: 'A',
      thingVersion: '1.1.2',
      inTopology: true,
    });
    expect(gatewayOfDevice(next, 'AC1')).toBe('DOCK1');
    expect(next.gateways.get('DOCK1')).toMatchObject({ topoAt: T0, lastSeen: T0, manual: false });
  });

  it('keeps an aircraft that drops out (empty sub_devices) with its last firmware, marked not in topology', () => {
    let s = applyTopo(emptyFleet, topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }]), T0);
    s = applyState(s, state('AC1', { firmwareVersion: '07.01.0001', compatibleStatus: 1 }, 'DOCK1'), T0 + 1);
    s = applyTopo(s, topo('DOCK1', '3-1-0', []), T0 + 5_000);
    expect(deviceBySn(s, 'AC1')).toMatchObject({
      inTopology: false,
      firmwareVersion: '07.01.0001',
      compatibleStatus: 1,
      productName: 'Matrice 30',
    });
    expect(gatewayOfDevice(s, 'AC1')).toBe('DOCK1');

    s = applyTopo(s, topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }]), T0 + 9_000);
    expect(deviceBySn(s, 'AC1')).toMatchObject({ inTopology: true, firmwareVersion: '07.01.0001' });
    expect(devicesOfGateway(s, 'DOCK1').map((d) => d.sn)).toEqual(['DOCK1', 'AC1']);
  });

  it('drops an out-of-topology aircraft once another aircraft takes its place', () => {
    let s = applyTopo(emptyFleet, topo('DOCK1', '3-1-0', [{ sn: 'AC_OLD', model: '0-67-0' }]), T0);
    s = applyTopo(s, topo('DOCK1', '3-1-0', []), T0 + 1);
    s = applyTopo(s, topo('DOCK1', '3-1-0', [{ sn: 'AC_NEW', model: '0-67-1' }]), T0 + 2);
    expect(devicesOfGateway(s, 'DOCK1').map((d) => d.sn)).toEqual(['DOCK1', 'AC_NEW']);
    expect(gatewayOfDevice(s, 'AC_OLD')).toBeUndefined();
  });

  it('moves an aircraft paired with another dock, keeping its firmware', () => {
    let s = applyTopo(emptyFleet, topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]), T0);
    s = applyState(s, state('AC1', { firmwareVersion: '10.00.0001' }, 'DOCK1'), T0);
    s = applyTopo(s, topo('DOCK2', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]), T0 + 10);
    expect(devicesOfGateway(s, 'DOCK1').map((d) => d.sn)).toEqual(['DOCK1']);
    expect(devicesOfGateway(s, 'DOCK2').map((d) => d.sn)).toEqual(['DOCK2', 'AC1']);
    expect(deviceBySn(s, 'AC1')).toMatchObject({ firmwareVersion: '10.00.0001', inTopology: true });
  });

  it('absorbs a gateway that only existed because a sub-device reported state before any topology', () => {
    let s = applyState(emptyFleet, state('AC1', { firmwareVersion: '10.00.0002' }, null), T0);
    expect(s.gatewaySns).toEqual(['AC1']);
    s = applyTopo(s, topo('DOCK1', '3-3-0', [{ sn: 'AC1', model: '0-100-0' }]), T0 + 1);
    expect(s.gatewaySns).toEqual(['DOCK1']);
    expect(deviceBySn(s, 'AC1')).toMatchObject({ role: 'sub-device', firmwareVersion: '10.00.0002', productName: 'Matrice 4D' });
  });

  it('ignores a sub-device listing the gateway itself or the same SN twice', () => {
    const s = applyTopo(
      emptyFleet,
      topo('DOCK1', '3-1-0', [
        { sn: 'DOCK1', model: '0-67-0' },
        { sn: 'AC1', model: '0-67-0' },
        { sn: 'AC1', model: '0-67-0' },
      ]),
      T0,
    );
    expect(devicesOfGateway(s, 'DOCK1').map((d) => `${d.sn}:${d.role}`)).toEqual(['DOCK1:gateway', 'AC1:sub-device']);
  });

  it('keeps unchanged devices and other gateways as the same objects (rows subscribed by SN do not re-render)', () => {
    const message = topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }]);
    const before = applyBatch(emptyFleet, [message, topo('DOCK2', '3-1-0')], T0);
    const after = applyTopo(before, message, T0 + 5_000);
    expect(after.gateways.get('DOCK2')).toBe(before.gateways.get('DOCK2'));
    expect(after.gatewaySns).toBe(before.gatewaySns);
    expect(after.deviceGateway).toBe(before.deviceGateway);
    expect(after.gateways.get('DOCK1')?.lastSeen).toBe(T0 + 5_000);
  });

  it('keeps the gateway list in natural SN order as gateways arrive over several batches', () => {
    let s = applyBatch(emptyFleet, [topo('DOCK10', '3-1-0'), topo('DOCK2', '3-1-0')], T0);
    s = applyBatch(s, [topo('DOCK1', '3-1-0'), topo('A9', '3-1-0')], T0 + 1);
    expect(s.gatewaySns).toEqual(['A9', 'DOCK1', 'DOCK2', 'DOCK10']);
  });
});
