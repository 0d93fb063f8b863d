/**
 * The campaign records kept on the broker as retained messages (docs/campaigns-on-broker.md): a
 * header per campaign, one record per gateway, a driver lease per campaign, driver presence,
 * commands to the driver and the capability probe. Anyone who can publish under the namespace can
 * write here, so every record is read as untrusted: size first, then JSON without
 * prototype-polluting keys, then its schema. `v` is the format version: a record of a newer
 * version is reported as such (shown read-only), never guessed at.
 */
import { z } from 'zod';
import { nestingDepth, utf8ByteLength } from './json.ts';
import { snSchema } from './schemas/common.ts';
import { isValidCampaignId, isValidRecordClientId, parseCampaignTopic, type CampaignTopic } from './campaign-topics.ts';
import { BUSY_ACTIVITIES } from './mode-codes.ts';

export const CAMPAIGN_FORMAT_VERSION = 1;
/** No record is written or read above this size (brokers and the 10,000-gateway case both need it small). */
export const MAX_RECORD_BYTES = 64 * 1024;
const MAX_RECORD_DEPTH = 12;

const time = z.number().finite();
const natural = z.number().int().min(0);
const positive = z.number().int().min(1);
const text = (max: number) => z.string().max(max);
const idSchema = z.string().refine(isValidCampaignId, 'is not a valid campaign id');
const clientIdSchema = z.string().refine(isValidRecordClientId, 'is not a valid client id');

export const recordPausedReasonSchema = z.discriminatedUnion('kind', [
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
  z.object({ kind: z.literal('text'), text: text(500) }),
]);

export const recordSkipReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('busy'), bid: text(128), owner: z.enum(['elsewhere', 'other-campaign', 'this-console']) }),
  z.object({ kind: z.literal('text'), text: text(500) }),
]);

const firmwareSchema = z.object({ id: text(200), productVersion: text(100), fileName: text(300), model: text(100).optional() });

const otaDeviceSchema = z.object({
  sn: snSchema,
  product_version: text(100),
  file_url: text(2048),
  md5: text(64),
  file_size: z.number().finite().min(0),
  file_name: text(300),
  // The values of FIRMWARE_UPGRADE_TYPES (messages.ts, which reads this module's types).
  firmware_upgrade_type: z.union([z.literal(2), z.literal(3), z.literal(4)]),
});

export const campaignOptionsSchema = z.object({
  maxParallel: positive.nullable(),
  pauseAfterFailures: z.union([z.object({ count: positive }), z.object({ percent: z.number().gt(0).max(100) })]).nullable(),
  canarySize: positive.nullable(),
});

const weekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]);

/** A maintenance window: ISO weekdays (1 = Monday), a wall-clock start, a duration, an IANA zone. */
export const recordWindowSchema = z.object({
  days: z.array(weekday).min(1).max(7),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  // Checked against the platform's zones where it is used: a zone this platform lacks opens never.
  timeZone: z.string().min(1).max(64),
});

/** When the campaign may send. Absent in records of older builds: no window and no idle gate. */
export const recordTimingSchema = z.object({
  window: recordWindowSchema.nullable(),
  notBefore: time.nullable(),
  idleGate: z.object({ enabled: z.boolean(), allowUnknown: z.boolean() }),
});

/** Why a gateway waits on the idle gate (what its dock or aircraft reported, or nothing recent). */
export const recordGatewayWaitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('busy'),
    device: snSchema,
    role: z.enum(['dock', 'aircraft']),
    activity: z.enum(BUSY_ACTIVITIES),
    modeCode: natural,
  }),
  z.object({ kind: z.literal('unknown') }),
]);

/** Why a running campaign sends nothing new now. */
export const recordCampaignWaitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('window'), opensAt: time.nullable() }),
  z.object({ kind: z.literal('docks'), waiting: natural }),
]);

// Waits are for display: one a newer build words differently reads as "not waiting", never refuses the record.
const displayWait = <T extends z.ZodType>(schema: T) => schema.nullable().optional().catch(null);

/** What a list shows without reading every gateway record. */
export const campaignCountersSchema = z.object({
  gateways: positive,
  active: natural,
  succeeded: natural,
  failed: natural,
  skipped: natural,
  /** Failed attempts before the last resume: they no longer count toward the stop rule. */
  failuresBeforeResume: natural,
  canaryDone: z.boolean(),
});

export const campaignHeaderRecordSchema = z.object({
  v: z.literal(CAMPAIGN_FORMAT_VERSION),
  id: idSchema,
  /** The operator's name, or the automatic one in English (older consoles show it as is). */
  name: text(500),
  /** true when `name` is the operator's; false when automatic. Optional: older records lack it. */
  nameGiven: z.boolean().optional(),
  /** The label of the console or runner that started it. */
  createdBy: text(200),
  createdAt: time,
  firmware: z.array(firmwareSchema).max(20),
  options: campaignOptionsSchema,
  state: z.enum(['running', 'paused', 'finished', 'aborted']),
  pausedReason: recordPausedReasonSchema.nullable(),
  finishedAt: time.nullable(),
  counters: campaignCountersSchema,
  updatedAt: time,
  timing: recordTimingSchema.optional(),
  waiting: displayWait(recordCampaignWaitSchema),
});
export type CampaignHeaderRecord = z.infer<typeof campaignHeaderRecordSchema>;

