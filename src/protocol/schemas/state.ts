import { z } from 'zod';
import { versionTextProblem } from '../validation.ts';
import { flagSchema } from './common.ts';

/** Shown next to the target version and compared with it, so it must be printable short text. */
const firmwareVersionSchema = z.string().superRefine((v, ctx) => {
  const problem = versionTextProblem(v);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `is not a valid firmware version: ${problem}`, input: v });
});

/** state carries only the keys that changed; everything else a device reports is dropped. */
export const stateDataSchema = z.object({
  firmware_version: firmwareVersionSchema.optional(),
  compatible_status: flagSchema.optional(),
  firmware_upgrade_status: flagSchema.optional(),
});
