import { z } from 'zod';
import { normalizeMd5 } from '../validation.ts';
import { FIRMWARE_UPGRADE_TYPES } from '../messages.ts';
import { snSchema } from './common.ts';

/**
 * ota_create as another console or a backend sent it. Read, not built here, so the checks are
 * those that keep the task model sound (SNs, sizes, upgrade type), with MD5 case forgiven.
 */
export const otaCreateDeviceSchema = z.object({
  sn: snSchema,
  product_version: z.string(),
  file_url: z.string(),
  md5: z.string().transform((s) => normalizeMd5(s) ?? s),
  file_size: z.int().nonnegative(),
  file_name: z.string(),
  firmware_upgrade_type: z.literal(FIRMWARE_UPGRADE_TYPES),
});

export const otaCreateDataSchema = z.object({
  devices: z.array(otaCreateDeviceSchema).min(1).max(2),
});
