import fc from 'fast-check';
import mqttPacket, { type Packet } from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { createPacketRouter, type IncomingPublish } from './publish-fast-path.ts';

type Version = 4 | 5;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** What the router should make of one packet: read here, or passed on to MQTT.js. */
type Expected = { kind: 'publish'; topic: string; payload: string; retain: boolean } | { kind: 'forward'; bytes: string };

/** The PUBACK the router owes for a packet it reads: QoS 1 only. */
const ackOf = (packet: Packet, expected: Expected) =>
  expected.kind === 'publish' && packet.cmd === 'publish' && packet.qos === 1
    ? `4002${packet.messageId!.toString(16).padStart(4, '0')}`
    : '';

function expectedOf(packet: Packet, bytes: Uint8Array): Expected {
  if (packet.cmd === 'publish' && packet.qos < 2 && packet.properties?.topicAlias === undefined && packet.topic !== '') {
    return {
      kind: 'publish',
      topic: packet.topic,
      payload: hex(packet.payload as Buffer),
      retain: packet.retain,
    };
  }
  return { kind: 'forward', bytes: hex(bytes) };
}

/** Forwarded runs may be cut anywhere between packets: compared as one run until the next publish. */
function mergeForwards(items: readonly Expected[]): Expected[] {
  const out: Expected[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (item.kind === 'forward' && last?.kind === 'forward') last.bytes += item.bytes;
    else out.push({ ...item });
  }
  return out;
}

interface Run {
  items: Expected[];
  acks: string;
  forwardCalls: Uint8Array[];
}

function route(chunks: readonly Uint8Array[], version: Version): Run {
  const items: Expected[] = [];
  const forwardCalls: Uint8Array[] = [];
  let acks = '';
  const router = createPacketRouter({
    version: () => version,
    publish: (m: IncomingPublish) => {
      items.push({ kind: 'publish', topic: m.topic, payload: hex(m.payload), retain: m.retain });
    },
    forward: (packets) => {
      forwardCalls.push(packets.slice());
      items.push({ kind: 'forward', bytes: hex(packets) });
    },
    acknowledge: (packets) => {
      acks += hex(packets);
    },
  });
  for (const chunk of chunks) router.push(chunk);
  return { items, acks, forwardCalls };
}

function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.slice(from, p));
    from = p;
  }
  return chunks;
}

