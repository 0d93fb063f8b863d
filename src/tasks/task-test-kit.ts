/**
 * Messages for the task model tests, built as wire JSON and run through the real decoder so the
 * tests see exactly what the broker session hands the store.
 */
import { decode } from '../protocol/decode.ts';
import type { Decoded, OtaCreateDecoded, OtaCreateReplyDecoded, OtaProgressDecoded, StateDecoded } from '../protocol/messages.ts';
import type { StepKey, SubStatus, TaskStatus } from '../protocol/status.ts';
import { eventsTopic, servicesReplyTopic, servicesTopic, stateTopic } from '../protocol/topics.ts';

function decoded<K extends Decoded['kind']>(kind: K, topic: string, message: object): Extract<Decoded, { kind: K }> {
  const result = decode(topic, JSON.stringify(message));
  if (result.kind !== kind) throw new Error(`expected ${kind}, decoded ${result.kind}: ${JSON.stringify(result)}`);
  return result as Extract<Decoded, { kind: K }>;
}

export interface ProgressSpec {
  gateway?: string;
  bid?: string | null;
  tid?: string;
  ts?: number | null;
  status?: TaskStatus;
  percent?: number;
  step?: StepKey | null;
  sub?: SubStatus | string | null;
  rate?: number;
  result?: number;
}

export function progress(spec: ProgressSpec = {}): OtaProgressDecoded {
  const { gateway = 'DOCK1', bid = 'bid-1', tid = 'tid-p', ts = 1_000, status = 'in_progress', percent = 0 } = spec;
  return decoded('ota_progress', eventsTopic(gateway), {
    ...(bid === null ? {} : { bid }),
    tid,
    ...(ts === null ? {} : { timestamp: ts }),
    method: 'ota_progress',
    data: {
      result: spec.result ?? 0,
      output: {
        status,
        ...(spec.sub == null ? {} : { sub_status: spec.sub }),
        progress: { percent, ...(spec.step == null ? {} : { step_key: spec.step }) },
        ...(spec.rate === undefined ? {} : { ext: { rate: spec.rate } }),
      },
    },
  });
}

export function reply(spec: {
  gateway?: string;
  bid?: string | null;
  tid?: string | null;
  result?: number;
  ts?: number;
}): OtaCreateReplyDecoded {
  const { gateway = 'DOCK1', bid = 'bid-1', tid = 'tid-1', result = 0, ts = 1_000 } = spec;
  return decoded('ota_create_reply', servicesReplyTopic(gateway), {
    ...(bid === null ? {} : { bid }),
    ...(tid === null ? {} : { tid }),
    timestamp: ts,
    method: 'ota_create',
    data: { result, output: { status: result === 0 ? 'sent' : 'rejected' } },
  });
}

export interface CreateDeviceSpec {
  sn: string;
  version: string;
  size?: number;
}

export function otaCreate(spec: {
  gateway?: string;
  bid?: string;
  tid?: string;
  ts?: number;
  devices?: CreateDeviceSpec[];
}): OtaCreateDecoded {
  const { gateway = 'DOCK1', bid = 'bid-1', tid = 'tid-1', ts = 500, devices = [{ sn: 'DOCK1', version: '2.0.0' }] } = spec;
  return decoded('ota_create', servicesTopic(gateway), {
    bid,
    tid,
    timestamp: ts,
    method: 'ota_create',
    data: {
      devices: devices.map((d) => ({
        sn: d.sn,
        product_version: d.version,
        file_url: `http://files.test/${d.sn}.bin`,
        md5: 'd1c9dacec124abd350379eb44b9143e5',
        file_size: d.size ?? 1_000_000,
        file_name: `${d.sn}-${d.version}.bin`,
        firmware_upgrade_type: 3,
      })),
    },
  });
}

export function state(deviceSn: string, firmwareVersion: string, gateway = 'DOCK1'): StateDecoded {
  return decoded('state', stateTopic(deviceSn), { gateway, timestamp: 2_000, data: { firmware_version: firmwareVersion } });
}
