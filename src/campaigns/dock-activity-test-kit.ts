/** osd messages for the idle-gate tests, through the real decoder. */
import { decode } from '../protocol/decode.ts';
import { buildOsd } from '../protocol/device-builders.ts';
import type { OsdDecoded } from '../protocol/messages.ts';
import { osdTopic } from '../protocol/topics.ts';

/** `deviceSn` reports `modeCode`; its envelope names `gateway` (the dock itself by default). */
export function osdOf(deviceSn: string, modeCode: number, gateway: string = deviceSn): OsdDecoded {
  const decoded = decode(osdTopic(deviceSn), JSON.stringify(buildOsd({ gateway, modeCode })));
  if (decoded.kind !== 'osd') throw new Error(`expected osd, decoded ${decoded.kind}`);
  return decoded;
}

/** The aircraft SN the gate tests give each dock. */
export const aircraftOf = (gateway: string): string => `${gateway}-AC`;
