/**
 * Messages a dock sends, for the simulator and for round-trip tests. They are validated like the
 * console's own so the simulator cannot produce traffic a real device would not.
 */
import { defaultIds, type IdSource } from './ids.ts';
import { assertSn } from './sn.ts';
import { isSubStatus, isTaskStatus, stepNumber, type StepKey, type SubStatus, type TaskStatus } from './status.ts';
import { versionTextProblem } from './validation.ts';
import type {
  OsdMessage,
  OtaProgressMessage,
  OtaProgressWireData,
  ServicesReplyMessage,
  StateMessage,
  StateWireData,
  TopoWireFields,
  UpdateTopoMessage,
} from './wire.ts';

function fail(what: string, problem: string): never {
  throw new Error(`${what}: ${problem}`);
}

function requireText(what: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') fail(what, `${field} must be non-empty text`);
  return value;
}

function requireInt(what: string, field: string, value: unknown, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) fail(what, `${field} must be an integer >= ${min}`);
  return value;
}

/** The spellings devices use for the step, so the simulator can exercise each. */
export type StepStyle = 'step_key' | 'current_step' | 'current_step_number' | 'step' | 'step_and_key';

export interface OtaProgressInput {
  bid: string;
  status: TaskStatus;
  percent: number;
  subStatus?: SubStatus | '' | null;
  step?: StepKey | null;
  stepStyle?: StepStyle;
  /** bytes/s */
  rate?: number | null;
  result?: number;
  needReply?: boolean;
  gateway?: string;
}

type ProgressStepFields = Omit<OtaProgressWireData['output']['progress'], 'percent'>;

function progressStep(step: StepKey, style: StepStyle): ProgressStepFields {
  switch (style) {
    case 'step_key':
      return { step_key: step };
    case 'current_step':
      return { current_step: step };
    case 'current_step_number':
      return { current_step: stepNumber(step) };
    case 'step':
      return { step: stepNumber(step) };
    case 'step_and_key':
      return { step: stepNumber(step), step_key: step };
  }
}

export function buildOtaProgress(input: OtaProgressInput, ids: IdSource = defaultIds): OtaProgressMessage {
  const what = 'ota_progress';
  const bid = requireText(what, 'bid', input.bid);
  if (!isTaskStatus(input.status)) fail(what, `status ${String(input.status)} is not a task status`);
  const { percent } = input;
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) fail(what, 'percent must be 0..100');
  const sub = input.subStatus;
  if (sub != null && sub !== '' && !isSubStatus(sub)) fail(what, `sub_status ${String(sub)} is not defined`);
  const rate = input.rate;
  if (rate != null && (!Number.isFinite(rate) || rate < 0)) fail(what, 'rate must be a number >= 0');
  const result = input.result ?? 0;
  if (!Number.isSafeInteger(result)) fail(what, 'result must be an integer');

  const progress = { percent, ...(input.step ? progressStep(input.step, input.stepStyle ?? 'step_key') : {}) };
  const data: OtaProgressWireData = { result, output: { status: input.status, progress } };
  if (sub != null) data.output.sub_status = sub;
  if (rate != null) data.output.ext = { rate };
  const message: OtaProgressMessage = {
    tid: ids.uuid(),
    bid,
    timestamp: ids.now(),
    method: 'ota_progress',
    data,
    need_reply: input.needReply ? 1 : 0,
  };
  if (input.gateway !== undefined) message.gateway = assertSn(input.gateway);
  return message;
}

export interface ServicesReplyInput {
  tid: string;
  bid: string;
  result?: number;
  /** Defaults to "sent" on success and "rejected" otherwise. */
  status?: TaskStatus;
  method?: string;
}

export function buildServicesReply(input: ServicesReplyInput, ids: IdSource = defaultIds): ServicesReplyMessage {
  const what = 'services_reply';
  const result = input.result ?? 0;
  if (!Number.isSafeInteger(result)) fail(what, 'result must be an integer');
  const status = input.status ?? (result === 0 ? 'sent' : 'rejected');
  if (!isTaskStatus(status)) fail(what, `status ${String(status)} is not a task status`);
  return {
    tid: requireText(what, 'tid', input.tid),
    bid: requireText(what, 'bid', input.bid),
    timestamp: ids.now(),
    method: requireText(what, 'method', input.method ?? 'ota_create'),
    data: { result, output: { status } },
  };
}

export interface TopoInput {
  domain: string | number;
  type: number;
  subType: number;
  thingVersion?: string;
  deviceSecret?: string;
  nonce?: string;
}

export interface UpdateTopoInput extends TopoInput {
  gatewaySn: string;
  subDevices: (TopoInput & { sn: string; index?: string })[];
  /** Older firmware sends `version` instead of `thing_version`. */
  versionField?: 'thing_version' | 'version';
}

function topoFields(what: string, d: TopoInput, versionField: 'thing_version' | 'version'): TopoWireFields {
  const domain = String(d.domain);
  if (!/^\d{1,3}$/.test(domain)) fail(what, `domain ${domain} must be a number such as "3"`);
  const fields: TopoWireFields = { domain, type: requireInt(what, 'type', d.type), sub_type: requireInt(what, 'sub_type', d.subType) };
  if (d.thingVersion !== undefined) fields[versionField] = requireText(what, versionField, d.thingVersion);
  if (d.deviceSecret !== undefined) fields.device_secret = d.deviceSecret;
  if (d.nonce !== undefined) fields.nonce = d.nonce;
  return fields;
}

export function buildUpdateTopo(input: UpdateTopoInput, ids: IdSource = defaultIds): UpdateTopoMessage {
  const what = 'update_topo';
  const gateway = assertSn(input.gatewaySn);
  const versionField = input.versionField ?? 'thing_version';
  const subDevices = input.subDevices.map((d) => {
    const sub = { sn: assertSn(d.sn), ...topoFields(what, d, versionField) };
    return d.index === undefined ? sub : { ...sub, index: d.index };
  });
  return {
    tid: ids.uuid(),
    bid: ids.uuid(),
    timestamp: ids.now(),
    method: 'update_topo',
    gateway,
    data: { ...topoFields(what, input, versionField), sub_devices: subDevices },
  };
}

export interface StateInput {
  gateway: string;
  firmwareVersion?: string;
  compatibleStatus?: 0 | 1;
  firmwareUpgradeStatus?: 0 | 1;
}

export function buildState(input: StateInput, ids: IdSource = defaultIds): StateMessage {
  const what = 'state';
  const data: StateWireData = {};
  if (input.firmwareVersion !== undefined) {
    const problem = versionTextProblem(input.firmwareVersion);
    if (problem !== null) fail(what, `firmware_version: ${problem}`);
    data.firmware_version = input.firmwareVersion;
  }
  for (const [field, value] of [
    ['compatible_status', input.compatibleStatus],
    ['firmware_upgrade_status', input.firmwareUpgradeStatus],
  ] as const) {
    if (value === undefined) continue;
    if (value !== 0 && value !== 1) fail(what, `${field} must be 0 or 1`);
    data[field] = value;
  }
  if (Object.keys(data).length === 0) fail(what, 'at least one property is needed');
  return { tid: ids.uuid(), bid: ids.uuid(), timestamp: ids.now(), gateway: assertSn(input.gateway), data };
}

export function buildOsd(input: { gateway: string; modeCode: number }, ids: IdSource = defaultIds): OsdMessage {
  const modeCode = requireInt('osd', 'mode_code', input.modeCode);
  return { tid: ids.uuid(), bid: ids.uuid(), timestamp: ids.now(), gateway: assertSn(input.gateway), data: { mode_code: modeCode } };
}
