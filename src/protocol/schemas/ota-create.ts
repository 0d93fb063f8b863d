import { z } from 'zod';
import { normalizeMd5 } from '../validation.ts';
import { FIRMWARE_UPGRADE_TYPES } from '../messages.ts';
import { snSchema } from './common.ts';

/**
 * ota_create as another console or a backend sent it. Read, not built here, so the checks are
 * those that keep the task model sound (SNs, sizes, upgrade type), with MD5 case forgiven. Only
 * the SN is required: DJI's documented example has a second device with nothing but sn,
 * product_version and firmware_upgrade_type. A field that is present must still be valid.
 */
export const otaCreateDeviceSchema = z.object({
  sn: snSchema,
  product_version: z.string().optional(),
  file_url: z.string().optional(),
  md5: z
    .string()
    .transform((s) => normalizeMd5(s) ?? s)
    .optional(),
  file_size: z.int().nonnegative().optional(),
  file_name: z.string().optional(),
  firmware_upgrade_type: z.literal(FIRMWARE_UPGRADE_TYPES).optional(),
});

export const otaCreateDataSchema = z.object({
  devices: z.array(otaCreateDeviceSchema).min(1).max(2),
});

/**
 * A services message without `method` is read as ota_create only when its shape says so beyond
 * doubt: data.devices is a list whose every entry has sn, product_version and
 * firmware_upgrade_type (no other service of the thing model carries that list).
 */
export function looksLikeOtaCreate(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('devices' in data)) return false;
  const devices: unknown = data.devices;
  if (!Array.isArray(devices) || devices.length === 0) return false;
  return devices.every(
    (d: unknown) => typeof d === 'object' && d !== null && 'sn' in d && 'product_version' in d && 'firmware_upgrade_type' in d,
  );
}
