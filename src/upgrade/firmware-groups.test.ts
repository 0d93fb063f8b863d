import { describe, expect, it } from 'vitest';
import { chosenFirmware, firmwareRadioLabel, groupFirmware, GATEWAY_GROUP } from './firmware-groups.ts';
import { DOCK2, firmware, M3D } from './upgrade-test-kit.ts';

const A = firmware('gw', null, '1.0');
const B = firmware('dock-a', DOCK2, '10.0');
const C = firmware('ac', M3D, '7.0');
const D = firmware('dock-b', DOCK2, '11.0');

describe('firmware groups', () => {
  it('one group per model in first-seen order, named "Firmware for …", the model-less group last', () => {
    const groups = groupFirmware([A, B, C, D]);
    expect(groups.map((g) => [g.key, g.label, g.firmware.map((f) => f.id)])).toEqual([
      [DOCK2, 'Firmware for DJI Dock 2 (3-2-0)', ['dock-a', 'dock-b']],
      [M3D, 'Firmware for Mavic 3D (0-91-0)', ['ac']],
      [GATEWAY_GROUP, 'Firmware for the gateway itself (no model given)', ['gw']],
    ]);
  });

  it('radio names hold product, version and file name', () => {
    expect(firmwareRadioLabel(B)).toBe(`DJI Dock 2 10.0 — ${B.fileName}`);
  });

  it('resolves one choice per group and drops choices whose entry is gone or moved group', () => {
    const choice = new Map([
      [DOCK2, D.key],
      [M3D, 'catalog:removed'],
      [GATEWAY_GROUP, B.key],
    ]);
    expect(chosenFirmware([A, B, C, D], choice).map((f) => f.id)).toEqual(['dock-b']);
  });
});
