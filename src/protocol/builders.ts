/**
 * Messages the console sends. Every field is checked before it goes on the wire: a dock that
 * receives a bad ota_create fails slowly and obscurely, so the error is raised here instead.
 */
import { defaultIds, type IdSource } from './ids.ts';
import { FIRMWARE_UPGRADE_TYPES, type OtaCreateDevice } from './messages.ts';
import { snProblem } from './sn.ts';
import { fileNameProblem, fileSizeProblem, httpUrlProblem, md5Problem, normalizeMd5, versionTextProblem } from './validation.ts';
import type { OtaCreateMessage, ReplyMessage } from './wire.ts';

export type { IdSource } from './ids.ts';

export const MAX_OTA_DEVICES = 2;

/** The first problem with one ota_create device entry, named by field; null when it can be sent. */
export function otaCreateDeviceProblem(device: OtaCreateDevice): string | null {
  const checks: [string, string | null][] = [
    ['sn', snProblem(device.sn)],
    ['product_version', versionTextProblem(device.product_version)],
    ['file_url', httpUrlProblem(device.file_url)],
    ['md5', md5Problem(normalizeMd5(device.md5) ?? device.md5)],
    ['file_size', fileSizeProblem(device.file_size)],
    ['file_name', fileNameProblem(device.file_name)],
  ];
  for (const [field, problem] of checks) if (problem !== null) return `${field}: ${problem}`;
  if (!(FIRMWARE_UPGRADE_TYPES as readonly unknown[]).includes(device.firmware_upgrade_type)) {
    return 'firmware_upgrade_type: must be 2 (consistency), 3 (regular) or 4 (PSDK)';
  }
  return null;
}

/** Throws an Error naming the device and field when the list cannot be sent as one ota_create. */
export function assertOtaCreateDevices(devices: readonly OtaCreateDevice[]): void {
  if (!Array.isArray(devices) || devices.length === 0) throw new Error('ota_create needs at least one device');
  if (devices.length > MAX_OTA_DEVICES) {
    throw new Error(`ota_create takes at most ${MAX_OTA_DEVICES} devices (the dock and its aircraft), got ${devices.length}`);
  }
  devices.forEach((device, i) => {
    const problem = otaCreateDeviceProblem(device);
    if (problem !== null) throw new Error(`ota_create device ${i + 1} (${String(device.sn)}): ${problem}`);
  });
  if (new Set(devices.map((d) => d.sn)).size !== devices.length) {
    throw new Error('ota_create lists the same device twice');
  }
}

/** A new upgrade: fresh tid and bid (the bid keys the task), exactly the documented fields. */
export function buildOtaCreate(devices: readonly OtaCreateDevice[], ids: IdSource = defaultIds): OtaCreateMessage {
  assertOtaCreateDevices(devices);
  return {
    tid: ids.uuid(),
    bid: ids.uuid(),
    timestamp: ids.now(),
    method: 'ota_create',
    data: {
      // Rebuilt field by field so nothing extra a caller attached reaches the dock.
      devices: devices.map((d) => ({
        sn: d.sn,
        product_version: d.product_version,
        file_url: d.file_url,
        md5: normalizeMd5(d.md5) ?? d.md5,
        file_size: d.file_size,
        file_name: d.file_name,
        firmware_upgrade_type: d.firmware_upgrade_type,
      })),
    },
  };
}

/** The identifiers a reply echoes; MessageMeta from decode() fits as is. */
export interface ReplyTarget {
  tid: string | null;
  bid: string | null;
  method: string | null;
}

function echoed(kind: string, field: keyof ReplyTarget, value: string | null): string {
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${kind}: the message has no ${field} to echo, so it cannot be answered`);
  }
  return value;
}

function buildReply(kind: string, target: ReplyTarget, ids: IdSource): ReplyMessage {
  return {
    tid: echoed(kind, 'tid', target.tid),
    bid: echoed(kind, 'bid', target.bid),
    timestamp: ids.now(),
    method: echoed(kind, 'method', target.method),
    data: { result: 0 },
  };
}

/** Answer to an event with need_reply = 1. */
export function buildEventsReply(event: ReplyTarget, ids: IdSource = defaultIds): ReplyMessage {
  return buildReply('events_reply', event, ids);
}

/** Answer to update_topo (and any other status message). */
export function buildStatusReply(msg: ReplyTarget, ids: IdSource = defaultIds): ReplyMessage {
  return buildReply('status_reply', msg, ids);
}

/** The text that goes on the wire. */
export function encodeMessage(message: object): string {
  return JSON.stringify(message);
}

// The device side (simulator, tests) lives in its own file; named here too so one import serves all builders.
export { buildOsd, buildOtaProgress, buildServicesReply, buildState, buildUpdateTopo } from './device-builders.ts';
export type { OtaProgressInput } from './device-builders.ts';
