import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCK_SETTINGS, DockMachine } from './dock-machine.ts';
import { seededRng } from './rng.ts';
import type { DockIdentity } from './sim-device.ts';

const identity = (): DockIdentity => ({
  dock: { sn: 'DOCK1', domain: '3', type: 2, subType: 0, firmwareVersion: '10.00.0804', compatibleStatus: 0 },
  aircraft: { sn: 'AIR1', domain: '0', type: 91, subType: 0, firmwareVersion: '10.00.0305', compatibleStatus: 0 },
});

const dockFile = {
  sn: 'DOCK1',
  product_version: '10.02.0308',
  file_url: 'http://127.0.0.1:8080/firmware/DOCK1.bin',
  md5: '0123456789abcdef0123456789abcdef',
  file_size: 1000,
  file_name: 'DOCK1.bin',
  firmware_upgrade_type: 3,
};

describe('simulated flight missions', () => {
  it('never fly with the default settings', () => {
    const m = new DockMachine(identity(), DEFAULT_DOCK_SETTINGS, seededRng(1));
    for (let now = 0; now < 24 * 3600_000; now += 60_000) m.tick(now);
    expect(m.flying).toBe(false);
    expect(m.osd()).toEqual([
      { sn: 'DOCK1', modeCode: 0 },
      { sn: 'AIR1', modeCode: 0 },
    ]);
  });

  it('fly now and then: working dock, aircraft in wayline flight, ota_create refused as busy, then idle again', () => {
    const m = new DockMachine(identity(), { ...DEFAULT_DOCK_SETTINGS, missionEveryMs: 10 * 60_000, missionMs: 60_000 }, seededRng(7));
    let flights = 0;
    let wasFlying = false;
    let refused = false;
    for (let now = 0; now < 6 * 3600_000; now += 1_000) {
      m.tick(now);
      if (m.flying && !wasFlying) {
        flights += 1;
        expect(m.osd()).toEqual([
          { sn: 'DOCK1', modeCode: 4 },
          { sn: 'AIR1', modeCode: 5 },
        ]);
        if (!refused) {
          const out = m.otaCreate({ tid: 't', bid: 'b', data: { devices: [dockFile] } }, now);
          expect(out).toEqual([{ kind: 'reply', tid: 't', bid: 'b', result: 312015, status: 'rejected' }]);
          refused = true;
        }
      }
      wasFlying = m.flying;
    }
    // About one every 10 minutes over 6 hours.
    expect(flights).toBeGreaterThan(15);
    expect(flights).toBeLessThan(60);
  });
});
