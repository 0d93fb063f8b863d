/** Bad input never escapes decode(): every failure is a value with a reason. */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode, decodeWithSchemasOnly, MAX_PAYLOAD_BYTES } from './decode.ts';
import { SEED_OTA_CREATE, SEED_OTA_PROGRESS, SEED_SERVICES_REPLY, PROTOCOL_STATE } from './examples.ts';
import { MAX_JSON_DEPTH } from './json.ts';
import type { Decoded } from './messages.ts';
import { isSubStatus, isTaskStatus } from './status.ts';
import { encoder } from './protocol-test-kit.ts';

const EVENTS = 'thing/product/DOCK1/events';
const KINDS = ['ota_progress', 'ota_create', 'ota_create_reply', 'update_topo', 'state', 'osd', 'ignored', 'invalid'];

/** A valid message per topic family, as the mutation tests' starting points. */
const VALID: readonly [string, string][] = [
  [EVENTS, SEED_OTA_PROGRESS],
  ['thing/product/DOCK1/services', SEED_OTA_CREATE],
  ['thing/product/DOCK1/services_reply', SEED_SERVICES_REPLY],
  ['thing/product/DOCK1/state', PROTOCOL_STATE],
  ['thing/product/DOCK1/osd', JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, data: { mode_code: 3 } })],
  [
    'sys/product/DOCK1/status',
    JSON.stringify({
      tid: 't',
      bid: 'b',
      timestamp: 1,
      method: 'update_topo',
      data: {
        domain: '3',
        type: 2,
        sub_type: 0,
        thing_version: '1',
        sub_devices: [{ sn: 'AC1', domain: '0', type: 91, sub_type: 0, index: 'A' }],
      },
    }),
  ],
];
const TOPICS = [
  ...VALID.map(([topic]) => topic),
  'thing/product/DOCK1/events_reply',
  'sys/product/DOCK1/status_reply',
  'thing/product/DOCK/1/events',
  'x',
];

/** What every decoded value must satisfy, whatever came in. */
function expectWellFormed(decoded: Decoded): void {
  expect(KINDS).toContain(decoded.kind);
  switch (decoded.kind) {
    case 'invalid':
      expect(decoded.reason.length).toBeGreaterThan(0);
      return;
    case 'campaign_record':
      throw new Error('no campaign namespace was given: nothing is a campaign record');
    case 'ota_progress':
      expect(isTaskStatus(decoded.status)).toBe(true);
      // null: no percent in the message (the task keeps the one it had).
      if (decoded.percent !== null) {
        expect(decoded.percent).toBeGreaterThanOrEqual(0);
        expect(decoded.percent).toBeLessThanOrEqual(100);
      }
      expect(decoded.subStatus === null || isSubStatus(decoded.subStatus)).toBe(true);
      expect(Number.isSafeInteger(decoded.result)).toBe(true);
      break;
    case 'ota_create':
      expect(decoded.devices.length).toBeGreaterThanOrEqual(1);
      expect(decoded.devices.length).toBeLessThanOrEqual(2);
      for (const d of decoded.devices) expect(d.sn).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      break;
    case 'update_topo':
      for (const d of decoded.subDevices) expect(d.sn).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      break;
  }
  expect(decoded.meta.gateway).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
}

type Json = fc.JsonValue;

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function mutate(root: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) Reflect.deleteProperty(node, last);
  else node[last] = replacement;
  return root;
}

describe('decode never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TOPICS), fc.uint8Array({ maxLength: 400 }), (topic, bytes) => {
        expectWellFormed(decode(topic, bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary JSON values and text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TOPICS),
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string({ unit: 'binary' }),
        ),
        (topic, text) => {
          expectWellFormed(decode(topic, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on arbitrary envelopes around arbitrary data', () => {
    const envelope = fc.record(
      {
        tid: fc.jsonValue(),
        bid: fc.jsonValue(),
        timestamp: fc.jsonValue(),
        method: fc.constantFrom('ota_progress', 'ota_create', 'update_topo', 'hms', 7),
        gateway: fc.jsonValue(),
        need_reply: fc.jsonValue(),
        data: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...TOPICS), envelope, (topic, message) => {
        expectWellFormed(decode(topic, JSON.stringify(message)));
      }),
      { numRuns: 400 },
    );
  });

  it('on valid messages with fields dropped or replaced by arbitrary values', () => {
    const special = fc.constantFrom<Json>('', -1, 0, 1, 2, 101, 1e308, '__proto__', 'ok', 'DOCK/1', [], {}, null, true);
    const mutation = fc.tuple(fc.nat(), fc.option(fc.oneof(special, fc.jsonValue({ maxDepth: 3 })), { nil: undefined }));
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 3 }), ([topic, text], mutations) => {
        let message = JSON.parse(text) as Json;
        for (const [pick, replacement] of mutations) {
          const paths = pathsOf(message);
          message = mutate(message, paths[pick % paths.length]!, replacement);
        }
        expectWellFormed(decode(topic, encoder.encode(JSON.stringify(message))));
      }),
      { numRuns: 500 },
    );
  });

  it('even when reading the payload itself throws', () => {
    const hostile = new Uint8Array(4);
    Object.defineProperty(hostile, 'byteLength', {
      get() {
        throw new Error('boom');
      },
    });
    expect(decode(EVENTS, hostile)).toMatchObject({ kind: 'invalid', reason: 'could not decode the message: boom' });
  });

  it('on a payload that is neither text nor bytes', () => {
    expect(decode(EVENTS, 42 as unknown as string)).toMatchObject({ kind: 'invalid', reason: 'payload is neither text nor bytes' });
  });
});

