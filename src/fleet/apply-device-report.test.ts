import { describe, expect, it } from 'vitest';
import { decode } from '../protocol/decode.ts';
import { applyBatch } from './apply-batch.ts';
import { applyOsd, applyState, forgetModeCodes, SEEN_RESOLUTION_MS } from './apply-device-report.ts';
import { applyTopo } from './apply-topo.ts';
import { formatRelativeAge } from '../ui/i18n/format.ts';
import { emptyFleet } from './fleet-model.ts';
import { deviceBySn, devicesOfGateway, gatewayOfDevice, isGatewayUpgrading } from './fleet-selectors.ts';
import { osd, state, topo } from './fleet-test-kit.ts';

const T0 = 1_700_000_000_000;
const docked = applyTopo(emptyFleet, topo('DOCK1', '3-2-0', [{ sn: 'AC1', model: '0-91-0' }]), T0);

describe('applyState', () => {
  it('records firmware_version and compatible_status on the device the topic names', () => {
    const s = applyState(docked, state('AC1', { firmwareVersion: '10.01.3205', compatibleStatus: 1 }, 'DOCK1'), T0 + 3_000);
    expect(deviceBySn(s, 'AC1')).toMatchObject({ firmwareVersion: '10.01.3205', compatibleStatus: 1, lastSeen: T0 + 3_000 });
    expect(deviceBySn(s, 'DOCK1')?.firmwareVersion).toBeNull();
    expect(s.gateways.get('DOCK1')?.lastSeen).toBe(T0 + 3_000);
  });

  it('keeps keys a later state leaves out (state carries only what changed)', () => {
    let s = applyState(docked, state('DOCK1', { firmwareVersion: '10.01.3205', compatibleStatus: 0 }), T0);
    s = applyState(s, state('DOCK1', { compatibleStatus: 1 }), T0 + 5_000);
    expect(deviceBySn(s, 'DOCK1')).toMatchObject({ firmwareVersion: '10.01.3205', compatibleStatus: 1 });
  });

  it('finds the gateway through the topology even when the envelope names none', () => {
    const s = applyState(docked, state('AC1', { firmwareVersion: '1.2.3' }, null), T0);
    expect(s.gatewaySns).toEqual(['DOCK1']);
    expect(deviceBySn(s, 'AC1')?.firmwareVersion).toBe('1.2.3');
  });

  it('creates a minimal record for an unknown device under the envelope gateway rather than losing it', () => {
    const s = applyState(emptyFleet, state('AC9', { firmwareVersion: '9.9.9', firmwareUpgradeStatus: 0 }, 'DOCK9'), T0);
    expect(s.gatewaySns).toEqual(['DOCK9']);
    expect(s.gateways.get('DOCK9')).toMatchObject({ manual: false, topoAt: null, lastSeen: T0 });
    expect(devicesOfGateway(s, 'DOCK9').map((d) => `${d.sn}:${d.role}`)).toEqual(['DOCK9:gateway', 'AC9:sub-device']);
    expect(deviceBySn(s, 'AC9')).toMatchObject({ firmwareVersion: '9.9.9', inTopology: false, modelKey: null, productName: null });
  });

  it('treats a device with no gateway anywhere as its own gateway', () => {
    const s = applyState(emptyFleet, state('DOCK5', { firmwareVersion: '1.0.0' }, null), T0);
    expect(gatewayOfDevice(s, 'DOCK5')).toBe('DOCK5');
    expect(deviceBySn(s, 'DOCK5')).toMatchObject({ role: 'gateway', firmwareVersion: '1.0.0' });
  });

  it('marks the gateway upgrading while a device reports firmware_upgrade_status 1', () => {
    let s = applyState(docked, state('AC1', { firmwareUpgradeStatus: 1 }, 'DOCK1'), T0);
    expect(isGatewayUpgrading(s, 'DOCK1')).toBe(true);
    s = applyState(s, state('AC1', { firmwareUpgradeStatus: 0 }, 'DOCK1'), T0 + 2_000);
    expect(isGatewayUpgrading(s, 'DOCK1')).toBe(false);
  });
});

describe('forgetModeCodes', () => {
  it('drops the mode_code of devices whose osd no longer comes, keeping firmware_upgrade_status', () => {
    let s = applyOsd(docked, osd('AC1', 13, 'DOCK1'), T0);
    s = applyOsd(s, osd('DOCK1', 3), T0);
    s = applyState(s, state('DOCK1', { firmwareUpgradeStatus: 1 }), T0);
    const forgotten = forgetModeCodes(s, ['AC1', 'DOCK1', 'UNKNOWN-1']);
    expect(deviceBySn(forgotten, 'AC1')).toMatchObject({ modeCode: null, upgrading: false });
    expect(deviceBySn(forgotten, 'DOCK1')).toMatchObject({ modeCode: null, firmwareUpgradeStatus: 1, upgrading: true });
    expect(forgetModeCodes(forgotten, ['AC1', 'DOCK1'])).toBe(forgotten);
  });
});

