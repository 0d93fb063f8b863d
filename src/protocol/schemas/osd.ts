import { z } from 'zod';

/** Only mode_code matters here (upgrading: dock 3, aircraft 13); osd carries much more. */
export const osdDataSchema = z.object({
  mode_code: z
    .int()
    .nonnegative()
    .nullish()
    .transform((m) => m ?? null),
});
