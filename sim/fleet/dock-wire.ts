/** Turns dock-machine outputs into MQTT messages with the protocol module's builders. */
import { buildOsd, buildOtaProgress, buildServicesReply, buildState, buildUpdateTopo, encodeMessage } from '../../src/protocol/builders.ts';
import { parseJsonSafely } from '../../src/protocol/json.ts';
import { eventsTopic, osdTopic, servicesReplyTopic, stateTopic, statusTopic } from '../../src/protocol/topics.ts';
import type { DockOutput, StateFields } from './dock-machine.ts';
import type { DockIdentity } from './sim-device.ts';

export interface OutboundMessage {
  topic: string;
  payload: string;
}

function stateMessage(gatewaySn: string, sn: string, data: StateFields): OutboundMessage {
  const message = buildState({
    gateway: gatewaySn,
    firmwareVersion: data.firmware_version,
    compatibleStatus: data.compatible_status,
    firmwareUpgradeStatus: data.firmware_upgrade_status,
  });
  return { topic: stateTopic(sn), payload: encodeMessage(message) };
}

/** The publishable part of an output; download control outputs give null. */
export function toMessage(gatewaySn: string, output: DockOutput): OutboundMessage | null {
  switch (output.kind) {
    case 'reply':
      return {
        topic: servicesReplyTopic(gatewaySn),
        payload: encodeMessage(buildServicesReply({ tid: output.tid, bid: output.bid, result: output.result, status: output.status })),
      };
    case 'progress':
      return {
        topic: eventsTopic(gatewaySn),
        payload: encodeMessage(
          buildOtaProgress({
            bid: output.bid,
            status: output.status,
            subStatus: output.subStatus,
            step: output.step,
            percent: output.percent,
            rate: output.rate,
            needReply: output.needReply,
            gateway: gatewaySn,
          }),
        ),
      };
    case 'state':
      return stateMessage(gatewaySn, output.sn, output.data);
    case 'download':
    case 'abort_download':
      return null;
  }
}

export function topoMessage(identity: DockIdentity): OutboundMessage {
  const { dock, aircraft } = identity;
  // Stable per-device strings in the fields real docks fill; nothing reads them.
  const secret = (sn: string) => `secret-${sn}`;
  const message = buildUpdateTopo({
    gatewaySn: dock.sn,
    domain: dock.domain,
    type: dock.type,
    subType: dock.subType,
    thingVersion: '1.1.2',
    deviceSecret: secret(dock.sn),
    nonce: `nonce-${dock.sn}`,
    subDevices: aircraft
      ? [
          {
            sn: aircraft.sn,
            domain: aircraft.domain,
            type: aircraft.type,
            subType: aircraft.subType,
            index: 'A',
            thingVersion: '1.1.2',
            deviceSecret: secret(aircraft.sn),
            nonce: `nonce-${aircraft.sn}`,
          },
        ]
      : [],
  });
  return { topic: statusTopic(dock.sn), payload: encodeMessage(message) };
}

export function stateMessages(gatewaySn: string, states: { sn: string; data: StateFields }[]): OutboundMessage[] {
  return states.map((s) => stateMessage(gatewaySn, s.sn, s.data));
}

export function osdMessages(gatewaySn: string, modes: { sn: string; modeCode: number }[]): OutboundMessage[] {
  return modes.map((m) => ({ topic: osdTopic(m.sn), payload: encodeMessage(buildOsd({ gateway: gatewaySn, modeCode: m.modeCode })) }));
}

export interface ServicesRequest {
  method: string;
  tid: string;
  bid: string;
  data: unknown;
}

/**
 * The envelope of a message on the services topic. Parsed here rather than with decode(), because
 * a dock must still answer an ota_create whose devices are malformed (312010), which decode()
 * reports as invalid without the tid and bid to answer with.
 */
export function parseServicesRequest(payload: Buffer | string): ServicesRequest | null {
  const parsed = parseJsonSafely(typeof payload === 'string' ? payload : payload.toString('utf8'));
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const { method, tid, bid, data } = parsed.value as Record<string, unknown>;
  if (typeof method !== 'string' || typeof tid !== 'string' || typeof bid !== 'string' || tid === '' || bid === '') return null;
  return { method, tid, bid, data };
}
