/**
 * The incoming bytes of a broker connection, cut into MQTT packets before MQTT.js sees them.
 * PUBLISH packets at QoS 0 and 1 (all a fleet sends the console) are read here and a QoS 1 one is
 * acknowledged here; every other packet goes on to MQTT.js unchanged and in order, so connecting,
 * subscribing, keepalive and errors stay MQTT.js's. MQTT.js takes each message through several
 * Node-style streams and timer-scheduled ticks: at 10,000 messages a second that was a third of the
 * broker worker's JavaScript time (bench/README.md, results of 6 Dec 2026, evening).
 */
import { asciiText } from '../protocol/ascii-text.ts';

export interface IncomingPublish {
  topic: string;
  payload: Uint8Array;
  retain: boolean;
}

export interface PacketRouterHooks {
  /** The protocol of the connection: 5 has a property list after the packet identifier. */
  version(): 4 | 5;
  publish(message: IncomingPublish): void;
  /** Whole packets for MQTT.js, in the order they came. */
  forward(packets: Uint8Array): void;
  /** PUBACK packets to send, all of one chunk's in one piece. */
  acknowledge(packets: Uint8Array<ArrayBuffer>): void;
}

export interface PacketRouter {
  push(chunk: Uint8Array): void;
}

const PUBLISH = 3;
/** A remaining length takes at most four bytes (MQTT 3.1.1 and 5, 2.2.3 / 1.5.5). */
const MAX_LENGTH_BYTES = 4;

/** PUBLISH properties (MQTT 5, 3.3.2.3) by identifier: how their value is laid out. */
const PROPERTY_KIND: ReadonlyMap<number, 'byte' | 'u16' | 'u32' | 'varint' | 'string' | 'binary' | 'pair'> = new Map([
  [0x01, 'byte'], // payload format indicator
  [0x02, 'u32'], // message expiry interval
  [0x03, 'string'], // content type
  [0x08, 'string'], // response topic
  [0x09, 'binary'], // correlation data
  [0x0b, 'varint'], // subscription identifier
  [0x26, 'pair'], // user property
]);

interface Length {
  value: number;
  /** Bytes the length itself took. */
  size: number;
}

/** A variable byte integer at `at`; null when the bytes end first, 'bad' past four bytes. */
function readVarint(bytes: Uint8Array, at: number, end: number): Length | null | 'bad' {
  let value = 0;
  for (let i = 0; i < MAX_LENGTH_BYTES; i += 1) {
    if (at + i >= end) return null;
    const byte = bytes[at + i] ?? 0;
    value += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return { value, size: i + 1 };
  }
  return 'bad';
}

const utf8 = new TextDecoder();

/** Topics are nearly always ASCII: built straight from the bytes, cheaper than a decoder call. */
function topicText(bytes: Uint8Array, start: number, end: number): string {
  return asciiText(bytes, start, end) ?? utf8.decode(bytes.subarray(start, end));
}