describe('applyOsd', () => {
  it('reads dock mode_code 3 and aircraft mode_code 13 as upgrading, and nothing else', () => {
    expect(isGatewayUpgrading(applyOsd(docked, osd('DOCK1', 3), T0), 'DOCK1')).toBe(true);
    expect(isGatewayUpgrading(applyOsd(docked, osd('AC1', 13, 'DOCK1'), T0), 'DOCK1')).toBe(true);
    expect(isGatewayUpgrading(applyOsd(docked, osd('DOCK1', 13), T0), 'DOCK1')).toBe(false);
    expect(isGatewayUpgrading(applyOsd(docked, osd('AC1', 3, 'DOCK1'), T0), 'DOCK1')).toBe(false);
    const done = applyOsd(applyOsd(docked, osd('DOCK1', 3), T0), osd('DOCK1', 0), T0 + 2_000);
    expect(isGatewayUpgrading(done, 'DOCK1')).toBe(false);
    expect(deviceBySn(done, 'DOCK1')?.modeCode).toBe(0);
  });

  it('moves last-seen at most once per resolution step, returning the same state in between', () => {
    const first = applyOsd(docked, osd('DOCK1', 0), T0 + 10_000);
    const again = applyOsd(first, osd('DOCK1', 0), T0 + 10_000 + SEEN_RESOLUTION_MS - 1);
    expect(again).toBe(first);
    const later = applyOsd(again, osd('DOCK1', 0), T0 + 10_000 + SEEN_RESOLUTION_MS);
    expect(later.gateways.get('DOCK1')?.lastSeen).toBe(T0 + 10_000 + SEEN_RESOLUTION_MS);
  });

  it('keeps a device that reports every 2 s (osd) or every second (progress) reading "just now"', () => {
    for (const everyMs of [1_000, 2_000]) {
      let fleet = docked;
      for (let at = T0; at <= T0 + 60_000; at += everyMs) {
        fleet = applyOsd(fleet, osd('DOCK1', 0), at);
        // Just before the next report comes: the oldest the age gets.
        const lastSeen = fleet.gateways.get('DOCK1')?.lastSeen ?? null;
        expect(lastSeen).not.toBeNull();
        expect(formatRelativeAge(at + everyMs - 1 - (lastSeen ?? 0), 'en')).toBe('just now');
      }
    }
  });
});

describe('applyBatch', () => {
  it('returns the same state for a batch with nothing the fleet uses', () => {
    const junk = decode('thing/product/DOCK1/osd', '{not json');
    expect(applyBatch(docked, [junk], T0 + 60_000)).toBe(docked);
  });

  it('counts progress and replies from a gateway as proof of life, and ignores ota_create from consoles', () => {
    const progress = decode(
      'thing/product/DOCK1/events',
      JSON.stringify({
        tid: 't',
        bid: 'b',
        timestamp: T0,
        method: 'ota_progress',
        data: { result: 0, output: { status: 'in_progress', progress: { percent: 5 } } },
      }),
    );
    expect(progress.kind).toBe('ota_progress');
    const seen = applyBatch(docked, [progress], T0 + 30_000);
    expect(seen.gateways.get('DOCK1')?.lastSeen).toBe(T0 + 30_000);
    // Seen again within the resolution: the same state, so nothing downstream re-renders or saves.
    expect(applyBatch(seen, [progress], T0 + 30_000 + SEEN_RESOLUTION_MS - 1)).toBe(seen);
    const later = applyBatch(seen, [progress], T0 + 30_000 + SEEN_RESOLUTION_MS);
    expect(later.gateways.get('DOCK1')?.lastSeen).toBe(T0 + 30_000 + SEEN_RESOLUTION_MS);
    expect(deviceBySn(later, 'DOCK1')?.lastSeen).toBe(T0 + 30_000 + SEEN_RESOLUTION_MS);
    // A gateway first learned from its progress is created.
    expect(applyBatch(emptyFleet, [progress], T0).gateways.get('DOCK1')?.lastSeen).toBe(T0);

    const command = decode(
      'thing/product/DOCK7/services',
      JSON.stringify({
        tid: 't',
        bid: 'b',
        timestamp: T0,
        method: 'ota_create',
        data: {
          devices: [
            {
              sn: 'DOCK7',
              product_version: '1',
              file_url: 'http://x/f',
              md5: 'd1c9dacec124abd350379eb44b9143e5',
              file_size: 1,
              file_name: 'f',
              firmware_upgrade_type: 3,
            },
          ],
        },
      }),
    );
    expect(command.kind).toBe('ota_create');
    expect(applyBatch(docked, [command], T0 + 30_000)).toBe(docked);
  });

  it('applies a whole batch in order in one new state', () => {
    const s = applyBatch(
      emptyFleet,
      [
        topo('DOCK1', '3-1-0', [{ sn: 'AC1', model: '0-67-0' }]),
        state('AC1', { firmwareVersion: '2.0.0' }, 'DOCK1'),
        topo('DOCK1', '3-1-0', []),
      ],
      T0,
    );
    expect(deviceBySn(s, 'AC1')).toMatchObject({ firmwareVersion: '2.0.0', inTopology: false });
  });
});
