export const TASK_STATUSES = ['sent', 'in_progress', 'paused', 'ok', 'failed', 'rejected', 'canceled', 'timeout'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Once a task reaches one of these, no later event for the same bid moves it again. */
export const TERMINAL_STATUSES: readonly TaskStatus[] = Object.freeze(['ok', 'failed', 'rejected', 'canceled', 'timeout']);

/** Terminal statuses that count as a failure (everything terminal except ok). */
export const FAILURE_STATUSES: readonly TaskStatus[] = Object.freeze(['failed', 'rejected', 'canceled', 'timeout']);

export function isTaskStatus(s: unknown): s is TaskStatus {
  return typeof s === 'string' && (TASK_STATUSES as readonly string[]).includes(s);
}

export function isTerminalStatus(s: unknown): s is TaskStatus {
  return typeof s === 'string' && (TERMINAL_STATUSES as readonly string[]).includes(s);
}

export function isFailureStatus(s: unknown): s is TaskStatus {
  return typeof s === 'string' && (FAILURE_STATUSES as readonly string[]).includes(s);
}

/** Autel's finer-grained progress states (ota_progress data.output.sub_status). */
export const SUB_STATUSES = [
  'UNKNOWN',
  'VERIFY',
  'VERIFY_SUCCESS',
  'UPGRADING',
  'UPGRADE_SUCCESS',
  'UPGRADE_FAIL',
  'DOWNLOADING',
  'DOWNLOAD_SUCCESS',
  'DOWNLOAD_FAILED',
  'UPLOADING_DRONE',
  'VERIFY_FAILED',
] as const;
export type SubStatus = (typeof SUB_STATUSES)[number];

export function isSubStatus(s: unknown): s is SubStatus {
  return typeof s === 'string' && (SUB_STATUSES as readonly string[]).includes(s);
}

export const STEP_KEYS = ['download_firmware', 'upgrade_firmware'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** Devices that number their steps use 1 = download, 2 = upgrade. */
export function stepFromNumber(n: unknown): StepKey | null {
  if (n === 1) return 'download_firmware';
  if (n === 2) return 'upgrade_firmware';
  return null;
}

export function stepNumber(step: StepKey): 1 | 2 {
  return step === 'download_firmware' ? 1 : 2;
}

/**
 * This module's own copy of a protocol word. A string read from a message is a new string each time
 * (JSON.parse, then the copy across postMessage), and a task keeps the words of its last events: at
 * 10,000 upgrading gateways that is 200,000 copies of "download_firmware" (6.5 MB) where one does.
 */
const CANONICAL = new Map<string, string>([...TASK_STATUSES, ...SUB_STATUSES, ...STEP_KEYS].map((word) => [word, word]));

export function canonicalWord<T extends string | null>(word: T): T {
  return word === null ? word : ((CANONICAL.get(word) as T | undefined) ?? word);
}
