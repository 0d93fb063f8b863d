import type { StepKey, SubStatus, TaskStatus } from './status.ts';

/** Autel's documented English labels, word for word: the UI and its tests depend on them. */
export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = Object.freeze({
  canceled: 'Canceled or Terminated',
  failed: 'Failed',
  in_progress: 'In Progress',
  ok: 'Successful Execution',
  paused: 'Paused',
  rejected: 'Rejected',
  sent: 'Sent',
  timeout: 'Timeout',
});

export const SUB_STATUS_LABELS: Readonly<Record<SubStatus, string>> = Object.freeze({
  UNKNOWN: 'Unknown',
  VERIFY: 'Start file verification',
  VERIFY_SUCCESS: 'File verification successful',
  UPGRADING: 'Upgrading',
  UPGRADE_SUCCESS: 'Upgrade successful',
  UPGRADE_FAIL: 'Upgrade failed',
  DOWNLOADING: 'Downloading',
  DOWNLOAD_SUCCESS: 'Download successful',
  DOWNLOAD_FAILED: 'Download failed',
  UPLOADING_DRONE: 'Uploading upgrade package to drone',
  VERIFY_FAILED: 'Verification failed',
});

export const STEP_LABELS: Readonly<Record<StepKey, string>> = Object.freeze({
  download_firmware: 'Downloading Firmware',
  upgrade_firmware: 'Upgrading Firmware',
});

/** Values a device invented are shown as sent rather than hidden, so support staff can see them. */
function labelFrom(table: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(table, key) ? (table[key] ?? key) : key;
}

export function statusLabel(s: TaskStatus | string): string {
  return labelFrom(STATUS_LABELS, s);
}

export function subStatusLabel(s: SubStatus | string): string {
  return labelFrom(SUB_STATUS_LABELS, s);
}

export function stepLabel(s: StepKey | string): string {
  return labelFrom(STEP_LABELS, s);
}