export const recordAttemptSchema = z.object({
  bid: z.string().min(1).max(128),
  tid: z.string().min(1).max(128),
  /** The ota_create's timestamp: with bid and tid, the message can be rebuilt byte for byte. */
  timestamp: time,
  attempt: positive,
  createdAt: time,
  /** PUBACK of the ota_create; null while not known to be on the wire. */
  publishedAt: time.nullable(),
  outcome: z.enum(['succeeded', 'failed']).nullable(),
  /** The task state words of this build (kept as text: a newer build may know more). */
  lastState: text(40).nullable(),
  resultText: text(500).nullable(),
  finishedAt: time.nullable(),
});
export type RecordAttempt = z.infer<typeof recordAttemptSchema>;

export const campaignGatewayRecordSchema = z.object({
  v: z.literal(CAMPAIGN_FORMAT_VERSION),
  campaignId: idSchema,
  gateway: snSchema,
  /** Place in the plan (the canary is the first N). */
  index: natural,
  devices: z.array(otaDeviceSchema).min(1).max(2),
  deviceInfo: z.array(z.object({ sn: snSchema, modelKey: text(40).optional(), fromVersion: text(100).optional() })).max(2),
  attempts: z.array(recordAttemptSchema).max(100),
  retryRequested: z.boolean(),
  skippedReason: recordSkipReasonSchema.nullable(),
  updatedAt: time,
  waiting: displayWait(recordGatewayWaitSchema),
});
export type CampaignGatewayRecord = z.infer<typeof campaignGatewayRecordSchema>;

export const campaignLeaseRecordSchema = z.object({
  v: z.literal(CAMPAIGN_FORMAT_VERSION),
  campaignId: idSchema,
  clientId: clientIdSchema,
  label: text(200),
  renewedAt: time,
  expiresAt: time,
});
export type CampaignLeaseRecord = z.infer<typeof campaignLeaseRecordSchema>;

export const driverPresenceRecordSchema = z.object({
  v: z.literal(CAMPAIGN_FORMAT_VERSION),
  clientId: clientIdSchema,
  label: text(200),
  state: z.literal('online'),
  since: time,
});
export type DriverPresenceRecord = z.infer<typeof driverPresenceRecordSchema>;

export const CAMPAIGN_COMMANDS = ['pause', 'resume', 'abort', 'retry-failed', 'retry-gateway'] as const;
export type CampaignCommandName = (typeof CAMPAIGN_COMMANDS)[number];

export const campaignCommandRecordSchema = z.object({
  v: z.literal(CAMPAIGN_FORMAT_VERSION),
  /** Unique per command: a command delivered twice (QoS 1) is applied once. */
  commandId: z.string().min(1).max(128),
  campaignId: idSchema,
  command: z.enum(CAMPAIGN_COMMANDS),
  /** For retry-gateway. */
  gateway: snSchema.optional(),
  from: z.object({ clientId: clientIdSchema, label: text(200) }),
  at: time,
});
export type CampaignCommandRecord = z.infer<typeof campaignCommandRecordSchema>;

export const probeRecordSchema = z.object({
  v: z.literal(CAMPAIGN_FORMAT_VERSION),
  clientId: clientIdSchema,
  nonce: z.string().min(1).max(128),
  at: time,
});
export type ProbeRecord = z.infer<typeof probeRecordSchema>;

/** One record read from the broker. */
export type CampaignRecord =
  | { type: 'header'; id: string; header: CampaignHeaderRecord }
  | { type: 'gateway'; id: string; sn: string; gateway: CampaignGatewayRecord }
  | { type: 'lease'; id: string; lease: CampaignLeaseRecord }
  | { type: 'command'; id: string; command: CampaignCommandRecord }
  | { type: 'driver'; clientId: string; presence: DriverPresenceRecord }
  | { type: 'probe'; clientId: string; probe: ProbeRecord }
  /** An empty message: the retained record was cleared (retention, a driver gone, a lease released). */
  | { type: 'cleared'; topic: CampaignTopic }
  /** Written by a newer format: shown read-only with a note; `name` when a header had one. */
  | { type: 'newer'; topic: CampaignTopic; v: number; name: string | null };

export type RecordReadResult = { ok: true; record: CampaignRecord } | { ok: false; reason: string };

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}

