import type { OtaCreateDevice } from '../../src/protocol/messages.ts';
import { isValidSn } from '../../src/protocol/sn.ts';
import { isFileName, isFileSize, isHttpUrl, isMd5, isVersionText } from '../../src/protocol/validation.ts';
import type { DockIdentity } from './sim-device.ts';

export const RESULT_OK = 0;
export const RESULT_CONSISTENCY_NOT_NEEDED = 312001;
export const RESULT_BAD_PARAMETERS = 312010;
export const RESULT_ALREADY_UPGRADING = 312014;
/** The dock is busy (a flight mission runs). */
export const RESULT_DOCK_BUSY = 312015;
export const RESULT_NO_AIRCRAFT = 312027;

export type OtaValidation = { result: 0; devices: OtaCreateDevice[] } | { result: number; reason: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function wellFormed(item: unknown, dockModelType: number): OtaCreateDevice | string {
  if (!isRecord(item)) return 'device entry is not an object';
  const { sn, product_version, file_url, md5, file_size, file_name, firmware_upgrade_type } = item;
  if (!isValidSn(sn)) return 'sn is not a valid SN';
  if (!isVersionText(product_version)) return 'product_version is not version text';
  if (!isHttpUrl(file_url)) return 'file_url is not an http(s) URL';
  if (!isMd5(md5)) return 'md5 is not 32 lowercase hex characters';
  if (!isFileSize(file_size)) return 'file_size is not a positive integer';
  if (!isFileName(file_name)) return 'file_name is not a file name';
  // 4 (PSDK) exists on Dock 3 only.
  const types = dockModelType === 3 ? [2, 3, 4] : [2, 3];
  if (typeof firmware_upgrade_type !== 'number' || !types.includes(firmware_upgrade_type)) return 'firmware_upgrade_type is not supported';
  return {
    sn,
    product_version,
    file_url,
    md5,
    file_size,
    file_name,
    firmware_upgrade_type: firmware_upgrade_type as OtaCreateDevice['firmware_upgrade_type'],
  };
}

/**
 * What a dock answers to ota_create data, in the order a device checks: shape of the request,
 * then whether it is free, then whether the targets exist, then whether the upgrade type applies.
 */
export function validateOtaCreate(identity: DockIdentity, data: unknown, busy: boolean): OtaValidation {
  const devicesRaw = isRecord(data) ? data.devices : undefined;
  if (!Array.isArray(devicesRaw) || devicesRaw.length < 1 || devicesRaw.length > 2) {
    return { result: RESULT_BAD_PARAMETERS, reason: 'data.devices must hold 1 or 2 devices' };
  }
  const devices: OtaCreateDevice[] = [];
  for (const item of devicesRaw) {
    const parsed = wellFormed(item, identity.dock.type);
    if (typeof parsed === 'string') return { result: RESULT_BAD_PARAMETERS, reason: parsed };
    devices.push(parsed);
  }
  if (new Set(devices.map((d) => d.sn)).size !== devices.length) {
    return { result: RESULT_BAD_PARAMETERS, reason: 'the same SN appears twice' };
  }
  if (busy) return { result: RESULT_ALREADY_UPGRADING, reason: 'an upgrade is already running' };
  for (const device of devices) {
    if (device.sn === identity.dock.sn) continue;
    // Any other SN must be our aircraft; a console that remembers an absent aircraft gets 312027.
    if (identity.aircraft === null) return { result: RESULT_NO_AIRCRAFT, reason: 'no aircraft in the dock' };
    if (device.sn !== identity.aircraft.sn)
      return { result: RESULT_BAD_PARAMETERS, reason: `${device.sn} is not this dock or its aircraft` };
  }
  for (const device of devices) {
    const target = device.sn === identity.dock.sn ? identity.dock : identity.aircraft;
    if (device.firmware_upgrade_type === 2 && target?.compatibleStatus !== 1) {
      return { result: RESULT_CONSISTENCY_NOT_NEEDED, reason: `${device.sn} does not need a consistency upgrade` };
    }
  }
  return { result: RESULT_OK, devices };
}
