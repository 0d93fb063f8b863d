/**
 * A campaign as stored. Storage is untrusted (older builds, other tabs, hand edits), so each
 * campaign is checked on the way in and a bad one is dropped alone. Pause and skip reasons are
 * descriptors; a string is an older build's English sentence, read back as a descriptor.
 */
import { z } from 'zod';
import { recordCampaignWaitSchema, recordGatewayWaitSchema, recordTimingSchema } from '../protocol/campaign-records.ts';
import { FIRMWARE_UPGRADE_TYPES } from '../protocol/messages.ts';
import { pausedReasonFromText, skipReasonFromText } from './campaign-legacy-reasons.ts';
import type { Campaign } from './campaign-types.ts';
import { TASK_STATES } from '../tasks/task-types.ts';

const time = z.number().finite();
const count = z.number().int().min(1);

const natural = z.number().int().min(0);

// Reasons are descriptors since issue 10; a string is an older build's English sentence (same format version).
const pausedReasonSchema = z.union([
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('operator') }),
    z.object({ kind: z.literal('failures'), failures: natural, limit: natural }),
    z.object({
      kind: z.literal('failures-percent'),
      failures: natural,
      percent: z.number().gt(0).max(100),
      limit: natural,
      gateways: natural,
    }),
    z.object({ kind: z.literal('canary'), failed: natural, canary: natural }),
    z.object({ kind: z.literal('text'), text: z.string() }),
  ]),
  z.string().transform(pausedReasonFromText),
]);

const skipReasonSchema = z.union([
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('busy'), bid: z.string(), owner: z.enum(['elsewhere', 'other-campaign', 'this-console']) }),
    z.object({ kind: z.literal('text'), text: z.string() }),
  ]),
  z.string().transform(skipReasonFromText),
]);

const deviceSchema = z.object({
  sn: z.string(),
  product_version: z.string(),
  file_url: z.string(),
  md5: z.string(),
  file_size: z.number().finite(),
  file_name: z.string(),
  firmware_upgrade_type: z.union(FIRMWARE_UPGRADE_TYPES.map((t) => z.literal(t)) as [z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>]),
});

const attemptSchema = z.object({
  bid: z.string().min(1),
  tid: z.string().min(1),
  timestamp: time,
  attempt: count,
  createdAt: time,
  publishedAt: time.nullable(),
  outcome: z.enum(['succeeded', 'failed']).nullable(),
  lastState: z.enum(TASK_STATES).nullable(),
  resultText: z.string().nullable(),
  finishedAt: time.nullable(),
});

const gatewaySchema = z.object({
  gateway: z.string().min(1),
  devices: z.array(deviceSchema).min(1).max(2),
  deviceInfo: z.array(z.object({ sn: z.string(), modelKey: z.string().optional(), fromVersion: z.string().optional() })),
  attempts: z.array(attemptSchema),
  retryRequested: z.boolean(),
  skippedReason: skipReasonSchema.nullable(),
  waiting: recordGatewayWaitSchema.nullable().optional().catch(null),
});

export const campaignSchema: z.ZodType<Campaign> = z.object({
  id: z.string().min(1),
  name: z.string(),
  nameGiven: z.boolean().optional(),
  createdAt: time,
  createdBy: z.string().optional(),
  firmware: z.array(z.object({ id: z.string(), productVersion: z.string(), fileName: z.string(), model: z.string().optional() })),
  maxParallel: count.nullable(),
  pauseAfterFailures: z.union([z.object({ count }), z.object({ percent: z.number().gt(0).max(100) })]).nullable(),
  canarySize: count.nullable(),
  gateways: z.array(gatewaySchema).min(1),
  state: z.enum(['running', 'paused', 'finished', 'aborted']),
  pausedReason: pausedReasonSchema.nullable(),
  failuresBeforeResume: z.number().int().min(0),
  canaryDone: z.boolean(),
  finishedAt: time.nullable(),
  updatedAt: time,
  // A campaign's timing is what keeps it from sending at the wrong time: one that does not read refuses the campaign.
  timing: recordTimingSchema.optional(),
  waiting: recordCampaignWaitSchema.nullable().optional().catch(null),
});