/** JSON that holds a prototype-polluting key is refused outright, not cleaned: nobody honest writes one. */
function parseRecordJson(body: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (nestingDepth(body, MAX_RECORD_DEPTH) > MAX_RECORD_DEPTH) return { ok: false, reason: `nests deeper than ${MAX_RECORD_DEPTH} levels` };
  let unsafe: string | null = null;
  try {
    const value: unknown = JSON.parse(body, (key, v: unknown) => {
      if (UNSAFE_KEYS.has(key)) unsafe ??= key;
      return v;
    });
    if (unsafe !== null) return { ok: false, reason: `has a key ${JSON.stringify(unsafe)} (refused: it could reach an object prototype)` };
    return { ok: true, value };
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
}

function keysMismatch(record: CampaignRecord): string | null {
  if (record.type === 'header' && record.header.id !== record.id) return 'its id differs from the topic';
  if (record.type === 'gateway' && (record.gateway.campaignId !== record.id || record.gateway.gateway !== record.sn))
    return 'its campaign id or gateway differs from the topic';
  if (record.type === 'lease' && record.lease.campaignId !== record.id) return 'its campaign id differs from the topic';
  if (record.type === 'command' && record.command.campaignId !== record.id) return 'its campaign id differs from the topic';
  if (record.type === 'driver' && record.presence.clientId !== record.clientId) return 'its client id differs from the topic';
  if (record.type === 'probe' && record.probe.clientId !== record.clientId) return 'its client id differs from the topic';
  return null;
}

function parseFor(topic: CampaignTopic, value: unknown): { ok: true; record: CampaignRecord } | { ok: false; error: z.ZodError } {
  switch (topic.kind) {
    case 'header': {
      const r = campaignHeaderRecordSchema.safeParse(value);
      return r.success ? { ok: true, record: { type: 'header', id: topic.id, header: r.data } } : { ok: false, error: r.error };
    }
    case 'gateway': {
      const r = campaignGatewayRecordSchema.safeParse(value);
      return r.success
        ? { ok: true, record: { type: 'gateway', id: topic.id, sn: topic.sn, gateway: r.data } }
        : { ok: false, error: r.error };
    }
    case 'lease': {
      const r = campaignLeaseRecordSchema.safeParse(value);
      return r.success ? { ok: true, record: { type: 'lease', id: topic.id, lease: r.data } } : { ok: false, error: r.error };
    }
    case 'commands': {
      const r = campaignCommandRecordSchema.safeParse(value);
      return r.success ? { ok: true, record: { type: 'command', id: topic.id, command: r.data } } : { ok: false, error: r.error };
    }
    case 'driver': {
      const r = driverPresenceRecordSchema.safeParse(value);
      return r.success
        ? { ok: true, record: { type: 'driver', clientId: topic.clientId, presence: r.data } }
        : { ok: false, error: r.error };
    }
    case 'probe': {
      const r = probeRecordSchema.safeParse(value);
      return r.success ? { ok: true, record: { type: 'probe', clientId: topic.clientId, probe: r.data } } : { ok: false, error: r.error };
    }
  }
}

/**
 * Reads one message under the namespace `ns`. Never throws; the reason of a refusal is written for
 * the Diagnostics log.
 */
export function readCampaignRecord(ns: string, topicName: string, body: string, size: number = utf8ByteLength(body)): RecordReadResult {
  const parsedTopic = parseCampaignTopic(ns, topicName);
  if (!parsedTopic.ok) return { ok: false, reason: parsedTopic.reason };
  const topic = parsedTopic.topic;
  if (size > MAX_RECORD_BYTES) return { ok: false, reason: `campaign record is ${size} bytes; the limit is ${MAX_RECORD_BYTES} bytes` };
  if (body === '') return { ok: true, record: { type: 'cleared', topic } };
  const json = parseRecordJson(body);
  if (!json.ok) return { ok: false, reason: `campaign record ${json.reason}` };
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'campaign record is not a JSON object' };
  const v: unknown = (value as Record<string, unknown>)['v'];
  if (typeof v === 'number' && Number.isInteger(v) && v > CAMPAIGN_FORMAT_VERSION) {
    const name: unknown = (value as Record<string, unknown>)['name'];
    return {
      ok: true,
      record: { type: 'newer', topic, v, name: topic.kind === 'header' && typeof name === 'string' ? name.slice(0, 500) : null },
    };
  }
  const parsed = parseFor(topic, value);
  if (!parsed.ok)
    return {
      ok: false,
      reason: `campaign record (${topic.kind}) does not match format ${CAMPAIGN_FORMAT_VERSION}: ${issuesText(parsed.error)}`,
    };
  const mismatch = keysMismatch(parsed.record);
  return mismatch === null ? { ok: true, record: parsed.record } : { ok: false, reason: `campaign record (${topic.kind}): ${mismatch}` };
}

export class RecordTooLargeError extends Error {
  readonly bytes: number;

  constructor(topic: string, bytes: number) {
    super(
      `The campaign record for ${topic} would be ${bytes} bytes; records are limited to ${MAX_RECORD_BYTES} bytes, so it was not written.`,
    );
    this.name = 'RecordTooLargeError';
    this.bytes = bytes;
  }
}

/** The record's payload, or RecordTooLargeError: nothing above the limit is ever published. */
export function encodeRecord(topic: string, record: object): string {
  const payload = JSON.stringify(record);
  const bytes = utf8ByteLength(payload);
  if (bytes > MAX_RECORD_BYTES) throw new RecordTooLargeError(topic, bytes);
  return payload;
}
