import { describe, expect, it } from 'vitest';
import { createDockActivity, OSD_FRESH_MS } from './dock-activity.ts';
import { aircraftOf, osdOf } from './dock-activity-test-kit.ts';

describe('dock activity (idle gate input)', () => {
  it('is unknown until the dock reports, idle at mode_code 0, busy at working', () => {
    const docks = createDockActivity();
    expect(docks.read('DOCK1', 0)).toEqual({ kind: 'unknown' });
    docks.observe([osdOf('DOCK1', 0)], 1_000);
    expect(docks.read('DOCK1', 2_000)).toEqual({ kind: 'idle' });
    docks.observe([osdOf('DOCK1', 4)], 3_000);
    expect(docks.read('DOCK1', 3_000)).toEqual({ kind: 'busy', device: 'DOCK1', role: 'dock', activity: 'working', modeCode: 4 });
  });

  it('holds an idle dock whose aircraft is flying, and lets it go once the aircraft is on the ground', () => {
    const docks = createDockActivity();
    docks.observe([osdOf('DOCK1', 0), osdOf(aircraftOf('DOCK1'), 5, 'DOCK1')], 0);
    expect(docks.read('DOCK1', 0)).toEqual({ kind: 'busy', device: 'DOCK1-AC', role: 'aircraft', activity: 'flying', modeCode: 5 });
    docks.observe([osdOf(aircraftOf('DOCK1'), 0, 'DOCK1')], 10);
    expect(docks.read('DOCK1', 10)).toEqual({ kind: 'idle' });
    // Powered off in the dock (14, not connected) is on the ground too.
    docks.observe([osdOf(aircraftOf('DOCK1'), 14, 'DOCK1')], 20);
    expect(docks.read('DOCK1', 20)).toEqual({ kind: 'idle' });
  });

  it('takes a code it does not know as busy, never as idle', () => {
    const docks = createDockActivity();
    docks.observe([osdOf('DOCK1', 9)], 0);
    expect(docks.read('DOCK1', 0)).toMatchObject({ kind: 'busy', activity: 'unknown-code', modeCode: 9 });
    docks.observe([osdOf('DOCK1', 0), osdOf(aircraftOf('DOCK1'), 77, 'DOCK1')], 1);
    expect(docks.read('DOCK1', 1)).toMatchObject({ kind: 'busy', role: 'aircraft', activity: 'unknown-code' });
  });

  it('forgets what a dock said once its osd is older than the freshness limit', () => {
    const docks = createDockActivity();
    docks.observe([osdOf('DOCK1', 0), osdOf(aircraftOf('DOCK1'), 5, 'DOCK1')], 0);
    docks.observe([osdOf('DOCK1', 0)], OSD_FRESH_MS);
    // The aircraft's flight report went stale: an aircraft that says nothing does not hold the gate.
    expect(docks.read('DOCK1', OSD_FRESH_MS + 1)).toEqual({ kind: 'idle' });
    expect(docks.read('DOCK1', 2 * OSD_FRESH_MS + 1)).toEqual({ kind: 'unknown' });
  });
});
