import { z } from 'zod';
import { STEP_KEYS, TASK_STATUSES, isSubStatus, stepFromNumber, type StepKey, type SubStatus } from '../status.ts';
import { resultSchema } from './common.ts';

const stepKeySchema = z.enum(STEP_KEYS);

/**
 * The step arrives as step_key (string), current_step (string, or 1/2) or step (1/2). Each is
 * read leniently: a spelling that does not parse simply does not count.
 */
const progressSchema = z.object({
  percent: z.number(),
  step_key: stepKeySchema.nullish().catch(null),
  current_step: z.union([stepKeySchema, z.literal([1, 2])]).nullish().catch(null),
  step: z.literal([1, 2]).nullish().catch(null),
});

export const otaProgressDataSchema = z.object({
  // Absent on some devices; failure is read from status, never from result alone.
  result: resultSchema.optional().transform((r) => r ?? 0),
  output: z.object({
    status: z.enum(TASK_STATUSES),
    sub_status: z.string().nullish().catch(null),
    progress: progressSchema,
    ext: z
      .object({ rate: z.number().nonnegative().nullish().catch(null) })
      .nullish()
      .catch(null),
  }),
});

type ProgressData = z.output<typeof progressSchema>;

/** The step from whichever spelling the device used, step_key first. */
export function stepOf(progress: ProgressData): StepKey | null {
  if (progress.step_key) return progress.step_key;
  const current = progress.current_step;
  if (typeof current === 'string') return current;
  return stepFromNumber(current) ?? stepFromNumber(progress.step);
}

/** "" and values the protocol does not define read as no sub-status. */
export function subStatusOf(raw: string | null | undefined): SubStatus | null {
  return isSubStatus(raw) ? raw : null;
}

export function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}
