/**
 * The envelope and the hot message kinds read without zod: at fleet scale ota_progress arrives
 * 10,000 times a second and osd thousands, and zod's generic walk (unions, transforms, catch,
 * issue paths) was most of the decoder's time after JSON.parse. Each reader here takes only the
 * plain shape devices send and returns exactly what the schemas would make of it; on anything
 * else it returns null and the caller runs the schemas, which decide and word the reason. So the
 * fast path is never more lenient than the schemas: decode-robustness.test.ts runs both on
 * generated and mutated messages and requires the same result.
 */
import type { Decoded, MessageMeta } from './messages.ts';
import { percentOf, stepOf, subStatusOf } from './schemas/ota-progress.ts';
import { isTaskStatus, STEP_KEYS, type StepKey } from './status.ts';

/** What envelopeSchema outputs (gateway and need_reply are read by the caller). */
export interface Envelope {
  tid: string | null;
  bid: string | null;
  timestamp: number | null;
  method: string | null;
  gateway?: unknown;
  need_reply?: unknown;
  data: unknown;
}

type Fields = Record<string, unknown>;

/** An object zod's z.object takes (not an array). JSON gives nothing else that is an object. */
function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** undefined: not a plain case, leave it to the schema. */
function idOf(value: unknown): string | null | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

const DIGITS = /^\d{1,16}$/;

function timestampOf(value: unknown): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && DIGITS.test(value)) return Number(value);
  return undefined;
}

/** envelopeSchema's output for `raw` (a JSON object), or null to let the schema decide. */
export function fastEnvelope(json: object): Envelope | null {
  // A JSON object: its fields are JSON values, read like any unknown input.
  const raw = json as Fields;
  // zod's z.unknown() still wants the key there: a message without data is the schema's to refuse.
  if (!Object.hasOwn(raw, 'data')) return null;
  const tid = idOf(raw.tid);
  const bid = idOf(raw.bid);
  const timestamp = timestampOf(raw.timestamp);
  const method = raw.method;
  if (tid === undefined || bid === undefined || timestamp === undefined) return null;
  if (method !== undefined && method !== null && typeof method !== 'string') return null;
  return { tid, bid, timestamp, method: method ?? null, gateway: raw.gateway, need_reply: raw.need_reply, data: raw.data };
}

const isStepKey = (value: unknown): value is StepKey => typeof value === 'string' && (STEP_KEYS as readonly string[]).includes(value);
const isStepNumber = (value: unknown): value is 1 | 2 => value === 1 || value === 2;

/** data of an ota_progress as decodeOtaProgress makes it, or null to let the schema decide. */
export function fastOtaProgress(meta: MessageMeta, data: unknown): Decoded | null {
  if (!isObject(data)) return null;
  const result = data.result === undefined ? 0 : data.result;
  if (!Number.isSafeInteger(result)) return null;
  const output = data.output;
  if (!isObject(output) || !isTaskStatus(output.status)) return null;

  const progressIn = output.progress;
  let progress: Parameters<typeof stepOf>[0] = null;
  if (isObject(progressIn)) {
    const percent = progressIn.percent;
    if (percent !== undefined && percent !== null && !(typeof percent === 'number' && Number.isFinite(percent))) return null;
    const current = progressIn.current_step;
    const stepResult = progressIn.step_result;
    progress = {
      percent: percent as number | null | undefined,
      // Each spelling of the step is read leniently (.catch(null) in the schema): a bad one is none.
      step_key: isStepKey(progressIn.step_key) ? progressIn.step_key : null,
      current_step: isStepKey(current) || isStepNumber(current) ? current : null,
      step: isStepNumber(progressIn.step) ? progressIn.step : null,
      step_result: Number.isSafeInteger(stepResult) ? (stepResult as number) : null,
    };
  } else if (progressIn !== undefined && progressIn !== null) {
    return null;
  }

  const ext = output.ext;
  const rateIn = isObject(ext) ? ext.rate : null;
  const rate = typeof rateIn === 'number' && Number.isFinite(rateIn) && rateIn >= 0 ? rateIn : null;
  const rawSub = typeof output.sub_status === 'string' ? output.sub_status : null;
  return {
    kind: 'ota_progress',
    meta,
    result: result as number,
    status: output.status,
    subStatus: subStatusOf(rawSub),
    subStatusRaw: rawSub ? rawSub : null,
    step: stepOf(progress),
    percent: percentOf(progress),
    stepResult: progress?.step_result ?? null,
    rate,
  };
}

/** data of an osd as decodeOsd makes it, or null to let the schema decide. */
export function fastOsd(meta: MessageMeta, data: unknown): Decoded | null {
  if (!isObject(data)) return null;
  const mode = data.mode_code;
  if (mode === undefined || mode === null) return { kind: 'osd', meta, deviceSn: meta.sn, modeCode: null };
  if (!Number.isSafeInteger(mode) || (mode as number) < 0) return null;
  return { kind: 'osd', meta, deviceSn: meta.sn, modeCode: mode as number };
}
