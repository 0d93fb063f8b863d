import { z } from 'zod';

/** tid/bid are UUIDs in practice; some backends use numeric ids, kept as their decimal text. */
const idSchema = z
  .union([z.string(), z.number().transform((n) => String(n))], { error: 'must be a string' })
  .nullish()
  .transform((v) => v ?? null);

/** Milliseconds since epoch; some devices send it as a string of digits. */
const TIMESTAMP_ERROR = 'must be a number of milliseconds or a string of digits';
const timestampSchema = z
  .union(
    [
      z.number().nonnegative(),
      z
        .string()
        .regex(/^\d{1,16}$/, TIMESTAMP_ERROR)
        .transform(Number),
    ],
    { error: TIMESTAMP_ERROR },
  )
  .nullish()
  .transform((v) => v ?? null);

/**
 * The fields every message shares. Unknown extra fields are normal and dropped. `data` and
 * `gateway` are checked by the caller: data's shape depends on the method, and a bad gateway
 * field falls back to the topic's SN instead of rejecting the message.
 */
export const envelopeSchema = z.object({
  tid: idSchema,
  bid: idSchema,
  timestamp: timestampSchema,
  method: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  gateway: z.unknown().optional(),
  need_reply: z.unknown().optional(),
  data: z.unknown(),
});

/** need_reply is 1 on the wire; true and "1" are read the same way. */
export function needsReply(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}