const concat = (parts: readonly Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const topicArb = fc.oneof(
  fc.constantFrom('thing/product/4TADKAQ000002J/events', 'sys/product/1581F5BKD225D00BJ5TX/status', 'thing/product/X/osd'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((t) => !t.includes('\u0000')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);

const propertiesArb = fc.record(
  {
    payloadFormatIndicator: fc.boolean(),
    messageExpiryInterval: fc.integer({ min: 0, max: 0xffffffff }),
    contentType: fc.string({ maxLength: 20 }),
    responseTopic: fc.constantFrom('reply/to', 'a/b/c'),
    correlationData: fc.uint8Array({ maxLength: 16 }).map((a) => Buffer.from(a)),
    userProperties: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { minKeys: 1, maxKeys: 3 }),
    subscriptionIdentifier: fc.integer({ min: 1, max: 268_435_455 }),
    topicAlias: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: [] },
);

function publishArb(version: Version): fc.Arbitrary<Packet> {
  return fc
    .record({
      qos: fc.constantFrom(0, 1, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
      retain: fc.boolean(),
      dup: fc.boolean(),
      topic: topicArb,
      payload: fc.uint8Array({ maxLength: 700 }),
      messageId: fc.integer({ min: 1, max: 0xffff }),
      properties: version === 5 ? fc.option(propertiesArb, { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ qos, retain, dup, topic, payload, messageId, properties }) => ({
      cmd: 'publish' as const,
      qos,
      retain,
      dup: qos > 0 && dup,
      topic,
      payload: Buffer.from(payload),
      ...(qos > 0 ? { messageId } : {}),
      ...(properties === undefined ? {} : { properties }),
    }));
}

const otherArb: fc.Arbitrary<Packet> = fc.oneof(
  fc.constant<Packet>({ cmd: 'pingresp' }),
  fc.constant<Packet>({ cmd: 'connack', returnCode: 0, reasonCode: 0, sessionPresent: true }),
  fc.integer({ min: 1, max: 0xffff }).map<Packet>((messageId) => ({ cmd: 'suback', messageId, granted: [1, 1] })),
  fc.integer({ min: 1, max: 0xffff }).map<Packet>((messageId) => ({ cmd: 'puback', messageId })),
  fc.integer({ min: 1, max: 0xffff }).map<Packet>((messageId) => ({ cmd: 'unsuback', messageId, granted: [0] })),
  // Large enough to need a three-byte remaining length.
  fc.integer({ min: 1, max: 0xffff }).map<Packet>((messageId) => ({
    cmd: 'publish',
    qos: 2,
    retain: false,
    dup: false,
    messageId,
    topic: 'big/qos2',
    payload: Buffer.alloc(20_000, 7),
  })),
);

function streamArb(version: Version) {
  return fc.record({
    packets: fc.array(fc.oneof({ weight: 4, arbitrary: publishArb(version) }, { weight: 1, arbitrary: otherArb }), {
      minLength: 1,
      maxLength: 25,
    }),
    cuts: fc.array(fc.nat(), { maxLength: 12 }),
  });
}

describe('publish fast path', () => {
  for (const version of [4, 5] as const) {
    it(`MQTT ${version === 5 ? '5' : '3.1.1'}: reads every QoS 0/1 PUBLISH as mqtt-packet wrote it and passes the rest on whole and in order, however the bytes are cut`, () => {
      fc.assert(
        fc.property(streamArb(version), ({ packets, cuts }) => {
          const encoded = packets.map((p) => new Uint8Array(mqttPacket.generate(p, { protocolVersion: version })));
          const expected = packets.map((p, i) => expectedOf(p, encoded[i]!));
          const run = route(split(concat(encoded), cuts), version);

          expect(mergeForwards(run.items)).toEqual(mergeForwards(expected));
          expect(run.acks).toBe(packets.map((p, i) => ackOf(p, expected[i]!)).join(''));
          // Each forward holds whole packets only: MQTT.js's parser is left with nothing over.
          for (const call of run.forwardCalls) {
            const parser = mqttPacket.parser({ protocolVersion: version });
            let parsed = 0;
            parser.on('packet', () => (parsed += 1));
            expect(parser.parse(Buffer.from(call))).toBe(0);
            expect(parsed).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('takes the retain flag and an empty payload', () => {
    const bytes = mqttPacket.generate(
      { cmd: 'publish', qos: 0, retain: true, dup: false, topic: 't/1', payload: Buffer.alloc(0) },
      { protocolVersion: 5 },
    );
    const got: IncomingPublish[] = [];
    const router = createPacketRouter({ version: () => 5, publish: (m) => got.push(m), forward: () => {}, acknowledge: () => {} });
    router.push(new Uint8Array(bytes));
    expect(got).toEqual([{ topic: 't/1', payload: new Uint8Array(0), retain: true }]);
  });

  it('keeps the start of a packet until the rest arrives, one byte at a time', () => {
    const bytes = new Uint8Array(
      mqttPacket.generate(
        { cmd: 'publish', qos: 1, messageId: 0x1234, retain: false, dup: false, topic: 'a/b', payload: Buffer.from('{"x":1}') },
        { protocolVersion: 4 },
      ),
    );
    const got: string[] = [];
    const acks: string[] = [];
    const router = createPacketRouter({
      version: () => 4,
      publish: (m) => got.push(new TextDecoder().decode(m.payload)),
      forward: () => {
        throw new Error('nothing to forward');
      },
      acknowledge: (p) => acks.push(hex(p)),
    });
    for (const byte of bytes) router.push(Uint8Array.of(byte));
    expect(got).toEqual(['{"x":1}']);
    expect(acks).toEqual(['40021234']);
  });

  it('puts a large PUBLISH that came in a thousand frames back together', () => {
    const payload = Buffer.alloc(1_000_000, 0x61);
    payload.write('{"x":', 0);
    const bytes = new Uint8Array(
      mqttPacket.generate(
        { cmd: 'publish', qos: 1, messageId: 9, retain: false, dup: false, topic: 'big', payload },
        { protocolVersion: 5 },
      ),
    );
    const got: IncomingPublish[] = [];
    const router = createPacketRouter({ version: () => 5, publish: (m) => got.push(m), forward: () => {}, acknowledge: () => {} });
    for (let at = 0; at < bytes.length; at += 1_000) router.push(bytes.slice(at, at + 1_000));
    expect(got).toHaveLength(1);
    expect(Buffer.from(got[0]!.payload).equals(payload)).toBe(true);
  });

  /** A router for streams with nothing it may read: what it forwards, as hex. */
  function forwardOnly(version: Version) {
    const forwarded: string[] = [];
    const router = createPacketRouter({
      version: () => version,
      publish: () => {
        throw new Error('nothing in this stream is for the fast path');
      },
      forward: (p) => forwarded.push(hex(p)),
      acknowledge: () => {},
    });
    return { router, forwarded };
  }

  it('hands bytes it cannot frame to MQTT.js from there on, so its parser reports the error', () => {
    const { router, forwarded } = forwardOnly(5);
    // A remaining length with a fifth continuation byte is malformed (MQTT 5, 1.5.5).
    router.push(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0xff, 0x01));
    router.push(Uint8Array.of(0x30, 0x03, 0x00, 0x01, 0x61));
    expect(forwarded).toEqual(['30ffffffff01', '3003000161']);
  });

  it('passes on a PUBLISH whose topic runs past its end, or whose QoS 1 identifier is 0', () => {
    const { router, forwarded } = forwardOnly(4);
    router.push(Uint8Array.of(0x30, 0x03, 0x00, 0x09, 0x61));
    router.push(Uint8Array.of(0x32, 0x05, 0x00, 0x01, 0x61, 0x00, 0x00));
    expect(forwarded).toEqual(['3003000961', '32050001610000']);
  });
});
