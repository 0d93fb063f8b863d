/**
 * What to do next about a failed upgrade: the protocol's result-code table (docs/protocol.md,
 * "Result codes") read as advice, plus what the device's sub-status or the task's end says when
 * there is no code (devices send `status: "failed"` with `result: 0`). Data only: the English
 * sentences here are the 'tasks' namespace's English words; screens show them translated.
 */
import type { SubStatus } from './status.ts';

export const NEXT_STEP_TEXTS = {
  retry: 'Retry the upgrade.',
  regularUpgrade: 'Send a regular upgrade instead: the device does not ask for a consistency upgrade.',
  checkRequest: 'Check the firmware entry (file URL, MD5, size) and the device model, then start the upgrade again.',
  waitForRunning: 'Wait for the running upgrade to finish (it shows on the Monitor); retry only if it fails.',
  waitForIdle: 'Wait until the dock is idle (no flight, no other task), then retry.',
  checkAircraftLink: 'Check that the aircraft sits in the dock, powered on and linked to it, then retry.',
  checkVersion: 'Check that this firmware fits the device model and its current version, then retry.',
  checkAircraftPower: 'Power the aircraft on and pair it with the dock, then retry.',
  clearRods: 'On site: release the emergency stop and clear the driving rods, then retry.',
  restartDock: 'Restart the dock to free its storage, then retry.',
  checkPackage: 'Check the firmware file (size and MD5 against the entry), then retry.',
  placeAircraft: 'Put the aircraft in the dock, then retry.',
  waitForReboot: 'Wait until the device is back online and reports its version, then retry.',
  turnOff4g: 'Turn enhanced 4G transmission off on the dock, then retry.',
  chargeBattery: 'Charge the aircraft above 20%, then retry.',
  checkDownload: 'Check that the dock can reach the file URL (network, server, token), then retry.',
  checkOnline: 'Check that the dock is online (Fleet), then retry.',
  checkReportedVersion: 'Check the version on the Fleet screen; retry if the device stays on the old one.',
  startAgain: 'Start the upgrade again if the device should still be upgraded.',
  followNewer: 'A newer upgrade runs on this gateway: follow that one on the Monitor.',
  lookUpCode: "Look the code up in the device maker's error list; the raw messages are on the task page. Retry once.",
} as const;

export type NextStep = keyof typeof NEXT_STEP_TEXTS;

const BY_CODE: ReadonlyMap<number, NextStep> = new Map<number, NextStep>([
  [312001, 'regularUpgrade'],
  [312002, 'retry'],
  [312003, 'retry'],
  [312004, 'retry'],
  [312010, 'checkRequest'],
  [312012, 'checkRequest'],
  [312013, 'retry'],
  [312014, 'waitForRunning'],
  [312015, 'waitForIdle'],
  [312016, 'checkAircraftLink'],
  [312017, 'checkVersion'],
  [312018, 'retry'],
  [312019, 'retry'],
  [312020, 'retry'],
  [312021, 'retry'],
  [312022, 'checkAircraftPower'],
  [312023, 'clearRods'],
  [312024, 'retry'],
  [312025, 'restartDock'],
  [312026, 'checkPackage'],
  [312027, 'placeAircraft'],
  [312028, 'waitForReboot'],
  [312029, 'waitForReboot'],
  [312030, 'turnOff4g'],
  [312704, 'chargeBattery'],
  [319038, 'waitForRunning'],
  [314000, 'waitForIdle'],
]);

/** Every code with its own advice. */
export const CODES_WITH_NEXT_STEP: readonly number[] = Object.freeze([...BY_CODE.keys()]);

/** The next step for a non-zero result code; a code the table does not know is looked up. */
export function nextStepForCode(code: number): NextStep {
  return BY_CODE.get(code) ?? 'lookUpCode';
}

const BY_SUB_STATUS: Partial<Record<SubStatus, NextStep>> = {
  DOWNLOAD_FAILED: 'checkDownload',
  VERIFY_FAILED: 'checkPackage',
  UPGRADE_FAIL: 'retry',
};

/** The next step a failure sub-status suggests, or null when it says nothing particular. */
export function nextStepForSubStatus(subStatus: SubStatus | null): NextStep | null {
  return subStatus === null ? null : (BY_SUB_STATUS[subStatus] ?? null);
}
