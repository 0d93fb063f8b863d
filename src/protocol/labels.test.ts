import { describe, expect, it } from 'vitest';
import { STATUS_LABELS, STEP_LABELS, SUB_STATUS_LABELS, statusLabel, stepLabel, subStatusLabel } from './labels.ts';
import {
  FAILURE_STATUSES,
  STEP_KEYS,
  SUB_STATUSES,
  TASK_STATUSES,
  TERMINAL_STATUSES,
  isFailureStatus,
  isSubStatus,
  isTaskStatus,
  isTerminalStatus,
  stepFromNumber,
  stepNumber,
} from './status.ts';

describe('task statuses', () => {
  it('are the eight documented ones, five of them terminal', () => {
    expect([...TASK_STATUSES].sort()).toEqual(['canceled', 'failed', 'in_progress', 'ok', 'paused', 'rejected', 'sent', 'timeout']);
    expect(TASK_STATUSES.filter(isTerminalStatus)).toEqual(['ok', 'failed', 'rejected', 'canceled', 'timeout']);
    expect(TERMINAL_STATUSES).toHaveLength(5);
  });

  it('count every terminal status but ok as a failure', () => {
    expect(TASK_STATUSES.filter(isFailureStatus)).toEqual(['failed', 'rejected', 'canceled', 'timeout']);
    expect(FAILURE_STATUSES).not.toContain('ok');
  });

  it.each(['', 'OK', 'done', 'success', '__proto__', 'toString'])('does not accept %j', (s) => {
    expect(isTaskStatus(s)).toBe(false);
    expect(isTerminalStatus(s)).toBe(false);
  });

  it('numbers steps 1 = download and 2 = upgrade', () => {
    expect(stepFromNumber(1)).toBe('download_firmware');
    expect(stepFromNumber(2)).toBe('upgrade_firmware');
    expect(stepFromNumber(0)).toBeNull();
    expect(stepFromNumber('1')).toBeNull();
    for (const key of STEP_KEYS) expect(stepFromNumber(stepNumber(key))).toBe(key);
  });

  it('has the eleven Autel sub-statuses', () => {
    expect(SUB_STATUSES).toHaveLength(11);
    expect(isSubStatus('UPLOADING_DRONE')).toBe(true);
    expect(isSubStatus('downloading')).toBe(false);
  });
});

describe('labels', () => {
  it('use the documented wording for every status', () => {
    expect(STATUS_LABELS).toEqual({
      canceled: 'Canceled or Terminated',
      failed: 'Failed',
      in_progress: 'In Progress',
      ok: 'Successful Execution',
      paused: 'Paused',
      rejected: 'Rejected',
      sent: 'Sent',
      timeout: 'Timeout',
    });
  });

  it('use the documented wording for every sub-status', () => {
    expect(SUB_STATUS_LABELS).toEqual({
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
    expect(Object.keys(SUB_STATUS_LABELS).sort()).toEqual([...SUB_STATUSES].sort());
  });

  it('use the documented wording for steps', () => {
    expect(stepLabel('download_firmware')).toBe('Downloading Firmware');
    expect(stepLabel('upgrade_firmware')).toBe('Upgrading Firmware');
    expect(Object.keys(STEP_LABELS)).toEqual([...STEP_KEYS]);
  });

  it('look values up through the functions', () => {
    expect(statusLabel('ok')).toBe('Successful Execution');
    expect(subStatusLabel('DOWNLOAD_FAILED')).toBe('Download failed');
  });

  it('show a value a device invented as sent, never an inherited property', () => {
    expect(statusLabel('exploded')).toBe('exploded');
    expect(subStatusLabel('NEW_THING')).toBe('NEW_THING');
    expect(statusLabel('toString')).toBe('toString');
    expect(stepLabel('constructor')).toBe('constructor');
  });
});
