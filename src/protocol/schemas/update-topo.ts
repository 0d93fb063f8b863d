import { z } from 'zod';
import { snSchema } from './common.ts';

/** "3" for a dock; some gateways send the number 3. */
const DOMAIN_ERROR = 'must be a domain number such as "3"';
const domainSchema = z
  .union([z.string().regex(/^\d{1,3}$/, DOMAIN_ERROR), z.int().nonnegative().max(999)], { error: DOMAIN_ERROR })
  .transform((d) => String(d));

/** Text, or a number (the topic definition page's example sends `"version": 1`) kept as its text. */
const versionSchema = z
  .union([z.string(), z.number().transform((n) => String(n))])
  .nullish()
  .catch(null);

/**
 * Fields a gateway and its sub-devices share; device_secret and nonce are not kept. domain may
 * be absent (the topic definition page's generic example has none): the device is kept without a
 * model key; a domain that is there must be valid.
 */
const modelFields = {
  domain: domainSchema.nullish().transform((d) => d ?? null),
  type: z.int().nonnegative(),
  sub_type: z.int().nonnegative(),
  thing_version: versionSchema,
  // Older firmware names it `version`.
  version: versionSchema,
};

export const subDeviceSchema = z.object({
  sn: snSchema,
  ...modelFields,
  index: z
    .union([z.string(), z.int().transform((n) => String(n))])
    .nullish()
    .catch(null),
});

export const updateTopoDataSchema = z.object({
  ...modelFields,
  // Empty or absent: the aircraft is offline or unpaired.
  sub_devices: z
    .array(subDeviceSchema)
    .nullish()
    .transform((list) => list ?? []),
});
