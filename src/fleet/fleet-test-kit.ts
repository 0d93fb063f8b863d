/** Decoded messages for the fleet tests, produced by the real builders and decoder. */
import { decode } from '../protocol/decode.ts';
import { buildOsd, buildState, buildUpdateTopo, type StateInput } from '../protocol/device-builders.ts';
import type { Decoded, OsdDecoded, StateDecoded, UpdateTopoDecoded } from '../protocol/messages.ts';
import { osdTopic, stateTopic, statusTopic } from '../protocol/topics.ts';

function expectKind<K extends Decoded['kind']>(decoded: Decoded, kind: K): Extract<Decoded, { kind: K }> {
  if (decoded.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(decoded)}`);
  return decoded as Extract<Decoded, { kind: K }>;
}

export interface SubDeviceSpec {
  sn: string;
  /** model key such as "0-91-0" */
  model: string;
  index?: string;
  thingVersion?: string;
}

function modelParts(model: string): { domain: string; type: number; subType: number } {
  const [domain = '', type = '', subType = ''] = model.split('-');
  return { domain, type: Number(type), subType: Number(subType) };
}

export function topo(gatewaySn: string, model: string, subDevices: readonly SubDeviceSpec[] = []): UpdateTopoDecoded {
  const message = buildUpdateTopo({
    gatewaySn,
    ...modelParts(model),
    thingVersion: '1.0.0',
    subDevices: subDevices.map((d) => ({ sn: d.sn, ...modelParts(d.model), index: d.index, thingVersion: d.thingVersion })),
  });
  return expectKind(decode(statusTopic(gatewaySn), JSON.stringify(message)), 'update_topo');
}

/** A state message on the device's topic; `gateway` null sends no envelope gateway at all. */
export function state(deviceSn: string, fields: Omit<StateInput, 'gateway'>, gateway: string | null = deviceSn): StateDecoded {
  const message: Record<string, unknown> = { ...buildState({ ...fields, gateway: gateway ?? deviceSn }) };
  if (gateway === null) delete message.gateway;
  return expectKind(decode(stateTopic(deviceSn), JSON.stringify(message)), 'state');
}

export function osd(deviceSn: string, modeCode: number, gateway: string = deviceSn): OsdDecoded {
  return expectKind(decode(osdTopic(deviceSn), JSON.stringify(buildOsd({ gateway, modeCode }))), 'osd');
}
