import { describe, expect, it } from 'vitest';
import { eligibleGateways } from './eligible.ts';
import { DOCK2, firmware, fleetOf, M3D } from './upgrade-test-kit.ts';

const NOW = 1_700_000_000_000;
const DOCK_FW = firmware('dock2', DOCK2, '10.01.2000');

function facts(activeTasks: ReadonlyMap<string, string> = new Map(), now = NOW) {
  const store = fleetOf(
    [
      { sn: 'OLD', dockState: { firmwareVersion: '10.01.1000' } },
      { sn: 'NEW', dockState: { firmwareVersion: '10.01.2000' } },
      { sn: 'BUSY', dockState: { firmwareVersion: '10.01.1000' } },
      { sn: 'CONSISTENCY', dockState: { firmwareVersion: '10.01.2000', compatibleStatus: 1 } },
      { sn: 'AIRCRAFT-ONLY', model: '3-1-0', aircraft: { sn: 'AC', model: M3D }, dockState: { firmwareVersion: '1.0' } },
    ],
    NOW,
  );
  return { gateways: store.getState().gateways, activeTasks, now };
}

describe('eligibleGateways', () => {
  it('keeps the shown gateways that would get an ota_create, in the order given', () => {
    const sns = ['CONSISTENCY', 'NEW', 'OLD', 'BUSY', 'AIRCRAFT-ONLY', 'UNKNOWN'];
    expect(eligibleGateways(sns, [DOCK_FW], facts(new Map([['BUSY', 'bid-1']])))).toEqual(['CONSISTENCY', 'OLD']);
  });

  it('only looks at the gateways shown', () => {
    expect(eligibleGateways(['NEW', 'BUSY'], [DOCK_FW], facts())).toEqual(['BUSY']);
  });

  it('takes none without a chosen firmware, and none that went offline', () => {
    expect(eligibleGateways(['OLD'], [], facts())).toEqual([]);
    expect(eligibleGateways(['OLD', 'BUSY'], [DOCK_FW], facts(new Map(), NOW + 10 * 60_000))).toEqual([]);
  });
});
