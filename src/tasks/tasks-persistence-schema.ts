/**
 * The stored form of tasks. Storage is untrusted (older versions, other tabs, hand edits), so every
 * task is checked on the way in and a bad one is dropped alone, never the whole history.
 */
import { z } from 'zod';
import { STEP_KEYS, SUB_STATUSES, TASK_STATUSES } from '../protocol/status.ts';
import type { TaskEvent, UpgradeTask } from './task-types.ts';

export const STORAGE_FORMAT_VERSION = 1;

const time = z.number().finite();
const status = z.enum(TASK_STATUSES);
const subStatus = z.enum(SUB_STATUSES).nullable();
const step = z.enum(STEP_KEYS).nullable();
const percent = z.number().finite().min(0).max(100);

/**
 * An event's stored raw JSON as text. Stored as text since 27 Nov 2026; before that it was the
 * parsed object (written back as text here) or null where a smaller copy had let it go.
 */
function storedRawText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const eventSchema: z.ZodType<TaskEvent> = z
  .object({
    receivedAt: time,
    timestamp: time.nullable(),
    tid: z.string().nullable(),
    status,
    subStatus,
    subStatusRaw: z.string().nullable(),
    step,
    percent,
    result: z.number().int(),
    stepResult: z.number().int().optional(),
    rate: z.number().finite().nullable(),
    // An event whose raw JSON was let go holds undefined, which JSON leaves out: a missing key is
    // "not kept", not a bad event (zod 4 requires unknown keys to be present unless optional).
    raw: z.unknown().optional(),
  })
  .transform(({ raw, ...event }) => ({ ...event, raw: storedRawText(raw) }));

const deviceSchema = z.object({
  sn: z.string().min(1),
  modelKey: z.string().optional(),
  fromVersion: z.string().optional(),
  targetVersion: z.string().optional(),
  fileName: z.string().optional(),
  fileSize: z.number().finite().optional(),
  verification: z.enum(['pending', 'verified', 'version-mismatch']).nullable(),
  reportedVersion: z.string().optional(),
});

const executionSchema = z.object({
  status,
  subStatus,
  subStatusRaw: z.string().nullable(),
  step,
  percent,
  rate: z.number().finite().nullable(),
  result: z.number().int(),
  stepResult: z.number().int().optional(),
  lastEventAt: time.nullable(),
  lastAppliedAt: time,
});

export const storedTaskSchema: z.ZodType<UpgradeTask> = z.object({
  bid: z.string().min(1),
  gateway: z.string().min(1),
  devices: z.array(deviceSchema).min(1).max(2),
  devicesInferred: z.boolean(),
  origin: z.enum(['this-console', 'elsewhere']),
  command: z.enum(['queued', 'published', 'accepted', 'rejected', 'no-reply']).nullable(),
  tid: z.string().nullable(),
  republished: z
    .array(z.object({ bid: z.string().min(1), tid: z.string().nullable(), at: time, refused: z.number().int().optional() }))
    .max(8)
    .optional(),
  resultCode: z.number().int().nullable(),
  execution: executionSchema.nullable(),
  terminal: z.boolean(),
  attempt: z.number().int().min(1),
  retryOf: z.string().optional(),
  supersededBy: z.string().optional(),
  campaignId: z.string().optional(),
  createdAt: time,
  publishedAt: time.nullable(),
  finishedAt: time.nullable(),
  lastReceivedAt: time,
  // An event that fails its check is dropped, not the task: the timeline is a convenience.
  events: z.array(z.unknown()).transform((items) =>
    items.flatMap((item) => {
      const parsed = eventSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
});

/** The envelope; tasks are checked one by one afterwards. */
export const storedTasksSchema = z.object({
  version: z.number().int(),
  savedAt: time,
  tasks: z.array(z.unknown()),
});
