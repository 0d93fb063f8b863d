import { describe, expect, it } from 'vitest';
import { assertCampaignPlan } from '../campaigns/campaign-actions.ts';
import { buildCampaignPlan } from './build-plan.ts';
import { resolveGateway } from './resolve-targets.ts';
import { DOCK2, firmware, fleetOf, M3D } from './upgrade-test-kit.ts';

const NOW = 1_700_000_000_000;
const DOCK_FW = firmware('dock2', DOCK2, '10.01.2000', { fileSize: 603696942, md5: 'd1c9dacec124abd350379eb44b9143e5' });
const AIRCRAFT_FW = firmware('m3d', M3D, '07.01.0100');
const UNUSED_FW = firmware('m30', '0-67-0', '1.0.0');

describe('buildCampaignPlan', () => {
  const store = fleetOf(
    [
      {
        sn: 'DOCK1',
        aircraft: { sn: 'AC1' },
        dockState: { firmwareVersion: '10.01.1000', compatibleStatus: 1 },
        aircraftState: { firmwareVersion: '07.00' },
      },
      { sn: 'DOCK2', dockState: { firmwareVersion: '10.01.2000' } },
      { sn: 'DOCK3' },
    ],
    NOW,
  );
  const resolutions = ['DOCK1', 'DOCK2', 'DOCK3'].map((sn) =>
    resolveGateway(
      { gateway: store.getState().gateways.get(sn)!, liveness: 'online', activeTaskBid: null },
      [DOCK_FW, AIRCRAFT_FW, UNUSED_FW],
      new Map([['DOCK1', 2]]),
    ),
  );
  const plan = buildCampaignPlan(resolutions, { maxParallel: 5, pauseAfterFailures: { count: 2 }, canarySize: null });

  it('has one item per gateway that will be sent, with the wire entries field for field', () => {
    expect(plan.items.map((i) => i.gateway)).toEqual(['DOCK1', 'DOCK3']);
    expect(plan.items[0]!.devices).toEqual([
      {
        sn: 'DOCK1',
        product_version: '10.01.2000',
        file_url: DOCK_FW.fileUrl,
        md5: 'd1c9dacec124abd350379eb44b9143e5',
        file_size: 603696942,
        file_name: DOCK_FW.fileName,
        firmware_upgrade_type: 2,
      },
      {
        sn: 'AC1',
        product_version: '07.01.0100',
        file_url: AIRCRAFT_FW.fileUrl,
        md5: AIRCRAFT_FW.md5,
        file_size: 4096,
        file_name: AIRCRAFT_FW.fileName,
        firmware_upgrade_type: 3,
      },
    ]);
    expect(plan.items[0]!.deviceInfo).toEqual([
      { sn: 'DOCK1', modelKey: DOCK2, fromVersion: '10.01.1000' },
      { sn: 'AC1', modelKey: M3D, fromVersion: '07.00' },
    ]);
    // DOCK3 never reported a version: no fromVersion key at all.
    expect(plan.items[1]!.deviceInfo).toEqual([{ sn: 'DOCK3', modelKey: DOCK2 }]);
  });

  it('lists only the firmware the items use, and carries the options; the campaign store accepts it', () => {
    expect(plan.firmware).toEqual([
      { id: 'dock2', productVersion: '10.01.2000', fileName: DOCK_FW.fileName, model: DOCK2 },
      { id: 'm3d', productVersion: '07.01.0100', fileName: AIRCRAFT_FW.fileName, model: M3D },
    ]);
    expect([plan.maxParallel, plan.pauseAfterFailures, plan.canarySize]).toEqual([5, { count: 2 }, null]);
    expect(() => assertCampaignPlan(plan)).not.toThrow();
  });
});
