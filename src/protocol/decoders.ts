/** One function per message kind: `data` (already JSON, still untrusted) -> a typed Decoded. */
import type { z } from 'zod';
import { modelKey } from './models.ts';
import type { Decoded, MessageMeta, StateDecoded, TopoDevice } from './messages.ts';
import { formatIssues } from './schemas/issues.ts';
import { otaCreateDataSchema } from './schemas/ota-create.ts';
import { otaProgressDataSchema, percentOf, stepOf, subStatusOf } from './schemas/ota-progress.ts';
import { osdDataSchema } from './schemas/osd.ts';
import { replyStatusOf, servicesReplyDataSchema } from './schemas/services-reply.ts';
import { STATE_FIELDS, stateDataSchema, stateFieldSchemas } from './schemas/state.ts';
import { updateTopoDataSchema } from './schemas/update-topo.ts';

type Parsed<T> = { ok: true; data: T } | { ok: false; reason: string };

/** `label` names the message in the reason, e.g. "ota_progress: data.output.status is missing". */
function parseData<S extends z.ZodType>(schema: S, label: string, data: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, reason: `${label}: ${formatIssues('data', result.error.issues)}` };
}

function invalid(meta: MessageMeta, reason: string): Decoded {
  return { kind: 'invalid', topic: meta.topic, reason, size: meta.size, family: meta.family, sn: meta.sn };
}

export function decodeOtaProgress(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(otaProgressDataSchema, 'ota_progress', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  const { result, output } = parsed.data;
  const raw = output.sub_status;
  return {
    kind: 'ota_progress',
    meta,
    result,
    status: output.status,
    subStatus: subStatusOf(raw),
    subStatusRaw: raw ? raw : null,
    step: stepOf(output.progress),
    percent: percentOf(output.progress),
    stepResult: output.progress?.step_result ?? null,
    rate: output.ext?.rate ?? null,
  };
}

export function decodeOtaCreate(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(otaCreateDataSchema, 'ota_create', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  return { kind: 'ota_create', meta, devices: parsed.data.devices };
}

export function decodeOtaCreateReply(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(servicesReplyDataSchema, 'ota_create reply', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  return { kind: 'ota_create_reply', meta, result: parsed.data.result, status: replyStatusOf(parsed.data) };
}

type TopoFields = {
  domain: string | null;
  type: number;
  sub_type: number;
  thing_version?: string | null;
  version?: string | null;
  index?: string | null;
};

function topoDevice(sn: string, d: TopoFields): TopoDevice {
  const key = d.domain === null ? null : modelKey(d.domain, d.type, d.sub_type);
  const device: TopoDevice = { sn, domain: d.domain, type: d.type, subType: d.sub_type, modelKey: key };
  const thingVersion = d.thing_version ?? d.version;
  if (thingVersion) device.thingVersion = thingVersion;
  if (d.index) device.index = d.index;
  return device;
}

export function decodeUpdateTopo(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(updateTopoDataSchema, 'update_topo', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  const { sub_devices, ...gateway } = parsed.data;
  return {
    kind: 'update_topo',
    meta,
    // The status topic is the gateway's own, so its SN names the gateway.
    gateway: topoDevice(meta.sn, gateway),
    subDevices: sub_devices.map((d) => topoDevice(d.sn, d)),
  };
}

/**
 * Each firmware property is read on its own: a bad one is dropped and the others are kept. Only
 * when every firmware property present is bad is the message invalid, with the first one's reason.
 */
export function decodeState(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(stateDataSchema, 'state', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  const fields = parsed.data;
  const state: StateDecoded = { kind: 'state', meta, deviceSn: meta.sn };
  let present = 0;
  let firstProblem: string | null = null;
  for (const field of STATE_FIELDS) {
    if (!Object.hasOwn(fields, field) || fields[field] === undefined) continue;
    present++;
    const result = stateFieldSchemas[field].safeParse(fields[field], { reportInput: true });
    if (!result.success) {
      firstProblem ??= `state: ${formatIssues(`data.${field}`, result.error.issues)}`;
      continue;
    }
    const value = result.data;
    if (field === 'firmware_version' && typeof value === 'string') state.firmwareVersion = value;
    else if (field === 'compatible_status' && typeof value === 'number') state.compatibleStatus = value;
    else if (field === 'firmware_upgrade_status' && typeof value === 'number') state.firmwareUpgradeStatus = value;
  }
  if (present === 0) return { kind: 'ignored', meta, reason: 'state carries no firmware properties' };
  const kept = state.firmwareVersion !== undefined || state.compatibleStatus !== undefined || state.firmwareUpgradeStatus !== undefined;
  if (!kept) return invalid(meta, firstProblem ?? 'state: no firmware property is valid');
  return state;
}

export function decodeOsd(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(osdDataSchema, 'osd', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  return { kind: 'osd', meta, deviceSn: meta.sn, modeCode: parsed.data.mode_code };
}