/** Where the property list that starts at `at` ends; null when a property is not one this path knows. */
function skipProperties(bytes: Uint8Array, at: number, end: number): number | null {
  const length = readVarint(bytes, at, end);
  if (length === null || length === 'bad') return null;
  let i = at + length.size;
  const stop = i + length.value;
  if (stop > end) return null;
  while (i < stop) {
    const kind = PROPERTY_KIND.get(bytes[i] ?? 0);
    i += 1;
    if (kind === undefined) return null; // a topic alias, or something MQTT.js should judge
    if (kind === 'byte') i += 1;
    else if (kind === 'u16') i += 2;
    else if (kind === 'u32') i += 4;
    else if (kind === 'varint') {
      const v = readVarint(bytes, i, stop);
      if (v === null || v === 'bad') return null;
      i += v.size;
    } else {
      const pieces = kind === 'pair' ? 2 : 1;
      for (let p = 0; p < pieces; p += 1) {
        if (i + 2 > stop) return null;
        i += 2 + (((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
      }
    }
  }
  return i === stop ? stop : null;
}

interface ReadPublish {
  message: IncomingPublish;
  /** Packet identifier to acknowledge, or null at QoS 0. */
  ack: number | null;
}

/** A PUBLISH whose body is (bytes[start, end); null when MQTT.js should have it. */
function readPublish(bytes: Uint8Array, first: number, start: number, end: number, version: 4 | 5): ReadPublish | null {
  const qos = (first >> 1) & 0x03;
  if (qos > 1) return null;
  if (start + 2 > end) return null;
  const topicLength = ((bytes[start] ?? 0) << 8) | (bytes[start + 1] ?? 0);
  let i = start + 2 + topicLength;
  if (topicLength === 0 || i > end) return null;
  const topic = topicText(bytes, start + 2, i);
  let ack: number | null = null;
  if (qos === 1) {
    if (i + 2 > end) return null;
    ack = ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
    if (ack === 0) return null;
    i += 2;
  }
  if (version === 5) {
    const after = skipProperties(bytes, i, end);
    if (after === null) return null;
    i = after;
  }
  return { message: { topic, payload: bytes.subarray(i, end), retain: (first & 0x01) === 1 }, ack };
}

/** The pieces one after another, in a buffer of their own (`length`: their sum). */
export function joinBytes(parts: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function pubacks(ids: readonly number[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(ids.length * 4);
  ids.forEach((id, n) => {
    // MQTT 5 allows the two-byte form: the reason code is left out when it is 0 (success).
    out.set([0x40, 0x02, id >> 8, id & 0xff], n * 4);
  });
  return out;
}

export function createPacketRouter(hooks: PacketRouterHooks): PacketRouter {
  /**
   * The start of a packet whose rest has not arrived yet, in the pieces it came in: a large packet
   * over many frames is joined once, when it is whole, not again at every frame.
   */
  let carry: Uint8Array[] = [];
  let carried = 0;
  /** What the carried packet needs in all (0: its header is still incomplete). */
  let carryNeeds = 0;
  /** Bytes that made no sense: from here on everything goes to MQTT.js, whose parser reports the error. */
  let broken = false;

  return {
    push(chunk) {
      if (broken) {
        hooks.forward(chunk);
        return;
      }
      let bytes = chunk;
      if (carried > 0) {
        carry.push(chunk);
        carried += chunk.length;
        if (carryNeeds > 0 && carried < carryNeeds) return;
        bytes = joinBytes(carry, carried);
        carry = [];
        carried = 0;
        carryNeeds = 0;
      }
      const version = hooks.version();
      const acks: number[] = [];
      // Packets not taken here gather in [forwardFrom, at) and go to MQTT.js in one piece.
      let forwardFrom = 0;
      let at = 0;
      /** What the unfinished packet at `at` needs in all, once its header is in (else 0). */
      let needs = 0;
      const flushForward = (until: number) => {
        if (until > forwardFrom) hooks.forward(bytes.subarray(forwardFrom, until));
      };
      while (at < bytes.length) {
        const length = readVarint(bytes, at + 1, bytes.length);
        if (length === 'bad') {
          broken = true;
          break;
        }
        if (length === null) break;
        const bodyStart = at + 1 + length.size;
        const end = bodyStart + length.value;
        if (end > bytes.length) {
          needs = end - at;
          break;
        }
        const first = bytes[at] ?? 0;
        const read = first >> 4 === PUBLISH ? readPublish(bytes, first, bodyStart, end, version) : null;
        if (read !== null) {
          flushForward(at);
          forwardFrom = end;
          hooks.publish(read.message);
          if (read.ack !== null) acks.push(read.ack);
        }
        at = end;
      }
      if (broken) {
        flushForward(bytes.length);
      } else {
        flushForward(at);
        if (at < bytes.length) {
          const rest = bytes.slice(at);
          carry = [rest];
          carried = rest.length;
          carryNeeds = needs;
        }
      }
      if (acks.length > 0) hooks.acknowledge(pubacks(acks));
    },
  };
}