describe('the fast path for ota_progress and osd decodes exactly as the schemas do', () => {
  const HOT: readonly [string, string][] = VALID.filter(([topic]) => topic.endsWith('/events') || topic.endsWith('/osd'));
  const same = (topic: string, text: string) => expect(decode(topic, text)).toEqual(decodeWithSchemasOnly(topic, text));
  const special = fc.constantFrom<Json>('', -1, 0, 1, 2, 1.5, 101, 1e308, -0, '12', 'ok', 'failed', 'upgrade_firmware', [], {}, null, true);

  it('on valid messages with fields dropped or replaced', () => {
    const mutation = fc.tuple(fc.nat(), fc.option(fc.oneof(special, fc.jsonValue({ maxDepth: 2 })), { nil: undefined }));
    fc.assert(
      fc.property(fc.constantFrom(...HOT), fc.array(mutation, { minLength: 1, maxLength: 3 }), ([topic, text], mutations) => {
        let message = JSON.parse(text) as Json;
        for (const [pick, replacement] of mutations) {
          const paths = pathsOf(message);
          message = mutate(message, paths[pick % paths.length]!, replacement);
        }
        same(topic, JSON.stringify(message));
      }),
      { numRuns: 600 },
    );
  });

  it('on arbitrary envelopes and progress blocks', () => {
    const value = fc.oneof(special, fc.jsonValue({ maxDepth: 1 }));
    const progress = fc.record(
      { percent: value, step_key: value, current_step: value, step: value, step_result: value },
      { requiredKeys: [] },
    );
    const output = fc.record(
      {
        status: fc.oneof(fc.constantFrom('in_progress', 'ok', 'failed', 'nope'), value),
        sub_status: value,
        progress: fc.oneof(progress, value),
        ext: fc.oneof(fc.record({ rate: value }, { requiredKeys: [] }), value),
      },
      { requiredKeys: [] },
    );
    const message = fc.record(
      {
        tid: value,
        bid: value,
        timestamp: fc.oneof(value, fc.constantFrom('1700000000000', '17000000000000000', '-1', '1e3')),
        method: fc.oneof(fc.constant('ota_progress'), value),
        gateway: value,
        need_reply: value,
        data: fc.oneof(fc.record({ result: value, output: fc.oneof(output, value), mode_code: value }, { requiredKeys: [] }), value),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(EVENTS, 'thing/product/DOCK1/osd'), message, (topic, m) => {
        same(topic, JSON.stringify(m));
      }),
      { numRuns: 600 },
    );
  });

  it('on numbers JSON.parse reads as infinite', () => {
    for (const [topic, text] of HOT) {
      for (const field of ['"timestamp":1', '"percent":', '"mode_code":3']) {
        if (!text.includes(field)) continue;
        same(topic, text.replace(field, field.endsWith(':') ? `${field}1e999,"x":` : `${field.split(':')[0]}:1e999`));
      }
    }
    same(EVENTS, SEED_OTA_PROGRESS.replace('"bid":', '"tid2":1,"bid":').replace(/"tid":"[^"]*"/, '"tid":-1e999'));
  });
});

describe('oversized payloads', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('are rejected by size before any parsing', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = encoder.encode(`{"junk":"${'x'.repeat(MAX_PAYLOAD_BYTES)}"}`);
    expect(decode(EVENTS, huge)).toEqual({
      kind: 'invalid',
      topic: EVENTS,
      reason: `payload is ${huge.byteLength} bytes; the limit is 262144 bytes`,
      size: huge.byteLength,
      family: 'events',
      sn: 'DOCK1',
    });
    expect(parse).not.toHaveBeenCalled();
  });

  it('honour a smaller limit and count text in UTF-8 bytes', () => {
    const text = JSON.stringify({ method: 'hms', data: { note: 'é'.repeat(40) } }); // 2 bytes per é
    const bytes = encoder.encode(text).byteLength;
    expect(decode(EVENTS, text, bytes - 1)).toMatchObject({
      kind: 'invalid',
      size: bytes,
      reason: `payload is ${bytes} bytes; the limit is ${bytes - 1} bytes`,
    });
    expect(decode(EVENTS, text, bytes)).toMatchObject({ kind: 'ignored', meta: { size: bytes } });
  });

  it('accept a message of exactly the limit', () => {
    const bytes = encoder.encode(SEED_OTA_PROGRESS);
    expect(decode(EVENTS, bytes, bytes.byteLength).kind).toBe('ota_progress');
  });
});

