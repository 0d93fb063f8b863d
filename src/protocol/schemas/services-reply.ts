import { z } from 'zod';
import { TASK_STATUSES } from '../status.ts';
import { resultSchema } from './common.ts';

/**
 * services_reply for ota_create. The result code decides accepted/rejected; output.status is
 * informative, so an odd or missing one becomes null instead of losing the result. Extra keys
 * (Autel's documented example carries progress and an empty sub_status here) are dropped.
 */
export const servicesReplyDataSchema = z.object({
  result: resultSchema,
  output: z
    .object({ status: z.enum(TASK_STATUSES).nullish().catch(null) })
    .nullish()
    .catch(null),
});
