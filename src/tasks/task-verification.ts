/**
 * After ok, each device with a known target version must report it (state firmware_version):
 * verified when it does; version mismatch when it reports something else, or nothing matching
 * within the grace period. A later matching report still verifies it: docks may report the old
 * version while they reboot.
 */
import type { StateDecoded } from '../protocol/messages.ts';
import { putTask, withDraft, type TaskDraft, type TaskTable } from './task-table.ts';
import type { TaskDevice, UpgradeTask, Verification } from './task-types.ts';

function isOk(task: UpgradeTask): boolean {
  return task.terminal && task.execution?.status === 'ok';
}

/** Called when a task turns ok (or learns its devices after it did). */
export function startVerification(task: UpgradeTask): UpgradeTask {
  if (!isOk(task)) return task;
  let changed = false;
  const devices = task.devices.map((d): TaskDevice => {
    if (d.targetVersion === undefined || d.verification !== null) return d;
    changed = true;
    return { ...d, verification: d.reportedVersion === d.targetVersion ? 'verified' : 'pending' };
  });
  return changed ? { ...task, devices } : task;
}

function verificationAfterReport(device: TaskDevice, version: string): Verification {
  if (device.verification === 'verified' || device.targetVersion === undefined) return device.verification;
  return version === device.targetVersion ? 'verified' : 'version-mismatch';
}

/** The task after the device reported `version`; the same object when nothing changes. */
export function applyReportedVersion(task: UpgradeTask, deviceSn: string, version: string): UpgradeTask {
  let changed = false;
  const ok = isOk(task);
  const devices = task.devices.map((d): TaskDevice => {
    if (d.sn !== deviceSn) return d;
    const verification = ok && d.verification !== null ? verificationAfterReport(d, version) : d.verification;
    if (d.reportedVersion === version && verification === d.verification) return d;
    changed = true;
    return { ...d, reportedVersion: version, verification };
  });
  return changed ? { ...task, devices } : task;
}

/** Only the device's newest task listens: a device runs one upgrade at a time. */
export function applyStateInto(draft: TaskDraft, msg: StateDecoded): void {
  const version = msg.firmwareVersion;
  if (version === undefined) return;
  for (let i = draft.order.length - 1; i >= 0; i--) {
    const task = draft.byBid.get(draft.order[i] ?? '');
    if (task === undefined || task.devicesInferred || !task.devices.some((d) => d.sn === msg.deviceSn)) continue;
    putTask(draft, applyReportedVersion(task, msg.deviceSn, version));
    return;
  }
}

export function applyState(table: TaskTable, msg: StateDecoded): TaskTable {
  return withDraft(table, (draft) => applyStateInto(draft, msg));
}

/** When the ok arrived here (local time), for the grace period: device clocks may be off. */
function okArrivedAt(task: UpgradeTask): number | null {
  return isOk(task) ? (task.execution?.lastAppliedAt ?? null) : null;
}

/** Ended ok with a device still to report the target version: what expireVerification may move. */
export function verificationPending(task: UpgradeTask): boolean {
  return isOk(task) && task.devices.some((d) => d.verification === 'pending');
}

/** Pending devices whose grace period has passed at `now` become version mismatches. */
export function expireVerification(task: UpgradeTask, now: number, graceMs: number): UpgradeTask {
  const okAt = okArrivedAt(task);
  if (okAt === null || now - okAt < graceMs || !verificationPending(task)) return task;
  return { ...task, devices: task.devices.map((d) => (d.verification === 'pending' ? { ...d, verification: 'version-mismatch' } : d)) };
}

export function expireVerificationsInto(draft: TaskDraft, now: number, graceMs: number): void {
  for (const task of draft.byBid.values()) putTask(draft, expireVerification(task, now, graceMs));
}

export function expireVerifications(table: TaskTable, now: number, graceMs: number): TaskTable {
  let due = false;
  for (const task of table.byBid.values()) if (expireVerification(task, now, graceMs) !== task) due = true;
  if (!due) return table;
  return withDraft(table, (draft) => expireVerificationsInto(draft, now, graceMs));
}
