import { z } from 'zod';
import { versionTextProblem } from '../validation.ts';
import { flagSchema } from './common.ts';

/** Shown next to the target version and compared with it, so it must be printable short text. */
const firmwareVersionSchema = z.string().superRefine((v, ctx) => {
  const problem = versionTextProblem(v);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `is not a valid firmware version: ${problem}`, input: v });
});

/**
 * The firmware properties state can carry, each read on its own: one bad field (a
 * firmware_version of "", which DJI's reference backend guards against) drops that field only.
 * Everything else a device reports is not read here.
 */
export const stateFieldSchemas = {
  firmware_version: firmwareVersionSchema,
  compatible_status: flagSchema,
  firmware_upgrade_status: flagSchema,
} as const;

export type StateField = keyof typeof stateFieldSchemas;

export const STATE_FIELDS: readonly StateField[] = Object.freeze(Object.keys(stateFieldSchemas) as StateField[]);

/** data must be an object; its fields are checked one by one (decoders.ts decodeState). */
export const stateDataSchema = z.record(z.string(), z.unknown());
