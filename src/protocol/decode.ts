/**
 * The single entry for inbound traffic: topic + payload -> one typed value. It never throws; what
 * it cannot read comes back as `{ kind: 'invalid', reason }` for the diagnostics log.
 */
import {
  decodeOsd,
  decodeOtaCreate,
  decodeOtaCreateReply,
  decodeOtaProgress,
  decodeState,
  decodeUpdateTopo,
} from './decoders.ts';
import { parseJsonSafely, utf8ByteLength } from './json.ts';
import type { Decoded, MessageMeta } from './messages.ts';
import { envelopeSchema, needsReply } from './schemas/envelope.ts';
import { formatIssues, preview } from './schemas/issues.ts';
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
  try {
    return utf8.decode(payload);
  } catch {
    return null;
  }
}

function dispatch(meta: MessageMeta, data: unknown): Decoded {
  const { family, method } = meta;
  if (family === 'state') return decodeState(meta, data);
  if (family === 'osd') return decodeOsd(meta, data);
  if (family === 'events_reply' || family === 'status_reply') {
    return { kind: 'ignored', meta, reason: `${family} is the cloud's answer to a device; nothing to read` };
  }
  if (method === null) return invalid(meta.topic, `envelope: method is missing (${family} messages need one)`, meta.size, meta);
  const handlers = HANDLERS[family] ?? {};
  const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
  if (handler === undefined) return { kind: 'ignored', meta, reason: `${family} method ${JSON.stringify(method)} is not handled` };
  return handler(meta, data);
}

function decodeChecked(topic: string, payload: Uint8Array | string, size: number): Decoded {
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

  const envelope = envelopeSchema.safeParse(raw, { reportInput: true });
  if (!envelope.success) return invalid(topic, `envelope: ${formatIssues('', envelope.error.issues)}`, size, where);
  const env = envelope.data;
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
    text,
  };
  return dispatch(meta, env.data);
}

export function decode(topic: string, payload: Uint8Array | string, maxBytes: number = MAX_PAYLOAD_BYTES): Decoded {
  let size = 0;
  try {
    const measured = payloadSize(payload);
    if (measured === null) return invalid(topic, 'payload is neither text nor bytes', 0);
    size = measured;
    // Checked before anything else touches the payload: an oversized message is never parsed.
    if (size > maxBytes) return invalid(topic, `payload is ${size} bytes; the limit is ${maxBytes} bytes`, size, parseTopic(topic));
    return decodeChecked(topic, payload, size);
  } catch (error) {
    // Last line of defence so one bad message can never stop the inbound stream.
    const detail = error instanceof Error ? error.message : String(error);
    return invalid(topic, `could not decode the message: ${detail}`, size);
  }
}
