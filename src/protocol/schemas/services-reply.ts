import { z } from 'zod';
import { TASK_STATUSES, type TaskStatus } from '../status.ts';
import { resultSchema } from './common.ts';

const replyOutputSchema = z
  .object({ status: z.enum(TASK_STATUSES).nullish().catch(null) })
  .nullish()
  .catch(null);

/**
 * services_reply for ota_create. The result code decides accepted/rejected; output.status is
 * informative, so an odd or missing one becomes null instead of losing the result. Extra keys
 * (Autel's documented example carries progress and an empty sub_status here) are dropped. Some devices
 * put the output under `info` (DJI's reference backend reads both, output first).
 */
export const servicesReplyDataSchema = z.object({
  result: resultSchema,
  output: replyOutputSchema,
  info: replyOutputSchema,
});

type ReplyData = z.output<typeof servicesReplyDataSchema>;

/** output.status, else info.status; null when neither names a known status. */
export function replyStatusOf(data: ReplyData): TaskStatus | null {
  return data.output?.status ?? data.info?.status ?? null;
}
