/** One function per message kind: `data` (already JSON, still untrusted) -> a typed Decoded. */
import type { z } from 'zod';
import { modelKey } from './models.ts';
import type { Decoded, MessageMeta, TopoDevice } from './messages.ts';
import { formatIssues } from './schemas/issues.ts';
import { otaCreateDataSchema } from './schemas/ota-create.ts';
import { clampPercent, otaProgressDataSchema, stepOf, subStatusOf } from './schemas/ota-progress.ts';
import { osdDataSchema } from './schemas/osd.ts';
import { servicesReplyDataSchema } from './schemas/services-reply.ts';
import { stateDataSchema } from './schemas/state.ts';
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
    percent: clampPercent(output.progress.percent),
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
  return { kind: 'ota_create_reply', meta, result: parsed.data.result, status: parsed.data.output?.status ?? null };
}

type TopoFields = { domain: string; type: number; sub_type: number; thing_version?: string | null; version?: string | null; index?: string | null };

function topoDevice(sn: string, d: TopoFields): TopoDevice {
  const device: TopoDevice = { sn, domain: d.domain, type: d.type, subType: d.sub_type, modelKey: modelKey(d.domain, d.type, d.sub_type) };
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

export function decodeState(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(stateDataSchema, 'state', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  const { firmware_version, compatible_status, firmware_upgrade_status } = parsed.data;
  if (firmware_version === undefined && compatible_status === undefined && firmware_upgrade_status === undefined) {
    return { kind: 'ignored', meta, reason: 'state carries no firmware properties' };
  }
  return {
    kind: 'state',
    meta,
    deviceSn: meta.sn,
    ...(firmware_version !== undefined && { firmwareVersion: firmware_version }),
    ...(compatible_status !== undefined && { compatibleStatus: compatible_status }),
    ...(firmware_upgrade_status !== undefined && { firmwareUpgradeStatus: firmware_upgrade_status }),
  };
}

export function decodeOsd(meta: MessageMeta, data: unknown): Decoded {
  const parsed = parseData(osdDataSchema, 'osd', data);
  if (!parsed.ok) return invalid(meta, parsed.reason);
  return { kind: 'osd', meta, deviceSn: meta.sn, modeCode: parsed.data.mode_code };
}
