/**
 * The single entry for inbound traffic: topic + payload -> one typed value. It never throws; what
 * it cannot read comes back as `{ kind: 'invalid', reason }` for the diagnostics log.
 */
import { decodeOsd, decodeOtaCreate, decodeOtaCreateReply, decodeOtaProgress, decodeState, decodeUpdateTopo } from './decoders.ts';
import { fastEnvelope, fastOsd, fastOtaProgress, type Envelope } from './fast-decode.ts';
import { asciiText } from './ascii-text.ts';
import { readCampaignRecord } from './campaign-records.ts';
import { isUnderNamespace } from './campaign-topics.ts';
import { parseJsonSafely, utf8ByteLength } from './json.ts';
import type { Decoded, MessageMeta } from './messages.ts';
import { envelopeSchema, needsReply } from './schemas/envelope.ts';
import { formatIssues, preview } from './schemas/issues.ts';
import { looksLikeOtaCreate } from './schemas/ota-create.ts';
import type { KnownUpgrades } from './upgrade-ids.ts';
import { isValidSn } from './sn.ts';
import { parseTopic, topicProblem, type ParsedTopic } from './topics.ts';

export const MAX_PAYLOAD_BYTES = 256 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

type Handler = (meta: MessageMeta, data: unknown) => Decoded;

/** The methods acted on, per topic family. Anything else on these topics is counted as ignored. */
const HANDLERS: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  services: { ota_create: decodeOtaCreate },
  services_reply: { ota_create: decodeOtaCreateReply },
  events: { ota_progress: decodeOtaProgress },
  status: { update_topo: decodeUpdateTopo },
};

function invalid(topic: unknown, reason: string, size: number, where: ParsedTopic | null = null): Decoded {
  return { kind: 'invalid', topic: String(topic), reason, size, family: where?.family ?? null, sn: where?.sn ?? null };
}

function payloadSize(payload: unknown): number | null {
  if (payload instanceof Uint8Array) return payload.byteLength;
  if (typeof payload === 'string') return utf8ByteLength(payload);
  return null;
}

function payloadText(payload: Uint8Array | string): string | null {
  if (typeof payload === 'string') return payload;
  const ascii = asciiText(payload);
  if (ascii !== null) return ascii;
  try {
    return utf8.decode(payload);
  } catch {
    return null;
  }
}

/** data.output has both status and progress: the shape of an ota_progress. */
function hasProgressShape(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('output' in data)) return false;
  const output: unknown = data.output;
  return typeof output === 'object' && output !== null && 'status' in output && 'progress' in output;
}

function quoted(id: string | null): string {
  return id === null ? 'none' : JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
}

/**
 * A message without `method` (DJI's v1.11 examples print none) is read only when nothing else
 * could be meant: an ota_create by its devices list; a services_reply whose tid or bid is an
 * ota_create this console sent or saw; an events message whose bid is a known upgrade and whose
 * data.output has status and progress. Anything else stays invalid with the reason, never guessed.
 */
function decodeUnmethoded(meta: MessageMeta, data: unknown, known: KnownUpgrades | null): Decoded {
  const { family, tid, bid } = meta;
  const missing = `envelope: method is missing (${family} messages need one)`;
  if (family === 'services') {
    return looksLikeOtaCreate(data)
      ? decodeOtaCreate({ ...meta, method: 'ota_create' }, data)
      : invalid(meta.topic, missing, meta.size, meta);
  }
  if (family === 'services_reply') {
    const matches = known !== null && ((tid !== null && known.knowsTid(tid)) || (bid !== null && known.knowsBid(bid)));
    if (matches) return decodeOtaCreateReply({ ...meta, method: 'ota_create' }, data);
    return invalid(
      meta.topic,
      `${missing}; its tid ${quoted(tid)} and bid ${quoted(bid)} match no ota_create this console sent or saw`,
      meta.size,
      meta,
    );
  }
  if (family === 'events') {
    if (!hasProgressShape(data)) return invalid(meta.topic, `${missing}; data.output has no status and progress`, meta.size, meta);
    if (known !== null && bid !== null && known.knowsBid(bid)) return decodeOtaProgress({ ...meta, method: 'ota_progress' }, data);
    return invalid(meta.topic, `${missing}; its bid ${quoted(bid)} is no upgrade this console knows`, meta.size, meta);
  }
  return invalid(meta.topic, missing, meta.size, meta);
}

function dispatch(meta: MessageMeta, data: unknown, known: KnownUpgrades | null): Decoded {
  const { family, method } = meta;
  if (family === 'state') return decodeState(meta, data);
  if (family === 'osd') return decodeOsd(meta, data);
  if (family === 'events_reply' || family === 'status_reply') {
    return { kind: 'ignored', meta, reason: `${family} is the cloud's answer to a device; nothing to read` };
  }
  if (method === null) return decodeUnmethoded(meta, data, known);
  const handlers = HANDLERS[family] ?? {};
  const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
  if (handler === undefined) return { kind: 'ignored', meta, reason: `${family} method ${JSON.stringify(method)} is not handled` };
  return handler(meta, data);
}

