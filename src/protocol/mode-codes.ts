/**
 * What an osd `mode_code` says about a dock or an aircraft (docs/protocol.md, "osd mode_code"),
 * for the idle gate of campaigns: a gateway is sent its ota_create only while its dock is idle and
 * its aircraft is not in the air. A code the tables do not know is never taken as idle.
 */

/** DJI Dock 1, 2 and 3 (and Autel's nest, which reports the same thing model) `mode_code`. */
export const DOCK_MODE_CODES: Readonly<Record<number, string>> = {
  0: 'Idle',
  1: 'On-site debugging',
  2: 'Remote debugging',
  3: 'Firmware upgrading',
  4: 'Working',
};

/** DJI dock aircraft (Matrice 30, Mavic 3D, Matrice 4D) `mode_code`. */
export const AIRCRAFT_MODE_CODES: Readonly<Record<number, string>> = {
  0: 'Standby',
  1: 'Takeoff preparation',
  2: 'Takeoff preparation completed',
  3: 'Manual flight',
  4: 'Automatic takeoff',
  5: 'Wayline flight',
  6: 'Panoramic photography',
  7: 'Intelligent tracking',
  8: 'ADS-B avoidance',
  9: 'Auto returning to home',
  10: 'Automatic landing',
  11: 'Forced landing',
  12: 'Three-blade landing',
  13: 'Upgrading',
  14: 'Not connected',
  15: 'APAS',
  16: 'Virtual stick state',
  17: 'Live flight controls',
  18: 'Airborne RTK fixing mode',
  19: 'Dock address selecting',
  20: 'POI',
};

/** What holds the gate: every activity but idle. */
export const BUSY_ACTIVITIES = ['debugging', 'upgrading', 'working', 'flying', 'unknown-code'] as const;

/** What the gate makes of a device's mode. */
export type DeviceActivity = 'idle' | (typeof BUSY_ACTIVITIES)[number];

export function dockActivity(modeCode: number): DeviceActivity {
  if (!(modeCode in DOCK_MODE_CODES)) return 'unknown-code';
  switch (modeCode) {
    case 0:
      return 'idle';
    case 1:
    case 2:
      return 'debugging';
    case 3:
      return 'upgrading';
    case 4:
      return 'working';
    default:
      return 'unknown-code';
  }
}

/**
 * Standby and Not connected (powered off in the dock) are on the ground; Upgrading is an upgrade;
 * every other documented code is a phase of a flight, from takeoff preparation to landing.
 */
export function aircraftActivity(modeCode: number): DeviceActivity {
  if (modeCode === 0 || modeCode === 14) return 'idle';
  if (modeCode === 13) return 'upgrading';
  if (modeCode in AIRCRAFT_MODE_CODES) return 'flying';
  return 'unknown-code';
}
