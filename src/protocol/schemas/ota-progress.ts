import { z } from 'zod';
import { STEP_KEYS, TASK_STATUSES, isSubStatus, stepFromNumber, type StepKey, type SubStatus } from '../status.ts';
import { resultSchema } from './common.ts';

const stepKeySchema = z.enum(STEP_KEYS);

/**
 * The step arrives as step_key (string), current_step (string, or 1/2) or step (1/2). Each is
 * read leniently: a spelling that does not parse simply does not count. percent may be absent
 * (DJI's reference web app treats the whole progress block as optional); a percent that is there
 * must be a number. step_result (older DJI documentation, DJI's reference backend and web app):
 * non-zero means the step failed.
 */
const progressSchema = z.object({
  percent: z.number().nullish(),
  step_key: stepKeySchema.nullish().catch(null),
  current_step: z
    .union([stepKeySchema, z.literal([1, 2])])
    .nullish()
    .catch(null),
  step: z.literal([1, 2]).nullish().catch(null),
  step_result: z.int().nullish().catch(null),
});

export const otaProgressDataSchema = z.object({
  // Absent on some devices; failure is read from status, never from result alone.
  result: resultSchema.optional().transform((r) => r ?? 0),
  output: z.object({
    status: z.enum(TASK_STATUSES),
    sub_status: z.string().nullish().catch(null),
    progress: progressSchema.nullish(),
    ext: z
      .object({ rate: z.number().nonnegative().nullish().catch(null) })
      .nullish()
      .catch(null),
  }),
});

type ProgressData = z.output<typeof progressSchema>;

/** The step from whichever spelling the device used, step_key first. */
export function stepOf(progress: ProgressData | null | undefined): StepKey | null {
  if (progress == null) return null;
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

/** The percent when the message carries one, clamped to 0..100; null when it does not. */
export function percentOf(progress: ProgressData | null | undefined): number | null {
  const percent = progress?.percent;
  return percent == null ? null : clampPercent(percent);
}