/** Telemetry nobody shows as raw text: its text is not kept (a dock's osd is a few KB, every 2 s). */
function keptText(family: ParsedTopic['family'], text: string): string {
  return family === 'osd' || family === 'state' ? '' : text;
}

function decodeChecked(topic: string, payload: Uint8Array | string, size: number, known: KnownUpgrades | null, fast: boolean): Decoded {
  const where = parseTopic(topic);
  if (where === null) return invalid(topic, topicProblem(topic) ?? 'topic is not valid', size);

  const text = payloadText(payload);
  if (text === null) return invalid(topic, 'payload is not valid UTF-8', size, where);
  const json = parseJsonSafely(text);
  if (!json.ok) return invalid(topic, json.reason, size, where);
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid(topic, `payload is not a JSON object (got ${preview(raw)})`, size, where);
  }

  let env: Envelope | null = fast ? fastEnvelope(raw) : null;
  if (env === null) {
    const envelope = envelopeSchema.safeParse(raw, { reportInput: true });
    if (!envelope.success) return invalid(topic, `envelope: ${formatIssues('', envelope.error.issues)}`, size, where);
    env = envelope.data;
  }
  const meta: MessageMeta = {
    topic,
    family: where.family,
    sn: where.sn,
    gateway: isValidSn(env.gateway) ? env.gateway : where.sn,
    tid: env.tid,
    bid: env.bid,
    timestamp: env.timestamp,
    method: env.method,
    needReply: needsReply(env.need_reply),
    size,
    text: keptText(where.family, text),
  };
  if (fast) {
    const hot =
      where.family === 'osd'
        ? fastOsd(meta, env.data)
        : where.family === 'events' && env.method === 'ota_progress'
          ? fastOtaProgress(meta, env.data)
          : null;
    if (hot !== null) return hot;
  }
  return dispatch(meta, env.data, known);
}

/** A record under the campaign namespace: its own size limit and schemas (campaign-records.ts). */
function decodeCampaignRecord(ns: string, topic: string, payload: Uint8Array | string, size: number, retained: boolean): Decoded {
  const text = size > MAX_PAYLOAD_BYTES ? '' : payloadText(payload);
  if (text === null) return invalid(topic, 'campaign record is not valid UTF-8', size);
  const read = readCampaignRecord(ns, topic, text, size);
  return read.ok ? { kind: 'campaign_record', topic, size, retained, record: read.record } : invalid(topic, read.reason, size);
}

/** Where campaign records live, when the session subscribes to them. */
export interface CampaignScope {
  namespace: string;
  /** The message came as a retained copy. */
  retained?: boolean;
}

/**
 * `known` lets messages without a method be matched to upgrades (see decodeUnmethoded); without it
 * they stay invalid. decode itself keeps no state: the caller owns `known` and feeds it.
 */
export function decode(
  topic: string,
  payload: Uint8Array | string,
  maxBytes: number = MAX_PAYLOAD_BYTES,
  known: KnownUpgrades | null = null,
  campaigns: CampaignScope | null = null,
): Decoded {
  return decodeWith(true, topic, payload, maxBytes, known, campaigns);
}

/** decode through the zod schemas alone, without the fast path (fast-decode.ts): what it is tested against. */
export function decodeWithSchemasOnly(
  topic: string,
  payload: Uint8Array | string,
  maxBytes: number = MAX_PAYLOAD_BYTES,
  known: KnownUpgrades | null = null,
  campaigns: CampaignScope | null = null,
): Decoded {
  return decodeWith(false, topic, payload, maxBytes, known, campaigns);
}

function decodeWith(
  fast: boolean,
  topic: string,
  payload: Uint8Array | string,
  maxBytes: number,
  known: KnownUpgrades | null,
  campaigns: CampaignScope | null,
): Decoded {
  let size = 0;
  try {
    const measured = payloadSize(payload);
    if (measured === null) return invalid(topic, 'payload is neither text nor bytes', 0);
    size = measured;
    if (campaigns !== null && isUnderNamespace(campaigns.namespace, topic)) {
      return decodeCampaignRecord(campaigns.namespace, topic, payload, size, campaigns.retained ?? false);
    }
    // Checked before anything else touches the payload: an oversized message is never parsed.
    if (size > maxBytes) return invalid(topic, `payload is ${size} bytes; the limit is ${maxBytes} bytes`, size, parseTopic(topic));
    return decodeChecked(topic, payload, size, known, fast);
  } catch (error) {
    // Last line of defence so one bad message can never stop the inbound stream.
    const detail = error instanceof Error ? error.message : String(error);
    return invalid(topic, `could not decode the message: ${detail}`, size);
  }
}