describe('malformed payloads', () => {
  it.each([
    [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'payload is not valid UTF-8'],
    [new Uint8Array([0xc3, 0x28]), 'payload is not valid UTF-8'],
    ['{"tid": ', 'payload is not valid JSON'],
    ['', 'payload is not valid JSON'],
    ["{'single': 'quotes'}", 'payload is not valid JSON'],
    ['[1,2]', 'payload is not a JSON object (got an array)'],
    ['42', 'payload is not a JSON object (got 42)'],
    ['"text"', 'payload is not a JSON object (got "text")'],
    ['null', 'payload is not a JSON object (got null)'],
    ['['.repeat(200_000), `payload nests deeper than ${MAX_JSON_DEPTH} levels`],
    [`{"data":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`, `payload nests deeper than ${MAX_JSON_DEPTH} levels`],
  ])('%#: %s', (payload, reason) => {
    expect(decode(EVENTS, payload)).toMatchObject({ kind: 'invalid', reason, family: 'events', sn: 'DOCK1' });
  });

  it('does not count brackets inside strings as nesting', () => {
    const message = { ...JSON.parse(SEED_OTA_PROGRESS), note: '[[[[{{{{'.repeat(20) + '\\"[[[' };
    expect(decode(EVENTS, JSON.stringify(message)).kind).toBe('ota_progress');
  });

  it('decodes a byte view that starts inside a larger buffer', () => {
    const inner = encoder.encode(SEED_OTA_PROGRESS);
    const buffer = new Uint8Array(inner.byteLength + 10);
    buffer.set(inner, 5);
    expect(decode(EVENTS, buffer.subarray(5, 5 + inner.byteLength))).toMatchObject({
      kind: 'ota_progress',
      meta: { size: inner.byteLength },
    });
  });

  it.each([
    ['thing/product/DOCK 1/events', "topic SN is not valid: SN contains a space; only letters, digits, '-' and '_' are allowed"],
    ['thing/product/DOCK1/requests', 'topic "thing/product/DOCK1/requests" is not an OTA console topic'],
  ])('rejects topic %s', (topic, reason) => {
    expect(decode(topic, SEED_OTA_PROGRESS)).toMatchObject({ kind: 'invalid', topic, reason, family: null, sn: null });
  });
});

describe('prototype keys', () => {
  it('never reach Object.prototype or the decoded values', () => {
    const text = SEED_OTA_PROGRESS.replace(
      '"bid"',
      '"__proto__":{"polluted":true,"status":"ok"},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},"bid"',
    );
    const decoded = decode(EVENTS, text);
    expect(decoded.kind).toBe('ota_progress');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (decoded.kind !== 'ota_progress') return;
    // The decoded values are those of the payload without the keys; the raw log keeps the text as sent.
    const clean = decode(EVENTS, SEED_OTA_PROGRESS);
    if (clean.kind !== 'ota_progress') throw new Error('the documented example must decode');
    expect(decoded).toEqual({ ...clean, meta: { ...clean.meta, text, size: decoded.meta.size } });
  });

  it('cannot supply a required field through __proto__', () => {
    const message = JSON.parse(SEED_OTA_PROGRESS);
    delete message.data.output.status;
    const text = JSON.stringify(message).replace('"output":{', '"output":{"__proto__":{"status":"ok"},');
    expect(decode(EVENTS, text)).toMatchObject({ kind: 'invalid', reason: 'ota_progress: data.output.status is missing' });
  });

  it('are dropped even when spelled with JSON escapes', () => {
    const text = SEED_OTA_PROGRESS.replace('"bid"', '"\\u005f_proto__":{"polluted":true},"bid"');
    const decoded = decode(EVENTS, text);
    expect(decoded.kind).toBe('ota_progress');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
